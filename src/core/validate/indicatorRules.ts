/**
 * Evaluates the indicator rules of rules.ts on the rows read from the indicator sheets. A rule
 * whose inputs are missing or in error is not evaluated; one that would divide by 0 neither.
 */
import { fmtNum, fmtRate } from '../format';
import { fill, rulePhrase } from '../phrases';
import { ruleConstants, ruleRequirement } from '../requirements';
import { RULES, type RuleDef } from '../rules';
import type { FindingValues, IndicatorOutcome } from '../types';
import { MSG } from '../messages';
import type { Context } from './context';
import type { IndicatorRow, Year } from './indicatorSheets';
import type { SchoolTotals } from './schools';

interface Outcome {
  pass: boolean;
  year: Year;
  values: FindingValues;
}

const EPS = 1e-9;

/**
 * `x` to `decimals` places (1: one decimal, trailing zero kept), or to as many more as it takes
 * for the figure not to read as `threshold` when it misses it (falls below it, or with `above`
 * rises over it), nor as 0 when it is not 0.
 */
function fmtBelow(x: number, decimals: number, threshold?: number, above = false): string {
  for (let d = decimals; d <= 9; d++) {
    const shown = d === 1 ? fmtRate(x) : fmtNum(x, d);
    const n = Number(shown);
    const hidesMiss =
      threshold !== undefined && (above ? x > threshold && n <= threshold : x < threshold && n >= threshold);
    if (!hidesMiss && (n !== 0 || x === 0)) return shown;
  }
  return String(x);
}

/** A share as printed: one decimal, more when one decimal would hide that the threshold is missed. */
export function fmtShare(x: number, threshold?: number): string {
  return fmtBelow(x, 1, threshold);
}

type Rows = ReadonlyMap<string, IndicatorRow>;

/**
 * The values rules may use. A value that a failed error-level rule has put in doubt (a share that
 * disagrees with its counts, a part larger than its whole) is withheld from the rules after it.
 */
class Values {
  private readonly doubtful = new Set<string>();
  constructor(private readonly rows: Rows) {
    for (const [id, row] of rows) for (const year of row.doubtful) this.doubt(id, year);
  }
  get(id: string, year: Year): number | boolean | null | undefined {
    return this.doubtful.has(`${id}:${year}`) ? undefined : this.rows.get(id)?.[year];
  }
  doubt(id: string, year: Year): void {
    this.doubtful.add(`${id}:${year}`);
  }
}

function num(rows: Values, id: string, year: Year = 'current'): number | undefined {
  const v = rows.get(id, year);
  return typeof v === 'number' ? v : undefined;
}

function sum(rows: Values, ids: string[], year: Year = 'current'): number | undefined {
  let total = 0;
  for (const id of ids) {
    const v = num(rows, id, year);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

const YEARS: Year[] = ['last', 'current'];

function yearLabel(year: Year): string {
  return year === 'last' ? MSG.ruleYearLast : MSG.ruleYearCurrent;
}

function evaluate(rule: RuleDef, rows: Values, schools: SchoolTotals | null, p: Context['params']): Outcome[] | null {
  const id = rule.indicator;
  const F = num(rows, id);
  const E = num(rows, id, 'last');
  const one = (pass: boolean, values: FindingValues): Outcome[] => [{ pass, year: 'current', values }];
  switch (rule.kind) {
    case 'notBelowLast':
      if (F === undefined || E === undefined) return null;
      return one(F >= E - EPS, {
        F: fmtBelow(F, 2, E),
        E: fmtNum(E),
        diff: fmtBelow(E - F, 2),
        declinePct: E > 0 ? fmtBelow(((E - F) / E) * 100, 2) : '',
      });
    case 'notAboveLast':
      if (F === undefined || E === undefined) return null;
      return one(F <= E + EPS, { F: fmtBelow(F, 2, E, true), E: fmtNum(E), diff: fmtBelow(F - E, 2) });
    case 'growth': {
      if (F === undefined || E === undefined || E === 0) return null;
      const g = ((F - E) / E) * 100;
      const min = p[rule.param];
      const shown = g >= 0 ? fmtShare(g, min) : fmtBelow(-g, 2);
      return one(g >= min - EPS, {
        F: fmtNum(F),
        E: fmtNum(E),
        growth: fmtNum(g),
        change: g >= 0 ? `增长${shown}%` : `下降${shown}%`,
      });
    }
    case 'min':
      if (F === undefined) return null;
      return one(F >= p[rule.param] - EPS, { F: fmtBelow(F, 2, p[rule.param]) });
    case 'zero':
      if (F === undefined) return null;
      return one(F === 0, { F: fmtNum(F) });
    case 'yesno': {
      const v = rows.get(id, 'current');
      if (typeof v !== 'boolean') return null;
      return one(v === rule.expect, { F: v ? '是' : '否' });
    }
    case 'atLeast':
    case 'atMost':
    case 'equal': {
      const years: Year[] = rule.kind === 'atMost' && rule.bothYears ? YEARS : ['current'];
      const out: Outcome[] = [];
      for (const year of years) {
        const a = num(rows, id, year);
        const b = num(rows, rule.ref, year);
        if (a === undefined || b === undefined) continue;
        const pass =
          rule.kind === 'atLeast' ? a >= b - EPS : rule.kind === 'atMost' ? a <= b + EPS : Math.abs(a - b) < EPS;
        const values = {
          F: fmtNum(a),
          R: fmtNum(b),
          gap: fmtNum(b - a),
          year: years.length > 1 ? yearLabel(year) : '',
        };
        out.push({ pass, year, values });
      }
      return out.length ? out : null;
    }
    case 'rate': {
      const top = sum(rows, rule.num ?? [id]);
      const bottom = sum(rows, rule.den);
      if (top === undefined || bottom === undefined || bottom === 0) return null;
      const r = (top / bottom) * 100;
      const min = p[rule.param];
      return one(r >= min - EPS, { F: fmtNum(top), R: fmtNum(bottom), rate: fmtShare(r, min) });
    }
    case 'shareOf': {
      const R = num(rows, rule.ref);
      if (F === undefined || R === undefined || R === 0) return null;
      const share = (F / R) * 100;
      const min = p[rule.param];
      return one(share >= min - EPS, { F: fmtNum(F), R: fmtNum(R), share: fmtShare(share, min) });
    }
    case 'sumAtMost': {
      const out: Outcome[] = [];
      for (const year of YEARS) {
        const s = sum(rows, rule.parts, year);
        const whole = num(rows, rule.whole, year);
        if (s === undefined || whole === undefined) continue;
        out.push({ pass: s <= whole + EPS, year, values: { sum: fmtNum(s), R: fmtNum(whole), year: yearLabel(year) } });
      }
      return out.length ? out : null;
    }
    case 'pctOf': {
      const out: Outcome[] = [];
      const tol = p['consistency.pctTolerance'];
      for (const year of YEARS) {
        const v = num(rows, id, year);
        const s = sum(rows, rule.parts, year);
        const whole = num(rows, rule.whole, year);
        if (v === undefined || s === undefined || whole === undefined || whole === 0) continue;
        const expected = (s / whole) * 100;
        out.push({
          pass: Math.abs(v - expected) <= tol + EPS,
          year,
          values: { V: fmtNum(v), expected: fmtNum(expected), year: yearLabel(year) },
        });
      }
      return out.length ? out : null;
    }
    case 'drop': {
      if (F === undefined || E === undefined) return null;
      const d = E - F;
      const change =
        Math.abs(d) < EPS
          ? '持平'
          : d > 0
            ? `下降${fmtBelow(d, 2, p[rule.param])}个百分点`
            : `上升${fmtNum(-d)}个百分点`;
      return one(d >= p[rule.param] - EPS, { F: fmtNum(F), E: fmtNum(E), drop: fmtNum(d), change });
    }
    case 'perCapitaMax': {
      const students = num(rows, rule.num);
      if (F === undefined || students === undefined) return null;
      if (F === 0) {
        if (students === 0) return null;
        return one(false, { F: '0', R: fmtNum(students), ratio: `${fmtNum(students)}:0` });
      }
      const ratio = students / F;
      return one(ratio <= p[rule.param] + EPS, {
        F: fmtNum(F),
        R: fmtNum(students),
        ratio: `${fmtBelow(ratio, 0, p[rule.param], true)}:1`,
      });
    }
    case 'schoolSum':
    case 'schoolCount': {
      if (F === undefined || !schools) return null;
      const expected =
        rule.kind === 'schoolCount' ? schools.oversize : rule.columns.reduce((t, c) => t + (schools[c] ?? NaN), 0);
      if (expected === undefined || !Number.isFinite(expected)) return null;
      return one(F === expected, { F: fmtNum(F), expected: fmtNum(expected) });
    }
  }
}

/** Runs every indicator rule; returns each indicator's outcome (met, not met, not evaluated). */
export function checkIndicatorRules(
  ctx: Context,
  rows: Rows,
  schools: SchoolTotals | null,
): Map<string, IndicatorOutcome> {
  const outcome = new Map<string, IndicatorOutcome>();
  const warned = new Set<string>();
  const state = new Map<string, { failed: boolean; skipped: boolean; any: boolean }>();
  const values = new Values(rows);
  // data checks first, so that no policy conclusion is drawn from a value they put in doubt
  const ordered = [...RULES.filter((r) => r.level === 'error'), ...RULES.filter((r) => r.level !== 'error')];
  for (const rule of ordered) {
    const row = rows.get(rule.indicator);
    if (!row) continue;
    const results = evaluate(rule, values, schools, ctx.params);
    if (rule.level === 'warning') {
      const s = state.get(rule.indicator) ?? { failed: false, skipped: false, any: false };
      s.any = true;
      if (results === null) s.skipped = true;
      else if (results.some((r) => !r.pass)) s.failed = true;
      state.set(rule.indicator, s);
    }
    for (const r of results ?? []) {
      if (r.pass) continue;
      if (rule.level === 'error') values.doubt(rule.indicator, r.year);
      const phrase = rulePhrase(rule.id, rule.kind);
      const shown = { ...ruleConstants(rule, ctx.params), ...r.values };
      const col = r.year === 'last' ? row.cols.last : row.cols.current;
      ctx.add(rule.level, rule.id, rule.indicator, row.sheet, row.row, col, fill(phrase.message, shown), {
        requirement: ruleRequirement(rule, ctx.params),
        explained: row.explanation !== '',
        explanation: rule.level === 'warning' ? row.explanation : undefined,
        values: { ...shown, current: row.current, last: row.last },
      });
      if (rule.level === 'warning') warned.add(rule.indicator);
    }
  }
  for (const [id, row] of rows) {
    const s = state.get(id);
    outcome.set(id, !s ? 'reported' : s.failed ? 'notMet' : s.skipped ? 'notEvaluated' : 'met');
    // G5: a warning must be explained; G6: a met yes/no requirement wants its evidence.
    if (warned.has(id) && row.explanation === '') {
      ctx.add('notice', 'G5', id, row.sheet, row.row, row.cols.explanation, MSG.explainWarning);
    }
    if (row.def.type === 'yesno' && s && !s.failed && !s.skipped && row.evidence === '') {
      ctx.add('notice', 'G6', id, row.sheet, row.row, row.cols.evidence, MSG.missingEvidence);
    }
  }
  return outcome;
}
