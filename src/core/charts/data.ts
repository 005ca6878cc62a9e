/**
 * The pictures of a batch as data (issue 12, item 5): a district × feedback-area grid of unmet
 * requirements, and one bar chart per `全市比较` comparison with the city figure and the
 * requirement. Everything named here comes from the ruleset; nothing about one indicator system.
 * Pure: the page, the .docx and Excel draw it.
 */
import { breachesByRule, cityFigure, cityText } from '../city';
import { checkedReports, districtName } from '../feedback/common';
import { fmtNum, fmtRate } from '../format';
import {
  canonical,
  indicatorRefs,
  numberStyle,
  tryEvaluate,
  walk,
  type BinOp,
  type Expr,
  type Scope,
} from '../ruleset/expr';
import type { ComparisonDef, Ruleset } from '../ruleset/model';
import type { Report } from '../types';
import { CHART_MSG, OP_TEXT } from './messages';

export interface ChartDistrict {
  name: string;
  /** 行政区划代码, '' when missing */
  code: string;
}

/** Unmet requirements (warning rules broken) per district and feedback area. */
export interface AreaGrid {
  /** in order of 行政区划代码 */
  districts: ChartDistrict[];
  /** the ruleset's feedback areas in its order, then 其他 when some warning belongs to none */
  areas: string[];
  /** counts[d][a]: the rules of area a that district d breaks */
  counts: number[][];
  /** the rules counted in each cell, same shape as counts */
  rules: string[][][];
  /** the largest count (0 when nothing is unmet) */
  max: number;
}

export type RequirementOp = '>=' | '>' | '<=' | '<';

/** A requirement line: the threshold of a warning rule on the compared figure. */
export interface RequirementLine {
  rule: string;
  op: RequirementOp;
  value: number;
  /** as printed next to the line, e.g. `要求 ≥85%` */
  label: string;
}

export interface Bar {
  district: ChartDistrict;
  /** the district's figure, null when it cannot be computed (empty, in error) */
  value: number | null;
  /** the figure as printed, `无数据` when null */
  text: string;
  /** the comparison names this district below the city figure (低于全市) */
  belowCity: boolean;
}

/** One chart per compared figure (comparisons on the same figure share it). */
export interface ComparisonChart {
  /** the comparisons drawn, e.g. ['XQ06.belowCity', 'XQ06.best'] */
  comparisons: string[];
  indicator: string;
  /** what is compared: the indicator's short name, or its growth rate, or the ruleset's 比较值 */
  name: string;
  unit: string;
  bars: Bar[];
  /** the city figure exactly as the city draft prints it (one decimal), null when there is none */
  city: number | null;
  /** `全市 87.7%` */
  cityLabel: string;
  requirements: RequirementLine[];
}

export interface BatchCharts {
  grid: AreaGrid;
  bars: ComparisonChart[];
}

const districtOf = (r: Report): ChartDistrict => ({ name: districtName(r), code: r.district.code });

/**
 * The grid of unmet requirements: for each included district (the reports given, those that
 * could be checked) and feedback area, how many warning rules it breaks there, as the city
 * draft counts them (conclusive warnings, accepted explanations left out).
 */
export function areaGrid(reports: readonly Report[], ruleset: Ruleset): AreaGrid {
  const checked = checkedReports(reports);
  const breaches = breachesByRule(checked, ruleset);
  const areaOf = (indicator: string | null) => ruleset.areaOf(indicator)?.name;
  const other = breaches.some((b) => areaOf(b.indicator) === undefined);
  const areas = [...ruleset.areas.map((a) => a.name), ...(other ? [CHART_MSG.otherArea] : [])];
  const rules = checked.map(() => areas.map((): string[] => []));
  const row = new Map(checked.map((r, i) => [r, rules[i]!]));
  for (const b of breaches) {
    const a = areas.indexOf(areaOf(b.indicator) ?? CHART_MSG.otherArea);
    for (const r of b.reports) row.get(r)![a]!.push(b.rule);
  }
  const counts = rules.map((row) => row.map((cell) => cell.length));
  return { districts: checked.map(districtOf), areas, counts, rules, max: Math.max(0, ...counts.flat()) };
}

const FLIP: Readonly<Record<RequirementOp, RequirementOp>> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };
const isRequirementOp = (op: BinOp): op is RequirementOp => op in FLIP;

/** A scope with the ruleset's parameters and nothing else: a threshold reads no workbook. */
function paramScope(ruleset: Ruleset): Scope {
  const none = () => undefined;
  return {
    indicator: none,
    param: (name) => ruleset.params[name] ?? NaN,
    column: none,
    rows: () => [],
    cityTotal: none,
  };
}

/** Reads only parameters and numbers: the same for every district. */
function isConstant(e: Expr): boolean {
  return indicatorRefs(e).length === 0 && [...walk(e)].every((x) => x.k !== 'col' && x.k !== 'rows');
}

/** What a comparison draws: its name and unit, and how its figures print. */
function describe(c: ComparisonDef, ruleset: Ruleset): { name: string; unit: string } {
  const ind = ruleset.indicator(c.indicator);
  const m = c.metric;
  if (m.k === 'ind' && m.year === 'current') return { name: ind?.shortName ?? m.id, unit: ind?.unit ?? '' };
  if (m.k === 'fn' && m.name === '增长率') {
    const id = (m.args[0] as { id: string }).id;
    return { name: CHART_MSG.growthOf(ruleset.indicator(id)?.shortName ?? id), unit: '%' };
  }
  const source = ruleset.doc.comparisons.find((x) => x.id === c.id)?.metric;
  return {
    name: typeof source === 'string' && source.trim() ? source.trim() : (ind?.shortName ?? c.indicator),
    unit: '',
  };
}

/** A figure as the drafts print it: as typed when exact, else one decimal. */
function figureText(v: number, metric: Expr): string {
  return numberStyle(metric) === 'exact' ? fmtNum(v) : fmtRate(v);
}

/**
 * The thresholds of the warning rules whose condition compares the compared figure itself with
 * numbers and parameters (`XQ05 >= XQ05.min`, `增长率(TR01) ≥ 经费增长要求`, `5 <= XQ05`).
 */
export function requirementLines(c: ComparisonDef, ruleset: Ruleset, unit: string): RequirementLine[] {
  const metric = canonical(c.metric);
  const scope = paramScope(ruleset);
  const out: RequirementLine[] = [];
  for (const rule of ruleset.rules) {
    const e = rule.condition;
    if (rule.level !== 'warning' || e.k !== 'bin' || !isRequirementOp(e.op)) continue;
    const side =
      canonical(e.a) === metric
        ? { other: e.b, op: e.op }
        : canonical(e.b) === metric
          ? { other: e.a, op: FLIP[e.op] }
          : undefined;
    if (!side || !isConstant(side.other)) continue;
    const value = tryEvaluate(side.other, scope);
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (out.some((x) => x.op === side.op && x.value === value)) continue;
    out.push({
      rule: rule.id,
      op: side.op,
      value,
      label: CHART_MSG.requirementLine(OP_TEXT[side.op] ?? side.op, `${fmtNum(value)}${unit}`),
    });
  }
  return out;
}

const EPS = 1e-9;

function comparisonChart(c: ComparisonDef, checked: readonly Report[], ruleset: Ruleset): ComparisonChart {
  const { name, unit } = describe(c, ruleset);
  const fig = cityFigure(checked, c, ruleset);
  const city = fig.value === undefined ? null : Number(cityText(fig.value));
  const scored = new Map(fig.scored.map((x) => [x.report, x]));
  const bars = checked.map((r): Bar => {
    const s = scored.get(r);
    if (!s) return { district: districtOf(r), value: null, text: CHART_MSG.noValue, belowCity: false };
    const below = c.mode === 'below' && fig.value !== undefined && fig.value - s.value > c.tolerance + EPS;
    return { district: districtOf(r), value: s.value, text: figureText(s.value, c.metric), belowCity: below };
  });
  return {
    comparisons: [c.id],
    indicator: c.indicator,
    name,
    unit,
    bars,
    city,
    cityLabel: city === null ? '' : CHART_MSG.cityLine(`${cityText(city)}${unit}`),
    requirements: requirementLines(c, ruleset, unit),
  };
}

/**
 * One chart per compared figure, in the ruleset's order: comparisons of one figure with one city
 * figure (a 低于全市 and a 全市最高 on the same share) are one chart.
 */
export function comparisonCharts(reports: readonly Report[], ruleset: Ruleset): ComparisonChart[] {
  const checked = checkedReports(reports);
  const out: { key: string; chart: ComparisonChart }[] = [];
  for (const c of ruleset.comparisons) {
    // a 全市成效 sentence speaks of the city as a whole: no district is compared
    if (c.mode === 'total') continue;
    const key = `${canonical(c.metric)}|${c.cityValue ? canonical(c.cityValue) : ''}`;
    const chart = comparisonChart(c, checked, ruleset);
    const same = out.find((x) => x.key === key);
    if (!same) {
      out.push({ key, chart });
      continue;
    }
    same.chart.comparisons.push(c.id);
    same.chart.bars.forEach((b, i) => (b.belowCity ||= chart.bars[i]!.belowCity));
  }
  return out.map((x) => x.chart);
}

export function batchCharts(reports: readonly Report[], ruleset: Ruleset): BatchCharts {
  return { grid: areaGrid(reports, ruleset), bars: comparisonCharts(reports, ruleset) };
}
