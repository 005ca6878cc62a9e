/**
 * The draft feedback letter to one district (spec/FEEDBACK.md, "Draft feedback for one district"):
 * addressed to its government, built from the workbook's conclusive warnings; data errors and
 * values the check doubts are listed apart and never become conclusions.
 */
import { numberAnnexes } from './annexes';
import { indicatorNames, type CityFinding, type CityLead } from '../city';
import { tryEvaluate, type Expr, type Scope } from '../ruleset/expr';
import type { RuleDef, Ruleset } from '../ruleset/model';
import { showValue, textExpressions } from '../ruleset/text';
import { draftText } from './figures';
import { asValue } from '../validate/rules';
import type { Draft, DraftBlock, Finding, Report } from '../types';
import {
  Sections,
  addressee,
  areasOf,
  chineseNumber,
  commonValues,
  conclusiveWarnings,
  continueClause,
  dateText,
  districtName,
  doubtedValues,
  doubtsValue,
  draftWording,
  errorIndicators,
  hasErrorInputs,
  inDoubt,
  joinClauses,
  missingSheets,
  quoted,
  recommendationBlocks,
  reportScope,
  returnedAnnex,
  returnedWarnings,
  strengthBlocks,
  valuesOf,
  voidIndicators,
} from './common';
import { HEADINGS, TABLE_HEADERS, fill, type Wording } from './phrases';

const MAX_STRENGTHS = 5;
const EPS = 1e-9;
/** A percentage met at exactly this value is full coverage: a strength though it has no margin. */
const FULL = 100;
/** Margins below this share of the requirement are trivia, not strengths. */
const MIN_MARGIN = 0.05;

export interface DistrictDraftOptions {
  /** the date the draft is written (成文日期); today by default */
  now?: Date;
  /** the batch's comparisons: those naming this district go into its letter */
  city?: readonly CityFinding[];
  /** the batch's first places (cityLeads): where this district leads opens its 主要成效 */
  leads?: readonly CityLead[];
}

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
  const r = report.indicators[rule.indicator];
  const shown = (v: number | boolean | string | null | undefined) => {
    const x = v === undefined ? undefined : asValue(v);
    return x === undefined ? '' : showValue(x);
  };
  return {
    本年值: shown(r?.current),
    上年值: shown(r?.last),
    ...indicatorNames(ruleset, rule.indicator),
  };
}

/**
 * 三 to 五 strengths: first where the district leads the batch (`leads`, as the city report says
 * it), then met rules with a 成效表述 that clear their requirement by a real margin, widest
 * first, one per indicator; a percentage met at exactly 100% only after those. Never from an
 * indicator that is not met, whose data has an error, or whose value the check doubts.
 */
export function strengths(
  report: Report,
  ruleset: Ruleset,
  leads: readonly CityLead[] = [],
  troubled: ReadonlySet<string> = new Set(),
): string[] {
  const errors = errorIndicators(report);
  const doubted = doubtedValues(report);
  const scope = reportScope(report, ruleset);
  const real: { id: string; margin: number; text: string }[] = [];
  const full: { id: string; text: string }[] = [];
  for (const rule of ruleset.rules) {
    if (!rule.strength || rule.target.kind !== 'indicator') continue;
    if (report.indicators[rule.indicator]?.outcome !== 'met' || hasErrorInputs(rule, errors)) continue;
    if (valuesOf(rule).some(doubted)) continue;
    if (tryEvaluate(rule.condition, scope) !== true) continue;
    const m = margin(rule.condition, scope);
    if (!m) continue;
    const text = draftText(rule.strength, { scope, names: names(report, rule, ruleset) });
    if (m.margin >= MIN_MARGIN) real.push({ id: rule.indicator, margin: m.margin, text });
    else if (Math.abs(m.margin) < EPS && Math.abs(m.threshold - FULL) < EPS) full.push({ id: rule.indicator, text });
  }
  real.sort((a, b) => b.margin - a.margin);
  const seen = new Set<string>();
  const chosen: { id: string; text: string }[] = [];
  const first = leads.map((l) => ({ id: l.indicator, text: l.own }));
  for (const s of [...first, ...real, ...full]) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    chosen.push(s);
    if (chosen.length === MAX_STRENGTHS) break;
  }
  return byArea(chosen, ruleset, troubled);
}

/**
 * Strengths of one area said together after what the area achieved (the heading of its
 * 成效表述, the part before its first 。): "教育投入持续加大，经费保障政策有效落实。一般公共预算…",
 * the areas in the order of their first strength. An area where the letter also finds problems
 * (`troubled`) is not said to be achieved: its figures come last, without the heading.
 */
function byArea(
  chosen: readonly { id: string; text: string }[],
  ruleset: Ruleset,
  troubled: ReadonlySet<string>,
): string[] {
  const groups = new Map<string, { heading: string; texts: string[] }>();
  const ordered = [
    ...chosen.filter((s) => !troubled.has(ruleset.areaOf(s.id)?.name ?? '')),
    ...chosen.filter((s) => troubled.has(ruleset.areaOf(s.id)?.name ?? '')),
  ];
  for (const s of ordered) {
    const area = ruleset.areaOf(s.id);
    const key = area?.name ?? s.id;
    const heading = area && !troubled.has(area.name) ? (area.strength.split('。')[0]?.trim() ?? '') : '';
    const group = groups.get(key) ?? { heading, texts: [] };
    group.texts.push(s.text.replace(/[。；;]+$/, ''));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const said = joinClauses(g.texts).replace(/。$/, '');
    return g.heading ? `${g.heading}。${said}` : said;
  });
}

/** A clause of 存在的主要问题: what one indicator misses, and the district's explanation after it. */
interface Clause {
  indicator: string | null;
  text: string;
  quote: string;
}

/**
 * A warning's message as the letter says it: an indicator's rule written again from the
 * district's figures with the drafts' figures (draftText: what was typed as typed, what is
 * computed rounded); a 清单 finding, or one whose figures need the workbook's rows, as the check
 * wrote it.
 */
function findingText(f: Finding, report: Report, ruleset: Ruleset): string {
  const rule = ruleset.rule(f.rule);
  if (!rule || rule.target.kind !== 'indicator' || rule.indicator !== f.indicator) return f.message;
  const scope = reportScope(report, ruleset);
  if (textExpressions(rule.message).some((x) => tryEvaluate(x.expr, scope) === undefined)) return f.message;
  return draftText(rule.message, { scope, names: names(report, rule, ruleset), condition: rule.condition });
}

/**
 * The clauses of 存在的主要问题 for some warnings: each finding's message, and the district's own
 * explanation after the last clause of its indicator (quoted once, not after every clause).
 */
function clauses(findings: readonly Finding[], district: string, w: Wording, say: (f: Finding) => string): Clause[] {
  const out: Clause[] = [];
  findings.forEach((f, i) => {
    const prev = findings[i - 1];
    const next = findings[i + 1];
    const text = f.explanation ? quoted(f.explanation) : '';
    const sameLater = next !== undefined && next.indicator === f.indicator && next.explanation === f.explanation;
    const quote = text && !sameLater ? fill(w.explanation, { 地区: district, 说明: text }) : '';
    const message = say(f).replace(/[。；;]+$/, '');
    // a second finding on one indicator continues the first clause without repeating its figure
    const cut = message.indexOf('，');
    const head = cut > 0 ? message.slice(0, cut) : '';
    const last = out[out.length - 1];
    if (prev?.indicator === f.indicator && last !== undefined && head && last.text.includes(head)) {
      last.text = continueClause(last.text, `且${message.slice(cut + 1)}`, w);
      last.quote = quote;
    } else {
      out.push({ indicator: f.indicator, text: message, quote });
    }
  });
  return out;
}

/**
 * The batch's comparisons that name the district, said as the city report says them: after the
 * clause on the same indicator ("…，且低于全市平均水平（53.7%）"), else as clauses of their own.
 */
function withComparisons(
  own: Clause[],
  compared: readonly CityFinding[],
  report: Report,
  ruleset: Ruleset,
  w: Wording,
): string[] {
  const out = own.map((c) => ({ ...c }));
  for (const c of compared) {
    const text = fill(w.cityComparison, { 比较: c.own.replace(/[。；;]+$/, '') });
    const def = ruleset.indicator(c.indicator);
    const short = def?.shortName ?? '';
    const same = [...out].reverse().find((x) => x.indicator === c.indicator);
    if (same && short && text.startsWith(short))
      same.text = continueClause(same.text, `${same.text.includes('，且') ? '' : '且'}${text.slice(short.length)}`, w);
    else {
      // a clause of its own says the district's figure before the city's: "…覆盖率为82.03%，低于…"
      const value = asValue(report.indicators[c.indicator]?.current ?? null);
      const figure = value === undefined || !def ? '' : `为${showValue(value)}${def.type === 'yesno' ? '' : def.unit}`;
      const said = short && figure && text.startsWith(short) ? `${short}${figure}，${text.slice(short.length)}` : text;
      out.push({ indicator: c.indicator, text: said, quote: '' });
    }
  }
  // in the order of the indicators, as the workbook has them
  const at = (id: string | null) => {
    const i = ruleset.indicators.findIndex((d) => d.id === id);
    return i < 0 ? ruleset.indicators.length : i;
  };
  return [...out].sort((a, b) => at(a.indicator) - at(b.indicator)).map((c) => `${c.text}${c.quote}`);
}

/**
 * Where the district stands on each requirement: indicators and 清单 with a requirement (a
 * 未达标 rule), in the ruleset's order, each counted once. Not met: the letter states a problem
 * on it (a conclusive warning). Not concluded: data it rests on is in error or in doubt, its
 * explanation was sent back (退回补充, listed in its annex), or its sheet is missing (said with
 * that sheet). A warning whose explanation the reviewer accepted is gone from the report: met.
 */
interface Standing {
  met: string[];
  notMet: string[];
  /** not concluded because data they rest on is in error or in doubt */
  inDoubt: string[];
  /** not concluded because the reviewer sent the district's explanation back (退回补充) */
  returned: string[];
  /** not judged because their sheet is missing (or renamed): sheet → what is on it */
  unread: Map<string, string[]>;
}

/** The first missing sheet holding a value that the requirements of `id` read. */
function unreadInput(id: string, ruleset: Ruleset, missing: ReadonlySet<string>): string | undefined {
  for (const rule of ruleset.rulesOf(id)) {
    if (rule.level !== 'warning') continue;
    for (const x of rule.inputs) {
      const sheet = ruleset.indicator(x.id)?.sheet ?? ruleset.list(x.id)?.sheet;
      if (sheet !== undefined && missing.has(sheet)) return sheet;
    }
  }
  return undefined;
}

function standing(report: Report, ruleset: Ruleset, warnings: readonly Finding[]): Standing {
  const doubt = inDoubt(report, ruleset);
  const voided = new Set(voidIndicators(report, ruleset));
  const missing = missingSheets(report, ruleset);
  const stated = new Set(warnings.map((f) => f.indicator));
  const returned = new Set(returnedWarnings(report).map((f) => f.indicator));
  const unconcluded = new Set(
    report.findings.filter((f) => f.level === 'warning' && f.review === undefined).map((f) => f.indicator),
  );
  const out: Standing = { met: [], notMet: [], inDoubt: [], returned: [], unread: new Map() };
  const ids = [...ruleset.indicators.map((d) => d.id), ...ruleset.lists.map((l) => l.code)];
  for (const id of ids) {
    if (!ruleset.rulesOf(id).some((r) => r.level === 'warning')) continue;
    const own = ruleset.indicator(id)?.sheet ?? ruleset.list(id)?.sheet ?? '';
    const outcome = report.indicators[id]?.outcome;
    const judged = !ruleset.indicator(id) || outcome === 'met' || outcome === 'notMet' || voided.has(id);
    // its own sheet is missing, or, when nothing was judged, the sheet of a value its rules read
    const sheet = missing.has(own) ? own : judged ? undefined : unreadInput(id, ruleset, missing);
    if (sheet !== undefined) {
      out.unread.set(sheet, [...(out.unread.get(sheet) ?? []), id]);
      continue;
    }
    if (!judged) continue;
    if (stated.has(id)) out.notMet.push(id);
    // a warning not stated and not decided on by the reviewer rests on data in doubt
    else if (doubt(id) || voided.has(id) || unconcluded.has(id)) out.inDoubt.push(id);
    else if (returned.has(id)) out.returned.push(id);
    else out.met.push(id);
  }
  return out;
}

function overview(report: Report, ruleset: Ruleset, name: string, w: Wording, s: Standing): string {
  const unread = [...s.unread.values()].flat().length;
  const evaluated = s.met.length + s.notMet.length + s.inDoubt.length + s.returned.length + unread;
  const allMet = evaluated === s.met.length;
  let text = fill(allMet ? w.overviewAllMet : w.overview, {
    地区: name,
    评价项数: evaluated,
    达标项数: s.met.length,
    未达标项数: s.notMet.length,
  });
  if (s.inDoubt.length) text += fill(w.overviewPending, { 待定项数: s.inDoubt.length });
  if (s.returned.length) {
    text += fill(w.overviewReturned, {
      待定项数: s.returned.length,
      待定指标: s.returned.map((id) => ruleset.labelOf(id)).join('、'),
    });
  }
  for (const [sheet, ids] of s.unread) {
    text += fill(w.overviewUnread, {
      待定项数: ids.length,
      待定指标: ids.map((id) => ruleset.labelOf(id)).join('、'),
      工作表: sheet,
    });
  }
  text += '。';
  const errors = report.counts.error;
  text += errors ? fill(w.overviewErrors, { 错误数: errors }) : w.overviewNoErrors;
  const doubts = report.findings.filter(doubtsValue).length;
  if (doubts) text += fill(w.overviewDoubts, { 待核实数: doubts });
  return text;
}

/**
 * The annex of data to verify: the errors under their heading (有误), the values the check doubts
 * under theirs (请核实), and the requirements not concluded because of them, all named.
 */
function dataAnnex(report: Report, ruleset: Ruleset, w: Wording, s: Standing): DraftBlock[] {
  const errors = report.findings.filter((f) => f.level === 'error');
  const notices = report.findings.filter(doubtsValue);
  if (errors.length + notices.length === 0) return [];
  const table = (rows: readonly Finding[]): DraftBlock => ({
    style: 'table',
    header: [...TABLE_HEADERS.data],
    rows: rows.map((f, i) => [String(i + 1), f.sheet, f.cell, f.message]),
  });
  const blocks: DraftBlock[] = [
    { style: 'annex', text: w.annexLabel },
    { style: 'title', text: w.dataAnnexTitle },
  ];
  if (errors.length) blocks.push({ style: 'body', text: w.dataAnnexLead }, table(errors));
  if (notices.length) blocks.push({ style: 'body', text: w.dataAnnexDoubtLead }, table(notices));
  if (s.inDoubt.length) {
    const names = s.inDoubt.map((id) => ruleset.labelOf(id)).join('、');
    blocks.push({ style: 'body', text: fill(w.dataAnnexVoid, { 指标: names }) });
  }
  return blocks;
}

export function districtDraft(report: Report, ruleset: Ruleset, opts: DistrictDraftOptions = {}): Draft {
  const w = draftWording(ruleset);
  const name = districtName(report);
  const year = report.district.year;
  const values = { ...commonValues(ruleset, w, year), 地区: name, 主送单位: addressee(name) };
  const title = fill(w.districtTitle, values);
  const blocks: DraftBlock[] = [
    { style: 'title', text: title },
    { style: 'salutation', text: fill(w.districtTo, values) },
    { style: 'body', text: fill(w.districtOpening, values) },
  ];
  const sections = new Sections(blocks);
  const warnings = conclusiveWarnings(report, ruleset);
  const stands = standing(report, ruleset, warnings);
  const annex = dataAnnex(report, ruleset, w, stands);

  sections.add(HEADINGS.overview);
  blocks.push({ style: 'body', text: overview(report, ruleset, name, w, stands) });

  sections.add(HEADINGS.strengths);
  const mine = (opts.city ?? []).filter((c) => c.districts.includes(name));
  // an area has a problem paragraph when the district misses a requirement there or a comparison names it
  const named = new Set(mine.map((c) => ruleset.areaOf(c.indicator)?.name));
  const problemAreas = ruleset.areas.filter((a) => named.has(a.name) || areasOf(warnings, ruleset).includes(a));
  const items = strengths(
    report,
    ruleset,
    (opts.leads ?? []).filter((l) => l.districts.includes(name)),
    new Set(problemAreas.map((a) => a.name)),
  );
  if (items.length) {
    blocks.push({ style: 'body', text: fill(w.strengthsLead, values) }, ...strengthBlocks(items, w));
  } else {
    blocks.push({ style: 'body', text: w.strengthsNone });
  }

  sections.add(HEADINGS.problems);
  const areas = problemAreas.map((area) => ({
    area,
    findings: warnings.filter((f) => ruleset.areaOf(f.indicator)?.name === area.name),
  }));
  areas.forEach(({ area, findings }, i) => {
    const compared = mine.filter((c) => ruleset.areaOf(c.indicator)?.name === area.name);
    const all = withComparisons(
      clauses(findings, name, w, (f) => findingText(f, report, ruleset)),
      compared,
      report,
      ruleset,
      w,
    );
    const comments = [...new Set(findings.map((f) => f.explanation).filter((x): x is string => !!x))].map((text) => ({
      author: name,
      text: fill(w.explanation, { 地区: name, 说明: quoted(text) }).replace(/^（|）$/g, ''),
    }));
    blocks.push({
      style: 'h2',
      text: `（${chineseNumber(i + 1)}）${area.problem}。${joinClauses(all)}`,
      ...(comments.length ? { comments } : {}),
    });
  });
  if (areas.length === 0) {
    blocks.push({ style: 'body', text: annex.length ? w.problemsNoneExceptData : w.problemsNone });
  }

  recommendationBlocks(areas, ruleset, reportScope(report, ruleset), blocks, sections);

  sections.add(HEADINGS.requirements);
  let closing = fill(areas.length ? w.closing : w.closingNoProblems, values);
  if (report.counts.error > 0) closing += fill(w.closingDataErrors, values);
  blocks.push({ style: 'closing', text: closing });
  const returned = returnedAnnex([report], w);
  const annexes = [...(annex.length ? [w.dataAnnexTitle] : []), ...(returned.length ? [w.returnedTitle] : [])];
  if (annexes.length)
    blocks.push({ style: 'body', text: fill(w.annexNote, { 附件名称: annexes.join('、') }), annexes });
  blocks.push(
    { style: 'signature', text: values.发布单位 },
    { style: 'signature', text: dateText(opts.now ?? new Date()) },
  );
  blocks.push(...annex, ...returnedAnnex([report], w));
  return numberAnnexes({ title, blocks });
}
