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

/** How a cell of a laid-out sheet looks: only what is set (a font's name, size, weight, colour…). */
export interface CellLook {
  font?: Pick<Partial<ExcelJS.Font>, 'name' | 'size' | 'bold' | 'underline'> & { color?: { argb: string } };
  /** a solid fill's ARGB */
  fill?: string;
  /** the product's thin grey border on all four sides */
  border?: true;
  alignment?: Pick<Partial<ExcelJS.Alignment>, 'vertical' | 'horizontal' | 'wrapText'>;
  numFmt?: string;
}

export type LaidValue =
  | string
  | number
  | { formula: string; result: string }
  | { richText: { text: string; font: NonNullable<CellLook['font']> }[] };

export interface LaidCell {
  row: number;
  col: number;
  value: LaidValue | null;
  look: CellLook;
}

/**
 * A sheet the product writes, as data: written by ExcelJS (applyLayout) into a workbook it builds,
 * and as XML patched into a returned workbook's package (package/sheetXml.ts).
 */
export interface SheetLayout {
  name: string;
  /** column widths from column 1 */
  widths: readonly number[];
  cells: LaidCell[];
  /** [top row, left column, bottom row, right column] */
  merges: [number, number, number, number][];
  autoFilter: { from: { row: number; column: number }; to: { row: number; column: number } } | null;
  /** rows frozen at the top (0: none) */
  frozenRows: number;
  /** row heights in points, by row number */
  heights: ReadonlyMap<number, number>;
  pageSetup: Partial<ExcelJS.PageSetup>;
}

/** The 校验结果 sheet as data. */
export function summaryLayout(report: Report, checkedAt: Date, sheetNames: readonly string[]): SheetLayout {
  const data = summaryData(report, { checkedAt, sheetNames: sheetNames.filter((n) => n !== SUMMARY_SHEET) });
  const cells: LaidCell[] = [];
  const merges: SheetLayout['merges'] = [];
  const put = (row: number, col: number, value: LaidValue | null, look: CellLook = {}) =>
    cells.push({ row, col, value, look });
  put(1, 1, cutText(data.title), { font: { name: FONT, size: 14, bold: true } });
  data.header.forEach(([label, value], i) => {
    put(i + 2, 1, label, { font: { name: FONT, bold: true } });
    merges.push([i + 2, 1, i + 2, 2]);
    put(i + 2, 3, typeof value === 'string' ? cutText(value) : value);
  });
  const readyRow = data.header.length + 2;
  put(readyRow, 1, cutText(data.readyLine), {
    font: { name: FONT, size: 12, bold: true, color: { argb: data.ready ? 'FF107C10' : 'FFC00000' } },
  });
  merges.push([readyRow, 1, readyRow, 7]);

  const headRow = readyRow + 2;
  data.columns.forEach((h, i) => {
    put(headRow, i + 1, h, { font: { name: FONT, bold: true }, fill: 'FFD9E1F2', border: true });
  });
  data.rows.forEach((row, i) => {
    const r = headRow + 1 + i;
    row.cells.forEach((v, j) => {
      const look: CellLook = { border: true, alignment: { vertical: 'top', wrapText: j >= 5 } };
      // user text is written as a string value, never as a formula; the text format keeps it so on editing
      if (looksLikeFormula(v)) look.numFmt = '@';
      let value: LaidValue = typeof v === 'string' ? cutText(v) : v;
      if (j === 3 && row.linkable) {
        value = { formula: linkFormula(row.finding.sheet, row.finding.cell), result: row.finding.cell };
        look.font = { name: FONT, color: { argb: 'FF0563C1' }, underline: true };
      }
      if (j === 1) look.fill = `FF${LEVEL_COLOURS[row.finding.level]}`;
      put(r, j + 1, value, look);
    });
  });
  return {
    name: SUMMARY_SHEET,
    widths: SUMMARY_WIDTHS,
    cells,
    merges,
    autoFilter: data.rows.length
      ? { from: { row: headRow, column: 1 }, to: { row: headRow + data.rows.length, column: data.columns.length } }
      : null,
    frozenRows: headRow,
    heights: new Map(),
    pageSetup: PAGE_SETUP,
  };
}

/** Writes a laid-out sheet into a workbook with ExcelJS (a sheet of that name is replaced). */
export function applyLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = freshSheet(wb, layout.name);
  ws.pageSetup = { ...ws.pageSetup, ...layout.pageSetup };
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { row, col, value, look } of layout.cells) {
    const c = ws.getCell(row, col);
    if (look.border) c.border = BORDER;
    if (look.alignment) c.alignment = { ...look.alignment };
    if (value !== null) c.value = value;
    if (look.numFmt) c.numFmt = look.numFmt;
    if (look.font) c.font = { ...look.font };
    if (look.fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: look.fill } };
  }
  for (const [t, l, b, r] of layout.merges) ws.mergeCells(t, l, b, r);
  for (const [row, height] of layout.heights) ws.getRow(row).height = height;
  if (layout.autoFilter) ws.autoFilter = layout.autoFilter;
  if (layout.frozenRows) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows }];
  return ws;
}

/** `sheetNames`: the workbook's sheets, when `wb` is a scratch workbook the sheet is built in. */
export function writeSummarySheet(
  wb: ExcelJS.Workbook,
  report: Report,
  checkedAt: Date,
  sheetNames: readonly string[] = wb.worksheets.map((w) => w.name),
): ExcelJS.Worksheet {
  return applyLayout(wb, summaryLayout(report, checkedAt, sheetNames));
}

const DRAFT_WIDTHS = [16, 36, 14, 40];
const CHARS_PER_LINE = 50;

/** A draft (feedback letter, city report, 修改对照) as a sheet's data: one merged row per paragraph. */
export function draftLayout(draft: Draft, name: string = DRAFT_SHEET): SheetLayout {
  const cells: LaidCell[] = [];
  const merges: SheetLayout['merges'] = [];
  const heights = new Map<number, number>();
  let r = 1;
  for (const block of draft.blocks) {
    if (block.style === 'table') {
      [block.header, ...block.rows].forEach((row, i) => {
        row.forEach((v, j) => {
          const look: CellLook = { border: true, alignment: { wrapText: true, vertical: 'top' } };
          if (i === 0) look.font = { name: FONT, bold: true };
          cells.push({ row: r, col: j + 1, value: typeof v === 'string' ? cutText(v) : v, look });
        });
        r++;
      });
      continue;
    }
    merges.push([r, 1, r, DRAFT_WIDTHS.length]);
    const size = block.style === 'title' ? 16 : 12;
    // a （一） paragraph opens with its heading sentence: only that part is bold
    const text = cutText(block.text);
    const headEnd = block.style === 'h2' ? text.indexOf('。') + 1 : 0;
    const value: LaidValue =
      headEnd > 0 && headEnd < text.length
        ? {
            richText: [
              { text: text.slice(0, headEnd), font: { name: FONT, size, bold: true } },
              { text: text.slice(headEnd), font: { name: FONT, size } },
            ],
          }
        : text;
    const bold = block.style === 'title' || block.style === 'h1' || block.style === 'h2' || block.style === 'annex';
    const horizontal = block.style === 'title' ? 'center' : block.style === 'signature' ? 'right' : 'left';
    cells.push({
      row: r,
      col: 1,
      value,
      look: { font: { name: FONT, size, bold }, alignment: { wrapText: true, vertical: 'top', horizontal } },
    });
    const lines = Math.max(1, Math.ceil(block.text.length / CHARS_PER_LINE));
    heights.set(r, Math.max(20, lines * 18 + (block.style === 'title' ? 12 : 4)));
    r++;
  }
  return {
    name,
    widths: DRAFT_WIDTHS,
    cells,
    merges,
    autoFilter: null,
    frozenRows: 0,
    heights,
    pageSetup: { ...PAGE_SETUP, orientation: 'portrait' },
  };
}

export function writeDraftSheet(wb: ExcelJS.Workbook, draft: Draft, name: string = DRAFT_SHEET): ExcelJS.Worksheet {
  return applyLayout(wb, draftLayout(draft, name));
}
