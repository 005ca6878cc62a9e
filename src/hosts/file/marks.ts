/**
 * Marks in an .xlsx file: each finding's cell filled in its level's colour and given a note.
 * The original fill and note of every marked cell are recorded in a hidden sheet, so that marks
 * can be removed exactly (and a re-check of an annotated copy starts from the original look).
 */
import type ExcelJS from 'exceljs';
import { cellMarks, cutText } from '../../core/marks';
import type { Report } from '../../core/types';
import type { MarkResult } from '../host';

export const RECORD_SHEET = '_履职评价校验记录';
/** a record line is cut into cells of this length (a cell holds at most 32,767 characters) */
const RECORD_CHUNK = 30000;

interface Original {
  sheet: string;
  cell: string;
  fill: string | null;
  note: string | null;
}

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => (typeof t === 'string' ? t : t.text)).join('');
}

/** An A1 address within Excel's bounds (XFD1048576 at most). */
function validAddress(a: unknown): a is string {
  const m = typeof a === 'string' ? /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a) : null;
  if (!m) return false;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return col <= 16384 && Number(m[2]) <= 1_048_576;
}

function validOriginal(o: unknown): o is Original {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Record<string, unknown>;
  return (
    typeof x.sheet === 'string' &&
    validAddress(x.cell) &&
    (x.fill === null || typeof x.fill === 'string') &&
    (x.note === null || typeof x.note === 'string')
  );
}

function readRecord(wb: ExcelJS.Workbook): Original[] {
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (!ws) return [];
  const out: Original[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    try {
      // a line longer than a cell holds continues in the next cells of its row
      let text = '';
      for (let c = 1; c <= 16; c++) {
        const v = row.getCell(c).value;
        if (typeof v !== 'string') break;
        text += v;
      }
      const o: unknown = JSON.parse(text);
      if (validOriginal(o)) out.push(o);
    } catch {
      // a damaged record line is skipped: its cell keeps whatever it shows now
    }
  });
  return out;
}

/** Restores every recorded cell and drops the record: the workbook looks as before marking. */
export function clearFileMarks(wb: ExcelJS.Workbook): void {
  for (const o of readRecord(wb)) {
    try {
      const ws = wb.getWorksheet(o.sheet);
      if (!ws) continue;
      const cell = ws.getCell(o.cell);
      const style = { ...cell.style };
      if (o.fill) style.fill = JSON.parse(o.fill) as ExcelJS.Fill;
      else delete style.fill;
      cell.style = style;
      if (o.note === null) cell.note = undefined as unknown as string;
      else cell.note = cutText(o.note);
    } catch {
      // a damaged record line (edited by hand) is passed over: the others are still restored
    }
  }
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (ws) wb.removeWorksheet(ws.id);
}

export function markFileFindings(wb: ExcelJS.Workbook, report: Report): MarkResult {
  clearFileMarks(wb);
  let summaryOnly = 0;
  const record: Original[] = [];
  for (const mark of cellMarks(report.findings)) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) {
      summaryOnly += mark.findings.length;
      continue;
    }
    const cell = ws.getCell(mark.cell);
    const oldNote = noteText(cell.note as ExcelJS.Comment | string | undefined);
    record.push({
      sheet: mark.sheet,
      cell: mark.cell,
      fill: cell.fill ? JSON.stringify(cell.fill) : null,
      note: oldNote,
    });
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${mark.colour}` } } };
    cell.note = oldNote ? cutText(`${oldNote}\n\n${mark.text}`) : mark.text;
  }
  if (record.length) {
    const ws = wb.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
    ws.getCell(1, 1).value = '履职评价校验标记记录：请勿修改或删除（清除标记时据此恢复原样）';
    record.forEach((o, i) => {
      const text = JSON.stringify(o);
      for (let k = 0; k * RECORD_CHUNK < text.length; k++) {
        ws.getCell(i + 2, k + 1).value = text.slice(k * RECORD_CHUNK, (k + 1) * RECORD_CHUNK);
      }
    });
  }
  return { marked: report.findings.length - summaryOnly, summaryOnly, warnings: [] };
}
