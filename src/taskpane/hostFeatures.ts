/**
 * What a host may offer beyond WorkbookHost. The task pane checks for it at run time, so that a
 * host without it (the file host) simply goes without.
 */
import type { WorkbookHost } from '../hosts/host';

export interface ChangeWatcher {
  /** Calls `listener` on the user's edits; resolves to a stop function, or null when unsupported. */
  watchChanges(listener: () => void): Promise<(() => Promise<void>) | null>;
}

export function canWatchChanges(host: WorkbookHost): host is WorkbookHost & ChangeWatcher {
  return typeof (host as Partial<ChangeWatcher>).watchChanges === 'function';
}
