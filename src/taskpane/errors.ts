/** Every failure becomes a sentence in the UI language; the pane never goes blank. */
import type { Strings } from '../i18n';

/** A failure the pane itself phrased for the user, shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** An error whose message is already written for the user (a host's HostError, a RulesetError, a UserError). */
function userMessage(e: unknown): string | undefined {
  if (e instanceof Error && (e.name === 'HostError' || e.name === 'RulesetError' || e.name === 'UserError'))
    return e.message;
  return undefined;
}

export function describeError(e: unknown, strings: Strings): string {
  const ready = userMessage(e);
  if (ready) return ready;
  if (e && typeof e === 'object' && 'code' in e && e instanceof Error) return strings.errors.office(e.message);
  if (e instanceof Error && e.message) return strings.errors.generic(e.message);
  if (typeof e === 'string' && e) return strings.errors.generic(e);
  return strings.errors.unknown;
}

/** Warnings (a HostError of severity "warning") are shown calmer than errors. */
export function isWarning(e: unknown): boolean {
  return e instanceof Error && (e as Error & { severity?: string }).severity === 'warning';
}
