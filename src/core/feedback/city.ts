/**
 * The city-wide draft from the workbooks of all districts (spec/FEEDBACK.md, "City-wide draft"):
 * one sentence per rule naming every district that breaks it, by 行政区划代码; the comparisons
 * with the city-wide figure; the best district for a few indicators; an annex of every warning.
 */
import { AREAS, indicator, type AreaId } from '../catalogue';
import { breachesByRule, cityFindings, cityShare, type RuleBreach } from '../city';
import { fmtNum, fmtRate, fmtValue } from '../format';
import type { Ruleset } from '../params';
import { AREA_PHRASES, CITY_BEST_PHRASES, CITY_BEST_TEMPLATES, DRAFT_PHRASES, fill, rulePhrase } from '../phrases';
import { ruleConstants, sentenceUnit } from '../requirements';
import { rulesOf } from '../rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  areaOf,
  checkedReports,
  chineseNumber,
  conclusiveWarnings,
  districtName,
  errorIndicators,
  hasErrorInputs,
  joinClauses,
  nextYearText,
  plainName,
  recommendationBlocks,
  ruleDef,
  ruleOrder,
  strengthBlocks,
  yearText,
} from './common';

export interface CityDraftOptions {
  /** 所属地市, e.g. 威海市; the draft says 全市 when it is not given */
  cityName?: string;
}

const EPS = 1e-9;
const FALLBACK_CITY = '{districts}{name}|未达到要求';

/** The value most of the workbooks give (the year, 所属地市), ignoring blanks. */
function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const count = new Map<T, number>();
  for (const v of values) if (v !== null && v !== '') count.set(v, (count.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = v;
  return best;
}

/** "A、B、C" or, when every checked district is concerned, "各地区" with "均" at the `|` mark. */
export function citySentence(
  template: string,
  names: readonly string[],
  total: number,
  values: Record<string, string>,
): string {
  const all = total >= 2 && names.length === total;
  const text = template.split('|').join(all ? DRAFT_PHRASES.cityAll : '');
  return fill(text, { ...values, districts: all ? DRAFT_PHRASES.cityAllDistricts : names.join('、') });
}

function breachSentence(b: RuleBreach, total: number, ruleset: Ruleset): string {
  const rule = ruleDef(b.rule);
  const template = (rule ? rulePhrase(rule.id, rule.kind) : rulePhrase(b.rule, b.rule)).city ?? FALLBACK_CITY;
  const values = rule ? ruleConstants(rule, ruleset.params) : {};
  return citySentence(template, b.reports.map(districtName), total, values);
}

interface Item {
  area: AreaId;
  order: number;
  text: string;
}

function problemItems(checked: readonly Report[], ruleset: Ruleset): Item[] {
  const items: Item[] = [];
  for (const b of breachesByRule(checked)) {
    const area = areaOf(b.findings[0]!);
    if (area) items.push({ area, order: ruleOrder(b.rule), text: breachSentence(b, checked.length, ruleset) });
  }
  for (const c of cityFindings(checked, ruleset)) {
    const order = Math.max(...rulesOf(c.indicator).map((r) => ruleOrder(r.id))) + 0.5;
    items.push({ area: 'preschool', order, text: c.message });
  }
  return items.sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || a.order - b.order);
}

/** More districts than this sharing first place are not named as 并列全市首位. */
const MAX_SHARED_FIRST = 3;

/** The best district for one indicator of CITY_BEST_PHRASES, with the city-wide figure first. */
function bestSentence(entry: (typeof CITY_BEST_PHRASES)[number], checked: readonly Report[]): string | undefined {
  const id = entry.indicator;
  const warningRules = rulesOf(id).filter((r) => r.level === 'warning');
  const scored: { report: Report; value: number }[] = [];
  let totalF = 0;
  let totalE = 0;
  for (const report of checked) {
    const errors = errorIndicators(report);
    if (errors.has(id) || warningRules.some((r) => hasErrorInputs(r, errors))) continue;
    const { current: F, last: E } = report.indicators[id] ?? {};
    if (typeof F !== 'number') continue;
    if (entry.metric === 'value') {
      scored.push({ report, value: F });
    } else if (typeof E === 'number' && E > 0) {
      scored.push({ report, value: ((F - E) / E) * 100 });
      totalF += F;
      totalE += E;
    }
  }
  if (scored.length < 2) return undefined;
  const max = Math.max(...scored.map((s) => s.value));
  const top = scored.filter((s) => s.value >= max - EPS);
  if (top.some((s) => s.report.indicators[id]?.outcome !== 'met') || (entry.metric === 'growth' && max <= 0))
    return undefined;

  let figure: string | undefined;
  if (entry.cityFigure && entry.metric === 'growth' && scored.length === checked.length) {
    const g = ((totalF - totalE) / totalE) * 100;
    const change = fill(g >= 0 ? CITY_BEST_TEMPLATES.growthUp : CITY_BEST_TEMPLATES.growthDown, {
      pct: fmtRate(Math.abs(g)),
    });
    figure = fill(entry.cityFigure, { total: fmtNum(totalF), change });
  } else if (entry.cityFigure && (id === 'XQ05' || id === 'XQ06')) {
    const share = cityShare(checked, id);
    if (share) figure = fill(entry.cityFigure, { city: fmtRate(share.value) });
  }
  const which = top.length === checked.length ? 'all' : top.length > 1 ? 'tie' : 'one';
  // a first place shared by many districts singles nobody out: only the city figure is said
  if (which === 'tie' && top.length > MAX_SHARED_FIRST) return figure;
  const unit = indicator(id).unit;
  const value = entry.metric === 'growth' ? `${fmtRate(max)}%` : `${fmtNum(max)}${unit}`;
  const names = top.map((s) => districtName(s.report)).join('、');
  const best = fill(CITY_BEST_TEMPLATES[which], { districts: names, what: entry.what, value });
  return figure ? `${figure}；${best}` : best;
}

/** 本年值 as the annex shows it: the figure, and what the requirement is about when it differs. */
function annexValue(f: Finding): string {
  if (f.indicator === 'ZG') return fill(DRAFT_PHRASES.rectificationValue, f.values);
  const rule = ruleDef(f.rule);
  const def = f.indicator ? indicator(f.indicator) : undefined;
  const raw = f.values.current;
  const value = `${fmtValue(typeof raw === 'string' ? null : raw)}${def ? sentenceUnit(def) : ''}`;
  const t = DRAFT_PHRASES.annexValue;
  const values = { ...f.values, value };
  switch (rule?.kind) {
    case 'rate':
      return fill(t.rate, values);
    case 'shareOf':
      return fill(t.share, values);
    case 'perCapitaMax':
      return fill(t.ratio, values);
    case 'growth':
    case 'drop':
      return fill(t.change, values);
    case 'notBelowLast':
    case 'notAboveLast':
      return fill(t.last, values);
    case 'atLeast':
    case 'equal':
      return fill(t.ref, values);
    default:
      return value;
  }
}

function indicatorLabel(f: Finding, ruleset: Ruleset): string {
  if (!f.indicator || f.indicator === 'ZG') return DRAFT_PHRASES.rectificationName;
  return `${f.indicator} ${plainName(f.indicator, ruleset.params)}`;
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
  const title = fill(DRAFT_PHRASES.cityTitle, { city, year: yearText(year) });
  const blocks: DraftBlock[] = [{ style: 'title', text: title }];
  const sections = new Sections(blocks);

  sections.add(DRAFT_PHRASES.sections.overview);
  blocks.push({ style: 'body', text: overview(checked, reports.length - checked.length) });

  sections.add(DRAFT_PHRASES.sections.strengths);
  const best = CITY_BEST_PHRASES.map((e) => bestSentence(e, checked)).filter((s): s is string => s !== undefined);
  blocks.push(
    ...(best.length ? strengthBlocks(best) : [{ style: 'body' as const, text: DRAFT_PHRASES.cityStrengthsNone }]),
  );

  sections.add(DRAFT_PHRASES.sections.problems);
  const items = problemItems(checked, ruleset);
  const areas = AREAS.filter((a) => items.some((it) => it.area === a));
  areas.forEach((area, i) => {
    const sentences = items.filter((it) => it.area === area).map((it) => it.text);
    blocks.push({
      style: 'h2',
      text: `（${chineseNumber(i + 1)}）${AREA_PHRASES[area].problem}。${joinClauses(sentences)}`,
    });
  });
  if (areas.length === 0) blocks.push({ style: 'body', text: DRAFT_PHRASES.cityOverviewNoWarnings });

  recommendationBlocks(areas, blocks, sections);

  sections.add(DRAFT_PHRASES.sections.requirements);
  blocks.push({
    style: 'closing',
    text: fill(DRAFT_PHRASES.cityClosing, { days: DRAFT_PHRASES.workingDays, nextYear: nextYearText(year) }),
  });

  const rows = checked.flatMap((r) =>
    conclusiveWarnings(r).map((f) => [districtName(r), indicatorLabel(f, ruleset), annexValue(f), f.requirement ?? '']),
  );
  if (rows.length) {
    blocks.push(
      { style: 'h1', text: DRAFT_PHRASES.cityAnnexTitle },
      { style: 'table', header: [...DRAFT_PHRASES.cityAnnexHeader], rows },
    );
  }
  return { title, blocks };
}
