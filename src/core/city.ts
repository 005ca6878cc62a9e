/**
 * City-wide findings drawn from a batch of workbooks (spec/CLI.md, `city`; spec/RULESET.md,
 * 全市比较): each comparison with the city figure, the best district, and which districts break
 * each rule.
 */
import { excelRound, indicatorRefs, tryEvaluate, walk, type Expr, type Scope, type Year } from './ruleset/expr';
import type { ComparisonDef, Ruleset } from './ruleset/model';
import { draftText } from './feedback/figures';
import { showValue, textExpressions } from './ruleset/text';
import { asValue } from './validate/rules';
import {
  checkedReports,
  conclusiveWarnings,
  districtName,
  doubtedValues,
  errorIndicators,
  reportScope,
  type ValueRef,
} from './feedback/common';
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

/** The indicators (and years) an expression sums over the batch with 全市合计. */
function cityIds(e: Expr | undefined): { id: string; year: Year }[] {
  if (!e) return [];
  const ids: { id: string; year: Year }[] = [];
  for (const x of walk(e)) if (x.k === 'fn' && x.name === '全市合计') ids.push(x.args[0] as { id: string; year: Year });
  return ids;
}

const totalKey = (id: string, year: Year = 'current') => `${id}:${year}`;

/** The city scope: the batch's sums of the indicators listed, over the districts given. */
function totalsScope(base: Scope, reports: readonly Report[], ids: readonly { id: string; year: Year }[]): Scope {
  const totals = new Map<string, number>();
  for (const { id, year } of ids) {
    totals.set(
      totalKey(id, year),
      reports.reduce((t, r) => t + (valueOf(r, id, year) ?? 0), 0),
    );
  }
  return { ...base, cityTotal: (id, year) => totals.get(totalKey(id, year)) };
}

function valueOf(r: Report, id: string, year: Year): number | undefined {
  const v = r.indicators[id]?.[year];
  return typeof v === 'number' ? v : undefined;
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
  const read = [{ id: c.indicator, year: 'current' as const }, ...ids, ...indicatorRefs(c.metric)];
  const scored: Scored[] = [];
  for (const report of checkedReports(reports)) {
    // a value in error or in doubt (a notice on it) is neither compared nor summed
    const errors = errorIndicators(report);
    const doubted = doubtedValues(report);
    if (read.some((x) => errors.has(x.id) || doubted(x))) continue;
    const scope = reportScope(report, ruleset);
    const value = tryEvaluate(c.metric, scope);
    if (typeof value !== 'number') continue;
    if (ids.some(({ id, year }) => valueOf(report, id, year) === undefined)) continue;
    scored.push({ report, value, scope });
  }
  if (!c.cityValue || scored.length < 2) return { value: undefined, scored };
  const v = tryEvaluate(
    c.cityValue,
    totalsScope(
      scored[0]!.scope,
      scored.map((s) => s.report),
      ids,
    ),
  );
  return { value: typeof v === 'number' ? v : undefined, scored };
}

/** A 全市成效 sentence, and the districts its totals leave out (none when every figure is usable). */
export interface CityTotal {
  sentence: string;
  /** names of the districts whose figure is missing, in error or in doubt, by 行政区划代码 */
  without: string[];
}

/**
 * A 全市成效 sentence on the city as a whole (its totals, its change on last year), when its
 * 条件 holds. The totals are over the districts whose figures are usable: a district whose figure
 * is missing, in error or in doubt is left out and named in `without` (the draft says so), and
 * with fewer than two usable districts nothing is said.
 */
export function cityTotalSentence(
  reports: readonly Report[],
  c: ComparisonDef,
  ruleset: Ruleset,
): CityTotal | undefined {
  const checked = checkedReports(reports);
  if (c.mode !== 'total' || checked.length < 2) return undefined;
  const ids = [c.cityValue, c.condition, ...textExpressions(c.sentence).map((x) => x.expr)].flatMap(cityIds);
  const usable = (r: Report) => {
    const errors = errorIndicators(r);
    const doubted = doubtedValues(r);
    const unsure = (x: ValueRef) => errors.has(x.id) || doubted(x);
    return (
      !unsure({ id: c.indicator, year: 'current' }) &&
      !ids.some((x) => unsure(x) || valueOf(r, x.id, x.year) === undefined)
    );
  };
  const sound = checked.filter(usable);
  if (sound.length < 2) return undefined;
  const scope = totalsScope(reportScope(sound[0]!, ruleset), sound, ids);
  if (c.condition && tryEvaluate(c.condition, scope) !== true) return undefined;
  const value = c.cityValue ? tryEvaluate(c.cityValue, scope) : undefined;
  if (c.cityValue && typeof value !== 'number') return undefined;
  // a figure that cannot be computed is no achievement
  if (textExpressions(c.sentence).some((x) => tryEvaluate(x.expr, scope) === undefined)) return undefined;
  const sentence = draftText(c.sentence, {
    scope,
    names: {
      地区: ruleset.meta.collective,
      均: '',
      全市值: typeof value === 'number' ? cityText(value) : '',
      ...indicatorNames(ruleset, c.indicator),
    },
  });
  return { sentence, without: checked.filter((r) => !sound.includes(r)).map(districtName) };
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
      draftText(c.sentence, {
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
    for (const f of conclusiveWarnings(r, ruleset)) {
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

/** The districts first in a comparison, with the city figure. */
export interface FirstPlace {
  top: Scored[];
  city: number | undefined;
}

/** More districts than this sharing first place are not named. */
const MAX_SHARED_FIRST = 3;

/** The districts first in a 全市最高 / 全市最低 comparison, when they stand out and meet its requirement. */
export function firstPlace(c: ComparisonDef, checked: readonly Report[], ruleset: Ruleset): FirstPlace | undefined {
  const fig = cityFigure(checked, c, ruleset);
  if (fig.scored.length < 2) return undefined;
  const sign = c.mode === 'lowest' ? -1 : 1;
  const best = Math.max(...fig.scored.map((s) => sign * s.value));
  const top = fig.scored.filter((s) => sign * s.value >= best - EPS);
  const hasRules = ruleset.rulesOf(c.indicator).some((r) => r.level === 'warning');
  if (hasRules && top.some((s) => s.report.indicators[c.indicator]?.outcome !== 'met')) return undefined;
  // a first place shared by many, or by every district, singles nobody out
  if (top.length > MAX_SHARED_FIRST || top.length === fig.scored.length) return undefined;
  return { top, city: fig.value };
}

/** A comparison's sentence for its first place, naming `who` (the districts, or none in a letter). */
export function placeSentence(
  c: ComparisonDef,
  place: FirstPlace,
  who: { 地区: string; 均: string },
  ruleset: Ruleset,
): string {
  const value = asValue(place.top[0]!.report.indicators[c.indicator]?.current ?? null);
  const sentence = draftText(c.sentence, {
    scope: place.top[0]!.scope,
    names: {
      ...who,
      ...indicatorNames(ruleset, c.indicator),
      全市值: place.city === undefined ? '' : cityText(place.city),
      本年值: value === undefined ? '' : showValue(value),
    },
  });
  return sentence;
}

/** How a sentence goes on from its subject: 为, 达, 居, 比, 是, 占, 位列, 超过, or a figure. */
const PREDICATE_START = /^(为|达|居|比|是|占|位列|超过|\d)/;

/** Where a district leads the batch, as its own letter says it: "…增幅居全市首位". */
export interface CityLead {
  indicator: string;
  /** the districts sharing first place */
  districts: string[];
  /** the comparison's sentence without the districts, starting with what is compared */
  own: string;
}

/**
 * The first places of the batch's 全市最高 / 全市最低 comparisons, the same the city report names
 * in 主要成效, for each district's letter to say about itself.
 */
export function cityLeads(reports: readonly Report[], ruleset: Ruleset): CityLead[] {
  const checked = checkedReports(reports);
  const out: CityLead[] = [];
  for (const c of inIndicatorOrder(ruleset)) {
    if (c.mode !== 'highest' && c.mode !== 'lowest') continue;
    const place = firstPlace(c, checked, ruleset);
    if (!place) continue;
    let own = placeSentence(c, place, { 地区: '', 均: '' }, ruleset).replace(/[。；;]+$/, '');
    // a sentence that went on from the district's name ("为70%，居全市首位") is given what it
    // compares; one that names it itself ("大班额最少") is left as written
    const short = ruleset.indicator(c.indicator)?.shortName ?? '';
    if (short && PREDICATE_START.test(own)) own = `${short}${own}`;
    out.push({ indicator: c.indicator, districts: place.top.map((s) => districtName(s.report)), own });
  }
  return out;
}

/** The comparisons in the order of their indicators, what the city does before who does best. */
export function inIndicatorOrder(ruleset: Ruleset): ComparisonDef[] {
  const at = (c: ComparisonDef) => ruleset.indicators.findIndex((d) => d.id === c.indicator);
  return [...ruleset.comparisons].sort(
    (a, b) => at(a) - at(b) || Number(b.mode === 'total') - Number(a.mode === 'total'),
  );
}
