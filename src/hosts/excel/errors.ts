/** Turns what Excel throws into sentences a district clerk can act on. */
import type { HostStrings } from '../../i18n';

/** An error whose message is already written for the user, in the UI language. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly severity: 'error' | 'warning' = 'error',
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** The error code Office.js puts on its errors (OfficeExtension.Error), if any. */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** `sheet` is the sheet the operation was about, when there is one. */
export function hostError(e: unknown, s: HostStrings, sheet?: string): HostError {
  if (e instanceof HostError) return e;
  const message = e instanceof Error ? e.message : String(e);
  switch (officeCode(e)) {
    case 'InvalidOperationInCellEditMode':
      return new HostError(s.editing);
    case 'AccessDenied':
      return new HostError(sheet ? s.sheetProtected(sheet) : s.office(message));
    case 'ItemNotFound':
      return new HostError(sheet ? s.sheetMissing(sheet) : s.office(message));
    case 'ApiNotFound':
      return new HostError(s.unsupported);
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError(s.tooLarge);
    default:
      return new HostError(s.office(message));
  }
}
