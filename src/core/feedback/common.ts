/**
 * What the district and city-wide drafts share: which warnings may be stated as conclusions,
 * the order of districts, numbering and the small pieces of wording around them.
 */
import { NotEvaluated, type Scope, type Year } from '../ruleset/expr';
import type { AreaDef, RuleDef, Ruleset } from '../ruleset/model';
import { draftText } from './figures';
import { asValue } from '../validate/rules';
import { YEAR_RULES } from '../years/compare';
import type { DraftBlock, Finding, Report } from '../types';
import { HEADINGS, TABLE_HEADERS, WORDING, fill, wording, type Wording } from './phrases';

export function districtName(report: Report): string {
  return report.district.name || WORDING.unnamedDistrict.text;
}

/** The drafts' wording of a ruleset: the defaults, with its 反馈文书 applied. */
export function draftWording(ruleset: Ruleset): Wording {
  return wording(ruleset.wording);
}

/** Values every part of a draft may use: the ruleset's names of the office and the evaluation. */
export interface CommonValues {
  发布单位: string;
  评价依据: string;
  地区统称: string;
  年度: string;
  下一年度: string;
  工作日: string;
}

export function commonValues(ruleset: Ruleset, w: Wording, year: number | null): CommonValues {
  return {
    发布单位: ruleset.meta.issuer || w.defaultIssuer,
    评价依据: ruleset.meta.basis || w.defaultBasis,
    地区统称: ruleset.meta.collective,
    年度: yearText(year),
    下一年度: year === null ? w.nextYearUnknown : `${year + 1}年度`,
    工作日: w.workingDays,
  };
}

/** 成文日期 as an official document writes it: 2026年11月26日. */
export function dateText(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** Whom a district's letter is addressed to: its government, or a zone's administrative committee. */
export function addressee(name: string): string {
  return /(开发区|新区|高新区|管委会?|管理委员会)$/.test(name)
    ? `${name.replace(/管委会?$|管理委员会$/, '')}管委会`
    : `${name}人民政府`;
}

/** A value of an indicator: this year's (本年值) or last year's (上年值). */
export interface ValueRef {
  id: string;
  year: Year;
}

const BOTH_YEARS: readonly Year[] = ['current', 'last'];

/**
 * The values a notice doubts: the plausibility check (G4, a tenfold jump) both of its indicator's,
 * either may be wrong; a 上年值 unlike last year's workbook (YR.lastValue) that 上年值 only. A
 * ruleset's own 提示 (an oversized school) informs and doubts no figure, nor do G5/G6 (a missing
 * explanation or evidence) or the other comparisons with last year (a problem not listed in
 * 问题整改, a rectification said done): they speak of the 问题整改 sheet, not of a value.
 */
function doubtedYears(f: Finding): readonly Year[] {
  if (f.level !== 'notice' || !f.indicator) return [];
  if (f.rule === 'G4') return BOTH_YEARS;
  return f.rule === YEAR_RULES.lastValue ? ['last'] : [];
}

/** Whether a notice doubts a value (doubtedYears). */
export function doubtsValue(f: Finding): boolean {
  return doubtedYears(f).length > 0;
}

/**
 * A test whether the check doubts a value of the report (doubtsValue): what rests on it is neither
 * a problem nor a strength until checked.
 */
export function doubtedValues(report: Report): (ref: ValueRef) => boolean {
  const doubted = new Set<string>();
  for (const f of report.findings) for (const year of doubtedYears(f)) doubted.add(`${f.indicator}:${year}`);
  return (ref) => doubted.has(`${ref.id}:${ref.year}`);
}

/** Districts by 行政区划代码; a missing code sorts last, then by name. */
export function compareByCode(a: Report, b: Report): number {
  const ca = a.district.code || '\uffff';
  const cb = b.district.code || '\uffff';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.district.name.localeCompare(b.district.name, 'zh');
}

/** The reports that could be validated, in order of 行政区划代码. */
export function checkedReports(reports: readonly Report[]): Report[] {
  return reports.filter((r) => r.status === 'checked').sort(compareByCode);
}

/** Indicator ids (and 清单 编号) that have at least one error finding. */
export function errorIndicators(report: Report): Set<string> {
  const out = new Set<string>();
  for (const f of report.findings) if (f.level === 'error' && f.indicator) out.add(f.indicator);
  return out;
}

/** The values a rule rests on: its indicator's 本年值 and each value its condition reads. */
export function valuesOf(rule: RuleDef): ValueRef[] {
  return [{ id: rule.indicator, year: 'current' }, ...rule.inputs];
}

/** Whether any value a rule reads has an error: then nothing is concluded from it. */
export function hasErrorInputs(rule: RuleDef, errors: ReadonlySet<string>): boolean {
  return valuesOf(rule).some((x) => errors.has(x.id));
}

/**
 * A test whether an indicator's requirements rest on data in doubt: an error on it or on a value its
 * 未达标 rules read (RULESET.md: "the value it is reported on is in doubt"), or a notice doubting
 * its 本年值 or a value those rules read (doubtedValues).
 */
export function inDoubt(report: Report, ruleset: Ruleset): (id: string) => boolean {
  const errors = errorIndicators(report);
  const doubted = doubtedValues(report);
  const unsure = (x: ValueRef) => errors.has(x.id) || doubted(x);
  return (id) =>
    unsure({ id, year: 'current' }) ||
    ruleset.rulesOf(id).some((r) => r.level === 'warning' && valuesOf(r).some(unsure));
}

const rowOf = (cell: string): number => Number(/\d+$/.exec(cell)?.[0] ?? NaN);

/**
 * A test whether a warning rests on data in doubt, so that it is no conclusion (FEEDBACK.md: errors make
 * a finding void): its indicator or a value its rule reads has an error or a doubting notice; for
 * a 清单 rule evaluated on every row, an error on the same row (an error elsewhere in the list
 * leaves the row's finding standing); for a rule on the whole 清单, an error anywhere in it.
 */
export function restsOnDoubt(report: Report, ruleset: Ruleset): (f: Finding) => boolean {
  const errors = errorIndicators(report);
  const doubted = doubtedValues(report);
  const errorRows = new Set(
    report.findings.filter((e) => e.level === 'error').map((e) => `${e.indicator}\t${e.sheet}\t${rowOf(e.cell)}`),
  );
  return (f) => {
    const rule = ruleset.rule(f.rule);
    if (rule?.inputs.some((x) => (x.id !== f.indicator && errors.has(x.id)) || doubted(x))) return true;
    if (f.indicator && doubted({ id: f.indicator, year: 'current' })) return true;
    if (!f.indicator || !errors.has(f.indicator)) return false;
    if (rule?.target.kind !== 'list' || rule.target.scope !== 'row') return true;
    return errorRows.has(`${f.indicator}\t${f.sheet}\t${rowOf(f.cell)}`);
  };
}

/**
 * The warnings that may be stated as conclusions: none resting on data in error or in doubt
 * (restsOnDoubt, the values each rule reads included), none the
 * reviewer decided on (采纳说明 leaves the problems, 退回补充 waits for the district's answer).
 */
export function conclusiveWarnings(report: Report, ruleset: Ruleset): Finding[] {
  const doubtful = restsOnDoubt(report, ruleset);
  return report.findings.filter((f) => f.level === 'warning' && f.review === undefined && !doubtful(f));
}

/** Warnings the reviewer sent back for the district to complete its explanation (退回补充). */
export function returnedWarnings(report: Report): Finding[] {
  return report.findings.filter((f) => f.level === 'warning' && f.review === '退回补充');
}

/**
 * The template's sheets the workbook lacks (TPL.missingSheet; a renamed sheet too): what is on
 * them was not read, so nothing on them is judged.
 */
export function missingSheets(report: Report, ruleset: Ruleset): Set<string> {
  const out = new Set<string>();
  for (const f of report.findings) {
    if (f.rule !== 'TPL.missingSheet') continue;
    const name = typeof f.values.sheet === 'string' ? f.values.sheet : f.sheet;
    if (ruleset.sheet(name)) out.add(name);
  }
  return out;
}

/** Indicators whose requirement could not be judged because data they rest on is in error. */
export function voidIndicators(report: Report, ruleset: Ruleset): string[] {
  const errors = errorIndicators(report);
  return Object.values(report.indicators)
    .filter((r) => r.outcome === 'notEvaluated')
    .filter((r) => ruleset.rulesOf(r.id).some((rule) => rule.level === 'warning' && hasErrorInputs(rule, errors)))
    .map((r) => r.id);
}

/** The values of a report as expressions see them (no 清单 rows: those stay in the workbook). */
export function reportScope(report: Report, ruleset: Ruleset): Scope {
  return {
    indicator: (id: string, year: Year) => {
      const r = report.indicators[id];
      return r ? asValue(r[year]) : undefined;
    },
    param: (name) => ruleset.params[name] ?? NaN,
    column: () => undefined,
    rows: () => {
      throw new NotEvaluated();
    },
    cityTotal: () => undefined,
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (enough for headings and lists). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return String(n);
}

export function yearText(year: number | null): string {
  return year === null ? '' : `${year}年度`;
}

/**
 * Text from a workbook as one line, without trailing punctuation, to quote inside a sentence:
 * a line break after a full stop or comma just goes, elsewhere it becomes `，`.
 */
export function quoted(text: string): string {
  return text
    .trim()
    .replace(/[。；;，,.、\s]+$/u, '')
    .replace(/([。；;，,、：:！!？?])\s*[\r\n]+\s*/gu, '$1')
    .replace(/\s*[\r\n]+\s*/g, '，');
}

/** A sentence is not drawn out beyond this many clauses: it goes on after `；` or a new sentence starts. */
export const MAX_CLAUSES = 4;

/** The places where a text breaks between clauses (`，` or `；`), outside brackets and quotes. */
function breaks(text: string, marks: string): number {
  let depth = 0;
  let n = 0;
  for (const ch of text) {
    if ('（(“‘《'.includes(ch)) depth++;
    else if ('）)”’》'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && marks.includes(ch)) n++;
  }
  return n;
}

/** How many clauses a sentence has: parts between `，` and `；`, not counting those inside brackets or quotes. */
export function clauseCount(text: string): number {
  return text ? breaks(text, '，；') + 1 : 0;
}

/** Whether a sentence already lists parallel statements with `；`. */
export function hasSemicolon(text: string): boolean {
  return breaks(text, '；') > 0;
}

/**
 * A clause continuing a sentence (`more` without leading punctuation, e.g. `且低于全市平均水平`):
 * after `，`, or, when the sentence would grow beyond MAX_CLAUSES, after `；` and the ruleset's
 * connective (同时).
 */
export function continueClause(text: string, more: string, w: Wording): string {
  if (clauseCount(text) + clauseCount(more) <= MAX_CLAUSES) return `${text}，${more}`;
  return `${text}；${w.clauseAlso}${more.replace(/^且/, '')}`;
}

/**
 * The sentences of a paragraph: joined by `；` while the sentence stays short, a new sentence
 * (`。`) when it would grow beyond MAX_CLAUSES or when either part already lists with `；`.
 */
export function joinClauses(sentences: readonly string[]): string {
  let out = '';
  let current = '';
  let clauses = 0;
  // whether the sentence under way lists with ；of its own (then nothing more is joined to it)
  let listed = false;
  for (const c of sentences.filter(Boolean)) {
    if (current && !listed && !hasSemicolon(c) && clauses + clauseCount(c) <= MAX_CLAUSES) {
      current += `；${c}`;
      clauses += clauseCount(c);
      continue;
    }
    if (current) out += `${current}。`;
    current = c;
    clauses = clauseCount(c);
    listed = hasSemicolon(c);
  }
  return current ? `${out}${current}。` : out;
}

/** Numbers first-level headings 一、二、… in the order they are added. */
export class Sections {
  private n = 0;
  constructor(private readonly blocks: DraftBlock[]) {}
  add(title: string): void {
    this.n++;
    this.blocks.push({ style: 'h1', text: `${chineseNumber(this.n)}、${title}` });
  }
}

/**
 * 整改意见: for each area with problems, its action heading (the area's 整改意见) and the 整改建议
 * of the rules broken there, once each; nothing about what is done well.
 */
export function recommendationBlocks(
  areas: readonly { area: AreaDef; findings: readonly Finding[] }[],
  ruleset: Ruleset,
  scope: Scope,
  blocks: DraftBlock[],
  sections: Sections,
): void {
  const paragraphs = areas
    .map(({ area, findings }) => {
      const advice = [...new Set(findings.map((f) => f.rule))]
        .map((id) => ruleset.rule(id))
        .filter((r): r is RuleDef => r?.advice !== undefined)
        .map((r) => draftText(r.advice!, { scope, names: {} }).replace(/[。；;]+$/, ''))
        .filter(Boolean);
      const heading = area.advice.replace(/[。；;]+$/, '');
      const body = [...new Set(advice)].join('；');
      if (!heading && !body) return '';
      return heading ? `${heading}。${body ? `${body}。` : ''}` : `${body}。`;
    })
    .filter(Boolean);
  if (paragraphs.length === 0) return;
  sections.add(HEADINGS.recommendations);
  paragraphs.forEach((text, i) => blocks.push({ style: 'h2', text: `（${chineseNumber(i + 1)}）${text}` }));
}

/** The "一是…。二是…。" paragraphs of 主要成效. */
export function strengthBlocks(items: readonly string[], w: Wording): DraftBlock[] {
  return items.map((text, i) => ({
    style: 'body',
    text: fill(w.strengthItem, { 序号: chineseNumber(i + 1), 成效: text.replace(/[。；;]+$/, '') }),
  }));
}

/** The areas that have findings, in the ruleset's order. */
export function areasOf(findings: readonly Finding[], ruleset: Ruleset): AreaDef[] {
  const names = new Set(findings.map((f) => ruleset.areaOf(f.indicator)?.name));
  return ruleset.areas.filter((a) => names.has(a.name));
}

/** The annex of matters sent back for more explanation (退回补充), when there are any. */
export function returnedAnnex(reports: readonly Report[], w: Wording): DraftBlock[] {
  const rows = reports.flatMap((r) =>
    returnedWarnings(r).map((f, i) => [
      i === 0 ? districtName(r) : '',
      f.message,
      f.explanation ?? '',
      f.reviewNote ?? '',
    ]),
  );
  if (rows.length === 0) return [];
  return [
    { style: 'annex', text: w.annexLabel },
    { style: 'title', text: w.returnedTitle },
    { style: 'body', text: w.returnedLead },
    { style: 'table', header: [...TABLE_HEADERS.returned], rows: rows.map((r, i) => [String(i + 1), ...r]) },
  ];
}
