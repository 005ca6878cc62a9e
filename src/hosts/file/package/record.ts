/**
 * The record sheet of an annotated copy (very hidden): for each marked cell, its style and note
 * before marking, and for each sheet, the parts the product created for its notes. Clearing the
 * marks reads it back; a line damaged by hand is passed over, the others still restore.
 */
import type { PackageEdit } from './edit';
import type { NoteParts } from './notes';
import type { AddedStyles } from './styleSheet';
import { REL_TYPE, workbookPart } from './parts';
import { sharedStrings } from './sharedStrings';
import { readSheet } from './sheetReader';
import { currentSheets } from './workbookSheets';
import { escapeText, xmlSafe } from './xml';

export const RECORD_SHEET = '_履职评价校验记录';
const TITLE = '履职评价校验标记记录：请勿修改或删除（清除标记时据此恢复原样）';
/** a record line is cut into cells of this length (a cell holds at most 32,767 characters) */
const RECORD_CHUNK = 30000;

export interface CellLine {
  v: 2;
  sheet: string;
  cell: string;
  /** the cell's style index before marking (null: no `s` attribute), and the one the mark set */
  s: string | null;
  markS: string;
  /** whether the sheet had an element for the cell, and a row for it */
  existed: boolean;
  rowAdded: boolean;
  /** the cell's own `<comment>` before marking, or null */
  note: string | null;
  /** the note's text as the marking left it, to tell what the district wrote into it since */
  marked?: string;
}

export interface SheetLine {
  v: 2;
  sheet: string;
  parts: NoteParts;
}

/** What the marks appended to styles.xml (entries the workbook had are not in it). */
export interface StylesLine {
  v: 2;
  styles: AddedStyles;
}

export type RecordLine = CellLine | SheetLine | StylesLine;

const SECTION_NAMES = new Set<string>(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']);

function validStyles(o: unknown): o is AddedStyles {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Record<string, unknown>;
  return (
    Array.isArray(x.added) &&
    x.added.every((a: unknown) => {
      const e = a as Record<string, unknown> | null;
      return (
        typeof e === 'object' &&
        e !== null &&
        isString(e.section) &&
        SECTION_NAMES.has(e.section) &&
        Number.isInteger(e.index) &&
        isString(e.xml)
      );
    }) &&
    Array.isArray(x.created) &&
    x.created.every((c: unknown) => isString(c) && SECTION_NAMES.has(c))
  );
}

/** A line of a copy annotated by the earlier writer (ExcelJS): the cell's fill as ExcelJS's JSON, its note's text. */
export interface LegacyLine {
  sheet: string;
  cell: string;
  fill: string | null;
  note: string | null;
}

function validLegacy(o: unknown): o is LegacyLine {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Record<string, unknown>;
  return isString(x.sheet) && isString(x.cell) && A1.test(x.cell) && stringOrNull(x.fill) && stringOrNull(x.note);
}

const isString = (x: unknown): x is string => typeof x === 'string';
const stringOrNull = (x: unknown) => x === null || isString(x);
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function validLine(o: unknown): o is RecordLine {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Record<string, unknown>;
  if (x.v !== 2) return false;
  if ('styles' in x) return validStyles(x.styles);
  if (!isString(x.sheet)) return false;
  if ('parts' in x) return typeof x.parts === 'object' && x.parts !== null;
  return (
    isString(x.cell) &&
    A1.test(x.cell) &&
    stringOrNull(x.s) &&
    isString(x.markS) &&
    typeof x.existed === 'boolean' &&
    typeof x.rowAdded === 'boolean' &&
    stringOrNull(x.note) &&
    (x.marked === undefined || isString(x.marked))
  );
}

/** The record's lines (none when the workbook has no record sheet), and those of the earlier writer. */
export function readRecord(edit: PackageEdit): { lines: RecordLine[]; legacy: LegacyLine[] } {
  const sheet = currentSheets(edit).find((s) => s.name === RECORD_SHEET);
  const legacy: LegacyLine[] = [];
  if (!sheet?.part) return { lines: [], legacy };
  const stringsPart = workbookPart(edit, REL_TYPE.sharedStrings);
  const strings = sharedStrings(stringsPart ? edit.text(stringsPart) : null);
  const snap = readSheet(RECORD_SHEET, edit.text(sheet.part) ?? '', { strings, formats: [], date1904: false });
  const out: RecordLine[] = [];
  snap.rows.forEach((row, r) => {
    if (r === 0 || !row) return;
    let text = '';
    for (const cell of row) {
      if (!cell || typeof cell.v !== 'string') break;
      text += cell.v;
    }
    try {
      const o: unknown = JSON.parse(text);
      if (validLine(o)) out.push(o);
      else if (validLegacy(o)) legacy.push(o);
    } catch {
      // a damaged line is skipped: its cell keeps whatever it shows now
    }
  });
  return { lines: out, legacy };
}

function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(xmlSafe(text))}</t></is></c>`;
}

function column(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The record sheet's XML. */
export function recordSheetXml(lines: readonly RecordLine[]): string {
  const rows = [`<row r="1">${inlineCell('A1', TITLE)}</row>`];
  lines.forEach((line, i) => {
    const text = JSON.stringify(line);
    const cells: string[] = [];
    for (let k = 0; k * RECORD_CHUNK < text.length; k++) {
      cells.push(inlineCell(`${column(k + 1)}${i + 2}`, text.slice(k * RECORD_CHUNK, (k + 1) * RECORD_CHUNK)));
    }
    rows.push(`<row r="${i + 2}">${cells.join('')}</row>`);
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}
