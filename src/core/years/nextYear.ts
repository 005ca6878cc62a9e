/**
 * Next year's workbook of a district, as data: 基本信息 (评价年度 + 1, the next 模板版本), every
 * 上年值 from this year's 本年值 of the same indicator id, and one 问题整改 row per warning found
 * this year. Hosts write it into the blank template of the next ruleset.
 */
import type { Ruleset } from '../ruleset/model';
import type { Finding, IndicatorResult, Report } from '../types';
import { YEARS_MSG as M } from './messages';
import { DESCRIPTION_HEADER, SOURCE_HEADER } from './rectification';

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

/** The problems of a report carried into next year: its warnings on indicators (or the confirmed ones). */
export function problemsOf(report: Report, ruleset: Ruleset, confirmed?: (f: Finding) => boolean): Finding[] {
  return report.findings.filter(
    (f) => f.level === 'warning' && f.indicator && ruleset.indicator(f.indicator) && (!confirmed || confirmed(f)),
  );
}

export function nextYearPlan(
  report: Report,
  ruleset: Ruleset,
  next: Ruleset = ruleset,
  confirmed?: (f: Finding) => boolean,
): NextYearPlan {
  const d = report.district;
  const last: Record<string, number | string> = {};
  for (const def of next.indicators) {
    if (!def.hasLast) continue;
    const v = cellValue(report.indicators[def.id]?.current ?? null);
    if (v !== null) last[def.id] = v;
  }
  const problems = problemsOf(report, ruleset, confirmed).map((f) => {
    const name = next.indicator(f.indicator!)?.shortName ?? ruleset.indicator(f.indicator!)!.shortName;
    return { [SOURCE_HEADER]: M.source, [DESCRIPTION_HEADER]: M.carried(name, f.message) };
  });
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
  const name = (plan.info.name || plan.info.code || '未命名地区').replace(/[\\/:*?"<>|]/g, '_').trim();
  return `${name}${plan.info.year ?? ''}年度填报表.xlsx`;
}
