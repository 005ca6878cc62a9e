/** The 校验结果 and 反馈意见（初稿） sheets in an .xlsx file. Re-writing replaces them. */
import type ExcelJS from 'exceljs';
import { DRAFT_SHEET, LEVEL_COLOURS, SUMMARY_SHEET, looksLikeFormula, summaryData } from '../../core/summary';
import { cutText } from '../../core/marks';
import type { Draft, Report } from '../../core/types';
import { BORDER, FONT, PAGE_SETUP } from './style';

function freshSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  return wb.addWorksheet(name);
}

/** A link to a cell as a HYPERLINK formula: it works in Excel, WPS and LibreOffice alike. */
function linkFormula(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
}

const SUMMARY_WIDTHS = [6, 8, 16, 8, 9, 30, 60, 12, 30, 30];

/** `sheetNames`: the workbook's sheets, when `wb` is a scratch workbook the sheet is built in. */
export function writeSummarySheet(
  wb: ExcelJS.Workbook,
  report: Report,
  checkedAt: Date,
  sheetNames: readonly string[] = wb.worksheets.map((w) => w.name),
): ExcelJS.Worksheet {
  const data = summaryData(report, { checkedAt, sheetNames: sheetNames.filter((n) => n !== SUMMARY_SHEET) });
  const ws = freshSheet(wb, SUMMARY_SHEET);
  ws.pageSetup = { ...ws.pageSetup, ...PAGE_SETUP };
  SUMMARY_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = cutText(data.title);
  ws.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  data.header.forEach(([label, value], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { name: FONT, bold: true };
    ws.mergeCells(i + 2, 1, i + 2, 2);
    row.getCell(3).value = typeof value === 'string' ? cutText(value) : value;
  });
  const readyRow = data.header.length + 2;
  const ready = ws.getCell(readyRow, 1);
  ready.value = cutText(data.readyLine);
  ready.font = { name: FONT, size: 12, bold: true, color: { argb: data.ready ? 'FF107C10' : 'FFC00000' } };
  ws.mergeCells(readyRow, 1, readyRow, 7);

  const headRow = readyRow + 2;
  data.columns.forEach((h, i) => {
    const c = ws.getCell(headRow, i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
  });
  data.rows.forEach((row, i) => {
    const r = headRow + 1 + i;
    row.cells.forEach((v, j) => {
      const c = ws.getCell(r, j + 1);
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: j >= 5 };
      // user text is written as a string value, never as a formula; the text format keeps it so on editing
      c.value = typeof v === 'string' ? cutText(v) : v;
      if (looksLikeFormula(v)) c.numFmt = '@';
    });
    const link = ws.getCell(r, 4);
    if (row.linkable) {
      link.value = { formula: linkFormula(row.finding.sheet, row.finding.cell), result: row.finding.cell };
      link.font = { name: FONT, color: { argb: 'FF0563C1' }, underline: true };
    }
    ws.getCell(r, 2).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${LEVEL_COLOURS[row.finding.level]}` },
    };
  });
  if (data.rows.length)
    ws.autoFilter = {
      from: { row: headRow, column: 1 },
      to: { row: headRow + data.rows.length, column: data.columns.length },
    };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headRow }];
  return ws;
}

const DRAFT_WIDTHS = [16, 36, 14, 40];
const CHARS_PER_LINE = 50;

export function writeDraftSheet(wb: ExcelJS.Workbook, draft: Draft, name: string = DRAFT_SHEET): ExcelJS.Worksheet {
  const ws = freshSheet(wb, name);
  ws.pageSetup = { ...ws.pageSetup, ...PAGE_SETUP, orientation: 'portrait' };
  DRAFT_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = 1;
  for (const block of draft.blocks) {
    if (block.style === 'table') {
      [block.header, ...block.rows].forEach((cells, i) => {
        cells.forEach((v, j) => {
          const c = ws.getCell(r, j + 1);
          c.value = typeof v === 'string' ? cutText(v) : v;
          c.border = BORDER;
          c.alignment = { wrapText: true, vertical: 'top' };
          if (i === 0) c.font = { name: FONT, bold: true };
        });
        r++;
      });
      continue;
    }
    ws.mergeCells(r, 1, r, DRAFT_WIDTHS.length);
    const c = ws.getCell(r, 1);
    const size = block.style === 'title' ? 16 : 12;
    // a （一） paragraph opens with its heading sentence: only that part is bold
    const text = cutText(block.text);
    const headEnd = block.style === 'h2' ? text.indexOf('。') + 1 : 0;
    c.value =
      headEnd > 0 && headEnd < text.length
        ? {
            richText: [
              { text: text.slice(0, headEnd), font: { name: FONT, size, bold: true } },
              { text: text.slice(headEnd), font: { name: FONT, size } },
            ],
          }
        : text;
    c.font = {
      name: FONT,
      size,
      bold: block.style === 'title' || block.style === 'h1' || block.style === 'h2' || block.style === 'annex',
    };
    const horizontal = block.style === 'title' ? 'center' : block.style === 'signature' ? 'right' : 'left';
    c.alignment = { wrapText: true, vertical: 'top', horizontal };
    const lines = Math.max(1, Math.ceil(block.text.length / CHARS_PER_LINE));
    ws.getRow(r).height = Math.max(20, lines * 18 + (block.style === 'title' ? 12 : 4));
    r++;
  }
  return ws;
}
