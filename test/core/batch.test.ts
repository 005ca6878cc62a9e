/** A reviewer's batch: one workbook per district, and those of another city, year or ruleset set aside. */
import { classifyBatch, type BatchItem } from '../../src/core/batch';
import type { Report } from '../../src/core/types';

function item(
  file: string,
  d: Partial<Report['district']>,
  opts: { ruleset?: string; modified?: number } = {},
): BatchItem {
  const report = {
    status: 'checked',
    rulesetVersion: opts.ruleset ?? '2025.1',
    templateVersion: opts.ruleset ?? '2025.1',
    district: { name: '环翠区', code: '371002', year: 2025, city: '威海市', date: '2026-03-01', ...d },
    findings: [],
    counts: { error: 0, warning: 0, notice: 0 },
    readyToReturn: true,
    indicators: {},
  } as Report;
  return { file, report, modified: opts.modified };
}

test('a resubmission supersedes the earlier return of its district: later 填报日期, then the later file', () => {
  const out = classifyBatch([
    item('环翠区.xlsx', {}),
    item('环翠区-修订.xlsx', { date: '2026-03-20' }),
    item('文登区.xlsx', { name: '文登区', code: '371003' }, { modified: 1 }),
    item('文登区(1).xlsx', { name: '文登区', code: '371003' }, { modified: 2 }),
    item('荣成市.xlsx', { name: '荣成市', code: '371082' }),
  ]);
  expect(out.map((s) => s.included)).toEqual([false, true, false, true, true]);
  expect(out[0]).toEqual({
    included: false,
    reason: 'superseded',
    detail: expect.stringContaining('环翠区-修订.xlsx'),
  });
  expect(out[2]).toMatchObject({ reason: 'superseded', detail: expect.stringContaining('文登区(1).xlsx') });
});

test('a workbook of another city, year or ruleset than most is set aside with the reason', () => {
  const out = classifyBatch([
    item('a.xlsx', { code: '371002' }),
    item('b.xlsx', { code: '371003' }),
    item('c.xlsx', { code: '371082' }),
    item('烟台.xlsx', { code: '370602', city: '烟台市' }),
    item('去年.xlsx', { code: '371083', year: 2024 }),
    item('旧版.xlsx', { code: '371071' }, { ruleset: '2024.1' }),
  ]);
  expect(out.map((s) => (s.included ? 'in' : s.reason))).toEqual([
    'in',
    'in',
    'in',
    'other-city',
    'other-year',
    'other-ruleset',
  ]);
  expect(out[3]).toMatchObject({ detail: '所属地市为“烟台市”，本批多数为“威海市”' });
  expect(out[4]).toMatchObject({ detail: '评价年度为“2024”，本批多数为“2025”' });
});

test('a workbook whose 评价年度 could not be read (empty, or 2014) is said to have none that counts', () => {
  const out = classifyBatch([
    item('a.xlsx', { code: '371002' }),
    item('b.xlsx', { code: '371003' }),
    item('无年度.xlsx', { code: '371082', year: null }),
  ]);
  expect(out[2]).toEqual({ included: false, reason: 'other-year', detail: '评价年度未填写或无效，本批多数为“2025”' });
});
