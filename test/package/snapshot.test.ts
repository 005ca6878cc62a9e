/**
 * The package reader against ExcelJS: for every workbook the repository holds (examples/) and
 * every kind the tests build (template, filled districts, annotated copies, drafts, ledger, ruleset
 * workbook, a workbook of every cell type), the snapshot read from the XML equals ExcelJS's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { NO_RESULT } from '../../src/core/parse';
import type { WorkbookSnapshot } from '../../src/core/types';
import { openWorkbook } from '../../src/hosts/file/load';
import { openPackage } from '../../src/hosts/file/package/open';
import { packageSnapshot } from '../../src/hosts/file/package/snapshot';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { buildTemplate } from '../../src/hosts/file/template';
import { buildLedger } from '../../src/hosts/file/ledger';
import { buildRulesetWorkbook } from '../../src/hosts/file/rulesetWorkbook';
import { checkBytes } from '../../src/hosts/file/check';
import { bundledRuleset } from '../../src/core/ruleset';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

/** ExcelJS sets an empty row for every row a merge covers; a row with no cells is no row. */
function normalized(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: s.sheets.map((sheet) => {
      const rows: typeof sheet.rows = [];
      sheet.rows.forEach((row, i) => {
        if (row && row.some((c) => c !== undefined && c !== null)) rows[i] = row;
      });
      return { ...sheet, rows };
    }),
  };
}

async function both(bytes: Uint8Array): Promise<{ fast: WorkbookSnapshot; exceljs: WorkbookSnapshot }> {
  const exceljs = workbookSnapshot(await openWorkbook(bytes));
  const fast = packageSnapshot(openPackage(bytes));
  return { fast: normalized(fast), exceljs: normalized(exceljs) };
}

const write = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('the snapshot read from the package equals ExcelJS’s', () => {
  const examples = readdirSync('examples').filter((f) => f.endsWith('.xlsx'));

  it.each(examples)('examples/%s', async (file) => {
    const { fast, exceljs } = await both(new Uint8Array(readFileSync(join('examples', file))));
    expect(fast.sheets.length).toBeGreaterThan(3);
    expect(fast).toEqual(exceljs);
  });

  it('the blank template and a filled district', async () => {
    for (const bytes of [await write(buildTemplate()), await xlsxOf(district())]) {
      const { fast, exceljs } = await both(bytes);
      expect(fast).toEqual(exceljs);
    }
  });

  it('a ruleset workbook', async () => {
    const { fast, exceljs } = await both(await write(buildRulesetWorkbook(bundledRuleset().doc)));
    expect(fast).toEqual(exceljs);
  });

  it('an annotated copy: marks, notes, the record, 校验结果 and a draft', async () => {
    const bytes = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
    const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
    if (c.status !== 'checked') throw new Error(c.status);
    await c.host.markFindings(c.report);
    await c.host.writeSummary(c.report);
    await c.host.writeDraft({ title: '初稿', blocks: [{ style: 'h2', text: '（一）标题句。正文。' }] });
    const { fast, exceljs } = await both(await c.host.toBytes());
    expect(fast.sheets.map((s) => s.name)).toContain('校验结果');
    expect(fast).toEqual(exceljs);
  });

  it('a review ledger', async () => {
    const { fast, exceljs } = await both(await write(buildLedger([])));
    expect(fast).toEqual(exceljs);
  });

  it('every kind of cell: numbers, dates, texts, rich and inline text, booleans, errors, formulas, merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('甲');
    ws.getCell('A1').value = 42.5;
    ws.getCell('B1').value = new Date(Date.UTC(2026, 2, 1));
    ws.getCell('C1').value = '文本 & <尖括号> "引号"';
    ws.getCell('D1').value = { richText: [{ text: '粗', font: { bold: true } }, { text: '细' }] };
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = false;
    ws.getCell('G1').value = { error: '#DIV/0!' };
    ws.getCell('A2').value = { formula: 'A1*2', result: 85 };
    ws.getCell('B2').value = { formula: 'C1&"x"', result: '文本x' };
    ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('D2').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 22)) };
    ws.getCell('E2').value = { formula: 'A1>1', result: true };
    ws.getCell('F2').value = { formula: 'A1' };
    ws.getCell('A3').value = 0.985;
    ws.getCell('A3').numFmt = '0.00%';
    ws.getCell('B3').value = 1234567.891;
    ws.getCell('B3').numFmt = '#,##0.00';
    ws.getCell('C3').value = '  前后空格  ';
    ws.getCell('D3').value = '换行\r\n第二行\n第三行';
    ws.getCell('E3').value = '';
    ws.getCell('A4').value = 'merged';
    ws.mergeCells('A4:C5');
    ws.getCell('A7').value = 1;
    ws.getCell('B7').value = { sharedFormula: 'A7', result: 2 } as unknown as ExcelJS.CellValue;
    ws.getCell('A7').value = { formula: 'ROW()', result: 7, shareType: 'shared', ref: 'A7:B7' } as ExcelJS.CellValue;
    ws.getCell('A9').style = { font: { bold: true } };
    ws.getCell('A1000000').value = '远处';
    const hidden = wb.addWorksheet('乙', { state: 'veryHidden' });
    hidden.getCell('A1').value = '隐藏';
    const { fast, exceljs } = await both(await write(wb));
    expect(fast).toEqual(exceljs);
    const cells = fast.sheets[0]!.rows;
    expect(cells[0]![1]).toEqual({ v: 46082, fmt: 'mm-dd-yy' });
    // a formula without a result was never calculated: an error, not an empty cell
    expect(cells[1]![5]).toEqual({ v: null, err: NO_RESULT, formula: true });
    expect(cells[2]![0]).toEqual({ v: 0.985, fmt: '0.00%' });
    expect(fast.sheets.map((s) => s.name)).toEqual(['甲', '乙']);
  });

  it('XML other writers produce: inline strings with runs, a cell without r, explicit style 0, string formulas, errors', async () => {
    const zip = await JSZip.loadAsync(await write(buildTemplate()));
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheet)!.async('string');
    const extra =
      '<row r="300"><c r="A300" t="inlineStr"><is><r><t>内</t></r><r><t xml:space="preserve"> 联</t></r></is></c>' +
      '<c t="inlineStr"><is><t>下一列</t></is></c><c r="D300" s="0"><v>3.5</v></c>' +
      '<c r="E300" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="F300" t="e"><v>#N/A</v></c></row>';
    zip.file(sheet, xml.replace('</sheetData>', `${extra}</sheetData>`));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { fast, exceljs } = await both(bytes);
    expect(fast).toEqual(exceljs);
    expect(fast.sheets[0]!.rows[299]!.slice(0, 2)).toEqual([{ v: '内 联' }, { v: '下一列' }]);
  });
});

describe('what ExcelJS reads wrongly, the package reads as Excel means it', () => {
  it('an ISO date cell (t="d") is a serial number; an inline text’s _x000D_ is a carriage return', async () => {
    const zip = await JSZip.loadAsync(await write(buildTemplate()));
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheet)!.async('string');
    zip.file(
      sheet,
      xml.replace(
        '</sheetData>',
        '<row r="300"><c r="A300" t="d"><v>2026-03-01T00:00:00Z</v></c>' +
          '<c r="B300" t="inlineStr"><is><t>回车_x000D_</t></is></c></row></sheetData>',
      ),
    );
    const snap = packageSnapshot(openPackage(await zip.generateAsync({ type: 'uint8array' })));
    expect(snap.sheets[0]!.rows[299]!.slice(0, 2)).toEqual([{ v: 46082 }, { v: '回车\r' }]);
  });
});
