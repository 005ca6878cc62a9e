/** Merged cells (ExcelApi 1.13): read with the used ranges, no extra round trip, used by the engine. */
import type { XRangeAreas } from '../../src/hosts/excel/api';
import { detectCapabilities } from '../../src/hosts/excel';
import { localAddress } from '../../src/hosts/excel/read';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';
import { createFakeExcel, type FakeWorkbook } from './fakeExcel';
import { check, fakeTemplate, hostOf } from './helpers';

const SHEET = '安全与卫生';
const QUOTED = "O'Brien 表";

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  return snapshot.sheets.find((s) => s.name === name)!;
}

async function read(wb: FakeWorkbook): Promise<{ snapshot: WorkbookSnapshot; syncs: number }> {
  const before = wb.syncs;
  const snapshot = await hostOf(wb).readSnapshot();
  return { snapshot, syncs: wb.syncs - before };
}

/** The template with merges on two sheets, one of whose names Excel quotes. */
function mergedTemplate(version?: string, extraRows = 0): FakeWorkbook {
  const wb = fakeTemplate({ version, extraRows });
  wb.sheet(SHEET).merge('I5:I6');
  wb.sheet(SHEET).merge('H3:H4');
  wb.addSheet(QUOTED, [
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ]);
  wb.sheet(QUOTED).merge('A1:B2');
  return wb;
}

describe('the fake merges and finds merged areas as Excel does', () => {
  test('merging keeps the top-left value and empties the other cells; overlaps fail', () => {
    const wb = createFakeExcel({ sheets: [['表', [['a', 'b']]]] });
    wb.sheet('表').merge('A1:B1');
    expect(wb.look('表', 'A1').value).toBe('a');
    expect(wb.look('表', 'B1').value).toBe('');
    expect(() => wb.sheet('表').merge('B1:C1')).toThrow('overlaps');
  });

  test('a range without merges gives a null object, known only after a sync, whose areas cannot be read', async () => {
    const wb = createFakeExcel({ sheets: [['表', [['a', 'b']]]] });
    await wb.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('表').getRange('A1:C3').getMergedAreasOrNullObject();
      areas.load('areas/items/address');
      expect(() => areas.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(areas.isNullObject).toBe(true);
      expect(() => areas.areas.items).toThrow();
    });
  });

  test('merged areas whose top-left cell is in the range, with their sheet, after load and sync', async () => {
    const wb = createFakeExcel({ sheets: [['经费 投入', [['a', 'b', 'c', 'd']]]] });
    wb.sheet('经费 投入').merge('A1:B1');
    wb.sheet('经费 投入').merge('C1:D1');
    wb.sheet('经费 投入').merge('A5:A6');
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('经费 投入').getRange('B1:D4');
      const areas: XRangeAreas = range.getMergedAreasOrNullObject().load('areas/items/address');
      const joined = range.getMergedAreasOrNullObject();
      expect(() => areas.areas.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(() => joined.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      joined.load('address');
      await ctx.sync();
      expect(areas.isNullObject).toBe(false);
      // A1:B1 starts left of the range: Excel leaves it out (OfficeDev/office-js#3611)
      expect(areas.areas.items.map((a) => a.address)).toEqual(["'经费 投入'!C1:D1"]);
      expect(joined.address).toBe("'经费 投入'!C1:D1");
    });
  });

  test('below ExcelApi 1.13 there is no getMergedAreasOrNullObject; beyond 512 merges it fails', async () => {
    const old = createFakeExcel({ version: '1.12', sheets: [['表', []]] });
    await expect(
      old.run(async (ctx) => void ctx.workbook.worksheets.getItem('表').getRange('A1').getMergedAreasOrNullObject()),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const many = createFakeExcel({ sheets: [['表', []]] });
    for (let r = 1; r <= 1026; r += 2) many.sheet('表').merge(`A${r}:A${r + 1}`);
    await expect(
      many.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').getRange('A:A').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });
});

test('the 1.13 capability is asked for with the string "1.13"', () => {
  const asked: string[] = [];
  const caps = detectCapabilities((v) => {
    asked.push(v);
    return v === '1.13';
  });
  expect(asked).toContain('1.13');
  expect(caps.mergedAreas).toBe(true);
  expect(detectCapabilities((v) => v !== '1.13').mergedAreas).toBe(false);
});

test('sheet names are stripped from merged-area addresses', () => {
  expect(localAddress('Sheet1!I5:I6')).toBe('I5:I6');
  expect(localAddress("'经费投入'!I5:I6")).toBe('I5:I6');
  expect(localAddress("'a!b, ''c'''!$I$5:$I$6")).toBe('I5:I6');
  expect(localAddress('I5:I6')).toBe('I5:I6');
});

test('on ExcelApi 1.13 each sheet has its merges, without sheet names; sheets without merges have none', async () => {
  const { snapshot } = await read(mergedTemplate());
  expect([...(sheetOf(snapshot, SHEET).merges ?? [])].sort()).toEqual(['H3:H4', 'I5:I6']);
  expect(sheetOf(snapshot, QUOTED).merges).toEqual(['A1:B2']);
  expect(sheetOf(snapshot, QUOTED).rows).toEqual([
    [{ v: 'a' }, null, { v: 'c' }],
    [null, null, { v: 'f' }],
  ]);
  expect(sheetOf(snapshot, '经费投入')).not.toHaveProperty('merges');
});

test('below ExcelApi 1.13 merges are left undefined', async () => {
  const { snapshot } = await read(mergedTemplate('1.12'));
  expect(snapshot.sheets.length).toBeGreaterThan(1);
  for (const sheet of snapshot.sheets) expect(sheet.merges).toBeUndefined();
  expect(sheetOf(snapshot, QUOTED).rows[0]).toEqual([{ v: 'a' }, null, { v: 'c' }]);
});

test('merges add no round trip: the same syncs with and without them, on 1.13 and below, at any size', async () => {
  const counts = await Promise.all([
    read(fakeTemplate()),
    read(mergedTemplate()),
    read(fakeTemplate({ version: '1.12' })),
    read(mergedTemplate('1.12')),
  ]);
  expect(counts.map((c) => c.syncs)).toEqual([3, 3, 3, 3]);
  // a large workbook takes a sync per READ_CELLS cells (Excel on the web's 5 MB), merged or not
  const [plain, merged] = await Promise.all([
    read(fakeTemplate({ extraRows: 10_000 })),
    read(mergedTemplate(undefined, 10_000)),
  ]);
  expect(merged.syncs).toBe(plain.syncs);
});

test('a sheet with more merges than Excel returns is read again without them (one more sync)', async () => {
  const wb = mergedTemplate();
  wb.addSheet('大表', []);
  for (let r = 1; r <= 1100; r += 2) wb.userEdit('大表', `A${r}`, r);
  for (let r = 1; r <= 1100; r += 2) wb.sheet('大表').merge(`A${r}:B${r + 1}`);
  const { snapshot, syncs } = await read(wb);
  expect(syncs).toBe(4);
  for (const sheet of snapshot.sheets) expect(sheet.merges).toBeUndefined();
  expect(sheetOf(snapshot, '大表').rows[1098]).toEqual([{ v: 1099 }]);
});

describe('one merged 情况说明 explains every indicator row it covers', () => {
  /** AQ03 and AQ04 (rows 5 and 6) both below their 100% requirement; I5 says why. */
  function twoWarnings(version?: string, merged = true): FakeWorkbook {
    const wb = fakeTemplate({ version });
    wb.userEdit(SHEET, 'F5', 90);
    wb.userEdit(SHEET, 'I5', '两所新建学校的报警系统和护学岗于下学期完成。');
    if (merged) wb.sheet(SHEET).merge('I5:I6');
    return wb;
  }
  const warningsAt = async (wb: FakeWorkbook) => {
    const report = await check(hostOf(wb));
    return report.findings
      .filter((f) => f.level === 'warning' && f.sheet === SHEET)
      .map((f) => ({ rule: f.rule, cell: f.cell, explained: f.explained }));
  };

  test('read through the Excel host on 1.13 and validated, both warnings are explained', async () => {
    expect(await warningsAt(twoWarnings())).toEqual([
      { rule: 'AQ03.min', cell: 'F5', explained: true },
      { rule: 'AQ04.min', cell: 'F6', explained: true },
    ]);
  });

  test('without the merge (or below 1.13) only the row holding the text is explained', async () => {
    const expected = [
      { rule: 'AQ03.min', cell: 'F5', explained: true },
      { rule: 'AQ04.min', cell: 'F6', explained: false },
    ];
    expect(await warningsAt(twoWarnings(undefined, false))).toEqual(expected);
    expect(await warningsAt(twoWarnings('1.12'))).toEqual(expected);
  });
});
