/**
 * The product's own sheets: 校验结果 (summary) and 反馈意见（初稿） (draft). Both are rewritten,
 * never appended. An existing one is cleared, not deleted: deleting a sheet cannot be undone
 * (it clears Excel's undo stack) and breaks the user's references and links to it.
 */
import { colLetter } from '../../core/address';
import { DRAFT_SHEET, LEVEL_COLOURS, SUMMARY_SHEET, summaryData } from '../../core/summary';
import type { Draft, Report } from '../../core/types';
import type { HostStrings } from '../../i18n';
import type { XContext, XWorksheet } from './api';
import { qualified } from './addresses';
import type { Capabilities } from './capabilities';
import { HostError, officeCode } from './errors';
import { asText, cellValue } from './text';

const ROWS_PER_SYNC = 1000;
/** Column widths of the summary table, in points, in SUMMARY_COLUMNS order. */
const SUMMARY_WIDTHS = [44, 52, 96, 56, 60, 180, 320, 72, 200, 200];
const WRAPPED = new Set([5, 6, 8, 9]);
const DRAFT_WIDTH = 560;

/** Clears the sheet `name` if it exists, or adds it. Returns the sheet and every other sheet's name. */
export async function replaceSheet(
  ctx: XContext,
  text: HostStrings,
  name: string,
): Promise<{ ws: XWorksheet; names: string[] }> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const names = sheets.items.map((w) => w.name);
  try {
    const existing = sheets.items.find((w) => w.name === name);
    if (existing) existing.getRange().clear();
    const ws = existing ?? ctx.workbook.worksheets.add(name);
    await ctx.sync();
    return { ws, names: names.filter((n) => n !== name) };
  } catch (e) {
    const code = officeCode(e);
    if (code === 'AccessDenied' || code === 'InvalidOperation') throw new HostError(text.workbookProtected(name));
    throw e;
  }
}

export async function writeSummarySheet(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  report: Report,
  checkedAt: Date,
): Promise<void> {
  const { ws, names } = await replaceSheet(ctx, text, SUMMARY_SHEET);
  const data = summaryData(report, { checkedAt, sheetNames: names });
  const width = data.columns.length;
  const last = colLetter(width);
  const pad = (row: (string | number | boolean)[]) => [...row, ...new Array<string>(width - row.length).fill('')];

  const head: (string | number | boolean)[][] = [
    pad([asText(data.title)]),
    ...data.header.map(([label, value]) => pad([label, asText(value)])),
    pad([data.readyLine]),
    pad([]),
    pad([...data.columns]),
  ];
  ws.getRange(`A1:${last}${head.length}`).values = head;
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A1').format.font.size = 14;
  ws.getRange(`A2:A${data.header.length + 1}`).format.font.bold = true;
  const ready = ws.getRange(`A${data.header.length + 2}`).format.font;
  ready.bold = true;
  ready.color = data.ready ? '#107C10' : '#A4262C';
  const headerRow = head.length;
  const header = ws.getRange(`A${headerRow}:${last}${headerRow}`).format;
  header.font.bold = true;
  header.fill.color = '#F2F2F2';
  if (caps.protection) SUMMARY_WIDTHS.forEach((w, i) => (ws.getRange(`${colLetter(i + 1)}1`).format.columnWidth = w));

  for (let start = 0; start < data.rows.length; start += ROWS_PER_SYNC) {
    const rows = data.rows.slice(start, start + ROWS_PER_SYNC);
    const top = headerRow + 1 + start;
    const bottom = top + rows.length - 1;
    const block = ws.getRange(`A${top}:${last}${bottom}`);
    block.values = rows.map((r) => r.cells.map((c) => cellValue(c)));
    block.format.verticalAlignment = 'Top';
    for (const col of WRAPPED)
      ws.getRange(`${colLetter(col + 1)}${top}:${colLetter(col + 1)}${bottom}`).format.wrapText = true;
    rows.forEach((r, i) => {
      ws.getRange(`B${top + i}`).format.fill.color = `#${LEVEL_COLOURS[r.finding.level]}`;
      if (caps.hyperlinks && r.linkable) {
        ws.getRange(`D${top + i}`).hyperlink = {
          documentReference: qualified(r.finding.sheet, r.finding.cell),
          textToDisplay: r.finding.cell,
        };
      }
    });
    await ctx.sync();
  }
  ws.activate();
  await ctx.sync();
}

export async function writeDraftSheet(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  draft: Draft,
  name: string = DRAFT_SHEET,
): Promise<void> {
  const { ws } = await replaceSheet(ctx, text, name);
  const lines: { cells: string[]; bold: boolean; size?: number }[] = [];
  for (const b of draft.blocks) {
    if (b.style === 'table') {
      lines.push({ cells: b.header, bold: true });
      for (const row of b.rows) lines.push({ cells: row, bold: false });
    } else {
      lines.push({
        cells: [b.text],
        // a （一） paragraph is long: bold would weigh it down, and Excel cannot bold part of a cell
        bold: b.style === 'title' || b.style === 'h1',
        size: b.style === 'title' ? 16 : undefined,
      });
    }
  }
  if (!lines.length) lines.push({ cells: [draft.title], bold: true, size: 16 });
  const width = Math.max(1, ...lines.map((l) => l.cells.length));
  const last = colLetter(width);
  if (caps.protection) ws.getRange('A1').format.columnWidth = DRAFT_WIDTH;

  for (let start = 0; start < lines.length; start += ROWS_PER_SYNC) {
    const chunk = lines.slice(start, start + ROWS_PER_SYNC);
    const top = start + 1;
    const bottom = top + chunk.length - 1;
    const block = ws.getRange(`A${top}:${last}${bottom}`);
    block.values = chunk.map((l) => [...l.cells.map(asText), ...new Array<string>(width - l.cells.length).fill('')]);
    block.format.wrapText = true;
    block.format.verticalAlignment = 'Top';
    chunk.forEach((l, i) => {
      if (!l.bold && !l.size) return;
      const font = ws.getRange(`A${top + i}:${last}${top + i}`).format.font;
      if (l.bold) font.bold = true;
      if (l.size) font.size = l.size;
    });
    if (caps.protection) block.format.autofitRows();
    await ctx.sync();
  }
  ws.activate();
  await ctx.sync();
}
