/** An ExcelJS workbook as the engine's WorkbookSnapshot. */
import type ExcelJS from 'exceljs';
import { NO_RESULT, dateToSerial } from '../../core/parse';
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../../core/types';

type Plain = number | string | boolean | null;

function plain(v: unknown): { v: Plain; err?: string } {
  if (v === null || v === undefined) return { v: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: dateToSerial(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { v: null, err: o.error };
    if (Array.isArray(o.richText)) {
      return { v: (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('') };
    }
    if ('text' in o && 'hyperlink' in o) return plain(o.text);
    // a formula the file holds no result of was never calculated
    if ('formula' in o || 'sharedFormula' in o)
      return o.result === undefined ? { v: null, err: NO_RESULT } : plain(o.result);
  }
  return { v: String(v) };
}

export function cellSnapshot(cell: ExcelJS.Cell): SnapshotCell | null {
  const raw = cell.value;
  if (raw === null || raw === undefined) return null;
  const { v, err } = plain(raw);
  const out: SnapshotCell = { v };
  if (err) out.err = err;
  const fmt = cell.numFmt;
  if (fmt && fmt !== 'General') out.fmt = fmt;
  if (typeof raw === 'object' && raw !== null && ('formula' in raw || 'sharedFormula' in raw)) out.formula = true;
  return out;
}

/**
 * Rows are indexed by row number but only rows that hold something are set: a sheet whose one row
 * is numbered 1,000,000 costs one row, not a million (the engine reads missing rows as empty).
 */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (SnapshotCell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (SnapshotCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // merged cells other than the master repeat its value; they hold nothing of their own
      if (cell.isMerged && cell.master !== cell) return;
      cells[c - 1] = cellSnapshot(cell);
    });
    rows[r - 1] = cells;
  });
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.length ? { name: ws.name, rows, merges } : { name: ws.name, rows };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(sheetSnapshot) };
}
