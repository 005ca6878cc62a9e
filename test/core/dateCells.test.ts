import { isDateFormat, parseNumber } from '../../src/core/parse';
import { check, district } from '../fixtures/workbooks';

describe('a number cell formatted as a date', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['[h]:mm:ss', true],
    ['0.00', false],
    ['0.0%', false],
    ['#,##0', false],
    ['0.00"万元"', false],
    ['0.00_);[Red](0.00)', false],
    ['@', false],
  ])('%s is a date format: %s', (fmt, yes) => {
    expect(isDateFormat(fmt)).toBe(yes);
  });

  it('is not read as a number', () => {
    const p = parseNumber({ v: 45659, fmt: 'yyyy-mm-dd' }, 'count');
    expect(p).toEqual({ kind: 'invalid', reason: { code: 'isDate', text: '2025-01-02' } });
  });

  it('is an error naming the date, and no rule is judged on it', async () => {
    const report = await check(
      district((d) => (d.values.JS01 = { current: { value: new Date(Date.UTC(2025, 0, 2)), numFmt: 'yyyy-mm-dd' } })),
      { roundTrip: true },
    );
    const f = report.findings.find((x) => x.indicator === 'JS01')!;
    expect(f).toMatchObject({ rule: 'G2', level: 'error', cell: 'F3' });
    expect(f.message).toContain('是日期（2025-01-02）');
    expect(report.findings.map((x) => x.rule)).toEqual(['G2']);
  });
});
