/** The bundled ruleset 2025.1: usable, every rule with both examples, and the examples hold. */
import { BUNDLED_DOC, bundledRuleset, checkRuleset } from '../../src/core/ruleset';

test('2025.1 compiles and its examples hold', () => {
  const { ruleset, problems } = checkRuleset(BUNDLED_DOC);
  expect(problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`)).toEqual([]);
  expect(ruleset?.version).toBe('2025.1');
});

test('every rule of 2025.1 has a 满足示例 and a 不满足示例', () => {
  const missing = BUNDLED_DOC.rules.filter((r) => !r.passExample || !r.failExample).map((r) => r.id);
  expect(missing).toEqual([]);
  expect(bundledRuleset().rules.length).toBe(BUNDLED_DOC.rules.length);
});

test('2025.1 has the indicators, parameters and rules of INDICATORS.md', () => {
  const rs = bundledRuleset();
  expect(rs.indicators).toHaveLength(77);
  expect(Object.keys(rs.params)).toHaveLength(35);
  expect(rs.indicator('YW06')?.name).toBe('超规模学校数（小学、初中超过2000人，九年一贯制超过2500人）（所）');
});
