/**
 * Rulesets and expressions as a careless or hostile author writes them: checking never throws,
 * and a ruleset that is accepted never makes validation throw.
 */
import fc from 'fast-check';
import { bundledRuleset, checkRuleset, parseRulesetJson } from '../../src/core/ruleset';
import { compileExpression, tryEvaluate, type CheckEnv, type Scope } from '../../src/core/ruleset/expr';
import type { RulesetDoc } from '../../src/core/ruleset/doc';
import type { WorkbookSnapshot } from '../../src/core/types';
import { validate } from '../../src/core/validate';
import { otherRulesetDoc } from '../fixtures/otherRuleset';

const TOKENS = [
  'TR01',
  'DW03',
  '上年(TR01)',
  '增长率(TR01)',
  '经费增长要求',
  '[教师数]',
  '学校清单',
  '"是"',
  '1',
  '0',
  '2.5',
  '+',
  '-',
  '*',
  '/',
  '&',
  '=',
  '<>',
  '<',
  '>=',
  '≥',
  '（',
  '）',
  '(',
  ')',
  ',',
  '，',
  'AND(',
  'OR(',
  'IF(',
  'NOT(',
  'ROUND(',
  'TEXT(',
  'COUNTROWS(',
  'SUMROWS(',
  'ISBLANK(',
  '全市合计(',
  '?',
  ':',
  ';',
  '[',
  ']',
  '"',
  '{',
  '}',
  ' ',
];

const env: CheckEnv = {
  indicator: (id) =>
    ({ TR01: { type: 'number' as const, hasLast: true }, DW03: { type: 'number' as const, hasLast: false } })[id],
  isParam: (n) => n === '经费增长要求',
  list: (n) => (n === '学校清单' ? { name: n, field: (h) => (h === '教师数' ? 'number' : undefined) } : undefined),
  city: true,
};
const scope: Scope = {
  indicator: (id, year) => (id === 'TR01' ? (year === 'last' ? 0 : 5) : undefined),
  param: () => 5,
  column: () => 3,
  rows: () => [scope, scope],
  cityTotal: () => 10,
};

test('any text as an expression: checked without throwing, evaluated without throwing', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })), { maxLength: 12 }),
      (parts) => {
        const c = compileExpression(parts.join(''), env);
        if (c.ok) tryEvaluate(c.expr, scope);
        else expect(c.problem.message.length).toBeGreaterThan(0);
      },
    ),
    { numRuns: 2000 },
  );
});

const SNAPSHOT: WorkbookSnapshot = {
  sheets: ['说明', '封面', '投入保障', '队伍建设', '学校清单'].map((name) => ({
    name,
    rows: [
      [{ v: name }],
      [{ v: '指标编号' }, { v: '学校' }],
      [{ v: 'TR01' }, { v: 5 }, null, null, { v: 1 }, { v: 2 }],
    ],
  })),
};

type Table = Exclude<keyof RulesetDoc, 'ruleset' | '_metaSource'>;
const TABLES: Table[] = ['sheets', 'areas', 'indicators', 'listFields', 'params', 'rules', 'comparisons'];

test('any edit of a ruleset: checked without throwing; if accepted, validation does not throw', () => {
  const values = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }), fc.constant(''), fc.integer());
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...TABLES), fc.nat(40), fc.nat(20), values), { maxLength: 4 }),
      (edits) => {
        const doc = otherRulesetDoc() as unknown as Record<Table, Record<string, unknown>[]>;
        for (const [table, i, k, v] of edits) {
          const rows = doc[table];
          const row = rows[i % Math.max(1, rows.length)];
          if (!row) continue;
          const keys = Object.keys(row);
          row[keys[k % keys.length]!] = v;
        }
        const { ruleset } = checkRuleset(doc as unknown as RulesetDoc);
        if (ruleset) validate(SNAPSHOT, ruleset, { now: new Date(Date.UTC(2026, 0, 1)) });
      },
    ),
    { numRuns: 300 },
  );
});

test('the bundled ruleset checks a workbook of any other shape without throwing', () => {
  expect(() => validate(SNAPSHOT, bundledRuleset())).not.toThrow();
});

test('hand-edited JSON with rows that are not objects is reported, not thrown', () => {
  const { doc } = parseRulesetJson(JSON.stringify({ ...otherRulesetDoc(), sheets: [null, 3, ['x']], rules: null }));
  const { ruleset, problems } = checkRuleset(doc!);
  expect(ruleset).toBeNull();
  expect(problems.length).toBeGreaterThan(0);
  expect(parseRulesetJson('[1]').problem).toContain('缺少“ruleset”');
});

test('syntax errors are said in Chinese only', () => {
  const c = compileExpression('TR01 >= ', env);
  expect(!c.ok && c.problem.message).toBe('表达式末尾有语法错误：此处缺少数值或表达式');
});
