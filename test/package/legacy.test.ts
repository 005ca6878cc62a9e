/** Copies annotated by the earlier writer (ExcelJS) lose their marks when cleared or re-checked. */
import ExcelJS from 'exceljs';
import { MARK_PREFIX } from '../../src/core/marks';
import { bundledRuleset } from '../../src/core/ruleset';
import { LEVEL_COLOURS } from '../../src/core/summary';
import { checkBytes } from '../../src/hosts/file/check';
import { FileHost } from '../../src/hosts/file/fileHost';
import { openPackage } from '../../src/hosts/file/package/open';
import { RECORD_SHEET } from '../../src/hosts/file/package/record';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

const noteOf = (c: ExcelJS.Cell) =>
  c.note === undefined ? null : typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join('');

test('an old copy: fills back, the product’s notes gone, a cell’s own note text kept', async () => {
  const bytes = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
  const first = await checkBytes(bytes, [bundledRuleset()], TODAY);
  if (first.status !== 'checked') throw new Error(first.status);
  const findings = first.report.findings;
  const own = findings[0]!;
  // the earlier writer: ExcelJS marks on an ExcelJS workbook
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.getWorksheet(own.sheet)!.getCell(own.cell).note = '填报人自己的批注';
  const old = new FileHost(wb);
  await old.markFindings(first.report);
  const oldCopy = await old.toBytes();

  const host = await FileHost.open(oldCopy);
  await host.clearMarks();
  const cleared = await host.toBytes();
  expect(workbookSheets(openPackage(cleared)).map((s) => s.name)).not.toContain(RECORD_SHEET);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(cleared as unknown as ArrayBuffer);
  const colours = Object.values(LEVEL_COLOURS).map((c) => `FF${c}`);
  for (const f of findings) {
    const cell = back.getWorksheet(f.sheet)!.getCell(f.cell);
    expect(colours).not.toContain((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);
    const note = noteOf(cell);
    expect(note === null || !note.includes(MARK_PREFIX)).toBe(true);
  }
  expect(noteOf(back.getWorksheet(own.sheet)!.getCell(own.cell))).toBe('填报人自己的批注');
});
