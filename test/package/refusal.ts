/** What the package reader says of bytes it will not open. */
import { UnreadableError } from '../../src/hosts/file/package/limits';
import { openPackage } from '../../src/hosts/file/package/open';

/** The reason openPackage refuses the bytes with, or null when it opens them. */
export function refusal(bytes: Uint8Array): string | null {
  try {
    openPackage(bytes);
    return null;
  } catch (e) {
    if (e instanceof UnreadableError) return e.reason;
    throw e;
  }
}
