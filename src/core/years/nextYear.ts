/**
 * Next year's workbook of a district, as data: 基本信息 (评价年度 + 1, the next 模板版本), every
 * 上年值 from this year's 本年值 of the same indicator id, and the 问题整改 rows of every problem
 * found this year (spec/CLI.md): one per indicator warning, one per 清单 rule and sheet (saying on
 * how many rows), and each of this year's 问题整改 rows not yet 已完成. Hosts write it into the
 * blank template of the next ruleset.
 */
import { safeName } from '../bounded';
import type { Ruleset } from '../ruleset/model';
import type { Finding, IndicatorResult, Report } from '../types';
import { YEARS_MSG as M } from './messages';
import {
  DESCRIPTION_HEADER,
  isDone,
  MEASURES_HEADER,
  rectificationList,
  SOURCE_HEADER,
  type Rectification,
} from './rectification';

export interface NextYearPlan {
  info: { name: string; code: string; city: string; year: number | null; version: string };
  /** 上年值 by indicator id of the next ruleset: only ids with a 上年值 that this year has a 本年值 for */
  last: Record<string, number | string>;
  /** 问题整改 rows, each by header */
  problems: Record<string, string>[];
}

function cellValue(v: IndicatorResult['current']): number | string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

/**
 * The problems of a report carried into next year: its warnings on indicators and on 清单 other
 * than 问题整改 (or only the confirmed ones). A 问题整改 warning is carried as its unfinished rows.
 */
export function problemsOf(report: Report, ruleset: Ruleset, confirmed?: (f: Finding) => boolean): Finding[] {
  const rectification = rectificationList(ruleset)?.code;
  return report.findings.filter(
    (f) =>
      f.level === 'warning' &&
      f.indicator &&
      (ruleset.indicator(f.indicator) ||
        (ruleset.lists.some((l) => l.code === f.indicator) && f.indicator !== rectification)) &&
      (!confirmed || confirmed(f)),
  );
}

/** The row of an A1 address. */
const rowOf = (cell: string): number => Number(/\d+$/.exec(cell)?.[0] ?? 0);

/** 问题整改 rows of this year's problems: an indicator warning each, a 清单 rule once per sheet. */
function problemRows(
  found: readonly Finding[],
  ruleset: Ruleset,
  next: Ruleset,
  year: number | null,
): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const byList = new Map<string, Finding[]>();
  for (const f of found) {
    const def = next.indicator(f.indicator!) ?? ruleset.indicator(f.indicator!);
    if (def) {
      out.push({
        [SOURCE_HEADER]: M.source,
        [DESCRIPTION_HEADER]: M.carried(def.shortName, M.ofYear(f.message, year)),
      });
      continue;
    }
    const key = `${f.rule}\u0000${f.sheet}`;
    byList.set(key, [...(byList.get(key) ?? []), f]);
  }
  for (const group of byList.values()) {
    const first = group[0]!;
    // a 整表 rule's message says what it counts; a 每行 rule's rows are named
    const target = ruleset.rules.find((r) => r.id === first.rule)?.target;
    const perRow = target?.kind === 'list' && target.scope === 'row';
    const rows = perRow ? [...new Set(group.map((f) => rowOf(f.cell)))].sort((a, b) => a - b) : [];
    out.push({
      [SOURCE_HEADER]: M.source,
      [DESCRIPTION_HEADER]: M.carriedList(first.sheet, M.ofYear(first.message, year), rows),
    });
  }
  return out;
}

/** This year's 问题整改 rows not 已完成, carried as they were written (问题来源, 问题描述, 整改措施). */
function unfinishedRows(rectification: Rectification | null | undefined): Record<string, string>[] {
  return (rectification?.rows ?? [])
    .filter((r) => !isDone(r) && r.description.trim() !== '')
    .map((r) => {
      const row: Record<string, string> = { [DESCRIPTION_HEADER]: r.description };
      if (r.source) row[SOURCE_HEADER] = r.source;
      if (r.measures) row[MEASURES_HEADER] = r.measures;
      return row;
    });
}

/**
 * The plan of next year's workbook. `rectification` is this year's 问题整改 sheet as read
 * (readRectification): its unfinished rows are carried; without it only this year's findings are.
 */
export function nextYearPlan(
  report: Report,
  ruleset: Ruleset,
  next: Ruleset = ruleset,
  confirmed?: (f: Finding) => boolean,
  rectification?: Rectification | null,
): NextYearPlan {
  const d = report.district;
  const last: Record<string, number | string> = {};
  for (const def of next.indicators) {
    if (!def.hasLast) continue;
    const v = cellValue(report.indicators[def.id]?.current ?? null);
    if (v !== null) last[def.id] = v;
  }
  const problems = [
    ...unfinishedRows(rectification),
    ...problemRows(problemsOf(report, ruleset, confirmed), ruleset, next, d.year),
  ];
  return {
    info: {
      name: d.name,
      code: d.code,
      city: d.city,
      year: d.year === null ? null : d.year + 1,
      version: next.version,
    },
    last,
    problems,
  };
}

/** `{地区名称}{评价年度+1}年度填报表.xlsx` */
export function nextYearFileName(plan: NextYearPlan): string {
  return `${safeName(plan.info.name || plan.info.code)}${plan.info.year ?? ''}年度填报表.xlsx`;
}
