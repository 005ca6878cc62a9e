/** The order districts are listed in: by 行政区划代码, as in the feedback drafts. */
import { compareByCode } from '../../core/feedback/common';
import type { CheckedEntry } from './types';

export function byCode(entries: readonly CheckedEntry[]): CheckedEntry[] {
  return [...entries].sort(
    (a, b) => compareByCode(a.outcome.report, b.outcome.report) || a.file.localeCompare(b.file, 'zh'),
  );
}
