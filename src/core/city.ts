/**
 * City-wide findings drawn from a batch of workbooks (spec/CLI.md, `city`; spec/RULESET.md,
 * 全市比较): each comparison with the city figure, the best district, and which districts break
 * each rule.
 */
import { excelRound, tryEvaluate, walk, type Expr, type Scope } from './ruleset/expr';
import type { ComparisonDef, Ruleset } from './ruleset/model';
import { renderText } from './ruleset/text';
import { checkedReports, conclusiveWarnings, districtName, errorIndicators, reportScope } from './feedback/common';
import type { Finding, Report } from './types';

export interface CityFinding {
  /** the comparison's 编号, e.g. `XQ06.belowCity` */
  rule: string;
  indicator: string;
  level: 'warning';
  /** names of the districts concerned, in order of 行政区划代码 */
  districts: string[];
  /** the city-wide figure, one decimal */
  cityValue: number;
  message: string;
  /** the sentence without the districts' names, as a district's own letter says it */
  own: string;
}

const EPS = 1e-9;

function cityIds(e: Expr | undefined): string[] {
  if (!e) return [];
  const ids: string[] = [];
  for (const x of walk(e)) if (x.k === 'fn' && x.name === '全市合计') ids.push((x.args[0] as { id: string }).id);
  return ids;
}

/** A district's figure for a comparison, with the scope it was computed in. */
interface Scored {
  report: Report;
  value: number;
  scope: Scope;
}

/** The districts a comparison can use, with their figures, and the city figure over them. */
export interface CityFigure {
  value: number | undefined;
  scored: Scored[];
}

/**
 * The checked districts whose compared value and the counts of the city figure are usable (no
 * error on them), and the city figure from the summed indicators (never from averaged shares).
 */
export function cityFigure(reports: readonly Report[], c: ComparisonDef, ruleset: Ruleset): CityFigure {
  const ids = cityIds(c.cityValue);
  const metricIds = [...walk(c.metric)].filter((x) => x.k === 'ind').map((x) => (x as { id: string }).id);
  const scored: Scored[] = [];
  for (const report of checkedReports(reports)) {
    const errors = errorIndicators(report);
    if ([c.indicator, ...ids, ...metricIds].some((id) => errors.has(id))) continue;
    const scope = reportScope(report, ruleset);
    const value = tryEvaluate(c.metric, scope);
    if (typeof value !== 'number') continue;
    if (ids.some((id) => typeof report.indicators[id]?.current !== 'number')) continue;
    scored.push({ report, value, scope });
  }
  if (!c.cityValue || scored.length < 2) return { value: undefined, scored };
  const totals = new Map(ids.map((id) => [id, scored.reduce((t, s) => t + (report(s, id) ?? 0), 0)] as const));
  const cityScope: Scope = { ...scored[0]!.scope, cityTotal: (id) => totals.get(id) };
  const v = tryEvaluate(c.cityValue, cityScope);
  return { value: typeof v === 'number' ? v : undefined, scored };
}

function report(s: Scored, id: string): number | undefined {
  const v = s.report.indicators[id]?.current;
  return typeof v === 'number' ? v : undefined;
}

/** The city figure as sentences print it: one decimal. */
export function cityText(v: number): string {
  return excelRound(v, 1).toFixed(1);
}

export function cityFindings(reports: readonly Report[], ruleset: Ruleset): CityFinding[] {
  const out: CityFinding[] = [];
  for (const c of ruleset.comparisons) {
    if (c.mode !== 'below') continue;
    const fig = cityFigure(reports, c, ruleset);
    if (fig.value === undefined) continue;
    const city = fig.value;
    const below = fig.scored.filter((s) => city - s.value > c.tolerance + EPS);
    if (below.length === 0) continue;
    const districts = below.map((s) => districtName(s.report));
    const sentence = (地区: string) =>
      renderText(c.sentence, {
        scope: below[0]!.scope,
        names: { 地区, 全市值: cityText(city), 均: '', ...indicatorNames(ruleset, c.indicator) },
      });
    out.push({
      rule: c.id,
      indicator: c.indicator,
      level: 'warning',
      districts,
      cityValue: Number(cityText(city)),
      message: sentence(districts.join('、')),
      own: sentence(''),
    });
  }
  return out;
}

export function indicatorNames(ruleset: Ruleset, id: string): Record<string, string> {
  const d = ruleset.indicator(id);
  return d ? { 简称: d.shortName, 指标名称: d.name, 单位: d.unit } : {};
}

/** One rule and the districts that break it. */
export interface RuleBreach {
  rule: string;
  indicator: string | null;
  /** the breaking districts' reports, in order of 行政区划代码 */
  reports: Report[];
  /** the warning of each of those reports, in the same order */
  findings: Finding[];
}

/** Per rule, the checked districts that break it, in the ruleset's order, districts by 行政区划代码. */
export function breachesByRule(reports: readonly Report[], ruleset: Ruleset): RuleBreach[] {
  const byRule = new Map<string, RuleBreach>();
  for (const r of checkedReports(reports)) {
    const seen = new Set<string>();
    for (const f of conclusiveWarnings(r)) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const b = byRule.get(f.rule) ?? { rule: f.rule, indicator: f.indicator, reports: [], findings: [] };
      b.reports.push(r);
      b.findings.push(f);
      byRule.set(f.rule, b);
    }
  }
  return [...byRule.values()].sort(
    (a, b) => ruleset.ruleOrder(a.rule) - ruleset.ruleOrder(b.rule) || a.rule.localeCompare(b.rule),
  );
}
