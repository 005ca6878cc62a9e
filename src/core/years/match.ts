/**
 * Which of last year's workbooks goes with which of this year's: the same 行政区划代码, and a
 * 评价年度 one less (when both are known). Those that cannot be used say why, one line each.
 */
import type { District } from '../types';
import { YEARS_MSG as M } from './messages';

export interface Candidate<T> {
  file: string;
  district: District;
  item: T;
}

export interface Matched<T> {
  /** last year's workbook by this year's 行政区划代码 */
  byCode: Map<string, Candidate<T>>;
  /** last year's workbooks not used, each with why */
  unused: { file: string; reason: string }[];
}

/** Last year's workbook for one of this year's districts: the first of its code and of the year before. */
export function pickPrevious<T>(district: District, previous: readonly Candidate<T>[]): Candidate<T> | undefined {
  if (!district.code) return undefined;
  return previous.find(
    (p) => p.district.code === district.code && (!district.year || p.district.year === district.year - 1),
  );
}

/** Matches last year's workbooks to this year's districts; the first of a district wins. */
export function matchPrevious<T>(current: readonly District[], previous: readonly Candidate<T>[]): Matched<T> {
  const years = new Map<string, number | null>();
  for (const d of current) if (d.code && !years.has(d.code)) years.set(d.code, d.year);
  const byCode = new Map<string, Candidate<T>>();
  const unused: Matched<T>['unused'] = [];
  for (const p of previous) {
    const code = p.district.code;
    if (!code) {
      unused.push({ file: p.file, reason: M.noCode });
      continue;
    }
    if (!years.has(code)) {
      unused.push({ file: p.file, reason: M.noMatch(code) });
      continue;
    }
    const year = years.get(code);
    if (year && p.district.year !== year - 1) {
      unused.push({ file: p.file, reason: M.otherYear(p.district.year, year - 1) });
      continue;
    }
    const first = byCode.get(code);
    if (first) {
      unused.push({ file: p.file, reason: M.duplicate(first.file) });
      continue;
    }
    byCode.set(code, p);
  }
  return { byCode, unused };
}
