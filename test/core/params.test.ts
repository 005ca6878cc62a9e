/**
 * Rule parameters: every key and default exactly as spec/INDICATORS.md's table ("Parameters"),
 * overrides, and the rejection of overrides that cannot be applied.
 */
import { DEFAULT_RULESET, RULES, makeRuleset } from '../fixtures/ruleset2025';
import { RulesetError } from '../../src/core/ruleset';
import { walk } from '../../src/core/ruleset/expr';

const DEFAULT_PARAMS = { ...DEFAULT_RULESET.params };
const isParamKey = (key: string): boolean => key in DEFAULT_PARAMS;

/** The table of spec/INDICATORS.md, copied by hand (AQ01.min … AQ04.min written out). */
const SPEC_PARAMETERS: [string, number][] = [
  ['outlier.factor', 10],
  ['consistency.pctTolerance', 0.1],
  ['JF02.minGrowth', 10],
  ['JF08.min', 650],
  ['JF09.min', 850],
  ['JF10.min', 1000],
  ['JF11.min', 500],
  ['JF16.minRate', 90],
  ['JS07.minRate', 80],
  ['JS08.minRate', 85],
  ['JS10.minShare', 75],
  ['JS12.minRate', 10],
  ['XQ01.min', 90],
  ['XQ05.min', 80],
  ['XQ06.min', 50],
  ['YW01.min', 95],
  ['YW02.min', 95],
  ['YW06.primaryMax', 2000],
  ['YW06.throughMax', 2500],
  ['YW07.min', 100],
  ['YW08.min', 85],
  ['YW09.min', 100],
  ['GZ01.min', 92],
  ['GZ03.minShare', 40],
  ['XS01.min', 52],
  ['XS02.minDrop', 1],
  ['AQ01.min', 100],
  ['AQ02.min', 100],
  ['AQ03.min', 100],
  ['AQ04.min', 100],
  ['AQ08.maxStudents', 600],
  ['GG01.min', 1],
  ['GG02.min', 2],
  ['GG04.min', 100],
  ['GG06.min', 1],
];

describe('defaults of ruleset 2025.1', () => {
  it.each(SPEC_PARAMETERS)('%s defaults to %p', (key, expected) => {
    expect(isParamKey(key)).toBe(true);
    expect(DEFAULT_RULESET.params[key]).toBe(expected);
  });

  it('has exactly the keys of the spec, no more', () => {
    expect(Object.keys(DEFAULT_PARAMS).sort()).toEqual(SPEC_PARAMETERS.map(([k]) => k).sort());
  });

  it('is version 2025.1 for template 2025.1, with no overrides', () => {
    expect(DEFAULT_RULESET.version).toBe('2025.1');
    expect(DEFAULT_RULESET.overrides).toEqual({});
  });

  it('every parameter a rule names is a known key, and every threshold key is used by a rule', () => {
    const used = new Set(
      RULES.flatMap((r) => [...walk(r.condition)].flatMap((e) => (e.k === 'param' ? [e.name] : []))),
    );
    for (const key of used) expect(isParamKey(key)).toBe(true);
    // the one key read outside the rules: G4, the engine's plausibility notice
    expect([...used, 'outlier.factor'].sort()).toEqual(Object.keys(DEFAULT_PARAMS).sort());
  });
});

describe('overrides', () => {
  it('applies an override and keeps every other default', () => {
    const r = makeRuleset({ 'JF02.minGrowth': 5 });
    expect(r.params['JF02.minGrowth']).toBe(5);
    expect(r.overrides).toEqual({ 'JF02.minGrowth': 5 });
    for (const [key, v] of SPEC_PARAMETERS) {
      if (key !== 'JF02.minGrowth') expect(r.params[key]).toBe(v);
    }
  });

  it('applies several overrides at once, including 0 and fractions', () => {
    const r = makeRuleset({ 'JF08.min': 800, 'XS02.minDrop': 0.5, 'GG06.min': 0, 'outlier.factor': 5 });
    expect(r.params).toMatchObject({ 'JF08.min': 800, 'XS02.minDrop': 0.5, 'GG06.min': 0, 'outlier.factor': 5 });
    expect(Object.keys(r.overrides).sort()).toEqual(['GG06.min', 'JF08.min', 'XS02.minDrop', 'outlier.factor']);
  });

  it('does not change the defaults', () => {
    makeRuleset({ 'JF08.min': 800 });
    expect(DEFAULT_RULESET.params['JF08.min']).toBe(650);
    expect(DEFAULT_PARAMS['JF08.min']).toBe(650);
  });

  it('accepts an empty object and no argument', () => {
    expect(makeRuleset({}).params).toEqual(DEFAULT_RULESET.params);
    expect(makeRuleset().params).toEqual(DEFAULT_RULESET.params);
  });
});

describe('overrides that cannot be applied', () => {
  const rejected = (overrides: unknown): RulesetError => {
    try {
      makeRuleset(overrides);
    } catch (e) {
      expect(e).toBeInstanceOf(RulesetError);
      return e as RulesetError;
    }
    throw new Error(`makeRuleset(${JSON.stringify(overrides)}) was accepted`);
  };

  it.each([
    ['an unknown key', { 'JF99.min': 5 }, 'JF99.min'],
    ['a misspelt key', { 'JF02.mingrowth': 5 }, 'JF02.mingrowth'],
    ['a key without its indicator', { min: 5 }, 'min'],
  ])('%s is rejected with a message naming the key', (_label, overrides, key) => {
    const e = rejected(overrides);
    expect(e.key).toBe(key);
    expect(e.message).toContain(key);
  });

  it.each([
    ['a string', '8'],
    ['null', null],
    ['a boolean', true],
    ['an array', [8]],
    ['an object', { value: 8 }],
    ['NaN', NaN],
    ['Infinity', Infinity],
  ])('a non-number (%s) is rejected with a message naming the key', (_label, v) => {
    const e = rejected({ 'JF02.minGrowth': v });
    expect(e.key).toBe('JF02.minGrowth');
    expect(e.message).toContain('JF02.minGrowth');
  });

  it.each([
    ['a negative threshold', 'JF08.min', -1],
    ['an outlier factor of 1', 'outlier.factor', 1],
    ['an outlier factor below 1', 'outlier.factor', 0.5],
  ])('a value that makes no sense (%s) is rejected naming the key', (_label, key, v) => {
    const e = rejected({ [key]: v });
    expect(e.key).toBe(key);
    expect(e.message).toContain(key);
  });

  it.each([
    ['null', null],
    ['an array', [['JF02.minGrowth', 8]]],
    ['a number', 8],
    ['a string', 'JF02.minGrowth=8'],
  ])('overrides that are not an object (%s) are rejected', (_label, overrides) => {
    const e = rejected(overrides);
    expect(e.key).toBeNull();
    expect(e.message).toMatch(/JSON/);
  });
});
