/**
 * The expression language of rulesets (spec/RULESET.md, "Expressions"): parsed by jsep, checked
 * against the ruleset's names once, evaluated by the interpreter below (never `eval`). Every
 * function is one entry of FUNCTIONS: its arguments, its type and its evaluation together.
 */
import jsep from 'jsep';
import { fmtNum } from '../format';

export type Type = 'number' | 'text' | 'bool';
export type Value = number | string | boolean;
export type Year = 'current' | 'last';

/** A checked expression: names resolved, types known. `pos` is the character index in the source. */
export type Expr =
  | { k: 'lit'; v: Value; pos: number }
  | { k: 'ind'; id: string; year: Year; pos: number }
  | { k: 'param'; name: string; pos: number }
  | { k: 'col'; header: string; pos: number }
  | { k: 'neg'; a: Expr; pos: number }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr; pos: number }
  | { k: 'fn'; name: string; args: Expr[]; pos: number }
  | { k: 'rows'; name: 'COUNTROWS' | 'SUMROWS' | 'JOINROWS'; list: string; value?: Expr; cond?: Expr; pos: number };

export type BinOp = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';
const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);
export const isComparison = (op: string): boolean => COMPARISONS.has(op);

/** What an expression may refer to, as the ruleset declares it. */
export interface CheckEnv {
  indicator(id: string): { type: Type; hasLast: boolean } | undefined;
  isParam(name: string): boolean;
  /** a 清单 sheet by name (or 编号): its canonical name and the type of each header */
  list(name: string): { name: string; field(header: string): Type | undefined } | undefined;
  /** the 清单 whose row `[表头]` refers to (a 每行 rule, or inside COUNTROWS/SUMROWS) */
  rowList?: string;
  /** `全市合计(ID)` is allowed (全市比较 only) */
  city?: boolean;
}

/** Values an expression is evaluated against. `undefined` means empty, in error or in doubt. */
export interface Scope {
  indicator(id: string, year: Year): Value | undefined;
  param(name: string): number;
  /** the current row's cell under `header` */
  column(header: string): Value | undefined;
  /** the data rows of a 清单, each as a scope whose `column` reads that row */
  rows(list: string): readonly Scope[];
  /** the sum over the batch of an indicator's 本年值, or of its 上年值 */
  cityTotal(id: string, year?: Year): number | undefined;
}

export interface ExprProblem {
  message: string;
  /** character index in the source, for a syntax error */
  index?: number;
}

/** Thrown while evaluating when a value is missing or a division by zero: the rule is not evaluated. */
export class NotEvaluated extends Error {
  constructor() {
    super('not evaluated');
  }
}
const skip = (): never => {
  throw new NotEvaluated();
};

// ---------------------------------------------------------------- parsing

jsep.removeAllBinaryOps();
jsep.removeAllUnaryOps();
jsep.removeAllLiterals();
for (const [op, prec] of [
  ['=', 6],
  ['<>', 6],
  ['<', 7],
  ['<=', 7],
  ['>', 7],
  ['>=', 7],
  ['&', 8],
  ['+', 9],
  ['-', 9],
  ['*', 10],
  ['/', 10],
] as const)
  jsep.addBinaryOp(op, prec);
jsep.addUnaryOp('-');
jsep.addUnaryOp('+');
jsep.hooks.add('gobble-token', function (this: { code: number; index: number; expr: string }, env) {
  if (this.code !== 91 /* [ */) return;
  const start = this.index;
  const end = this.expr.indexOf(']', start + 1);
  if (end < 0) throw Object.assign(new Error('Unclosed ['), { index: start, description: 'Unclosed [' });
  this.index = end + 1;
  env.node = {
    type: 'Column',
    header: this.expr.slice(start + 1, end).trim(),
    pos: start,
  } as unknown as jsep.Expression;
});

const FULL_WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＝': '=',
  '＞': '>',
  '＜': '<',
  '≥': '>=',
  '≤': '<=',
  '≠': '<>',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '×': '*',
  '／': '/',
  '÷': '/',
  '．': '.',
  '［': '[',
  '］': ']',
  '　': ' ',
};

/** Full-width forms as their ASCII twins, outside quotes and brackets; `map[i]` is the source index. */
export function normalizeSource(src: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let quote: string | null = null;
  let inBracket = false;
  for (let i = 0; i < src.length; i++) {
    let ch = src[i]!;
    if (!quote && !inBracket) {
      const code = ch.charCodeAt(0);
      if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xff10 + 48);
      else if (code >= 0xff21 && code <= 0xff3a) ch = String.fromCharCode(code - 0xff21 + 65);
      else if (code >= 0xff41 && code <= 0xff5a) ch = String.fromCharCode(code - 0xff41 + 97);
      else if (ch === '“') {
        // a text typed with Chinese quotes ends at the closing one; inside "…" they are characters
        ch = '"';
        quote = '”';
      } else ch = FULL_WIDTH[ch] ?? ch;
      if (quote === null && (ch === '"' || ch === "'")) quote = ch;
      else if (ch === '[') inBracket = true;
    } else if (quote) {
      if (ch === quote) {
        if (quote === '”') ch = '"';
        quote = null;
      }
    } else if (ch === ']' || ch === '］') {
      ch = ']';
      inBracket = false;
    }
    text += ch;
    for (let j = 0; j < ch.length; j++) map.push(i);
  }
  map.push(src.length);
  return { text, map };
}

/** jsep's descriptions in Chinese; the first whose pattern matches gives the whole message. */
const SYNTAX: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Unclosed \[/, () => '方括号“[”没有对应的“]”'],
  [/^Unclosed \(/, () => '缺少右括号“)”'],
  [/^Unclosed quote/, () => '引号没有闭合'],
  [/^Unclosed/, () => '括号或引号没有闭合'],
  [/^Expected expression|missing unaryOp argument|Expected ,/, () => '此处缺少数值或表达式'],
  [/^Unexpected "(.*?)"/, (m) => `不应出现“${m[1]}”`],
  [/^Unexpected/, () => '不应出现的字符'],
  [/Variable names cannot start with a number/, () => '名称不能以数字开头'],
];

function syntaxMessage(description: string, source: string, index: number): string {
  for (const [re, zh] of SYNTAX) {
    const m = description.match(re);
    if (m) {
      const what = zh(m);
      const at = index < source.length ? `第 ${index + 1} 个字符“${source[index]}”处` : '末尾';
      return `表达式${at}有语法错误：${what}`;
    }
  }
  return `表达式第 ${index + 1} 个字符处有语法错误`;
}

// ---------------------------------------------------------------- functions

interface Fn {
  min: number;
  max: number;
  /** the type of each argument (the last repeats), or null for any */
  args: (Type | null)[];
  /** result type; a function of the argument types where it depends on them */
  type: Type | ((args: Type[]) => Type | string);
  /** evaluates the call; `ev` evaluates an argument (lazily, so IF and ISBLANK can choose) */
  eval(ev: (i: number) => Value, n: number, args: readonly Expr[], scope: Scope): Value;
}

const num = (v: Value): number => (typeof v === 'number' ? v : skip());
const bool = (v: Value): boolean => (typeof v === 'boolean' ? v : skip());
const many = (ev: (i: number) => Value, n: number): number[] => Array.from({ length: n }, (_, i) => num(ev(i)));

/** Excel's ROUND: half away from zero, on the decimal figure (1.005 → 1.01). */
export function excelRound(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const shifted = Number(`${Math.abs(x)}e${d}`);
  const r = Number(`${Math.round(shifted)}e${-d}`);
  return Math.sign(x) * r;
}

export const TEXT_FORMATS = ['0', '0.0', '0.00', '#,##0', '#,##0.0', '#,##0.00'] as const;

function textFormat(x: number, fmt: string): string {
  const decimals = fmt.split('.')[1]?.length ?? 0;
  const fixed = excelRound(x, decimals).toFixed(decimals);
  if (!fmt.startsWith('#,##')) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

const FUNCTIONS: Record<string, Fn> = {
  AND: { min: 1, max: 255, args: ['bool'], type: 'bool', eval: (ev, n) => logic(ev, n, false) },
  OR: { min: 1, max: 255, args: ['bool'], type: 'bool', eval: (ev, n) => logic(ev, n, true) },
  NOT: { min: 1, max: 1, args: ['bool'], type: 'bool', eval: (ev) => !bool(ev(0)) },
  IF: {
    min: 3,
    max: 3,
    args: ['bool', null, null],
    type: ([, a, b]) => (a === b ? a! : `IF 的两个结果类型不同（${TYPE_NAMES[a!]}与${TYPE_NAMES[b!]}）`),
    eval: (ev) => (bool(ev(0)) ? ev(1) : ev(2)),
  },
  ABS: { min: 1, max: 1, args: ['number'], type: 'number', eval: (ev) => Math.abs(num(ev(0))) },
  MIN: { min: 1, max: 255, args: ['number'], type: 'number', eval: (ev, n) => Math.min(...many(ev, n)) },
  MAX: { min: 1, max: 255, args: ['number'], type: 'number', eval: (ev, n) => Math.max(...many(ev, n)) },
  SUM: { min: 1, max: 255, args: ['number'], type: 'number', eval: (ev, n) => many(ev, n).reduce((a, b) => a + b, 0) },
  ROUND: { min: 2, max: 2, args: ['number'], type: 'number', eval: (ev) => excelRound(num(ev(0)), num(ev(1))) },
  ISBLANK: {
    min: 1,
    max: 1,
    args: [null],
    type: 'bool',
    eval: (ev) => {
      try {
        const v = ev(0);
        return v === '';
      } catch (e) {
        if (e instanceof NotEvaluated) return true;
        throw e;
      }
    },
  },
  TEXT: {
    min: 2,
    max: 2,
    args: ['number', 'text'],
    type: 'text',
    eval: (ev) => textFormat(num(ev(0)), String(ev(1))),
  },
  上年: { min: 1, max: 1, args: [null], type: 'number', eval: () => skip() },
  增长率: {
    min: 1,
    max: 1,
    args: [null],
    type: 'number',
    eval: (_ev, _n, args, scope) => {
      const id = (args[0] as { id: string }).id;
      const now = num(scope.indicator(id, 'current') ?? skip());
      const last = num(scope.indicator(id, 'last') ?? skip());
      return last === 0 ? skip() : ((now - last) / last) * 100;
    },
  },
  全市合计: {
    min: 1,
    max: 1,
    args: [null],
    type: 'number',
    eval: (_ev, _n, args, scope) => {
      const arg = args[0] as { id: string; year: Year };
      return scope.cityTotal(arg.id, arg.year) ?? skip();
    },
  },
  COUNTROWS: { min: 1, max: 2, args: [null, 'bool'], type: 'number', eval: () => skip() },
  SUMROWS: { min: 2, max: 3, args: [null, 'number', 'bool'], type: 'number', eval: () => skip() },
  JOINROWS: { min: 2, max: 3, args: [null, null, 'bool'], type: 'text', eval: () => skip() },
};

/** AND / OR: decided by the first operand that decides it; undecidable when one before it is. */
function logic(ev: (i: number) => Value, n: number, decisive: boolean): boolean {
  let unknown = false;
  for (let i = 0; i < n; i++) {
    try {
      if (bool(ev(i)) === decisive) return decisive;
    } catch (e) {
      if (!(e instanceof NotEvaluated)) throw e;
      unknown = true;
    }
  }
  return unknown ? skip() : !decisive;
}

export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

const TYPE_NAMES: Record<Type, string> = { number: '数值', text: '文本', bool: '是非判断' };

// ---------------------------------------------------------------- checking

interface Checked {
  expr: Expr;
  type: Type;
}

class CheckError extends Error {}

function resolveName(node: jsep.Expression): string | undefined {
  if (node.type === 'Identifier') return String(node.name);
  if (node.type === 'MemberExpression' && !node.computed) {
    const left = resolveName(node.object as jsep.Expression);
    const right = resolveName(node.property as jsep.Expression);
    return left !== undefined && right !== undefined ? `${left}.${right}` : undefined;
  }
  if (node.type === 'Literal' && typeof node.value === 'number' && /^\d+$/.test(String(node.raw))) {
    return String(node.raw);
  }
  return undefined;
}

class Checker {
  constructor(
    private readonly env: CheckEnv,
    private readonly posOf: (node: jsep.Expression) => number,
  ) {}

  fail(message: string): never {
    throw new CheckError(message);
  }

  check(node: jsep.Expression, env: CheckEnv = this.env): Checked {
    const pos = this.posOf(node);
    switch (node.type) {
      case 'Literal': {
        const v = node.value;
        if (typeof v === 'number') return { expr: { k: 'lit', v, pos }, type: 'number' };
        if (typeof v === 'string') return { expr: { k: 'lit', v, pos }, type: 'text' };
        return this.fail(`无法识别的值“${String(node.raw)}”`);
      }
      case 'Column': {
        const header = String(node.header);
        if (!env.rowList) return this.fail(`“[${header}]”只能用在清单的“每行”规则或 COUNTROWS、SUMROWS 之中`);
        const type = env.list(env.rowList)?.field(header);
        if (!type) return this.fail(`清单“${env.rowList}”没有表头“${header}”`);
        return { expr: { k: 'col', header, pos }, type };
      }
      case 'Identifier':
      case 'MemberExpression': {
        const name = resolveName(node);
        if (name === undefined) return this.fail('不支持这种写法');
        return this.name(name, pos, env);
      }
      case 'UnaryExpression': {
        const a = this.check(node.argument as jsep.Expression, env);
        this.want(a, 'number', `“${String(node.operator)}”`);
        return { expr: node.operator === '-' ? { k: 'neg', a: a.expr, pos } : a.expr, type: 'number' };
      }
      case 'BinaryExpression': {
        const op = String(node.operator) as BinOp;
        const a = this.check(node.left as jsep.Expression, env);
        const b = this.check(node.right as jsep.Expression, env);
        if (isComparison(op)) {
          if (a.type !== b.type) {
            return this.fail(`“${op}”两边的类型不同（${TYPE_NAMES[a.type]}与${TYPE_NAMES[b.type]}），无法比较`);
          }
          if (a.type !== 'number' && op !== '=' && op !== '<>') {
            return this.fail(`${TYPE_NAMES[a.type]}只能用“=”或“<>”比较`);
          }
          return { expr: { k: 'bin', op, a: a.expr, b: b.expr, pos }, type: 'bool' };
        }
        if (op === '&') {
          if (a.type === 'bool' || b.type === 'bool') return this.fail('“&”只能连接文本和数值');
          return { expr: { k: 'bin', op, a: a.expr, b: b.expr, pos }, type: 'text' };
        }
        this.want(a, 'number', `“${op}”`);
        this.want(b, 'number', `“${op}”`);
        return { expr: { k: 'bin', op, a: a.expr, b: b.expr, pos }, type: 'number' };
      }
      case 'CallExpression':
        return this.call(node, pos, env);
      case 'ConditionalExpression':
        return this.fail('不支持“? :”写法，请用 IF(条件, 值1, 值2)');
      case 'Compound':
        return this.fail('一个表达式中只能有一个式子（多余的内容请删去，或用 AND、OR 连接）');
      default:
        return this.fail('不支持这种写法');
    }
  }

  private want(c: Checked, type: Type, where: string): void {
    if (c.type === type) return;
    if (type === 'number' && c.type === 'text') this.fail(`文本不能参与算术运算（${where}）`);
    this.fail(`${where}需要${TYPE_NAMES[type]}，这里是${TYPE_NAMES[c.type]}`);
  }

  private name(name: string, pos: number, env: CheckEnv): Checked {
    const ind = env.indicator(name);
    if (ind) return { expr: { k: 'ind', id: name, year: 'current', pos }, type: ind.type };
    if (env.isParam(name)) return { expr: { k: 'param', name, pos }, type: 'number' };
    if (FUNCTIONS[name.toUpperCase()] || FUNCTIONS[name]) return this.fail(`函数“${name}”后面需要括号和参数`);
    if (env.list(name)) return this.fail(`清单“${name}”只能作为 COUNTROWS、SUMROWS 的第一个参数`);
    if (name === '是' || name === '否') return this.fail(`文本“${name}”要加引号，写作 "${name}"`);
    return this.fail(`未知的名称“${name}”：不是指标编号、参数名称或清单名称`);
  }

  private indicatorArg(node: jsep.Expression | undefined, fn: string, env: CheckEnv): string {
    const name = node ? resolveName(node) : undefined;
    if (name === undefined || !env.indicator(name)) {
      return this.fail(`${fn}() 的参数应是一个指标编号${name ? `，“${name}”不是` : ''}`);
    }
    return name;
  }

  private listArg(node: jsep.Expression | undefined, fn: string, env: CheckEnv): string {
    const name =
      node?.type === 'Literal' && typeof node.value === 'string' ? node.value : node ? resolveName(node) : undefined;
    const list = name === undefined ? undefined : env.list(name);
    if (!list) return this.fail(`${fn} 的第一个参数应是清单工作表的名称${name ? `，“${name}”不是` : ''}`);
    return list.name;
  }

  private call(node: jsep.Expression, pos: number, env: CheckEnv): Checked {
    const calleeName = resolveName(node.callee as jsep.Expression);
    const key = calleeName === undefined ? undefined : FUNCTIONS[calleeName] ? calleeName : calleeName.toUpperCase();
    const fn = key === undefined ? undefined : FUNCTIONS[key];
    if (!fn || key === undefined) return this.fail(`未知的函数“${calleeName ?? ''}”`);
    const argNodes = (node.arguments ?? []) as jsep.Expression[];
    if (argNodes.length < fn.min || argNodes.length > fn.max) {
      const want = fn.min === fn.max ? `${fn.min} 个` : fn.max > 10 ? `至少 ${fn.min} 个` : `${fn.min}—${fn.max} 个`;
      return this.fail(`函数 ${key} 需要 ${want}参数，这里有 ${argNodes.length} 个`);
    }
    switch (key) {
      case '上年': {
        const id = this.indicatorArg(argNodes[0], key, env);
        const ind = env.indicator(id)!;
        if (!ind.hasLast) return this.fail(`指标 ${id} 没有上年值，不能用 上年(${id})`);
        return { expr: { k: 'ind', id, year: 'last', pos }, type: ind.type };
      }
      case '增长率':
      case '全市合计': {
        // 全市合计(上年(ID)): the batch's sum of last year's values
        const arg = argNodes[0];
        const ofLast =
          key === '全市合计' && arg?.type === 'CallExpression' && resolveName(arg.callee as jsep.Expression) === '上年';
        const id = this.indicatorArg(ofLast ? (arg.arguments as jsep.Expression[])[0] : arg, key, env);
        const ind = env.indicator(id)!;
        if (ind.type !== 'number') return this.fail(`${key}() 只能用于数值指标，${id} 不是`);
        if (key === '增长率' && !ind.hasLast) return this.fail(`指标 ${id} 没有上年值，无法计算增长率`);
        if (key === '全市合计' && !env.city) return this.fail('全市合计() 只能用在“全市比较”的全市值中');
        if (ofLast && !ind.hasLast) return this.fail(`指标 ${id} 没有上年值，不能用 上年(${id})`);
        const year: Year = ofLast ? 'last' : 'current';
        return { expr: { k: 'fn', name: key, args: [{ k: 'ind', id, year, pos }], pos }, type: 'number' };
      }
      case 'COUNTROWS':
      case 'SUMROWS':
      case 'JOINROWS': {
        const list = this.listArg(argNodes[0], key, env);
        const inner: CheckEnv = { ...env, rowList: list };
        const rest = argNodes.slice(1).map((a) => this.check(a, inner));
        const [value, cond] = key === 'COUNTROWS' ? [undefined, rest[0]] : [rest[0], rest[1]];
        if (value && key === 'SUMROWS') this.want(value, 'number', 'SUMROWS 的第二个参数');
        if (value?.type === 'bool') this.fail('JOINROWS 的第二个参数应是文本或数值');
        if (cond) this.want(cond, 'bool', `${key} 的条件`);
        const type = key === 'JOINROWS' ? 'text' : 'number';
        return { expr: { k: 'rows', name: key, list, value: value?.expr, cond: cond?.expr, pos }, type };
      }
    }
    const args = argNodes.map((a) => this.check(a, env));
    args.forEach((a, i) => {
      const want = fn.args[Math.min(i, fn.args.length - 1)];
      if (want) this.want(a, want, `函数 ${key} 的第 ${i + 1} 个参数`);
    });
    if (key === 'TEXT') {
      const f = args[1]!.expr;
      if (f.k !== 'lit' || !(TEXT_FORMATS as readonly Value[]).includes(f.v)) {
        return this.fail(`TEXT 的格式应为 ${TEXT_FORMATS.map((t) => `"${t}"`).join('、')} 之一`);
      }
    }
    const type = typeof fn.type === 'function' ? fn.type(args.map((a) => a.type)) : fn.type;
    if (type !== 'number' && type !== 'text' && type !== 'bool') return this.fail(type);
    return { expr: { k: 'fn', name: key, args: args.map((a) => a.expr), pos }, type };
  }
}

/** Parses and checks an expression; problems are in Chinese. */
export function compileExpression(
  source: string,
  env: CheckEnv,
): { ok: true; expr: Expr; type: Type } | { ok: false; problem: ExprProblem } {
  const { text, map } = normalizeSource(source);
  if (!text.trim()) return { ok: false, problem: { message: '表达式为空' } };
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (e) {
    const err = e as { index?: number; description?: string; message?: string };
    const index = map[Math.min(err.index ?? 0, map.length - 1)] ?? 0;
    return {
      ok: false,
      problem: { message: syntaxMessage(err.description ?? err.message ?? '', source, index), index },
    };
  }
  // jsep gives no positions: find each node's by its order of appearance in the text
  const posOf = (node: jsep.Expression): number => {
    const p = (node as { pos?: number }).pos;
    return p === undefined ? 0 : (map[p] ?? 0);
  };
  try {
    const c = new Checker(env, posOf).check(ast);
    return { ok: true, expr: c.expr, type: c.type };
  } catch (e) {
    if (e instanceof CheckError) return { ok: false, problem: { message: e.message } };
    throw e;
  }
}

// ---------------------------------------------------------------- evaluation

const EPS = 1e-9;

/** Numbers are equal within 1e-9 relative. */
export function numEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A comparison as expressions make it: numbers within 1e-9 relative, texts by = and <> only. */
export function compare(op: BinOp, a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    const eq = numEqual(a, b);
    switch (op) {
      case '=':
        return eq;
      case '<>':
        return !eq;
      case '<':
        return a < b && !eq;
      case '<=':
        return a < b || eq;
      case '>':
        return a > b && !eq;
      default:
        return a > b || eq;
    }
  }
  return op === '=' ? a === b : a !== b;
}

/** A value as `&` and JOINROWS put it into a text: a number without float noise. */
function joined(v: Value): string {
  return typeof v === 'number' ? fmtNum(v, 6) : String(v);
}

/** Evaluates a checked expression; throws NotEvaluated when an input is missing or a division by 0. */
export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'ind':
      return scope.indicator(e.id, e.year) ?? skip();
    case 'param':
      return scope.param(e.name);
    case 'col':
      return scope.column(e.header) ?? skip();
    case 'neg':
      return -num(evaluate(e.a, scope));
    case 'bin': {
      const a = evaluate(e.a, scope);
      const b = evaluate(e.b, scope);
      switch (e.op) {
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/':
          return num(b) === 0 ? skip() : num(a) / num(b);
        case '&':
          return `${joined(a)}${joined(b)}`;
        default:
          return compare(e.op, a, b);
      }
    }
    case 'fn': {
      const fn = FUNCTIONS[e.name]!;
      return fn.eval((i) => evaluate(e.args[i]!, scope), e.args.length, e.args, scope);
    }
    case 'rows': {
      if (e.name === 'JOINROWS') {
        // the rows' values as a list in a sentence; a row whose value cannot be read is left out
        const parts: string[] = [];
        for (const row of scope.rows(e.list)) {
          if (e.cond && tryEvaluate(e.cond, row) !== true) continue;
          const v = e.value ? tryEvaluate(e.value, row) : undefined;
          if (v !== undefined && v !== '') parts.push(joined(v));
        }
        return parts.join('、');
      }
      let total = 0;
      for (const row of scope.rows(e.list)) {
        if (e.cond && !bool(evaluate(e.cond, row))) continue;
        total += e.value ? num(evaluate(e.value, row)) : 1;
      }
      return total;
    }
  }
}

/** Evaluates, or undefined when the expression cannot be evaluated on these values. */
export function tryEvaluate(e: Expr, scope: Scope): Value | undefined {
  try {
    return evaluate(e, scope);
  } catch (err) {
    if (err instanceof NotEvaluated) return undefined;
    throw err;
  }
}

// ---------------------------------------------------------------- looking into expressions

/** Every sub-expression, the expression first. */
export function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.k) {
    case 'neg':
      yield* walk(e.a);
      break;
    case 'bin':
      yield* walk(e.a);
      yield* walk(e.b);
      break;
    case 'fn':
      for (const a of e.args) yield* walk(a);
      break;
    case 'rows':
      if (e.value) yield* walk(e.value);
      if (e.cond) yield* walk(e.cond);
      break;
  }
}

/** The indicator values an expression reads (`上年(X)` and `增长率(X)` included). */
export function indicatorRefs(e: Expr): { id: string; year: Year }[] {
  const out = new Map<string, { id: string; year: Year }>();
  for (const x of walk(e)) {
    if (x.k === 'ind') out.set(`${x.id}:${x.year}`, { id: x.id, year: x.year });
    if (x.k === 'fn' && x.name === '增长率') {
      const id = (x.args[0] as { id: string }).id;
      out.set(`${id}:last`, { id, year: 'last' });
    }
  }
  return [...out.values()];
}

/** A canonical form, so that two writings of one expression compare equal. */
export function canonical(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return JSON.stringify(e.v);
    case 'ind':
      return e.year === 'last' ? `上年(${e.id})` : e.id;
    case 'param':
      return e.name;
    case 'col':
      return `[${e.header}]`;
    case 'neg':
      return `-(${canonical(e.a)})`;
    case 'bin':
      return `(${canonical(e.a)}${e.op}${canonical(e.b)})`;
    case 'fn':
      return `${e.name}(${e.args.map(canonical).join(',')})`;
    case 'rows':
      return `${e.name}(${[e.list, e.value, e.cond].map((x) => (typeof x === 'string' ? x : x ? canonical(x) : '')).join(',')})`;
  }
}

/**
 * How a computed number is printed: `exact` for values read from cells, parameters, counts and
 * their sums and differences (as typed, without float noise); `decimal` for everything else
 * (one decimal place).
 */
export function numberStyle(e: Expr): 'exact' | 'decimal' {
  switch (e.k) {
    case 'lit':
    case 'ind':
    case 'param':
    case 'col':
      return 'exact';
    case 'neg':
      return numberStyle(e.a);
    case 'bin':
      return (e.op === '+' || e.op === '-') && numberStyle(e.a) === 'exact' && numberStyle(e.b) === 'exact'
        ? 'exact'
        : 'decimal';
    case 'rows':
      return !e.value || numberStyle(e.value) === 'exact' ? 'exact' : 'decimal';
    case 'fn':
      if (e.name === 'ROUND') return 'exact';
      if (['ABS', 'MIN', 'MAX', 'SUM', 'IF', '全市合计'].includes(e.name)) {
        return e.args.every((a) => a.k === 'lit' && typeof a.v === 'boolean') ||
          e.args.filter((a, i) => !(e.name === 'IF' && i === 0)).every((a) => numberStyle(a) === 'exact')
          ? 'exact'
          : 'decimal';
      }
      return 'decimal';
  }
}
