/**
 * Texts of a ruleset (spec/RULESET.md, "Texts"): written as they should read, with `{…}` holding
 * one of the names below or an expression. Compiled once; rendered for each finding.
 */
import { fmtNum } from '../format';
import { RS } from './messages';
import {
  canonical,
  compare,
  compileExpression,
  excelRound,
  isComparison,
  numberStyle,
  tryEvaluate,
  walk,
  type CheckEnv,
  type Expr,
  type Scope,
  type Value,
} from './expr';

export const TEXT_NAMES = ['本年值', '上年值', '指标名称', '简称', '单位', '地区', '均', '全市值'] as const;
export type TextName = (typeof TEXT_NAMES)[number];

type Part = { lit: string } | { name: TextName } | { expr: Expr; source: string };

export interface Text {
  source: string;
  parts: Part[];
}

export const EMPTY_TEXT: Text = { source: '', parts: [] };

/** Compiles a text; `names` are the placeholders this kind of text may use. */
export function compileText(
  source: string,
  env: CheckEnv,
  names: readonly TextName[],
): { ok: true; text: Text } | { ok: false; message: string } {
  const parts: Part[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    const close = source.indexOf('}', i);
    if (close >= 0 && (open < 0 || close < open)) {
      return { ok: false, message: `第 ${close + 1} 个字符处的“}”没有对应的“{”` };
    }
    if (open < 0) {
      parts.push({ lit: source.slice(i) });
      break;
    }
    if (open > i) parts.push({ lit: source.slice(i, open) });
    const end = source.indexOf('}', open + 1);
    if (end < 0) return { ok: false, message: `第 ${open + 1} 个字符处的“{”没有对应的“}”` };
    const inner = source.slice(open + 1, end).trim();
    if ((TEXT_NAMES as readonly string[]).includes(inner)) {
      if (!(names as readonly string[]).includes(inner)) {
        return {
          ok: false,
          message: RS.nameNotHere(inner, names),
        };
      }
      parts.push({ name: inner as TextName });
    } else {
      const c = compileExpression(inner, env);
      if (!c.ok) return { ok: false, message: `“{${inner}}”：${c.problem.message}` };
      parts.push({ expr: c.expr, source: inner });
    }
    i = end + 1;
  }
  return { ok: true, text: { source, parts } };
}

export interface TextContext {
  scope: Scope;
  names: Partial<Record<TextName, string>>;
  /** the condition of the rule whose finding this is: a figure never reads as the threshold it misses */
  condition?: Expr;
}

/** How a value computed in a text is written. */
export function showValue(v: Value): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'number' ? fmtNum(v, 6) : v;
}

/**
 * A computed figure with one decimal, or as many more as it takes for it to compare with the
 * rule's threshold as the exact figure does, and not to read as 0 when it is not.
 */
function decimal(x: number, e: Expr, ctx: TextContext): string {
  const key = canonical(e);
  const checks: ((shown: number) => boolean)[] = [];
  if (ctx.condition) {
    for (const c of walk(ctx.condition)) {
      if (c.k !== 'bin' || !isComparison(c.op)) continue;
      const mine = canonical(c.a) === key ? 'a' : canonical(c.b) === key ? 'b' : null;
      if (!mine) continue;
      const other = tryEvaluate(mine === 'a' ? c.b : c.a, ctx.scope);
      if (typeof other !== 'number') continue;
      const test = (v: number) => (mine === 'a' ? compare(c.op, v, other) : compare(c.op, other, v));
      const truth = test(x);
      checks.push((shown) => test(shown) === truth);
    }
  }
  for (let d = 1; d <= 9; d++) {
    const r = excelRound(x, d);
    if ((r !== 0 || x === 0) && checks.every((ok) => ok(r))) return d === 1 ? r.toFixed(1) : fmtNum(r, d);
  }
  return fmtNum(x, 9);
}

export function renderText(text: Text, ctx: TextContext): string {
  let out = '';
  for (const p of text.parts) {
    if ('lit' in p) out += p.lit;
    else if ('name' in p) out += ctx.names[p.name] ?? '';
    else {
      const v = tryEvaluate(p.expr, ctx.scope);
      if (v === undefined) out += '—';
      else if (typeof v === 'number' && numberStyle(p.expr) === 'decimal') out += decimal(v, p.expr, ctx);
      else out += showValue(v);
    }
  }
  return out;
}

/** Large sums read in 亿元 (in the drafts; cells keep what was typed): 1720000万元 → 172亿元 (to the 万元, so no figure is rounded away). */
export function inYi(text: string): string {
  return text.replace(/(?<![\d.])(\d{5,}(?:\.\d+)?)万元/g, (whole, n: string) => {
    const v = Number(n);
    return v >= 10000 ? `${fmtNum(v / 10000, 4 + (n.split('.')[1]?.length ?? 0))}亿元` : whole;
  });
}

/** The expressions a text computes (for the figures behind a finding). */
export function textExpressions(text: Text): { source: string; expr: Expr }[] {
  return text.parts.filter((p): p is { expr: Expr; source: string } => 'expr' in p);
}
