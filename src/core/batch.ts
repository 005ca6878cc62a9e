/**
 * A reviewer's batch (spec/CLI.md, "A batch of several workbooks"): which workbooks count for the
 * city. Two workbooks of one 行政区划代码 are one district (the later 填报日期 wins, then the later
 * file); a workbook of another 所属地市, 评价年度 or ruleset than most is set aside. Left-out
 * workbooks are still checked; they enter no city figure, comparison or draft.
 */
import type { Report } from './types';

export interface BatchItem {
  file: string;
  report: Report;
  /** the file's modification time (ms), to break a tie of 填报日期 */
  modified?: number;
}

export type BatchReason = 'superseded' | 'other-city' | 'other-year' | 'other-ruleset';

export type BatchStatus = { included: true } | { included: false; reason: BatchReason; detail: string };

export const BATCH_TEXT = {
  superseded: (file: string) => `同一地区另有较新的填报表“${file}”`,
  otherCity: (found: string, most: string) => `所属地市为“${found || '（未填写）'}”，本批多数为“${most}”`,
  otherYear: (found: string, most: string) =>
    found ? `评价年度为“${found}”，本批多数为“${most}”` : `评价年度未填写或无效，本批多数为“${most}”`,
  otherRuleset: (found: string, most: string) => `模板版本为“${found || '（未填写）'}”，本批多数为“${most}”`,
} as const;

/** The value most items give, ignoring blanks (ties: the first met). */
function mostCommon(values: readonly string[]): string {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  let best = '';
  for (const [v, k] of n) if (!best || k > (n.get(best) ?? 0)) best = v;
  return best;
}

/** Whether `a` was returned after `b`: the later 填报日期, then the later file. */
function later(a: BatchItem, b: BatchItem): boolean {
  const da = a.report.district.date ?? '';
  const db = b.report.district.date ?? '';
  if (da !== db) return da > db;
  return (a.modified ?? 0) > (b.modified ?? 0);
}

/** Each item's place in the batch, in the order given. Only checked workbooks are considered. */
export function classifyBatch(items: readonly BatchItem[]): BatchStatus[] {
  const checked = items.filter((i) => i.report.status === 'checked');
  const most = {
    city: mostCommon(checked.map((i) => i.report.district.city.trim())),
    year: mostCommon(checked.map((i) => (i.report.district.year === null ? '' : String(i.report.district.year)))),
    ruleset: mostCommon(checked.map((i) => i.report.rulesetVersion)),
  };
  const out: BatchStatus[] = items.map((item) => {
    const d = item.report.district;
    const year = d.year === null ? '' : String(d.year);
    if (most.city && d.city.trim() !== most.city) {
      return { included: false, reason: 'other-city', detail: BATCH_TEXT.otherCity(d.city.trim(), most.city) };
    }
    if (most.year && year !== most.year) {
      return { included: false, reason: 'other-year', detail: BATCH_TEXT.otherYear(year, most.year) };
    }
    if (most.ruleset && item.report.rulesetVersion !== most.ruleset) {
      const found = item.report.rulesetVersion || item.report.templateVersion;
      return { included: false, reason: 'other-ruleset', detail: BATCH_TEXT.otherRuleset(found, most.ruleset) };
    }
    return { included: true };
  });
  // one district, one workbook: the latest of those still in
  const byCode = new Map<string, number>();
  items.forEach((item, i) => {
    const code = item.report.district.code;
    if (!out[i]!.included || !code) return;
    const j = byCode.get(code);
    if (j === undefined) {
      byCode.set(code, i);
      return;
    }
    const [keep, drop] = later(item, items[j]!) ? [i, j] : [j, i];
    out[drop] = { included: false, reason: 'superseded', detail: BATCH_TEXT.superseded(items[keep]!.file) };
    byCode.set(code, keep);
  });
  return out;
}
