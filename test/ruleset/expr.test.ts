/** The expression language of rulesets: syntax errors at their character, names checked, evaluation. */
import { compileExpression, evaluate, tryEvaluate, type CheckEnv, type Scope } from '../../src/core/ruleset/expr';
import { inYi } from '../../src/core/ruleset/text';

const env: CheckEnv = {
  indicator: (id) =>
    ({
      JF01: { type: 'number', hasLast: true },
      JF12: { type: 'text', hasLast: false },
      JS09: { type: 'number', hasLast: false },
    })[id] as { type: 'number' | 'text'; hasLast: boolean } | undefined,
  isParam: (n) => n === 'JF02.minGrowth' || n === '经费增长要求',
  list: (n) =>
    n === '学校明细'
      ? { name: n, field: (h) => ({ 在校生数: 'number', 学校类型: 'text' })[h] as 'number' | 'text' | undefined }
      : undefined,
};

const values: Record<string, number | string> = { 'JF01:current': 110, 'JF01:last': 100, 'JF12:current': '是' };
const rows = [
  { 在校生数: 2100, 学校类型: '小学' },
  { 在校生数: 2400, 学校类型: '九年一贯制' },
];
const scope: Scope = {
  indicator: (id, year) => values[`${id}:${year}`],
  param: (n) => ({ 'JF02.minGrowth': 10, 经费增长要求: 8 })[n] ?? NaN,
  column: () => undefined,
  rows: () => rows.map((r) => ({ ...scope, column: (h: string) => (r as Record<string, number | string>)[h] })),
  cityTotal: () => undefined,
};

function run(src: string, e: CheckEnv = env) {
  const c = compileExpression(src, e);
  if (!c.ok) throw new Error(c.problem.message);
  return evaluate(c.expr, scope);
}

test.each([
  ['增长率(JF01) >= JF02.minGrowth', true],
  ['JF01 ≥ 上年（JF01）', true],
  ['JF12 = “是”', true],
  ['ROUND(JF01 / 3, 1)', 36.7],
  ['IF(JF01 > 100, "多", "少")', '多'],
  ['AND(JF01 > 0, OR(JF12 = "否", 经费增长要求 = 8))', true],
  ['COUNTROWS(学校明细, [在校生数] > IF([学校类型] = "九年一贯制", 2500, 2000))', 1],
  ['SUMROWS(学校明细, [在校生数])', 4500],
  ['JOINROWS(学校明细, [学校类型] & [在校生数] & "人", [在校生数] > 2000)', '小学2100人、九年一贯制2400人'],
  ['JOINROWS(学校明细, [学校类型], [在校生数] > 9000)', ''],
  ['TEXT(1234.56, "#,##0")', '1,235'],
  ['"比例" & TEXT(JF01 / 3, "0.0") & "%"', '比例36.7%'],
  ['ISBLANK(JS09)', true],
])('%s → %p', (src, want) => {
  expect(run(src)).toEqual(want);
});

test('a value that is missing or a division by zero is not evaluated', () => {
  const c = compileExpression('JS09 / (JF01 - 110)', env);
  expect(c.ok && tryEvaluate(c.expr, scope)).toBeUndefined();
});

test.each([
  ['JF01 >= ', '末尾'],
  ['JF01 >= (上年(JF01)', '缺少右括号'],
  ['JF01 >= 上年(JF01))', '第 17 个字符“)”'],
  ['JF99 > 0', '未知的名称“JF99”'],
  ['JF01 > 上年(JS09)', 'JS09 没有上年值'],
  ['FOO(JF01)', '未知的函数“FOO”'],
  ['ROUND(JF01)', 'ROUND 需要 2 个参数'],
  ['[在校生数] > 0', '只能用在清单'],
  ['COUNTROWS(学校明细, [班级数] > 0)', '没有表头“班级数”'],
  ['JF12 + 1', '文本不能参与算术运算'],
  ['JF12 = 是', '要加引号'],
  ['JF01 = "是"', '类型不同'],
])('%s is refused: %s', (src, says) => {
  const c = compileExpression(src, env);
  expect(c.ok).toBe(false);
  if (!c.ok) expect(c.problem.message).toContain(says);
});

test('large sums read in 亿元, to the 万元', () => {
  expect(inYi('支出1720000万元，比上年（1650000.5万元）增长，专项资金3000万元')).toBe(
    '支出172亿元，比上年（165.00005亿元）增长，专项资金3000万元',
  );
});
