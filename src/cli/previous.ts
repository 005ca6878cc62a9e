/**
 * `--previous`: last year's returned workbooks, each checked with its own ruleset, matched to this
 * year's by 行政区划代码 (spec/CLI.md, "Across years"; the matching and the notices are
 * core/years/previous, shared with the web page). Files that cannot be read, are not the template
 * or match no district are reported one line each; the run goes on without them, and they do not
 * change the exit status (that is about this year's workbooks).
 */
import type { LedgerRow } from '../core/ledger';
import type { Ruleset } from '../core/ruleset/model';
import type { District, Report } from '../core/types';
import {
  applyLastYear,
  lastYearOf,
  lastYearUse,
  type Candidate,
  type CompareOptions,
  type LastYear,
} from '../core/years';
import type { Io } from './check';
import { expandInputs } from './inputs';
import { CLI_TEXT as T } from './text';
import { checkFile, type Checked } from './workbooks';

export type { LastYear };

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
    if (!lastYearOf(c.report.district, this.candidates)) return c.report;
    const input = { report: c.report, snapshot: await c.host.readSnapshot(), ruleset: c.ruleset };
    c.report = applyLastYear(input, this.candidates, { ...this.options, review: this.review });
    return c.report;
  }

  /** One line for each of last year's workbooks not used, and each district without one. */
  reportUnused(io: Io, say: (line: string) => void = io.out): void {
    const use = lastYearUse(this.seen, this.candidates);
    for (const u of use.unused) io.err(T.previousUnused(u.file, u.reason));
    for (const line of use.without) say(T.previousNone(line));
  }
}
