/**
 * The city-wide report from the workbooks of all districts (spec/FEEDBACK.md, "City-wide draft"):
 * one sentence per problem naming every district that has it, by 行政区划代码 (rules of one area
 * broken by the same districts in one sentence); the comparisons with the city figure; the best
 * district for a few indicators; recommendations from the rules broken; a 问题清单 annex.
 */
import { numberAnnexes } from './annexes';
import {
  breachesByRule,
  cityFindings,
  cityTotalSentence,
  firstPlace,
  inIndicatorOrder,
  indicatorNames,
  placeSentence,
} from '../city';
import type { Scope } from '../ruleset/expr';
import type { ComparisonDef, RuleDef, Ruleset } from '../ruleset/model';
import { showValue } from '../ruleset/text';
import { draftText } from './figures';
import { asValue } from '../validate/rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  checkedReports,
  chineseNumber,
  commonValues,
  conclusiveWarnings,
  continueClause,
  dateText,
  districtName,
  doubtsValue,
  draftWording,
  hasSemicolon,
  joinClauses,
  quoted,
  recommendationBlocks,
  reportScope,
  returnedAnnex,
} from './common';
import { HEADINGS, TABLE_HEADERS, fill, type Wording } from './phrases';

export interface CityDraftOptions {
  /** 所属地市, e.g. 威海市; by default the one most workbooks give */
  cityName?: string;
  /** the date the draft is written (成文日期); today by default */
  now?: Date;
}

/** The value most of the workbooks give (the year, 所属地市), ignoring blanks. */
function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const count = new Map<T, number>();
  for (const v of values) if (v !== null && v !== '') count.set(v, (count.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = v;
  return best;
}

/** `{地区}` and `{均}` of a city sentence: the districts, or the 地区统称 and 均 when all are concerned. */
export function districtNames(
  names: readonly string[],
  total: number,
  ruleset: Ruleset,
  w: Wording = draftWording(ruleset),
): { 地区: string; 均: string } {
  const all = total >= 2 && names.length === total;
  return all ? { 地区: ruleset.meta.collective, 均: w.cityAll } : { 地区: names.join('、'), 均: '' };
}

/** A rule's sentence in the city report, naming `who` (see districtNames); values from `scope`. */
export function ruleSentence(rule: RuleDef, who: { 地区: string; 均: string }, scope: Scope, ruleset: Ruleset): string {
  if (!rule.city) return `${who.地区}${ruleset.labelOf(rule.indicator)}${who.均}未达到要求`;
  return draftText(rule.city, { scope, names: { ...who, ...indicatorNames(ruleset, rule.indicator) } }).replace(
    /[。；;]+$/,
    '',
  );
}

interface Item {
  area: string;
  order: number;
  indicator: string | null;
  /** the districts it names (empty for a sentence naming none) */
  districts: readonly string[];
  /** whether it compares with the city figure (said before a requirement on the same districts) */
  comparison: boolean;
  /** how it names the districts, to join problems of the same districts */
  key: string;
  text: string;
  /** the sentence without the districts, to continue another sentence about the same districts */
  rest: string;
}

function problemItems(checked: readonly Report[], ruleset: Ruleset, w: Wording): Item[] {
  const items: Item[] = [];
  for (const b of breachesByRule(checked, ruleset)) {
    const area = ruleset.areaOf(b.indicator)?.name;
    const rule = ruleset.rule(b.rule);
    if (!area || !rule) continue;
    const districts = b.reports.map(districtName);
    const who = districtNames(districts, checked.length, ruleset, w);
    const text = ruleSentence(rule, who, reportScope(b.reports[0]!, ruleset), ruleset);
    const rest = text.startsWith(who.地区) ? text.slice(who.地区.length) : '';
    const order = ruleset.ruleOrder(b.rule);
    items.push({ area, order, indicator: b.indicator, districts, comparison: false, key: who.地区, text, rest });
  }
  for (const c of cityFindings(checked, ruleset)) {
    const area = ruleset.areaOf(c.indicator)?.name;
    const order = Math.max(-1, ...ruleset.rulesOf(c.indicator).map((r) => ruleset.ruleOrder(r.id))) + 0.5;
    const text = c.message.replace(/[。；;]+$/, '');
    const key = c.districts.join('、');
    const rest = text.startsWith(key) ? text.slice(key.length) : '';
    if (area)
      items.push({ area, order, indicator: c.indicator, districts: c.districts, comparison: true, key, text, rest });
  }
  const areaOrder = (name: string) => ruleset.areas.findIndex((a) => a.name === name);
  return items.sort((a, b) => areaOrder(a.area) - areaOrder(b.area) || a.order - b.order);
}

/** What a sentence says after the districts and the indicator's name: `未达到50%`. */
function predicate(it: Item, ruleset: Ruleset): string {
  const rest = it.rest.replace(/^均/, '');
  const short = it.indicator ? ruleset.indicator(it.indicator)?.shortName : undefined;
  return short && rest.startsWith(short) ? rest.slice(short.length).replace(/^均/, '') : '';
}

const within = (a: readonly string[], b: readonly string[]) => a.every((d) => b.includes(d));

/**
 * One indicator, one sentence, each district named once: the widest statement first (the
 * comparison with the city figure before a requirement on the same districts), then what the
 * same districts also miss ("，且均未达到50%"), then what only some of them miss ("，其中…").
 * Statements on districts that overlap otherwise stay sentences of their own.
 */
function joinSameIndicator(items: readonly Item[], ruleset: Ruleset, w: Wording): Item[] {
  const out: Item[] = [];
  const done = new Set<Item>();
  for (const it of items) {
    if (done.has(it)) continue;
    if (!it.indicator || it.districts.length === 0) {
      out.push(it);
      done.add(it);
      continue;
    }
    const group = items
      .filter((x) => !done.has(x) && x.indicator === it.indicator && x.districts.length > 0)
      .sort(
        (a, b) =>
          b.districts.length - a.districts.length || Number(b.comparison) - Number(a.comparison) || a.order - b.order,
      );
    const first = group[0]!;
    let text = first.text;
    const joined: Item[] = [];
    const subsets: Item[] = [];
    for (const x of group.slice(1)) {
      if (!within(x.districts, first.districts)) continue;
      const pred = x.districts.length === first.districts.length ? predicate(x, ruleset) : '';
      if (pred) {
        text = continueClause(text, `且${first.districts.length > 1 ? w.cityAll : ''}${pred}`, w);
        joined.push(x);
      } else if (x.districts.length < first.districts.length) {
        subsets.push(x);
      }
    }
    subsets.forEach((x, i) => (text += `${i === 0 ? '，其中' : '，'}${x.text}`));
    for (const x of [first, ...joined, ...subsets]) done.add(x);
    // a sentence with a 其中 part is not continued by another: it would read as said of the part
    out.push(
      joined.length || subsets.length ? { ...first, text, key: subsets.length ? '' : first.key, rest: '' } : first,
    );
    // statements on districts that overlap otherwise stay sentences of their own, in their place
  }
  return out;
}

/** One problem, one sentence: what the same districts break in one area is said in one sentence. */
function joinSameDistricts(items: readonly Item[]): string[] {
  const out: { key: string; text: string; last: string }[] = [];
  for (const it of items) {
    const same = out.find((o) => it.key && o.key === it.key);
    const rest = it.rest.replace(/^均/, '');
    if (same && rest) {
      // short parallel statements read as a list, the subject they share said once:
      // "…专科及以上学历比例未达到80%、持证上岗率未达到85%"
      const list = !same.last.includes('，') && !rest.includes('，');
      const shared = list ? sharedStart(same.last.replace(/^均/, ''), rest) : 0;
      // statements of several clauses are set apart with `；`, and so is every one after them
      const apart = !list && (same.last.includes('，') || rest.includes('，') || hasSemicolon(same.text));
      // each statement set apart keeps its own 均 ("…；均未落实…")
      same.text += list ? `、${rest.slice(shared)}` : apart ? `；${it.rest}` : `，${rest}`;
      same.last = rest;
    } else {
      out.push({ key: it.key, text: it.text, last: it.rest });
    }
  }
  return out.map((o) => o.text);
}

/** A shared subject at least this long is said once. */
const MIN_SHARED = 4;

/** How many leading characters two statements share, when that is a subject worth saying once. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= MIN_SHARED && n < b.length ? n : 0;
}

/** The best district of a 全市最高 / 全市最低 comparison, when its requirement is met. */
function bestSentence(c: ComparisonDef, checked: readonly Report[], ruleset: Ruleset, w: Wording): string | undefined {
  const place = firstPlace(c, checked, ruleset);
  if (!place) return undefined;
  const names = place.top.map((s) => districtName(s.report));
  return placeSentence(c, place, districtNames(names, checked.length, ruleset, w), ruleset);
}

/**
 * A 全市成效 sentence: over the districts whose figures are usable, saying which are left out
 * ("…，比上年增长9.8%（不含数据待核实的南山县）") rather than dropping the city's figure.
 */
function totalSentence(checked: readonly Report[], c: ComparisonDef, ruleset: Ruleset, w: Wording): string | undefined {
  const total = cityTotalSentence(checked, c, ruleset);
  if (!total) return undefined;
  const sentence = total.sentence.replace(/[。；;]+$/, '');
  return total.without.length
    ? `${sentence}${fill(w.cityTotalWithout, { 地区名单: total.without.join('、') })}`
    : sentence;
}

/**
 * 主要成效 by feedback area, in the ruleset's order: the city as a whole (全市成效: totals and
 * the change on last year, when their 条件 holds), then the best district of an indicator
 * (全市最高/最低), continuing the sentence on the city's figure for the same indicator.
 */
function achievementBlocks(checked: readonly Report[], ruleset: Ruleset, w: Wording): DraftBlock[] {
  const paragraphs: string[] = [];
  for (const area of ruleset.areas) {
    const said: { indicator: string; text: string; city: boolean }[] = [];
    for (const c of inIndicatorOrder(ruleset)) {
      if (c.mode === 'below' || ruleset.areaOf(c.indicator)?.name !== area.name) continue;
      const text = c.mode === 'total' ? totalSentence(checked, c, ruleset, w) : bestSentence(c, checked, ruleset, w);
      if (!text) continue;
      const sentence = text.replace(/[。；;]+$/, '');
      const same = said.find((s) => s.indicator === c.indicator);
      if (same && c.mode !== 'total') {
        // the figure is named already: "…，其中乙县比上年增长25.0%，增幅居全市首位"
        const short = ruleset.indicator(c.indicator)?.shortName ?? '';
        const said = short && same.text.includes(short) ? sentence.replace(short, '') : sentence;
        same.text = continueClause(same.text, `${w.cityBestAfterTotal}${said}`, w);
      } else said.push({ indicator: c.indicator, text: sentence, city: c.mode === 'total' });
    }
    // the city as a whole first, then the districts singled out
    const ordered = [...said.filter((s) => s.city), ...said.filter((s) => !s.city)];
    // 成效表述: the paragraph's heading, and after its 。 a lead sentence of what was achieved
    const lead = fill(area.strength || area.name, { 地区统称: ruleset.meta.collective }).replace(/[。；;]+$/, '');
    if (said.length) paragraphs.push(`${lead}。${joinClauses(ordered.map((s) => s.text))}`);
  }
  return paragraphs.map((text, i) => ({ style: 'h2', text: `（${chineseNumber(i + 1)}）${text}` }));
}

/** 现状 in the 问题清单: the figure and its unit, or for a 清单 the finding itself. */
function currentValue(f: Finding, ruleset: Ruleset): string {
  const def = f.indicator ? ruleset.indicator(f.indicator) : undefined;
  if (!def) return f.message;
  const v = asValue((f.values.current ?? null) as number | boolean | string | null);
  if (v === undefined) return '';
  return `${showValue(v)}${def.type === 'yesno' ? '' : def.unit}`;
}

function overview(checked: readonly Report[], skipped: number, ruleset: Ruleset, w: Wording): string {
  let text = fill(w.cityOverview, {
    地区统称: ruleset.meta.collective,
    地区类别: ruleset.meta.collective.replace(/^各/, ''),
    地区数: checked.length,
    地区名单: checked.map(districtName).join('、'),
  });
  if (skipped) text += fill(w.cityOverviewSkipped, { 文件数: skipped });
  const warnings = checked.map((r) => conclusiveWarnings(r, ruleset));
  const total = warnings.reduce((n, x) => n + x.length, 0);
  const rules = new Set(warnings.flat().map((f) => f.rule)).size;
  // a district with data in error or in doubt has requirements not concluded: it has not met them all
  const unsure = (r: Report) => r.counts.error > 0 || r.findings.some(doubtsValue);
  const clean = checked.filter((r, i) => warnings[i]!.length === 0 && !unsure(r)).map(districtName);
  if (total === 0 && clean.length === checked.length) {
    text += w.cityOverviewNoWarnings;
  } else {
    if (total > 0) text += fill(w.cityOverviewWarnings, { 要求数: rules, 项次: total });
    if (clean.length) text += fill(w.cityOverviewClean, { 地区名单: clean.join('、') });
  }
  const withErrors = checked.filter((r) => r.counts.error > 0);
  text += withErrors.length
    ? fill(w.cityOverviewErrors, {
        地区名单: withErrors
          .map((r) => fill(w.cityErrorCount, { 地区: districtName(r), 错误数: r.counts.error }))
          .join('、'),
      })
    : w.cityOverviewNoErrors;
  // values the check doubts hold conclusions back as errors do: said as each letter counts them
  const withDoubts = checked.map((r) => ({ r, n: r.findings.filter(doubtsValue).length })).filter(({ n }) => n > 0);
  if (withDoubts.length) {
    text += fill(w.cityOverviewDoubts, {
      地区名单: withDoubts.map(({ r, n }) => fill(w.cityErrorCount, { 地区: districtName(r), 错误数: n })).join('、'),
    });
  }
  return text;
}

/**
 * 问题清单 (FEEDBACK.md): 地区 | 指标 | 本年值 | 要求, a row per problem stated, each naming its
 * district; a 清单 problem's 本年值 is what it found (its message).
 */
function problemList(checked: readonly Report[], ruleset: Ruleset): string[][] {
  return checked.flatMap((r) =>
    conclusiveWarnings(r, ruleset).map((f) => {
      const label = ruleset.labelOf(f.indicator);
      const now = currentValue(f, ruleset);
      // a 清单's finding does not repeat what it is about ("上年度反馈问题整改尚未全部完成：共3项…" → "共3项…")
      const colon = now.indexOf('：');
      const value = now.startsWith(label) && colon > 0 ? now.slice(colon + 1) : now;
      return [districtName(r), label, value, f.requirement ?? ''];
    }),
  );
}

export function cityDraft(reports: readonly Report[], ruleset: Ruleset, opts: CityDraftOptions = {}): Draft {
  const w = draftWording(ruleset);
  const checked = checkedReports(reports);
  const year = mostCommon(checked.map((r) => r.district.year));
  const city = opts.cityName?.trim() || mostCommon(checked.map((r) => r.district.city.trim())) || w.defaultCity;
  const values = { ...commonValues(ruleset, w, year), 城市: city };
  const title = fill(w.cityTitle, values);
  const blocks: DraftBlock[] = [
    { style: 'title', text: title },
    { style: 'body', text: fill(w.cityOpening, values) },
  ];
  const sections = new Sections(blocks);

  sections.add(HEADINGS.overview);
  blocks.push({ style: 'body', text: overview(checked, reports.length - checked.length, ruleset, w) });

  sections.add(HEADINGS.strengths);
  const achievements = achievementBlocks(checked, ruleset, w);
  blocks.push(...(achievements.length ? achievements : [{ style: 'body' as const, text: w.cityStrengthsNone }]));

  sections.add(HEADINGS.problems);
  const items = problemItems(checked, ruleset, w);
  const areas = ruleset.areas.filter((a) => items.some((it) => it.area === a.name));
  areas.forEach((area, i) => {
    const sentences = joinSameDistricts(
      joinSameIndicator(
        items.filter((it) => it.area === area.name),
        ruleset,
        w,
      ),
    );
    // each district's own explanation of a problem named here, for the reviewer to weigh
    const comments = checked.flatMap((r) =>
      conclusiveWarnings(r, ruleset)
        .filter((f) => f.explanation && ruleset.areaOf(f.indicator)?.name === area.name)
        .map((f) => ({
          author: districtName(r),
          text: `${districtName(r)}说明（${ruleset.labelOf(f.indicator)}）：${quoted(f.explanation!)}`,
        })),
    );
    blocks.push({
      style: 'h2',
      text: `（${chineseNumber(i + 1)}）${area.problem}。${joinClauses(sentences)}`,
      ...(comments.length ? { comments } : {}),
    });
  });
  if (areas.length === 0) blocks.push({ style: 'body', text: w.cityOverviewNoWarnings });
  else blocks.push({ style: 'body', text: fill(w.cityLetters, values) });

  const warnings = checked.flatMap((r) => conclusiveWarnings(r, ruleset));
  const byArea = areas.map((area) => ({
    area,
    findings: warnings.filter((f) => ruleset.areaOf(f.indicator)?.name === area.name),
  }));
  const scope = checked[0] ? reportScope(checked[0], ruleset) : undefined;
  if (scope) recommendationBlocks(byArea, ruleset, scope, blocks, sections);

  sections.add(HEADINGS.requirements);
  blocks.push({ style: 'closing', text: fill(w.cityClosing, values) });
  const rows = problemList(checked, ruleset);
  const annexTitle = fill(w.cityAnnexTitle, values);
  const returned = returnedAnnex(checked, w);
  const annexes = [...(rows.length ? [annexTitle] : []), ...(returned.length ? [w.returnedTitle] : [])];
  if (annexes.length)
    blocks.push({ style: 'body', text: fill(w.annexNote, { 附件名称: annexes.join('、') }), annexes });
  blocks.push(
    { style: 'signature', text: values.发布单位 },
    { style: 'signature', text: dateText(opts.now ?? new Date()) },
  );
  if (rows.length) {
    blocks.push(
      { style: 'annex', text: w.annexLabel },
      { style: 'title', text: annexTitle },
      { style: 'table', header: [...TABLE_HEADERS.problems], rows },
    );
  }
  blocks.push(...returned);
  return numberAnnexes({ title, blocks });
}
