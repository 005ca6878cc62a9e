/**
 * `--previous`: last year's returned workbooks, each checked with its own ruleset, matched to this
 * year's by 行政区划代码 (spec/CLI.md, "Across years"). Files that cannot be read, are not the
 * template or match no district are reported one line each; the run goes on without them, and
 * they do not change the exit status (that is about this year's workbooks).
 */
import { basename } from 'node:path';
import type { Ruleset } from '../core/ruleset/model';
import { isConfirmed, type LedgerRow } from '../core/ledger';
import type { District, Finding, Report } from '../core/types';
import {
  checkAgainstLastYear,
  matchPrevious,
  pickPrevious,
  YEARS_MSG,
  type Candidate,
  type CompareOptions,
} from '../core/years';
import type { Io } from './check';
import { expandInputs } from './inputs';
import { CLI_TEXT as T } from './text';
import { checkFile, type Checked } from './workbooks';

export interface LastYear {
  report: Report;
  ruleset: Ruleset;
}

export class PreviousYears {
  private readonly seen: District[] = [];

  private constructor(
    private readonly candidates: Candidate<LastYear>[],
    private readonly options: CompareOptions,
    /** last year's review ledger: only its confirmed problems must be listed in 问题整改 */
    private readonly review: readonly LedgerRow[] | null,
  ) {}

  /** Reads and checks last year's workbooks; null when `--previous` was not given. */
  static async load(
    args: readonly string[] | undefined,
    rulesets: readonly Ruleset[],
    now: Date,
    io: Io,
    options: CompareOptions = {},
    review: readonly LedgerRow[] | null = null,
  ): Promise<PreviousYears | null> {
    if (!args?.length) return null;
    const inputs = expandInputs(args);
    for (const m of inputs.missing) io.err(T.previousMissing(m));
    for (const s of inputs.skipped) io.err(T.previousUnused(s.file, s.reason));
    const candidates: Candidate<LastYear>[] = [];
    for (const file of inputs.files) {
      const c = await checkFile(file, rulesets, now);
      if (c.status !== 'checked') {
        io.err(T.previousUnreadable(file, c.reason));
        continue;
      }
      candidates.push({ file, district: c.report.district, item: { report: c.report, ruleset: c.ruleset } });
    }
    io.out(T.previousLoaded(candidates.length));
    return new PreviousYears(candidates, options, review);
  }

  /** This year's checked workbook with the comparison's notices added to its report (before it is marked). */
  async apply(c: Checked & { status: 'checked' }): Promise<Report> {
    this.seen.push(c.report.district);
    const last = pickPrevious(c.report.district, this.candidates);
    if (!last) return c.report;
    const snapshot = await c.host.readSnapshot();
    const code = last.item.report.district.code;
    const review = this.review;
    const options = review
      ? { ...this.options, confirmed: (f: Finding) => isConfirmed(review, code, f) }
      : this.options;
    c.report = checkAgainstLastYear(
      { report: c.report, snapshot, ruleset: c.ruleset },
      { report: last.item.report, ruleset: last.item.ruleset, file: basename(last.file) },
      options,
    );
    return c.report;
  }

  /** One line for each of last year's workbooks not used, and each district without one. */
  reportUnused(io: Io, say: (line: string) => void = io.out): void {
    for (const u of matchPrevious(this.seen, this.candidates).unused) io.err(T.previousUnused(u.file, u.reason));
    for (const d of this.seen) {
      if (!pickPrevious(d, this.candidates)) say(T.previousNone(YEARS_MSG.noPrevious(d.name, d.code)));
    }
  }
}
