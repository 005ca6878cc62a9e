/**
 * The batch's chart data (src/core/charts): the grid of unmet requirements and the bars of each
 * 全市比较, with the bundled ruleset and with another office's ruleset, so that nothing of 2025.1
 * is assumed.
 */
import { breachesByRule } from '../../src/core/city';
import { cityDraft } from '../../src/core/feedback/city';
import { areaGrid, batchCharts, comparisonCharts } from '../../src/core/charts';
import { validate } from '../../src/core/validate';
import { DEFAULT_RULESET, makeRuleset } from '../fixtures/ruleset2025';
import { preschool, report } from '../feedback/helpers';
import { hc, rc, rs, wd } from './helpers';
import { otherDistrict, otherRuleset } from './otherHelpers';

describe('areaGrid (bundled ruleset)', () => {
  const reports = [rs(), wd(), hc(), rc()];
  const grid = areaGrid(reports, DEFAULT_RULESET);

  it('lists the districts by 行政区划代码 and the areas in the ruleset order', () => {
    expect(grid.districts.map((d) => d.name)).toEqual(['环翠区', '文登区', '荣成市', '乳山市']);
    expect(grid.areas).toEqual(DEFAULT_RULESET.areas.map((a) => a.name));
  });

  it('counts in each cell the rules of that area the district breaks, as the city draft does', () => {
    const breaches = breachesByRule(reports, DEFAULT_RULESET);
    const total = breaches.reduce((t, b) => t + b.reports.length, 0);
    expect(grid.counts.flat().reduce((t, n) => t + n, 0)).toBe(total);
    const wdRow = grid.districts.findIndex((d) => d.name === '文登区');
    const health = grid.areas.indexOf(DEFAULT_RULESET.areaOf('XS01')!.name);
    const yw = grid.areas.indexOf(DEFAULT_RULESET.areaOf('YW07')!.name);
    expect(grid.rules[wdRow]![health]).toContain('XS01.min');
    expect(grid.rules[wdRow]![yw]).toContain('YW07.min');
    const rsRow = grid.districts.findIndex((d) => d.name === '乳山市');
    expect(grid.rules[rsRow]![grid.areas.indexOf(DEFAULT_RULESET.areaOf('JF01')!.name)]).toContain('JF01.noDecrease');
    // 环翠区 breaks nothing
    expect(grid.counts[0]!.every((n) => n === 0)).toBe(true);
    expect(grid.max).toBe(Math.max(...grid.counts.flat()));
  });

  it('leaves out what is not a checked workbook', () => {
    const notTemplate = validate({ sheets: [{ name: 'Sheet1', rows: [[{ v: 'x' }]] }] }, DEFAULT_RULESET);
    expect(areaGrid([...reports, notTemplate], DEFAULT_RULESET).districts).toHaveLength(4);
  });
});

describe('comparisonCharts (bundled ruleset)', () => {
  const reports = [rs(), wd(), hc(), rc()];
  const charts = comparisonCharts(reports, DEFAULT_RULESET);
  const byId = (id: string) => charts.find((c) => c.comparisons.includes(id))!;

  it('draws one chart per compared figure, comparisons of one figure together', () => {
    expect(charts.map((c) => c.comparisons)).toEqual([
      ['XQ05.belowCity'],
      ['XQ06.belowCity', 'XQ06.best'],
      ['JF01.best'],
      ['XS01.best'],
      ['YW07.best'],
    ]);
  });

  it('gives each district its figure, the city figure the draft prints and the requirement', () => {
    const xq05 = byId('XQ05.belowCity');
    expect(xq05.name).toBe('普惠性幼儿园覆盖率');
    expect(xq05.unit).toBe('%');
    expect(xq05.bars.map((b) => [b.district.name, b.value, b.belowCity])).toEqual([
      ['环翠区', 90, false],
      ['文登区', 90, false],
      ['荣成市', 85, true],
      ['乳山市', 82, true],
    ]);
    expect(xq05.city).toBe(87.7);
    expect(xq05.cityLabel).toBe('全市 87.7%');
    expect(xq05.requirements).toEqual([{ rule: 'XQ05.min', op: '>=', value: 80, label: '要求 ≥80%' }]);
    const draft = cityDraft(reports, DEFAULT_RULESET, { now: new Date(Date.UTC(2026, 0, 5)) });
    expect(draft.blocks.map((b) => ('text' in b ? b.text : '')).join('')).toContain('（87.7%）');
    expect(byId('XQ06.best').city).toBe(53.2);
  });

  it('compares a growth rate when the comparison says so, without a requirement no rule gives', () => {
    const jf01 = byId('JF01.best');
    expect(jf01.name).toBe('一般公共预算教育支出比上年增长率');
    expect(jf01.unit).toBe('%');
    expect(jf01.city).toBeNull();
    expect(jf01.requirements).toEqual([]);
    expect(jf01.bars.find((b) => b.district.name === '乳山市')).toMatchObject({ value: -5, text: '-5.0' });
  });

  it('takes the requirement from the ruleset parameters in force', () => {
    const changed = comparisonCharts(reports, makeRuleset({ 'XS01.min': 60 }));
    expect(changed.find((c) => c.comparisons.includes('XS01.best'))!.requirements).toMatchObject([
      { rule: 'XS01.min', value: 60, label: '要求 ≥60%' },
    ]);
  });

  it('shows a district whose figure cannot be computed as 无数据', () => {
    // 经区: XQ03 typed as text, an error on a count the city figure sums
    const jq = report({
      name: '经区',
      code: '371091',
      rows: { ...preschool(10000, 1000, 7000), XQ03: { E: 1000, F: '1000' } },
    });
    expect(jq.findings.some((f) => f.level === 'error' && f.indicator === 'XQ03')).toBe(true);
    const chart = comparisonCharts([hc(), rc(), jq], DEFAULT_RULESET)[0]!;
    expect(chart.bars.map((b) => b.text)).toEqual(['90', '85', '无数据']);
    expect(chart.bars[2]!.value).toBeNull();
  });
});

describe('charts of another office ruleset', () => {
  const ruleset = otherRuleset();
  const reports = [
    otherDistrict(ruleset, '东港区', '370202', { DW03: [20, 18], TR01: [1000, 1020] }),
    otherDistrict(ruleset, '西海区', '370201'),
    otherDistrict(ruleset, '南湾区', '370203', { DW03: [20, 30] }),
  ];
  const charts = batchCharts(reports, ruleset);

  it('uses its areas, its districts and its comparisons', () => {
    expect(charts.grid.areas).toEqual(['经费', '教师']);
    expect(charts.grid.districts.map((d) => d.name)).toEqual(['西海区', '东港区', '南湾区']);
    const east = charts.grid.rules[1]!;
    expect(east[0]).toEqual(['TR01.growth']);
    expect(east[1]).toEqual(expect.arrayContaining(['DW03.min', 'XX.unmet']));
    expect(charts.bars.map((c) => c.comparisons)).toEqual([['DW03.belowCity'], ['TR01.best']]);
  });

  it('computes its city figure and finds its thresholds, even on a growth rate', () => {
    const [dw03, tr01] = charts.bars;
    expect(dw03!.name).toBe('研究生学历教师比例');
    expect(dw03!.bars.map((b) => b.value)).toEqual([25, 18, 30]);
    // 全市合计(DW03) / 3
    expect(dw03!.city).toBe(24.3);
    expect(dw03!.requirements).toEqual([{ rule: 'DW03.min', op: '>=', value: 20, label: '要求 ≥20%' }]);
    expect(tr01!.name).toBe('教育经费总投入比上年增长率');
    expect(tr01!.bars.map((b) => b.text)).toEqual(['10.0', '2.0', '10.0']);
    expect(tr01!.requirements).toEqual([{ rule: 'TR01.growth', op: '>=', value: 5, label: '要求 ≥5%' }]);
  });
});
