/**
 * The draft feedback for one district (spec/FEEDBACK.md, "Draft feedback for one district"):
 * built from the workbook's warnings only; errors are listed apart and never become conclusions.
 */
import { tryEvaluate, walk, type Expr, type Scope } from '../ruleset/expr';
import type { RuleDef, Ruleset } from '../ruleset/model';
import { renderText, showValue } from '../ruleset/text';
import { asValue } from '../validate/rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  areasOf,
  chineseNumber,
  conclusiveWarnings,
  districtName,
  errorIndicators,
  hasErrorInputs,
  joinClauses,
  nextYearText,
  quoted,
  recommendationBlocks,
  reportScope,
  strengthBlocks,
  voidIndicators,
  yearText,
} from './common';
import { DRAFT_PHRASES, fill } from './phrases';

const MAX_STRENGTHS = 5;
const EPS = 1e-9;
/** A percentage met at exactly this value is full coverage: a strength though it has no margin. */
const FULL = 100;

/**
 * How far a met condition clears its threshold, relative to it: for `a >= b`, a ÷ b − 1; for
 * `a <= b`, b ÷ a − 1. Undefined when the condition is not one comparison of positive numbers.
 */
function margin(condition: Expr, scope: Scope): { margin: number; threshold: number } | undefined {
  if (condition.k !== 'bin') return undefined;
  const a = tryEvaluate(condition.a, scope);
  const b = tryEvaluate(condition.b, scope);
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  if ((condition.op === '>=' || condition.op === '>') && b > 0) return { margin: a / b - 1, threshold: b };
  if ((condition.op === '<=' || condition.op === '<') && a > 0) return { margin: b / a - 1, threshold: a };
  return undefined;
}

function names(report: Report, rule: RuleDef, ruleset: Ruleset): Record<string, string> {
  const def = ruleset.indicator(rule.indicator);
  const r = report.indicators[rule.indicator];
  const shown = (v: number | boolean | string | null | undefined) => {
    const x = v === undefined ? undefined : asValue(v);
    return x === undefined ? '' : showValue(x);
  };
  return {
    本年值: shown(r?.current),
    上年值: shown(r?.last),
    简称: def?.shortName ?? '',
    指标名称: def?.name ?? '',
    单位: def?.unit ?? '',
  };
}

/**
 * 三 to 五 strengths: met rules with a 成效表述, ranked by relative margin (ties in rule order), one
 * per indicator; a percentage met at exactly 100% only after those. Never from an indicator that
 * is not met or whose data (its own or its inputs') has an error.
 */
export function strengths(report: Report, ruleset: Ruleset): string[] {
  const errors = errorIndicators(report);
  const scope = reportScope(report, ruleset);
  const real: { id: string; margin: number; text: string }[] = [];
  const full: { id: string; text: string }[] = [];
  for (const rule of ruleset.rules) {
    if (!rule.strength || rule.target.kind !== 'indicator') continue;
    if (report.indicators[rule.indicator]?.outcome !== 'met' || hasErrorInputs(rule, errors)) continue;
    if (tryEvaluate(rule.condition, scope) !== true) continue;
    const m = margin(rule.condition, scope);
    if (!m) continue;
    const text = renderText(rule.strength, { scope, names: names(report, rule, ruleset) });
    if (m.margin > EPS) real.push({ id: rule.indicator, margin: m.margin, text });
    else if (Math.abs(m.threshold - FULL) < EPS) full.push({ id: rule.indicator, text });
  }
  real.sort((a, b) => b.margin - a.margin);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of [...real, ...full]) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(s.text);
    if (out.length === MAX_STRENGTHS) break;
  }
  return out;
}

/**
 * The clauses of 存在的主要问题 for some warnings: each finding's message, and the district's own
 * explanation after the last clause of its indicator (quoted once, not after every clause).
 */
function clauses(findings: readonly Finding[], district: string): string[] {
  return findings.map((f, i) => {
    const next = findings[i + 1];
    const text = f.explanation ? quoted(f.explanation) : '';
    const sameLater = next !== undefined && next.indicator === f.indicator && next.explanation === f.explanation;
    const quote = text && !sameLater ? fill(DRAFT_PHRASES.explanation, { district, text }) : '';
    return `${f.message}${quote}`;
  });
}

interface Counts {
  evaluated: number;
  met: number;
  notMet: number;
  pending: number;
}

/**
 * Indicators with a requirement: met, not met, or pending (not judged because data they rest on
 * is in error, or met on data of their own that has an error).
 */
function indicatorCounts(report: Report, ruleset: Ruleset): Counts {
  const errors = errorIndicators(report);
  const voided = new Set(voidIndicators(report, ruleset));
  const c: Counts = { evaluated: 0, met: 0, notMet: 0, pending: 0 };
  for (const r of Object.values(report.indicators)) {
    if (r.outcome === 'notMet') c.notMet++;
    else if (r.outcome === 'met' && !errors.has(r.id)) c.met++;
    else if (r.outcome === 'met' || voided.has(r.id)) c.pending++;
    else continue;
    c.evaluated++;
  }
  return c;
}

function overview(report: Report, ruleset: Ruleset, name: string): string {
  const c = indicatorCounts(report, ruleset);
  let text = fill(DRAFT_PHRASES.overview, { district: name, year: yearText(report.district.year), ...c });
  text += c.pending ? `${fill(DRAFT_PHRASES.overviewPending, { ...c })}。` : '。';
  const errors = report.counts.error;
  text += errors ? fill(DRAFT_PHRASES.overviewErrors, { errors }) : DRAFT_PHRASES.overviewNoErrors;
  return text;
}

function dataAnnex(report: Report, ruleset: Ruleset): DraftBlock[] {
  const errors = report.findings.filter((f) => f.level === 'error');
  if (errors.length === 0) return [];
  const blocks: DraftBlock[] = [
    { style: 'h1', text: DRAFT_PHRASES.dataAnnexTitle },
    { style: 'body', text: DRAFT_PHRASES.dataAnnexLead },
    {
      style: 'table',
      header: [...DRAFT_PHRASES.dataAnnexHeader],
      rows: errors.map((f, i) => [String(i + 1), f.sheet, f.cell, f.message]),
    },
  ];
  const voided = voidIndicators(report, ruleset);
  if (voided.length) {
    const names = voided.map((id) => ruleset.labelOf(id)).join('、');
    blocks.push({ style: 'body', text: fill(DRAFT_PHRASES.dataAnnexVoid, { names }) });
  }
  return blocks;
}

export function districtDraft(report: Report, ruleset: Ruleset): Draft {
  const name = districtName(report);
  const year = report.district.year;
  const title = fill(DRAFT_PHRASES.districtTitle, { district: name, year: yearText(year) });
  const blocks: DraftBlock[] = [{ style: 'title', text: title }];
  const sections = new Sections(blocks);
  const warnings = conclusiveWarnings(report);
  const hasErrors = report.counts.error > 0;
  const days = DRAFT_PHRASES.workingDays;

  sections.add(DRAFT_PHRASES.sections.overview);
  blocks.push({ style: 'body', text: overview(report, ruleset, name) });

  sections.add(DRAFT_PHRASES.sections.strengths);
  const items = strengths(report, ruleset);
  if (items.length) {
    blocks.push(
      { style: 'body', text: fill(DRAFT_PHRASES.strengthsLead, { district: name }) },
      ...strengthBlocks(items),
    );
  } else {
    blocks.push({ style: 'body', text: DRAFT_PHRASES.strengthsNone });
  }

  sections.add(DRAFT_PHRASES.sections.problems);
  const areas = areasOf(warnings, ruleset);
  areas.forEach((area, i) => {
    const areaClauses = clauses(
      warnings.filter((f) => ruleset.areaOf(f.indicator)?.name === area.name),
      name,
    );
    blocks.push({ style: 'h2', text: `（${chineseNumber(i + 1)}）${area.problem}。${joinClauses(areaClauses)}` });
  });
  if (areas.length === 0) {
    blocks.push({ style: 'body', text: hasErrors ? DRAFT_PHRASES.problemsNoneExceptData : DRAFT_PHRASES.problemsNone });
  }

  recommendationBlocks(areas, blocks, sections);

  sections.add(DRAFT_PHRASES.sections.requirements);
  let closing = fill(areas.length ? DRAFT_PHRASES.closing : DRAFT_PHRASES.closingNoProblems, {
    district: name,
    days,
    nextYear: nextYearText(year),
  });
  if (hasErrors) closing += fill(DRAFT_PHRASES.closingDataErrors, { days });
  blocks.push({ style: 'closing', text: closing });

  blocks.push(...dataAnnex(report, ruleset));
  return { title, blocks };
}

/** Sub-expressions, for tests that look into conditions. */
export { walk };
