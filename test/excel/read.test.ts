import { READ_CELLS } from '../../src/hosts/excel/read';
import { createFakeExcel } from './fakeExcel';
import { check, fakeTemplate, hostOf } from './helpers';

async function syncsToRead(extraRows: number): Promise<{ syncs: number; rows: number; largest: number }> {
  const wb = fakeTemplate({ extraRows });
  wb.addSheet(
    '大表',
    Array.from({ length: extraRows }, (_, i) => Array.from({ length: 12 }, (_, c) => i * 12 + c)),
  );
  const before = wb.syncs;
  const snapshot = await hostOf(wb).readSnapshot();
  const big = snapshot.sheets.find((s) => s.name === '大表')!;
  return { syncs: wb.syncs - before, rows: big.rows.length, largest: wb.largestResponse };
}

test('reading syncs once per READ_CELLS cells: a 10,000-row workbook stays within the 5 MB response limit', async () => {
  const small = await syncsToRead(10);
  const large = await syncsToRead(10_000);
  expect(large.rows).toBe(10_000);
  expect(small.rows).toBe(10);
  expect(small.syncs).toBe(3);
  // names, extents, then about one sync per READ_CELLS cells (a sheet's last block may share one)
  expect(large.syncs).toBeGreaterThan(2 + Math.floor((10_000 * 12) / READ_CELLS));
  expect(large.syncs).toBeLessThan(2 + Math.ceil((10_000 * 20) / READ_CELLS) + 3);
  expect(large.largest).toBeLessThan(5 * 1024 * 1024);
});

test('a workbook whose cells all at once exceed Excel on the web’s 5 MB response is still read', async () => {
  const long = 'x'.repeat(200);
  const wb = fakeTemplate();
  wb.addSheet(
    '说明',
    Array.from({ length: 3000 }, (_, i) => Array.from({ length: 10 }, (_, c) => `${long}${i}-${c}`)),
  );
  wb.responseLimit = 5 * 1024 * 1024;
  const snapshot = await hostOf(wb).readSnapshot();
  const sheet = snapshot.sheets.find((s) => s.name === '说明')!;
  expect(sheet.rows).toHaveLength(3000);
  expect(sheet.rows[2999]![9]).toEqual({ v: `${long}2999-9` });
  expect(wb.largestResponse).toBeLessThanOrEqual(wb.responseLimit);

  // The same workbook asked for in one sync fails as Excel on the web does.
  const error = await wb
    .run(async (ctx) => {
      ctx.workbook.worksheets.getItem('说明').getRange('A1:J3000').load('values,numberFormat,valueTypes');
      await ctx.sync();
    })
    .catch((e: unknown) => e);
  expect((error as { code?: string }).code).toBe('ResponsePayloadSizeLimitExceeded');
});

test('cells too long for READ_CELLS at a time are read again in halves', async () => {
  const wb = fakeTemplate();
  wb.addSheet(
    '长文',
    Array.from({ length: 400 }, (_, i) => [`${'长'.repeat(5000)}${i}`]),
  );
  wb.responseLimit = 1024 * 1024;
  const snapshot = await hostOf(wb).readSnapshot();
  const sheet = snapshot.sheets.find((s) => s.name === '长文')!;
  expect(sheet.rows).toHaveLength(400);
  expect(sheet.rows[399]![0]).toEqual({ v: `${'长'.repeat(5000)}399` });
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
