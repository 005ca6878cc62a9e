import { breachesByRule, cityFigure, cityFindings } from '../../src/core/city';
import { DEFAULT_RULESET, makeRuleset } from '../fixtures/ruleset2025';
import { validate } from '../../src/core/validate';
import { preschool, report } from './helpers';

// XQ05 / XQ06 of each district: 环翠区 90 / 70, 文登区 90 / 45, 荣成市 85 / 55, 乳山市 82 / 52.
// Summed counts give 87.7 / 53.2; averaging the percentages would give 86.75 / 55.5 and wrongly
// name 荣成市 (55) for XQ06.
const hc = () => report({ name: '环翠区', code: '371002', rows: preschool(10000, 7000, 2000) });
const wd = () => report({ name: '文登区', code: '371003', rows: preschool(20000, 9000, 9000) });
const rc = () => report({ name: '荣成市', code: '371082', rows: preschool(5000, 2750, 1500) });
const rs = () => report({ name: '乳山市', code: '371083', rows: preschool(10000, 5200, 3000) });

describe('cityFindings', () => {
  it('compares each district with the figure from summed counts, naming districts by code', () => {
    const out = cityFindings([rs(), wd(), hc(), rc()], DEFAULT_RULESET);
    expect(out).toEqual([
      {
        rule: 'XQ05.belowCity',
        indicator: 'XQ05',
        level: 'warning',
        districts: ['荣成市', '乳山市'],
        cityValue: 87.7,
        message: '荣成市、乳山市普惠性幼儿园覆盖率低于全市平均水平（87.7%）',
        own: '普惠性幼儿园覆盖率低于全市平均水平（87.7%）',
      },
      {
        rule: 'XQ06.belowCity',
        indicator: 'XQ06',
        level: 'warning',
        districts: ['文登区', '乳山市'],
        cityValue: 53.2,
        message: '文登区、乳山市公办园在园幼儿占比低于全市平均水平（53.2%）',
        own: '公办园在园幼儿占比低于全市平均水平（53.2%）',
      },
    ]);
  });

  it('computes the city figure from counts, not from an average of percentages', () => {
    const xq06 = DEFAULT_RULESET.comparisons.find((c) => c.id === 'XQ06.belowCity')!;
    const share = cityFigure([hc(), wd(), rc(), rs()], xq06, DEFAULT_RULESET);
    expect(share.value).toBeCloseTo((23950 / 45000) * 100, 9);
    expect(share.scored.map((r) => r.report.district.name)).toEqual(['环翠区', '文登区', '荣成市', '乳山市']);
  });

  it('names only districts below the city figure by more than consistency.pctTolerance', () => {
    const ruleset = makeRuleset({ 'consistency.pctTolerance': 1.5 });
    const out = cityFindings([hc(), wd(), rc(), rs()], ruleset);
    // 乳山市 52 is 1.2 points below 53.2: within the tolerance now
    expect(out.find((f) => f.rule === 'XQ06.belowCity')?.districts).toEqual(['文登区']);
  });

  it('leaves out districts whose counts are in error, and workbooks that are not the template', () => {
    const bad = report({
      name: '经区',
      code: '371072',
      rows: { ...preschool(10000, 1000, 1000), XQ03: { E: 1000, F: '1000' } },
    });
    expect(bad.findings.some((f) => f.level === 'error' && f.indicator === 'XQ03')).toBe(true);
    const notTemplate = validate({ sheets: [{ name: 'Sheet1', rows: [[{ v: 'x' }]] }] }, DEFAULT_RULESET);
    expect(notTemplate.status).toBe('not-template');
    const out = cityFindings([hc(), bad, wd(), rc(), rs(), notTemplate], DEFAULT_RULESET);
    expect(out.map((f) => [f.rule, f.districts, f.cityValue])).toEqual([
      ['XQ05.belowCity', ['荣成市', '乳山市'], 87.7],
      ['XQ06.belowCity', ['文登区', '乳山市'], 53.2],
    ]);
  });

  it('makes no comparison from a single district', () => {
    expect(cityFindings([wd()], DEFAULT_RULESET)).toEqual([]);
  });
});

describe('breachesByRule', () => {
  it('groups conclusive warnings by rule, in rule order, districts by code', () => {
    const a = report({ name: '乳山市', code: '371083', rows: { AQ06: { F: 28 }, JF16: { F: 2500 } } });
    const b = report({ name: '环翠区', code: '371002', rows: { AQ06: { F: 29 } } });
    // 高区's JF16 rate rests on a JF15 stored as text: not judged, so not listed
    const c = report({
      name: '高区',
      code: '371071',
      rows: { JF15: { F: '3,000' }, JF16: { F: 2000 }, AQ06: { F: 28 } },
    });
    expect(c.findings.some((f) => f.rule === 'JF16.minRate')).toBe(false);
    const out = breachesByRule([a, b, c], DEFAULT_RULESET);
    expect(out.map((x) => [x.rule, x.reports.map((r) => r.district.name)])).toEqual([
      ['JF16.minRate', ['乳山市']],
      ['AQ06.eqAQ05', ['环翠区', '高区', '乳山市']],
    ]);
    expect(out[1]!.findings.map((f) => f.values.current)).toEqual([29, 28, 28]);
  });
});
