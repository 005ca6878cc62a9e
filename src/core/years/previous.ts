/**
 * Last year's returned workbooks as an input (spec/CLI.md, "Across years"), shared by the command
 * (`--previous`) and the web page: each of this year's districts gets the notices of comparing it
 * with last year's workbook of its 行政区划代码, and every one of last year's workbooks not used,
 * and every district without one, is said in one line. Reading the files is the host's business.
 */
import { isConfirmed, type LedgerRow } from '../ledger';
import type { Ruleset } from '../ruleset/model';
import type { District, Finding, Report } from '../types';
import { compareYears, withFindings, type CompareOptions, type YearInput } from './compare';
import { matchPrevious, pickPrevious, type Candidate } from './match';
import { YEARS_MSG as M } from './messages';

/** Last year's workbook, checked with its own ruleset. */
export interface LastYear {
  report: Report;
  ruleset: Ruleset;
}

export interface LastYearOptions extends CompareOptions {
  /** last year's review ledger: only its confirmed problems must be listed in 问题整改 */
  review?: readonly LedgerRow[] | null;
}

/** The last part of a path (either separator): messages name a file, not where it was. */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Last year's workbook of this year's district, among those given (the first of its code and year). */
export function lastYearOf(
  district: District,
  candidates: readonly Candidate<LastYear>[],
): Candidate<LastYear> | undefined {
  return pickPrevious(district, candidates);
}

/** The notices of this year's workbook against last year's `last` of the same district. */
export function lastYearNotices(input: YearInput, last: Candidate<LastYear>, options: LastYearOptions = {}): Finding[] {
  const { review, ...compare } = options;
  const code = last.item.report.district.code;
  const withReview: CompareOptions = review
    ? { ...compare, confirmed: (f: Finding) => isConfirmed(review, code, f) }
    : compare;
  return compareYears(
    input,
    { report: last.item.report, ruleset: last.item.ruleset, file: fileNameOf(last.file) },
    withReview,
  );
}

/** This year's report with the notices of last year's workbook of its district, or as it was when none. */
export function applyLastYear(
  input: YearInput,
  candidates: readonly Candidate<LastYear>[],
  options: LastYearOptions = {},
): Report {
  const last = lastYearOf(input.report.district, candidates);
  if (!last) return input.report;
  return withFindings(input.report, lastYearNotices(input, last, options), input.ruleset);
}

export interface LastYearUse {
  /** last year's workbooks not used, each with why */
  unused: { file: string; reason: string }[];
  /** one sentence per district of this year without last year's workbook */
  without: string[];
}

/** What of last year's workbooks was not used, and which of this year's districts had none. */
export function lastYearUse(current: readonly District[], candidates: readonly Candidate<LastYear>[]): LastYearUse {
  return {
    unused: matchPrevious(current, candidates).unused,
    without: current.filter((d) => !lastYearOf(d, candidates)).map((d) => M.noPrevious(d.name, d.code)),
  };
}
