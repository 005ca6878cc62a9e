/**
 * 校验结果 and the drafts written straight as XML into a returned workbook's package read back,
 * cell by cell, as the ones ExcelJS writes into a workbook it builds: values, links, rich text,
 * fonts, fills, borders, alignment, number formats, merges, widths, row heights, the autoFilter,
 * the frozen header and the page setup.
 */
import ExcelJS from 'exceljs';
import { DRAFT_SHEET, SUMMARY_SHEET } from '../../src/core/summary';
import type { Draft } from '../../src/core/types';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { FileHost } from '../../src/hosts/file/fileHost';
import { openPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { draftLayout, summaryLayout, writeDraftSheet, writeSummarySheet } from '../../src/hosts/file/sheets';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

async function load(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

describe('校验结果 patched into the package', () => {
  let patched: ExcelJS.Worksheet;
  let built: ExcelJS.Worksheet;
  let layout: ReturnType<typeof summaryLayout>;
  let copy: Uint8Array;

  beforeAll(async () => {
    const bytes = await xlsxOf(
      district((d) => {
        d.values.JF01 = { last: 52000, current: '约56000' };
        d.values.JF02 = { last: 60000, current: 63720, explanation: '=土地出让收入下降 & <减少>' };
      }),
    );
    const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
    if (c.status !== 'checked') throw new Error(c.status);
    const now = new Date(2026, 10, 22, 9, 30);
    const host = new FileHost(openPackage(bytes), () => now);
    await host.markFindings(c.report);
    await host.writeSummary(c.report);
    copy = await host.toBytes();
    patched = (await load(copy)).getWorksheet(SUMMARY_SHEET)!;
    const names = workbookSheets(openPackage(bytes)).map((s) => s.name);
    layout = summaryLayout(c.report, now, names);
    const scratch = new ExcelJS.Workbook();
    writeSummarySheet(scratch, c.report, now, names);
    built = (await load(await scratch.xlsx.writeBuffer())).getWorksheet(SUMMARY_SHEET)!;
    expect(layout.cells.length).toBeGreaterThan(30);
  });

  it('has the same values, links and looks in every cell', () => {
    let links = 0;
    let textFormats = 0;
    for (const { row, col, look } of layout.cells) {
      const a = built.getCell(row, col);
      const b = patched.getCell(row, col);
      const at = `${a.address}`;
      // an empty text is written as an empty cell
      expect({ at, value: b.value }).toEqual({ at, value: a.value === '' ? null : a.value });
      expect({ at, fill: b.fill }).toEqual({ at, fill: a.fill });
      expect({ at, border: b.border }).toEqual({ at, border: a.border });
      expect({ at, alignment: b.alignment }).toEqual({ at, alignment: a.alignment });
      expect({ at, numFmt: b.numFmt }).toEqual({ at, numFmt: a.numFmt });
      if (look.font) {
        expect({ at, font: { ...b.font, family: undefined } }).toEqual({ at, font: { ...a.font, family: undefined } });
      }
      if (typeof a.value === 'object' && a.value && 'formula' in a.value) links++;
      if (a.numFmt === '@') textFormats++;
    }
    // the test saw a link and a text-formatted formula-like explanation
    expect(links).toBeGreaterThan(0);
    expect(textFormats).toBeGreaterThan(0);
  });

  it('has the same merges, widths, filter, frozen rows and page setup', () => {
    expect([...patched.model.merges].sort()).toEqual([...built.model.merges].sort());
    layout.widths.forEach((w, i) => {
      expect(patched.getColumn(i + 1).width).toBe(w);
      // ExcelJS leaves out a column of the default width
      expect([w, undefined]).toContain(built.getColumn(i + 1).width);
    });
    expect(patched.autoFilter).toEqual(built.autoFilter);
    expect(patched.autoFilter).toBeTruthy();
    const view = (ws: ExcelJS.Worksheet) => {
      const v = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      return { state: v.state, ySplit: v.ySplit, topLeftCell: v.topLeftCell };
    };
    expect(view(patched)).toEqual(view(built));
    for (const key of [
      'paperSize',
      'orientation',
      'fitToPage',
      'fitToWidth',
      'fitToHeight',
      'horizontalCentered',
      'margins',
    ] as const) {
      expect({ key, v: patched.pageSetup[key] }).toEqual({ key, v: built.pageSetup[key] });
    }
  });

  it('carries its texts inline, not in the workbook’s shared strings', () => {
    const pkg = openPackage(copy);
    const part = workbookSheets(pkg).find((s) => s.name === SUMMARY_SHEET)!.part!;
    const xml = pkg.text(part)!;
    expect(xml).not.toContain('t="s"');
    expect(xml).not.toContain('x14ac');
  });
});

describe('a draft patched into the package', () => {
  const draft: Draft = {
    title: '反馈意见',
    blocks: [
      { style: 'title', text: '关于东城区2025年度履行教育职责评价的反馈意见（初稿）' },
      { style: 'salutation', text: '东城区人民政府：' },
      { style: 'h1', text: '一、总体情况' },
      { style: 'h2', text: '（一）经费投入。教育经费比上年增长 11.0%，高于增长 10% 的要求。' },
      { style: 'body', text: '正文'.repeat(60) },
      {
        style: 'table',
        header: ['序号', '问题'],
        rows: [
          ['1', '=不是公式'],
          ['2', '第二行'],
        ],
      },
      { style: 'signature', text: '市人民政府教育督导委员会办公室' },
      { style: 'annex', text: '附件1' },
    ],
  };
  let patched: ExcelJS.Worksheet;
  let built: ExcelJS.Worksheet;
  const layout = draftLayout(draft, DRAFT_SHEET);

  beforeAll(async () => {
    const host = await FileHost.open(await xlsxOf(district()));
    await host.writeDraft(draft);
    patched = (await load(await host.toBytes())).getWorksheet(DRAFT_SHEET)!;
    const scratch = new ExcelJS.Workbook();
    writeDraftSheet(scratch, draft);
    built = (await load(await scratch.xlsx.writeBuffer())).getWorksheet(DRAFT_SHEET)!;
  });

  const font = (f: Partial<ExcelJS.Font> | undefined) => ({ ...f, family: undefined, bold: f?.bold || undefined });
  const plain = (v: ExcelJS.CellValue) =>
    v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => ({ text: r.text, font: font(r.font) })) : v;

  it('has the same paragraphs, bold heading sentences, table, looks and row heights', () => {
    let rich = 0;
    for (const { row, col } of layout.cells) {
      const a = built.getCell(row, col);
      const b = patched.getCell(row, col);
      const at = a.address;
      expect({ at, value: plain(b.value) }).toEqual({ at, value: plain(a.value) });
      expect({ at, font: font(b.font) }).toEqual({ at, font: font(a.font) });
      expect({ at, border: b.border }).toEqual({ at, border: a.border });
      expect({ at, alignment: b.alignment }).toEqual({ at, alignment: a.alignment });
      if (typeof a.value === 'object' && a.value && 'richText' in a.value) rich++;
    }
    expect(rich).toBe(1);
    for (const row of layout.heights.keys()) expect(patched.getRow(row).height).toBe(built.getRow(row).height);
    expect(layout.heights.size).toBe(draft.blocks.length - 1);
    expect([...patched.model.merges].sort()).toEqual([...built.model.merges].sort());
    expect(patched.pageSetup.orientation).toBe('portrait');
    layout.widths.forEach((w, i) => expect(patched.getColumn(i + 1).width).toBe(w));
  });
});
