/**
 * The draft feedback for one district (spec/FEEDBACK.md, "Draft feedback for one district"):
 * built from the workbook's warnings only; errors are listed apart and never become conclusions.
 */
import { AREAS } from '../catalogue';
import { fmtNum, fmtRate } from '../format';
import type { Params, Ruleset } from '../params';
import { AREA_PHRASES, DRAFT_PHRASES, FULL_COVERAGE_STRENGTHS, RULE_PHRASES, STRENGTH_PHRASES, fill } from '../phrases';
import { ruleConstants } from '../requirements';
import { RULES, type RuleDef } from '../rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  areaOf,
  conclusiveWarnings,
  districtName,
  errorIndicators,
  hasErrorInputs,
  joinClauses,
  chineseNumber,
  nextYearText,
  plainName,
  quoted,
  recommendationBlocks,
  strengthBlocks,
  voidIndicators,
  yearText,
} from './common';

const MAX_STRENGTHS = 5;
const EPS = 1e-9;

interface Strength {
  rule: string;
  /** how far above the requirement, relative to it: 本年值 ÷ the required value − 1 */
  margin: number;
  text: string;
}

type Figures = Record<string, string>;

function num(report: Report, id: string, year: 'current' | 'last' = 'current'): number | undefined {
  const v = report.indicators[id]?.[year];
  return typeof v === 'number' ? v : undefined;
}

function sum(report: Report, ids: readonly string[]): number | undefined {
  let t = 0;
  for (const id of ids) {
    const v = num(report, id);
    if (v === undefined) return undefined;
    t += v;
  }
  return t;
}

/** The margin of a met rule and the figures its strength phrase reads; undefined when it has none. */
function marginOf(
  rule: RuleDef,
  report: Report,
  p: Readonly<Params>,
): { margin: number; figures: Figures } | undefined {
  const F = num(report, rule.indicator);
  const E = num(report, rule.indicator, 'last');
  if (F === undefined) return undefined;
  const base: Figures = { F: fmtNum(F) };
  if (E !== undefined) base.E = fmtNum(E);
  switch (rule.kind) {
    case 'notBelowLast':
    case 'growth': {
      if (E === undefined || E <= 0 || F <= E) return undefined;
      const required = rule.kind === 'growth' ? E * (1 + p[rule.param] / 100) : E;
      return { margin: F / required - 1, figures: { ...base, growth: fmtRate(((F - E) / E) * 100) } };
    }
    case 'min': {
      const min = p[rule.param];
      if (min <= 0) return undefined;
      return { margin: F / min - 1, figures: { ...base, over: fmtNum(F - min, 1) } };
    }
    case 'rate':
    case 'shareOf': {
      const top = rule.kind === 'rate' ? sum(report, rule.num ?? [rule.indicator]) : F;
      const bottom = rule.kind === 'rate' ? sum(report, rule.den) : num(report, rule.ref);
      const min = p[rule.param];
      if (top === undefined || bottom === undefined || bottom <= 0 || min <= 0) return undefined;
      const share = (top / bottom) * 100;
      const shown = fmtRate(share);
      return { margin: share / min - 1, figures: { ...base, rate: shown, share: shown, over: fmtRate(share - min) } };
    }
    case 'atLeast': {
      const R = num(report, rule.ref);
      if (R === undefined || R <= 0) return undefined;
      return { margin: F / R - 1, figures: { ...base, R: fmtNum(R) } };
    }
    case 'drop': {
      if (E === undefined || F <= 0) return undefined;
      return { margin: (E - p[rule.param]) / F - 1, figures: { ...base, drop: fmtNum(E - F, 1) } };
    }
    case 'perCapitaMax': {
      const students = num(report, rule.num);
      if (students === undefined || F <= 0 || students <= 0) return undefined;
      const ratio = students / F;
      return { margin: p[rule.param] / ratio - 1, figures: { ...base, ratio: `${fmtNum(ratio, 0)}:1` } };
    }
    default:
      return undefined;
  }
}

/**
 * 三 to 五 strengths: met rules with a strength phrase, ranked by relative margin (ties in rule
 * order), one per indicator; full-coverage achievements ("达到100%") only after those. Never
 * from an indicator that is not met or whose data (its own or its inputs') has an error.
 */
export function strengths(report: Report, ruleset: Ruleset): string[] {
  const errors = errorIndicators(report);
  const real: Strength[] = [];
  const full: Strength[] = [];
  for (const rule of RULES) {
    const realPhrase = STRENGTH_PHRASES[rule.id];
    const fullPhrase = FULL_COVERAGE_STRENGTHS[rule.id];
    if (!realPhrase && !fullPhrase) continue;
    if (report.indicators[rule.indicator]?.outcome !== 'met' || hasErrorInputs(rule, errors)) continue;
    const m = marginOf(rule, report, ruleset.params);
    if (!m || m.margin < -EPS) continue;
    const values = { ...ruleConstants(rule, ruleset.params), ...m.figures };
    if (realPhrase && m.margin > EPS) real.push({ rule: rule.id, margin: m.margin, text: fill(realPhrase, values) });
    else if (fullPhrase) full.push({ rule: rule.id, margin: 0, text: fill(fullPhrase, values) });
  }
  real.sort((a, b) => b.margin - a.margin);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of [...real, ...full]) {
    const id = s.rule.split('.')[0]!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(s.text);
    if (out.length === MAX_STRENGTHS) break;
  }
  return out;
}

/**
 * The clauses of 存在的主要问题 for some warnings: each finding's message, and the district's own
 * explanation after the last clause of its indicator (quoted once, not after every clause).
 */
function clauseOf(f: Finding): string {
  const clause = RULE_PHRASES[f.rule]?.clause;
  return clause ? fill(clause, f.values) : f.message;
}

function clauses(findings: readonly Finding[], district: string): string[] {
  const out: string[] = [];
  findings.forEach((f, i) => {
    const prev = findings[i - 1];
    const next = findings[i + 1];
    // a second finding on the same indicator continues the first clause, without repeating its figure
    const followUp = prev?.indicator === f.indicator ? RULE_PHRASES[f.rule]?.followUp : undefined;
    const text = f.explanation ? quoted(f.explanation) : '';
    const sameLater = next !== undefined && next.indicator === f.indicator && next.explanation === f.explanation;
    const quote = text && !sameLater ? fill(DRAFT_PHRASES.explanation, { district, text }) : '';
    if (followUp && out.length) out[out.length - 1] += `，${fill(followUp, f.values)}${quote}`;
    else out.push(`${clauseOf(f)}${quote}`);
  });
  return out;
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
function indicatorCounts(report: Report): Counts {
  const errors = errorIndicators(report);
  const voided = new Set(voidIndicators(report));
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

function overview(report: Report, name: string): string {
  const c = indicatorCounts(report);
  let text = fill(DRAFT_PHRASES.overview, { district: name, year: yearText(report.district.year), ...c });
  text += c.pending ? `${fill(DRAFT_PHRASES.overviewPending, { ...c })}。` : '。';
  const errors = report.counts.error;
  text += errors ? fill(DRAFT_PHRASES.overviewErrors, { errors }) : DRAFT_PHRASES.overviewNoErrors;
  const { total, done } = report.rectification;
  if (total > 0) text += fill(DRAFT_PHRASES.overviewRectification, { total, done });
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
  const voided = voidIndicators(report);
  if (voided.length) {
    const names = voided.map((id) => plainName(id, ruleset.params)).join('、');
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
  blocks.push({ style: 'body', text: overview(report, name) });

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
  const areas = AREAS.filter((a) => warnings.some((f) => areaOf(f) === a));
  areas.forEach((area, i) => {
    const areaClauses = clauses(
      warnings.filter((f) => areaOf(f) === area),
      name,
    );
    blocks.push({
      style: 'h2',
      text: `（${chineseNumber(i + 1)}）${AREA_PHRASES[area].problem}。${joinClauses(areaClauses)}`,
    });
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
