/**
 * The ruleset loaded on the page, kept in this browser (localStorage) in its JSON form, so that it
 * is still used next time. Storage may be missing or refuse (private windows, a full quota, an
 * Office web view that forbids it): then nothing is kept, and nothing fails.
 */

/** The ruleset's JSON form (rulesetJson). */
export const STORE_KEY = 'duty-review.ruleset';
/** The name of the file it was loaded from. */
export const STORE_FILE_KEY = 'duty-review.ruleset.file';

export interface Stored {
  json: string;
  file: string;
}

/** The browser's localStorage, or null when there is none or it may not be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : (window.localStorage ?? null);
  } catch {
    return null;
  }
}

export function readStored(storage: Storage | null): Stored | null {
  if (!storage) return null;
  try {
    const json = storage.getItem(STORE_KEY);
    return json ? { json, file: storage.getItem(STORE_FILE_KEY) ?? '' } : null;
  } catch {
    return null;
  }
}

/** Keeps a ruleset; false when the browser would not keep it. */
export function writeStored(storage: Storage | null, stored: Stored): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORE_KEY, stored.json);
    storage.setItem(STORE_FILE_KEY, stored.file);
    return true;
  } catch {
    clearStored(storage);
    return false;
  }
}

export function clearStored(storage: Storage | null): void {
  if (!storage) return;
  try {
    storage.removeItem(STORE_KEY);
    storage.removeItem(STORE_FILE_KEY);
  } catch {
    // nothing kept, nothing to remove
  }
}
