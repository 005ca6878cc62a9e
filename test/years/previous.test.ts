/** Last year's workbooks as an input, shared by `check --previous` and the page (core/years/previous). */
import { doubtsValue } from '../../src/core/feedback/common';
import { districtDraft } from '../../src/core/feedback/district';
import { draftToText } from '../../src/core/feedback/text';
import type { LedgerRow } from '../../src/core/ledger';
import {
  applyLastYear,
  fileNameOf,
  lastYearUse,
  YEAR_RULES,
  type Candidate,
  type LastYear,
} from '../../src/core/years';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import type { DistrictData } from '../fixtures/workbooks';
import { district, lastYearOf, yearInput } from './helpers';

function candidate(file: string, d: DistrictData): Candidate<LastYear> {
  const { report } = yearInput(d);
  return { file, district: report.district, item: { report, ruleset: DEFAULT_RULESET } };
}

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('applyLastYear', () => {
  const d = district();
  const restated = lastYearOf(d, (p) => (p.values.JF01 = { ...p.values.JF01, current: 51000 }));

  it('adds the notices of the district’s workbook of last year, naming its file without its folder', () => {
    const report = applyLastYear(yearInput(d), [candidate('上年/东城区2024.xlsx', restated)]);
    const notice = report.findings.find((f) => f.rule === YEAR_RULES.lastValue)!;
    expect(notice.message).toContain('“东城区2024.xlsx”');
    expect(report.counts.notice).toBe(report.findings.filter((f) => f.level === 'notice').length);
    expect(rules(report.findings)).toContain(YEAR_RULES.notListed);
  });

  it('leaves the report as it was when no workbook of last year is of its district', () => {
    const input = yearInput(d);
    const elsewhere = lastYearOf(d, (p) => (p.info.code = '379999'));
    expect(applyLastYear(input, [candidate('别处.xlsx', elsewhere)])).toBe(input.report);
  });

  it('with last year’s review ledger, only the problems it confirms must be in 问题整改', () => {
    const input = yearInput(d);
    const last = candidate('东城区2024.xlsx', restated);
    const rows: LedgerRow[] = last.item.report.findings
      .filter((f) => f.level === 'warning')
      .map((f) => ({
        district: '东城区',
        code: last.district.code,
        indicator: f.indicator ?? '',
        rule: f.rule,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
        explanation: '',
        decision: '采纳说明',
        note: '',
      }));
    expect(rows.length).toBeGreaterThan(0);
    const report = applyLastYear(input, [last], { review: rows });
    expect(rules(report.findings)).not.toContain(YEAR_RULES.notListed);
    expect(rules(report.findings)).toContain(YEAR_RULES.lastValue);
  });
});

describe('lastYearUse', () => {
  it('one line per workbook not used and per district without one', () => {
    const dong = yearInput(district()).report.district;
    const xi = yearInput(
      district((x) => {
        x.info.name = '西城区';
        x.info.code = '379903';
      }),
    ).report.district;
    const d = district();
    const use = lastYearUse(
      [dong, xi],
      [
        candidate('东城区2024.xlsx', lastYearOf(d)),
        candidate('东城区2024副本.xlsx', lastYearOf(d)),
        candidate(
          '别处.xlsx',
          lastYearOf(d, (p) => (p.info.code = '379999')),
        ),
        candidate(
          '前年.xlsx',
          lastYearOf(d, (p) => (p.info.year = 2023)),
        ),
      ],
    );
    expect(use.unused).toEqual([
      { file: '东城区2024副本.xlsx', reason: '与“东城区2024.xlsx”是同一地区的上年填报表，已使用后者' },
      { file: '别处.xlsx', reason: '没有行政区划代码为 379999 的本年填报表' },
      { file: '前年.xlsx', reason: '评价年度为 2023，不是 2024 年度（上一年度），未用于比对' },
    ]);
    expect(use.without).toEqual(['西城区：没有上年填报表，未做跨年度比对']);
  });

  it('file names without their folder, either separator', () => {
    expect(fileNameOf('a/b/东城区.xlsx')).toBe('东城区.xlsx');
    expect(fileNameOf('C:\\上年\\东城区.xlsx')).toBe('东城区.xlsx');
    expect(fileNameOf('东城区.xlsx')).toBe('东城区.xlsx');
  });
});

describe('what last year’s comparisons hold back in the letter', () => {
  // XQ01 (本年值 ≥ 90) and JF03 (本年值 ≥ 上年值) both fail; last year's workbook says other 本年值
  // than this year's 上年值 for both
  const d = district((x) => {
    x.values.XQ01 = { ...x.values.XQ01, last: 95, current: 85, explanation: '适龄人口外流' };
    x.values.JF03 = { ...x.values.JF03, last: 12000, current: 11000, explanation: '财力紧张' };
  });
  const restated = lastYearOf(d, (p) => {
    p.values.XQ01 = { ...p.values.XQ01, current: 97 };
    p.values.JF03 = { ...p.values.JF03, current: 11500 };
  });
  const report = applyLastYear(yearInput(d), [candidate('东城区2024.xlsx', restated)]);
  const text = draftToText(districtDraft(report, DEFAULT_RULESET, { now: new Date(Date.UTC(2026, 0, 5)) }));
  const problems = text.slice(text.indexOf('三、存在的主要问题'), text.indexOf('四、'));

  it('a 上年值 unlike last year’s holds back only what reads it', () => {
    const onLast = report.findings.filter((f) => f.rule === YEAR_RULES.lastValue).map((f) => f.indicator);
    expect(onLast.sort()).toEqual(['JF03', 'XQ01']);
    // XQ01's requirement reads this year's figure only: still a problem
    expect(problems).toContain(DEFAULT_RULESET.indicator('XQ01')!.shortName);
    // JF03's compares with the 上年值 in doubt: not concluded
    expect(problems).not.toContain(DEFAULT_RULESET.indicator('JF03')!.shortName);
    expect(text).toMatch(/另有1项因填报数据待核实暂不作结论/);
  });

  it('a problem of last year missing from 问题整改 doubts no value', () => {
    expect(rules(report.findings)).toContain(YEAR_RULES.notListed);
    expect(report.findings.filter(doubtsValue).map((f) => f.rule)).toEqual([
      YEAR_RULES.lastValue,
      YEAR_RULES.lastValue,
    ]);
  });
});
