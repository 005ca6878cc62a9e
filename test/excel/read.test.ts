import { BLOCK_CELLS } from '../../src/hosts/excel/read';
import { createFakeExcel } from './fakeExcel';
import { check, fakeTemplate, hostOf } from './helpers';

async function syncsToRead(extraRows: number): Promise<{ syncs: number; rows: number }> {
  const wb = fakeTemplate({ extraRows });
  wb.addSheet(
    '大表',
    Array.from({ length: extraRows }, (_, i) => Array.from({ length: 12 }, (_, c) => i * 12 + c)),
  );
  const before = wb.syncs;
  const snapshot = await hostOf(wb).readSnapshot();
  const big = snapshot.sheets.find((s) => s.name === '大表')!;
  return { syncs: wb.syncs - before, rows: big.rows.length };
}

test('a 10,000-row workbook is read in as many syncs as a 10-row one', async () => {
  const small = await syncsToRead(10);
  const large = await syncsToRead(10_000);
  expect(large.rows).toBe(10_000);
  expect(small.rows).toBe(10);
  expect(10_000 * 12).toBeGreaterThan(BLOCK_CELLS); // the large sheet is read in several blocks
  expect(large.syncs).toBe(small.syncs);
  expect(large.syncs).toBeLessThanOrEqual(3);
});

test('values, number formats, Excel errors and offsets are read as the engine expects', async () => {
  const wb = fakeTemplate({ problems: true });
  wb.addSheet('偏移', [
    [null, null],
    [null, null, 'x'],
  ]);
  const snapshot = await hostOf(wb).readSnapshot();
  const sheet = (name: string) => snapshot.sheets.find((s) => s.name === name)!;
  expect(sheet('基本信息').rows[8]![1]).toEqual({ v: 45726, fmt: 'yyyy-mm-dd' });
  expect(sheet('经费投入').rows[4]![5]).toEqual({ v: null, err: '#DIV/0!' });
  expect(sheet('教师队伍').rows[2]![5]).toEqual({ v: '=SUM(1,2)' });
  expect(sheet('偏移').rows).toEqual([[], [null, null, { v: 'x' }]]);
});

test("the product's own sheets are not read", async () => {
  const wb = fakeTemplate();
  wb.addSheet('校验结果', [['旧的结果']]);
  const snapshot = await hostOf(wb).readSnapshot();
  expect(snapshot.sheets.map((s) => s.name)).not.toContain('校验结果');
});

test('the snapshot validates like the workbook it came from', async () => {
  const report = await check(hostOf(fakeTemplate({ problems: true })));
  expect(report.status).toBe('checked');
  expect(report.counts.error).toBeGreaterThanOrEqual(3);
  expect(report.findings.map((f) => `${f.sheet}!${f.cell}`)).toContain('经费投入!F5');
});

test('an empty workbook reads as empty sheets', async () => {
  const snapshot = await hostOf(createFakeExcel()).readSnapshot();
  expect(snapshot).toEqual({ sheets: [{ name: 'Sheet1', rows: [] }] });
});
