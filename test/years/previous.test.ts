/** Last year's workbooks as an input, shared by `check --previous` and the page (core/years/previous). */
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
