/**
 * Issue 14, item 7: 0.985 typed into a percentage indicator in a cell without a percent format
 * is not read as 0.985 %. Decisions: a number strictly between 0 and 1 is asked about (G2, an
 * error: "是否应为98.5%"); 0 and a whole 1 are still read as 0% and 1%; the same number in a cell
 * with a percent format, or typed with its sign ("0.985%"), is read as it shows; other indicator
 * types are not concerned.
 */
import { parseNumber } from '../../src/core/parse';
import type { SnapshotCell } from '../../src/core/types';
import { check, district } from '../fixtures/workbooks';

const n = (v: number | string, fmt?: string): SnapshotCell => (fmt ? { v, fmt } : { v });

describe('a fraction in a percentage indicator', () => {
  it.each([
    ['0.985 in a pct indicator', n(0.985), 'pct', 98.5],
    ['0.5 in a pct200 indicator', n(0.5), 'pct200', 50],
    ['0.985 stored as text', n('0.985'), 'pct', 98.5],
  ] as const)('%s is asked about', (_, cell, type, percent) => {
    const p = parseNumber(cell, type);
    expect(p).toEqual({ kind: 'invalid', reason: expect.objectContaining({ code: 'fraction', percent }) });
  });

  it.each([
    ['0.985 with a percent format', n(0.985, '0.0%'), 'pct', 98.5],
    ['“0.985%” typed with its sign', n('0.985%'), 'pct', 0.985],
    ['a whole 1 (1%)', n(1), 'pct', 1],
    ['0 (0%)', n(0), 'pct', 0],
    ['98.5', n(98.5), 'pct', 98.5],
    ['0.985 in a money indicator', n(0.985), 'money', 0.985],
  ] as const)('%s is read as it is', (_, cell, type, value) => {
    const p = parseNumber(cell, type);
    expect(p.kind).toBe('value');
    expect(p.kind === 'value' && p.value).toBe(value);
  });

  it('is an error whose message asks "是否应为98.5%", and draws no warning', async () => {
    const report = await check(
      district((d) => {
        d.values.XQ05 = { ...d.values.XQ05, current: 0.985 };
      }),
      { roundTrip: true },
    );
    const mine = report.findings.filter((f) => f.indicator === 'XQ05');
    expect(mine.map((f) => [f.rule, f.level])).toEqual([['G2', 'error']]);
    expect(mine[0]!.message).toContain('是否应为98.5%');
    expect(report.findings.filter((f) => f.level === 'warning' && f.indicator === 'XQ05')).toEqual([]);
  });
});
