/**
 * The review ledger 审核台账 (spec/FEEDBACK.md, "Review ledger"): the reviewer's decision on every
 * warning of a batch — 确认问题, 采纳说明 (the explanation is accepted: not a problem) or 退回补充 —
 * and how the drafts follow it. Rows are matched to findings by 行政区划代码 + 规则 + 单元格.
 */
import { compareByCode, districtName } from './feedback/common';
import { countLevels } from './validate';
import type { Finding, Report } from './types';

export const LEDGER_SHEET = '审核台账';
export const LEDGER_COLUMNS = [
  '序号',
  '地区',
  '行政区划代码',
  '指标编号',
  '规则',
  '工作表',
  '单元格',
  '问题说明',
  '情况说明',
  '审核意见',
  '审核说明',
] as const;

export const DECISIONS = ['确认问题', '采纳说明', '退回补充'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DEFAULT_DECISION: Decision = '确认问题';

export interface LedgerRow {
  /** the row of the ledger sheet it was read from (for messages) */
  row?: number;
  district: string;
  code: string;
  indicator: string;
  rule: string;
  sheet: string;
  cell: string;
  message: string;
  explanation: string;
  decision: Decision;
  note: string;
}

/** One row per warning of the reports, districts by 行政区划代码, findings in their order. */
export function ledgerRows(reports: readonly Report[]): LedgerRow[] {
  return [...reports]
    .filter((r) => r.status === 'checked')
    .sort(compareByCode)
    .flatMap((r) =>
      r.findings
        .filter((f) => f.level === 'warning')
        .map((f) => ({
          district: districtName(r),
          code: r.district.code,
          indicator: f.indicator ?? '',
          rule: f.rule,
          sheet: f.sheet,
          cell: f.cell,
          message: f.message,
          explanation: f.explanation ?? '',
          decision: DEFAULT_DECISION,
          note: '',
        })),
    );
}

/** The cells of a row, in LEDGER_COLUMNS order. */
export function ledgerCells(row: LedgerRow, n: number): (string | number)[] {
  return [
    n,
    row.district,
    row.code,
    row.indicator,
    row.rule,
    row.sheet,
    row.cell,
    row.message,
    row.explanation,
    row.decision,
    row.note,
  ];
}

export const LEDGER_TEXT = {
  unmatched: (row: LedgerRow) =>
    `审核台账第 ${row.row ?? '?'} 行（${row.district || row.code} ${row.rule} ${row.cell}）与本批填报表中的问题对不上，未采用`,
  badDecision: (row: number, text: string) =>
    `审核台账第 ${row} 行的审核意见“${text}”无效，应为“确认问题”“采纳说明”或“退回补充”；按“确认问题”处理`,
} as const;

/** Whether a ledger confirms a district's warning as a problem (确认问题). */
export function isConfirmed(rows: readonly LedgerRow[], code: string, f: Finding): boolean {
  return rows.some(
    (r) =>
      r.code === code &&
      r.rule === f.rule &&
      r.cell.toUpperCase() === f.cell.toUpperCase() &&
      r.decision === '确认问题',
  );
}

/** How a row and a warning are matched: 行政区划代码 + 规则 + 单元格 (the cell in any case). */
export const ledgerKey = (code: string, rule: string, cell: string) =>
  `${code.trim()}\u0000${rule.trim()}\u0000${cell.trim().toUpperCase()}`;

/**
 * The reports as the reviewer decided: a warning whose explanation is accepted (采纳说明) is no
 * longer a problem; one sent back (退回补充) carries `review` and leaves the problems for the annex
 * of matters to complete. Rows that match no warning are returned, never silently dropped.
 */
export function applyLedger(
  reports: readonly Report[],
  rows: readonly LedgerRow[],
): { reports: Report[]; unmatched: LedgerRow[] } {
  const decided = new Map(rows.map((r) => [ledgerKey(r.code, r.rule, r.cell), r]));
  const used = new Set<string>();
  const out = reports.map((report) => {
    if (report.status !== 'checked') return report;
    const findings: Finding[] = [];
    for (const f of report.findings) {
      const k = ledgerKey(report.district.code, f.rule, f.cell);
      const row = f.level === 'warning' ? decided.get(k) : undefined;
      if (row) used.add(k);
      if (row?.decision === '采纳说明') continue;
      findings.push(row?.decision === '退回补充' ? { ...f, review: row.decision, reviewNote: row.note } : f);
    }
    const counts = countLevels(findings);
    return { ...report, findings, counts };
  });
  const unmatched = rows.filter((r) => !used.has(ledgerKey(r.code, r.rule, r.cell)));
  return { reports: out, unmatched };
}
