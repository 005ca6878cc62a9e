/**
 * The 满足示例 and 不满足示例 of rules (spec/RULESET.md): `reference=value` entries separated by
 * `;`. `[表头]=value` entries make the rows of a 清单 (the n-th value of a header goes into row
 * n); `无数据` is an example without any input.
 */
import { RULE_TABLE, type RulesetDoc, type RulesetProblem } from './doc';
import { normalizeSource, tryEvaluate, type Scope, type Value, type Year } from './expr';
import { RS } from './messages';
import type { RuleDef, Ruleset } from './model';
import { colLetter } from '../address';

export interface Example {
  indicators: Map<string, Value>;
  /** header → the values given for it, in order */
  columns: Map<string, Value[]>;
}

const NO_DATA = '无数据';

function splitEntries(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = false;
  for (const ch of text) {
    if (ch === '"') quote = !quote;
    if (!quote && (ch === ';' || ch === '；')) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

function parseValue(raw: string): Value {
  const t = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const q = /^"(.*)"$/.exec(t) ?? /^'(.*)'$/.exec(t);
  return q ? q[1]! : t;
}

/** Parses an example; a string is the problem of the first entry that cannot be read. */
export function parseExample(source: string): Example | string {
  const ex: Example = { indicators: new Map(), columns: new Map() };
  if (source.trim() === NO_DATA) return ex;
  for (const entry of splitEntries(normalizeSource(source).text)) {
    const m = /^(.+?)\s*=\s*(.+)$/.exec(entry);
    if (!m) return RS.exampleSyntax(entry);
    const left = m[1]!.trim();
    const value = parseValue(m[2]!);
    const col = /^\[(.+)\]$/.exec(left);
    const last = /^上年\s*\(\s*([A-Za-z][A-Za-z0-9]*)\s*\)$/.exec(left);
    if (col) ex.columns.set(col[1]!.trim(), [...(ex.columns.get(col[1]!.trim()) ?? []), value]);
    else if (last) ex.indicators.set(`${last[1]}:last`, value);
    else if (/^[A-Za-z][A-Za-z0-9]*$/.test(left)) ex.indicators.set(`${left}:current`, value);
    else return RS.exampleSyntax(entry);
  }
  return ex;
}

function rowScope(base: Scope, values: ReadonlyMap<string, Value>): Scope {
  return { ...base, column: (h) => values.get(h) };
}

/** A scope that reads an example's values. */
export function exampleScope(ruleset: Ruleset, ex: Example, rule?: RuleDef): Scope {
  const rowsOf = (list: string): Map<string, Value>[] => {
    const def = ruleset.list(list);
    const rows: Map<string, Value>[] = [];
    for (const [header, values] of ex.columns) {
      if (!def?.fields.some((f) => f.header === header)) continue;
      values.forEach((v, i) => (rows[i] ??= new Map()).set(header, v));
    }
    return rows;
  };
  const base: Scope = {
    indicator: (id: string, year: Year) => ex.indicators.get(`${id}:${year}`),
    param: (name) => ruleset.params[name] ?? NaN,
    column: () => undefined,
    rows: (list) => rowsOf(list).map((r) => rowScope(base, r)),
    cityTotal: () => undefined,
  };
  if (rule?.target.kind === 'list' && rule.target.scope === 'row') {
    return rowScope(base, rowsOf(rule.target.list)[0] ?? new Map());
  }
  return base;
}

/** Runs every rule's examples; each problem at the example's cell. */
export function runExamples(ruleset: Ruleset, doc: RulesetDoc = ruleset.doc): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  doc.rules.forEach((r, i) => {
    const rule = ruleset.rule(String(r.id ?? '').trim());
    if (!rule) return;
    for (const [field, want] of [
      ['passExample', true],
      ['failExample', false],
    ] as const) {
      const source = String(r[field] ?? '').trim();
      if (!source) continue;
      const col = r._source?.cols[field] ?? colLetter(RULE_TABLE.columns.findIndex((c) => c.field === field) + 1);
      const cell = `${col}${r._source?.row ?? i + 2}`;
      const add = (message: string) => problems.push({ level: 'error', sheet: RULE_TABLE.sheet, cell, message });
      const ex = parseExample(source);
      if (typeof ex === 'string') {
        add(ex);
        continue;
      }
      const got = tryEvaluate(rule.condition, exampleScope(ruleset, ex, rule));
      if (got === undefined) {
        const missing = rule.inputs
          .filter((x) => !ex.indicators.has(`${x.id}:${x.year}`))
          .map((x) => (x.year === 'last' ? `上年(${x.id})` : x.id));
        add(RS.exampleMissing(source, missing.join('、')));
      } else if (got !== want) {
        add(want ? RS.examplePass(source) : RS.exampleFail(source));
      }
    }
  });
  return problems;
}
