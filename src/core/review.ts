/**
 * The reviewer's round on a batch, the same from the command (`feedback --review`) and the page:
 * the decisions of a review ledger applied to the included workbooks, the batch's comparisons,
 * and the drafts that follow them — every district's letter and the city draft. The drafter is
 * passed in, so that the page keeps it in its own chunk.
 */
import { cityFindings, cityLeads, type CityFinding } from './city';
import type { CityDraftOptions } from './feedback/city';
import type { DistrictDraftOptions } from './feedback/district';
import { DEFAULT_DECISION, applyLedger, ledgerKey, ledgerRows, type Decision, type LedgerRow } from './ledger';
import type { Ruleset } from './ruleset/model';
import type { Draft, Finding, Report } from './types';

/** A warning's decision and the reviewer's note (审核说明). */
export interface Decided {
  decision: Decision;
  note: string;
}

/** The decisions of a batch, by ledgerKey (行政区划代码 + 规则 + 单元格). */
export type Decisions = ReadonlyMap<string, Decided>;

/** The key of a district's warning in Decisions. */
export function findingKey(code: string, f: Pick<Finding, 'rule' | 'cell'>): string {
  return ledgerKey(code, f.rule, f.cell);
}

/** The ledger of the reports with the decisions made so far (the others 确认问题, no note). */
export function decidedRows(reports: readonly Report[], decisions: Decisions): LedgerRow[] {
  return ledgerRows(reports).map((row) => {
    const d = decisions.get(ledgerKey(row.code, row.rule, row.cell));
    return d ? { ...row, decision: d.decision, note: d.note } : row;
  });
}

/**
 * A loaded ledger against the batch's warnings: the decisions of the rows that match one (a row
 * matching nothing is returned in `unmatched`, never dropped).
 */
export function matchLedger(
  reports: readonly Report[],
  rows: readonly LedgerRow[],
): { decisions: Map<string, Decided>; unmatched: LedgerRow[] } {
  const { unmatched } = applyLedger(reports, rows);
  const left = new Set(unmatched);
  const decisions = new Map<string, Decided>();
  for (const row of rows)
    if (!left.has(row))
      decisions.set(ledgerKey(row.code, row.rule, row.cell), { decision: row.decision, note: row.note });
  return { decisions, unmatched };
}

/** How many warnings have each decision (those not decided count as the default). */
export function decisionCounts(reports: readonly Report[], decisions: Decisions): Record<Decision, number> {
  const counts: Record<Decision, number> = { 确认问题: 0, 采纳说明: 0, 退回补充: 0 };
  for (const row of decidedRows(reports, decisions)) counts[row.decision]++;
  return counts;
}

/** Whether the decisions change anything: some warning is not simply 确认问题 without a note. */
export function anyDecided(decisions: Decisions): boolean {
  return [...decisions.values()].some((d) => d.decision !== DEFAULT_DECISION || d.note.trim() !== '');
}

/** A workbook of the batch: its report and the ruleset that checked it. */
export interface BatchWorkbook {
  report: Report;
  ruleset: Ruleset;
}

/** The drafting functions (core/feedback), given by the caller. */
export interface Drafter {
  districtDraft(report: Report, ruleset: Ruleset, opts?: DistrictDraftOptions): Draft;
  cityDraft(reports: readonly Report[], ruleset: Ruleset, opts?: CityDraftOptions): Draft;
}

/** The workbooks of the ruleset most of them were checked with: the city's batch. */
export function majorityBatch(workbooks: readonly BatchWorkbook[]): { ruleset: Ruleset | null; reports: Report[] } {
  const n = new Map<string, number>();
  for (const w of workbooks) n.set(w.ruleset.version, (n.get(w.ruleset.version) ?? 0) + 1);
  const version = [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = workbooks.filter((w) => w.ruleset.version === version);
  return { ruleset: mine[0]?.ruleset ?? null, reports: mine.map((w) => w.report) };
}

/**
 * The included workbooks as the reviewer decided (`rows`: the ledger; none: as checked), and the
 * comparisons of the batch (two or more workbooks of one ruleset).
 */
export function reviewBatch<W extends BatchWorkbook>(
  included: readonly W[],
  rows: readonly LedgerRow[] | null,
): { workbooks: W[]; unmatched: LedgerRow[]; comparisons: CityFinding[]; ruleset: Ruleset | null; reports: Report[] } {
  let workbooks = [...included];
  let unmatched: LedgerRow[] = [];
  if (rows) {
    const applied = applyLedger(
      included.map((w) => w.report),
      rows,
    );
    workbooks = included.map((w, k) => ({ ...w, report: applied.reports[k]! }));
    unmatched = applied.unmatched;
  }
  const batch = majorityBatch(workbooks);
  const comparisons = workbooks.length > 1 && batch.ruleset ? cityFindings(batch.reports, batch.ruleset) : [];
  return { workbooks, unmatched, comparisons, ...batch };
}

export interface BatchDraftOptions {
  now?: Date;
  cityName?: string;
}

/**
 * The drafts of a reviewed batch: each workbook's letter (saying what the comparisons say of its
 * district, when it is of the batch's ruleset) and, with two or more workbooks, the city draft.
 */
export function batchDrafts(
  drafter: Drafter,
  reviewed: ReturnType<typeof reviewBatch>,
  opts: BatchDraftOptions = {},
): { letters: Draft[]; city: Draft | null } {
  const { workbooks, comparisons, ruleset, reports } = reviewed;
  const now = opts.now ? { now: opts.now } : {};
  const leads = workbooks.length > 1 && ruleset ? cityLeads(reports, ruleset) : [];
  const letters = workbooks.map((w) =>
    drafter.districtDraft(w.report, w.ruleset, {
      ...now,
      city: reports.includes(w.report) ? comparisons : [],
      leads: reports.includes(w.report) ? leads : [],
    }),
  );
  const city =
    workbooks.length > 1 && ruleset
      ? drafter.cityDraft(reports, ruleset, { ...now, ...(opts.cityName ? { cityName: opts.cityName } : {}) })
      : null;
  return { letters, city };
}
