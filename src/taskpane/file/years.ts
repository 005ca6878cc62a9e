/**
 * Across years on the page (issue 13), the parts without React: where the years chunk comes from,
 * last year's checked workbooks as candidates for matching, what of them was not used, and which
 * of this year's workbooks are two returns of one district.
 */
import type { BatchStatus } from '../../core/batch';
import { DEFAULT_DECISION, type Decision } from '../../core/ledger';
import { findingKey, type Decisions } from '../../core/review';
import type { District } from '../../core/types';
import { matchPrevious, pickPrevious, type Candidate } from '../../core/years/match';
import { YEARS_MSG } from '../../core/years/messages';
import type { LastYear } from '../../core/years/previous';
import type { Strings } from '../../i18n';
import { badLine, type FileLike } from './readFiles';
import { isChecked, type BatchEntry, type CheckedEntry, type Engines } from './types';
import type { Confirmed } from './useNextYear';
import type { WorkbookSource, YearsEngine } from './yearsTypes';

/** The review's decision that makes a warning a problem to carry into next year. */
const CONFIRMED: Decision = '确认问题';

/** The years chunk: the one given (tests), or ExcelJS's own lazily loaded chunk. */
export function loadYearsEngine(engines: Engines): Promise<YearsEngine> {
  return engines.years
    ? engines.years()
    : import(/* webpackChunkName: "years" */ './yearsEngine').then((m) => m.yearsEngine);
}

/** Last year's workbooks that could be checked, for matching by 行政区划代码. */
export function candidatesOf(entries: readonly BatchEntry[]): Candidate<LastYear>[] {
  return entries.filter(isChecked).map((e) => ({
    file: e.file,
    district: e.outcome.report.district,
    item: { report: e.outcome.report, ruleset: e.outcome.ruleset },
  }));
}

/** Last year's workbook of a district of this year, if one was given. */
export function lastYearFor(district: District, candidates: readonly Candidate<LastYear>[]) {
  return pickPrevious(district, candidates);
}

/**
 * One line for each of last year's files not used (unreadable, of no district of this year, of
 * another year, a second of one district) and one per district of this year without one, as
 * `check --previous` prints them; nothing when no file of last year was given.
 */
export function lastYearLines(
  previous: readonly BatchEntry[],
  current: readonly District[],
  strings: Strings,
): { unused: string[]; without: string[] } {
  if (!previous.length) return { unused: [], without: [] };
  const candidates = candidatesOf(previous);
  const colon = strings.file.colon;
  const unused = [
    ...previous.flatMap((e) =>
      e.outcome.status === 'checked' ? [] : [`${e.file}${colon}${badLine(e.outcome, strings)}`],
    ),
    ...matchPrevious(current, candidates).unused.map((u) => `${u.file}${colon}${u.reason}`),
  ];
  const seen = new Set<string>();
  const without: string[] = [];
  for (const d of current) {
    const key = `${d.code}\u0000${d.name}`;
    if (seen.has(key) || pickPrevious(d, candidates)) continue;
    seen.add(key);
    without.push(YEARS_MSG.noPrevious(d.name, d.code));
  }
  return { unused, without };
}

/** A workbook as the years chunk reads it: the check's snapshot when kept, else the file's bytes. */
export async function sourceOf(entry: CheckedEntry, file: FileLike | undefined): Promise<WorkbookSource | null> {
  if (entry.outcome.snapshot) return { snapshot: await entry.outcome.snapshot() };
  const bytes = await bytesOf(file);
  return bytes ? { bytes } : null;
}

export async function bytesOf(file: FileLike | undefined): Promise<Uint8Array | null> {
  return file ? new Uint8Array(await file.arrayBuffer()) : null;
}

/** Two returns of one district: the earlier one (set aside as superseded) and the one that counts. */
export interface ReturnPair {
  key: string;
  name: string;
  before: CheckedEntry;
  after: CheckedEntry;
}

/** Each superseded return with the return of its district that counts, in the order of `checked`. */
export function returnPairs(checked: readonly CheckedEntry[], status: ReadonlyMap<number, BatchStatus>): ReturnPair[] {
  const pairs: ReturnPair[] = [];
  for (const before of checked) {
    const s = status.get(before.id);
    if (!s || s.included || s.reason !== 'superseded') continue;
    const code = before.outcome.report.district.code;
    const after = checked.find(
      (e) => e.id !== before.id && e.outcome.report.district.code === code && status.get(e.id)?.included,
    );
    if (!after) continue;
    const name = after.outcome.report.district.name || code;
    pairs.push({ key: `${before.id}-${after.id}`, name, before, after });
  }
  return pairs;
}

/** The review's decisions as next year's filter: a warning not decided otherwise is a confirmed problem. */
export function confirmedBy(decisions: Decisions): Confirmed {
  return (code, f) => (decisions.get(findingKey(code, f))?.decision ?? DEFAULT_DECISION) === CONFIRMED;
}
