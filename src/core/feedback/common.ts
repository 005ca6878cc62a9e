/**
 * What the district and city-wide drafts share: which warnings may be stated as conclusions,
 * the order of districts, numbering and the small pieces of wording around them.
 */
import { NotEvaluated, type Scope, type Year } from '../ruleset/expr';
import type { AreaDef, RuleDef, Ruleset } from '../ruleset/model';
import { asValue } from '../validate/rules';
import type { DraftBlock, Finding, Report } from '../types';
import { DRAFT_PHRASES, fill } from './phrases';

export function districtName(report: Report): string {
  return report.district.name || DRAFT_PHRASES.unnamedDistrict;
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

/** Whether any value a rule reads has an error: then nothing is concluded from it. */
export function hasErrorInputs(rule: RuleDef, errors: ReadonlySet<string>): boolean {
  return errors.has(rule.indicator) || rule.inputs.some((x) => errors.has(x.id));
}

/**
 * The warnings that may be stated as conclusions. The engine draws no warning from data in error
 * (TEMPLATE.md: conclusions drawn from wrong data are void), so these are all of them.
 */
export function conclusiveWarnings(report: Report): Finding[] {
  return report.findings.filter((f) => f.level === 'warning');
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

export function nextYearText(year: number | null): string {
  return year === null ? DRAFT_PHRASES.nextYearUnknown : `${year + 1}年度`;
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

/** Clauses joined into the rest of a paragraph: `a；b。` */
export function joinClauses(clauses: readonly string[]): string {
  return clauses.length ? `${clauses.join('；')}。` : '';
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

/** 整改意见: one recommendation paragraph per area that has problems (none when no area has). */
export function recommendationBlocks(areas: readonly AreaDef[], blocks: DraftBlock[], sections: Sections): void {
  const withAdvice = areas.filter((a) => a.advice);
  if (withAdvice.length === 0) return;
  sections.add(DRAFT_PHRASES.sections.recommendations);
  withAdvice.forEach((a, i) => {
    blocks.push({ style: 'h2', text: `（${chineseNumber(i + 1)}）${a.name}。${a.advice}` });
  });
}

/** The "一是…。二是…。" paragraphs of 主要成效. */
export function strengthBlocks(items: readonly string[]): DraftBlock[] {
  return items.map((text, i) => ({
    style: 'body',
    text: fill(DRAFT_PHRASES.strengthItem, { n: chineseNumber(i + 1), text }),
  }));
}

/** The areas that have findings, in the ruleset's order. */
export function areasOf(findings: readonly Finding[], ruleset: Ruleset): AreaDef[] {
  const names = new Set(findings.map((f) => ruleset.areaOf(f.indicator)?.name));
  return ruleset.areas.filter((a) => names.has(a.name));
}
