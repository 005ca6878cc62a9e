/**
 * The city-wide draft from the workbooks of all districts (spec/FEEDBACK.md, "City-wide draft"):
 * one sentence per rule naming every district that breaks it, by 行政区划代码; the comparisons
 * with the city-wide figure; the best district for a few indicators; an annex of every warning.
 */
import { breachesByRule, cityFigure, cityFindings, cityText, indicatorNames, type RuleBreach } from '../city';
import type { ComparisonDef, Ruleset } from '../ruleset/model';
import { renderText, showValue } from '../ruleset/text';
import { asValue } from '../validate/rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  checkedReports,
  chineseNumber,
  conclusiveWarnings,
  districtName,
  joinClauses,
  nextYearText,
  recommendationBlocks,
  reportScope,
  strengthBlocks,
  yearText,
} from './common';
import { DRAFT_PHRASES, fill } from './phrases';

export interface CityDraftOptions {
  /** 所属地市, e.g. 威海市; the draft says 全市 when it is not given */
  cityName?: string;
}

const EPS = 1e-9;

/** The value most of the workbooks give (the year, 所属地市), ignoring blanks. */
function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const count = new Map<T, number>();
  for (const v of values) if (v !== null && v !== '') count.set(v, (count.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = v;
  return best;
}

/** `{地区}` and `{均}` of a city sentence: the districts, or the 地区统称 and 均 when all are concerned. */
export function districtNames(names: readonly string[], total: number, ruleset: Ruleset): { 地区: string; 均: string } {
  const all = total >= 2 && names.length === total;
  return all ? { 地区: ruleset.meta.collective, 均: DRAFT_PHRASES.cityAll } : { 地区: names.join('、'), 均: '' };
}

function breachSentence(b: RuleBreach, total: number, ruleset: Ruleset): string {
  const rule = ruleset.rule(b.rule);
  const who = districtNames(b.reports.map(districtName), total, ruleset);
  if (!rule?.city) return `${who.地区}${ruleset.labelOf(b.indicator)}${who.均}未达到要求`;
  return renderText(rule.city, {
    scope: reportScope(b.reports[0]!, ruleset),
    names: { ...who, ...indicatorNames(ruleset, rule.indicator) },
  });
}

interface Item {
  area: string;
  order: number;
  text: string;
}

function problemItems(checked: readonly Report[], ruleset: Ruleset): Item[] {
  const items: Item[] = [];
  for (const b of breachesByRule(checked, ruleset)) {
    const area = ruleset.areaOf(b.indicator)?.name;
    if (area) items.push({ area, order: ruleset.ruleOrder(b.rule), text: breachSentence(b, checked.length, ruleset) });
  }
  for (const c of cityFindings(checked, ruleset)) {
    const area = ruleset.areaOf(c.indicator)?.name;
    const order = Math.max(-1, ...ruleset.rulesOf(c.indicator).map((r) => ruleset.ruleOrder(r.id))) + 0.5;
    if (area) items.push({ area, order, text: c.message });
  }
  const areaOrder = (name: string) => ruleset.areas.findIndex((a) => a.name === name);
  return items.sort((a, b) => areaOrder(a.area) - areaOrder(b.area) || a.order - b.order);
}

/** More districts than this sharing first place are not named. */
const MAX_SHARED_FIRST = 3;

/** The best district of a 全市最高 / 全市最低 comparison, when its requirement is met. */
function bestSentence(c: ComparisonDef, checked: readonly Report[], ruleset: Ruleset): string | undefined {
  const fig = cityFigure(checked, c, ruleset);
  if (fig.scored.length < 2) return undefined;
  const sign = c.mode === 'lowest' ? -1 : 1;
  const best = Math.max(...fig.scored.map((s) => sign * s.value));
  const top = fig.scored.filter((s) => sign * s.value >= best - EPS);
  const hasRules = ruleset.rulesOf(c.indicator).some((r) => r.level === 'warning');
  if (hasRules && top.some((s) => s.report.indicators[c.indicator]?.outcome !== 'met')) return undefined;
  // a first place shared by many, or by every district, singles nobody out
  if (top.length > MAX_SHARED_FIRST || top.length === fig.scored.length) return undefined;
  const who = districtNames(
    top.map((s) => districtName(s.report)),
    checked.length,
    ruleset,
  );
  const current = top[0]!.report.indicators[c.indicator]?.current ?? null;
  const value = asValue(current);
  return renderText(c.sentence, {
    scope: top[0]!.scope,
    names: {
      ...who,
      ...indicatorNames(ruleset, c.indicator),
      全市值: fig.value === undefined ? '' : cityText(fig.value),
      本年值: value === undefined ? '' : showValue(value),
    },
  });
}

/** 本年值 as the annex shows it: the figure and its unit, or for a 清单 the finding itself. */
function annexValue(f: Finding, ruleset: Ruleset): string {
  const def = f.indicator ? ruleset.indicator(f.indicator) : undefined;
  if (!def) return f.message;
  const v = asValue((f.values.current ?? null) as number | boolean | string | null);
  if (v === undefined) return '';
  return `${showValue(v)}${def.type === 'yesno' ? '' : def.unit}`;
}

function indicatorLabel(f: Finding, ruleset: Ruleset): string {
  if (!f.indicator) return '';
  return ruleset.indicator(f.indicator)
    ? `${f.indicator} ${ruleset.labelOf(f.indicator)}`
    : ruleset.labelOf(f.indicator);
}

function overview(checked: readonly Report[], skipped: number): string {
  let text = fill(DRAFT_PHRASES.cityOverview, {
    count: checked.length,
    districts: checked.map(districtName).join('、'),
  });
  if (skipped) text += fill(DRAFT_PHRASES.cityOverviewSkipped, { count: skipped });
  const warnings = checked.map(conclusiveWarnings);
  const total = warnings.reduce((n, w) => n + w.length, 0);
  const rules = new Set(warnings.flat().map((f) => f.rule)).size;
  if (total === 0) {
    text += DRAFT_PHRASES.cityOverviewNoWarnings;
  } else {
    text += fill(DRAFT_PHRASES.cityOverviewWarnings, { warnings: total, rules });
    const clean = checked.filter((_, i) => warnings[i]!.length === 0).map(districtName);
    if (clean.length) text += fill(DRAFT_PHRASES.cityOverviewClean, { districts: clean.join('、') });
  }
  const withErrors = checked.filter((r) => r.counts.error > 0);
  text += withErrors.length
    ? fill(DRAFT_PHRASES.cityOverviewErrors, {
        districts: withErrors
          .map((r) => fill(DRAFT_PHRASES.cityErrorCount, { district: districtName(r), count: r.counts.error }))
          .join('、'),
      })
    : DRAFT_PHRASES.cityOverviewNoErrors;
  return text;
}

export function cityDraft(reports: readonly Report[], ruleset: Ruleset, opts: CityDraftOptions = {}): Draft {
  const checked = checkedReports(reports);
  const year = mostCommon(checked.map((r) => r.district.year));
  const city =
    opts.cityName?.trim() || mostCommon(checked.map((r) => r.district.city.trim())) || DRAFT_PHRASES.defaultCity;
  const title = fill(DRAFT_PHRASES.cityTitle, { city, year: yearText(year), collective: ruleset.meta.collective });
  const blocks: DraftBlock[] = [{ style: 'title', text: title }];
  const sections = new Sections(blocks);

  sections.add(DRAFT_PHRASES.sections.overview);
  blocks.push({ style: 'body', text: overview(checked, reports.length - checked.length) });

  sections.add(DRAFT_PHRASES.sections.strengths);
  const best = ruleset.comparisons
    .filter((c) => c.mode !== 'below')
    .map((c) => bestSentence(c, checked, ruleset))
    .filter((s): s is string => s !== undefined);
  blocks.push(
    ...(best.length ? strengthBlocks(best) : [{ style: 'body' as const, text: DRAFT_PHRASES.cityStrengthsNone }]),
  );

  sections.add(DRAFT_PHRASES.sections.problems);
  const items = problemItems(checked, ruleset);
  const areas = ruleset.areas.filter((a) => items.some((it) => it.area === a.name));
  areas.forEach((area, i) => {
    const sentences = items.filter((it) => it.area === area.name).map((it) => it.text);
    blocks.push({ style: 'h2', text: `（${chineseNumber(i + 1)}）${area.problem}。${joinClauses(sentences)}` });
  });
  if (areas.length === 0) blocks.push({ style: 'body', text: DRAFT_PHRASES.cityOverviewNoWarnings });

  recommendationBlocks(areas, blocks, sections);

  sections.add(DRAFT_PHRASES.sections.requirements);
  blocks.push({
    style: 'closing',
    text: fill(DRAFT_PHRASES.cityClosing, { days: DRAFT_PHRASES.workingDays, nextYear: nextYearText(year) }),
  });

  const rows = checked.flatMap((r) =>
    conclusiveWarnings(r).map((f) => [
      districtName(r),
      indicatorLabel(f, ruleset),
      annexValue(f, ruleset),
      f.requirement ?? '',
    ]),
  );
  if (rows.length) {
    blocks.push(
      { style: 'h1', text: DRAFT_PHRASES.cityAnnexTitle },
      { style: 'table', header: [...DRAFT_PHRASES.cityAnnexHeader], rows },
    );
  }
  return { title, blocks };
}
