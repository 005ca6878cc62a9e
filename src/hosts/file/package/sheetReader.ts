/**
 * One worksheet part read straight from its XML into a SheetSnapshot: values typed as the cell's
 * `t` says (numbers, shared and inline strings, booleans, errors, ISO dates), formulas flagged
 * with their cached result, number formats from the cell's style, dates as serial numbers,
 * merged ranges. Only rows that hold something are set, so a sparse sheet costs what it holds.
 * Opening a package reads its sheets with a tally: rows, cells and addresses held to the limits.
 */
import { NO_RESULT, dateToSerial } from '../../../core/parse';
import type { SheetSnapshot, SnapshotCell } from '../../../core/types';
import { isDateFormat } from './numberFormats';
import { address, checkAddress, checkSplitAddress, countCell, countRow, splitAddress, type Tally } from './scan';
import { stringItemText } from './sharedStrings';
import { attribute, decodeText, innerText } from './xml';

export interface SheetContext {
  strings: readonly string[];
  /** format code of each cell style index */
  formats: readonly (string | undefined)[];
  date1904: boolean;
}

const ROW_OR_CELL = /<(\/?)((?:[\w.-]+:)?)(row|c|sheetData)\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/g;
const V = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/;
const F = /<(?:[\w.-]+:)?f\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const IS = /<(?:[\w.-]+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?is>)/;
const MERGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*["']([^"']*)["']/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & 0xdf) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A number read as a date when its format shows one (ExcelJS's arithmetic, to the millisecond). */
function dateSerial(v: number, date1904: boolean): number {
  return dateToSerial(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

/** `2024-03-01T00:00:00Z` (a `t="d"` cell) as a serial number. */
function isoSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : dateToSerial(new Date(ms));
}

type Typed = { v: SnapshotCell['v']; err?: string } | null;

/** A cached value (formula result or constant) typed by the cell's `t`. */
function typed(t: string | undefined, text: string, fmt: string | undefined, ctx: SheetContext): Typed {
  switch (t) {
    case 's': {
      const s = ctx.strings[parseInt(text, 10)];
      return s === undefined ? null : { v: s };
    }
    case 'str':
    case 'inlineStr':
      return { v: text };
    case 'b':
      return { v: parseInt(text, 10) !== 0 };
    case 'e':
      return { v: null, err: text };
    case 'd': {
      const serial = isoSerial(text);
      return serial === null ? { v: text } : { v: serial };
    }
    default: {
      const n = parseFloat(text);
      return { v: isDateFormat(fmt) ? dateSerial(n, ctx.date1904) : n };
    }
  }
}

/** The `r`, `s` and `t` attributes of the `<c>` tag just read by `readCellAttributes`. */
const cellAttrs: { r: string | undefined; s: string | undefined; t: string | undefined } = {
  r: undefined,
  s: undefined,
  t: undefined,
};

/**
 * A `<c>` tag's `r`, `s` and `t` into `cellAttrs`, in one pass over its attributes (a cell's are
 * short and plain); what is not plain (a reference, a line break, odd quoting) is read by
 * `attribute` as everywhere else.
 */
function readCellAttributes(attrs: string): void {
  cellAttrs.r = cellAttrs.s = cellAttrs.t = undefined;
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    let c = attrs.charCodeAt(i);
    if (c <= 0x20) {
      i++;
      continue;
    }
    const name = i;
    while (i < n && (c = attrs.charCodeAt(i)) !== 0x3d /* = */ && c > 0x20) i++;
    const nameEnd = i;
    while (i < n && attrs.charCodeAt(i) <= 0x20) i++;
    if (attrs.charCodeAt(i) !== 0x3d) return slowCellAttributes(attrs);
    i++;
    while (i < n && attrs.charCodeAt(i) <= 0x20) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return slowCellAttributes(attrs);
    const valueEnd = attrs.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (valueEnd < 0) return slowCellAttributes(attrs);
    const local = nameEnd - 1;
    if (local === name || attrs.charCodeAt(local - 1) === 0x3a /* prefix: */) {
      const key = attrs.charCodeAt(local);
      if (key === 0x72 /* r */ || key === 0x73 /* s */ || key === 0x74 /* t */) {
        for (let k = i + 1; k < valueEnd; k++) {
          const v = attrs.charCodeAt(k);
          if (v === 0x26 /* & */ || v < 0x20) return slowCellAttributes(attrs);
        }
        // the first of each, as `attribute` finds it
        if (key === 0x72) cellAttrs.r ??= attrs.slice(i + 1, valueEnd);
        else if (key === 0x73) cellAttrs.s ??= attrs.slice(i + 1, valueEnd);
        else cellAttrs.t ??= attrs.slice(i + 1, valueEnd);
      }
    }
    i = valueEnd + 1;
  }
}

function slowCellAttributes(attrs: string): void {
  cellAttrs.r = attribute(attrs, 'r');
  cellAttrs.s = attribute(attrs, 's');
  cellAttrs.t = attribute(attrs, 't');
}

/** One `<c>` element's content as a snapshot cell, or null when it holds nothing. */
function cellOf(t: string | undefined, s: string | undefined, inner: string, ctx: SheetContext): SnapshotCell | null {
  const fmt = s === undefined ? undefined : ctx.formats[parseInt(s, 10)];
  const f = inner ? F.exec(inner) : null;
  const formula = !!f && (!!f[2] || attribute(f[1] ?? '', 't') !== undefined);
  let text: string | undefined;
  if (inner) {
    const is = t === 'inlineStr' ? IS.exec(inner) : null;
    if (is) text = stringItemText(is[1] ?? '');
    else {
      const v = V.exec(inner);
      if (v?.[1]) text = t === 's' || t === 'b' || t === 'e' || t === undefined ? decodeText(v[1]) : innerText(v[1]);
    }
  }
  if (text === '') text = undefined;
  let out: SnapshotCell;
  if (formula) {
    const result = text === undefined ? null : typed(t === 'inlineStr' ? 'str' : t, text, fmt, ctx);
    out = { v: result?.v ?? null };
    if (result?.err) out.err = result.err;
    // only a text result may be empty: a formula without one was never calculated (a file a
    // program wrote and nobody saved in Excel)
    else if (text === undefined && !(t === 'str' && V.test(inner))) out.err = NO_RESULT;
  } else {
    if (text === undefined) return null;
    const value = typed(t, text, fmt, ctx);
    if (!value) return null;
    out = { v: value.v };
    if (value.err) out.err = value.err;
  }
  if (fmt && fmt !== 'General') out.fmt = fmt;
  if (formula) out.formula = true;
  return out;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged ranges after the sheet's data (`from`: the piece and offset where it ends). */
function mergesOf(
  pieces: readonly string[],
  from: { piece: number; at: number },
): { ranges: string[]; boxes: Merge[] } {
  const ranges: string[] = [];
  const boxes: Merge[] = [];
  const seen = new Set<string>();
  const re = new RegExp(MERGE.source, 'g');
  for (let i = from.piece; i < pieces.length; i++) {
    const xml = pieces[i]!;
    re.lastIndex = i === from.piece ? from.at : 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const [a, b = a] = m[1]!.split(':');
      const p = REF.exec(a!.trim());
      const q = REF.exec(b!.trim());
      if (!p || !q) continue;
      const box = {
        top: Math.min(+p[2]!, +q[2]!),
        bottom: Math.max(+p[2]!, +q[2]!),
        left: Math.min(columnNumber(p[1]!), columnNumber(q[1]!)),
        right: Math.max(columnNumber(p[1]!), columnNumber(q[1]!)),
      };
      const master = `${columnLetters(box.left)}${box.top}`;
      if (seen.has(master)) continue;
      seen.add(master);
      ranges.push(`${master}:${columnLetters(box.right)}${box.bottom}`);
      boxes.push(box);
    }
  }
  return { ranges, boxes };
}

/** Whether (r, c) is inside a merge without being its top-left cell. */
function mergedAway(boxes: readonly Merge[], r: number, c: number): boolean {
  for (const b of boxes) {
    if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right && (r !== b.top || c !== b.left)) return true;
  }
  return false;
}

/** The `<dimension ref>` before the sheet's data, checked against Excel's range. */
function checkDimension(name: string, xml: string, dataStart: number): void {
  const m = DIMENSION.exec(dataStart < 0 ? xml : xml.slice(0, dataStart));
  if (m) for (const ref of m[1]!.split(':')) checkAddress(name, ref, m[1]);
}

/**
 * One sheet's snapshot, from its XML whole or in pieces that each end after a `</row>` (so no
 * row, and no cell, straddles two). With a tally (when a package is opened), every row and cell
 * is counted over the workbook and its address checked as it is read, and the sheet is refused
 * with the reason (limits.ts) before memory grows beyond the limits; a sparse row number costs
 * nothing.
 */
export function readSheet(
  name: string,
  xml: string | readonly string[],
  ctx: SheetContext,
  tally?: Tally,
): SheetSnapshot {
  const pieces = typeof xml === 'string' ? [xml] : xml;
  const rows: (SnapshotCell | null)[][] = [];
  const re = new RegExp(ROW_OR_CELL.source, 'g');
  const head = pieces[0] ?? '';
  const start = head.search(/<(?:[\w.-]+:)?sheetData\b/);
  if (tally) checkDimension(name, head, start);
  /** where the sheet's data ends: the piece, and the offset in it */
  let end = { piece: pieces.length - 1, at: pieces[pieces.length - 1]?.length ?? 0 };
  const cellsAt: { r: number; c: number; cell: SnapshotCell }[] = [];
  let row = 0;
  let col = 0;
  reading: for (let p = start < 0 ? pieces.length : 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    re.lastIndex = p === 0 ? start : 0;
    for (let m = re.exec(piece); m; m = re.exec(piece)) {
      const [, close, prefix, local, attrs = '', empty] = m;
      if (local === 'sheetData') {
        if (close || empty) {
          end = { piece: p, at: m.index };
          break reading;
        }
        continue;
      }
      if (close) continue;
      if (local === 'row') {
        const r = attribute(attrs, 'r');
        const n = r === undefined ? NaN : parseInt(r, 10);
        row = Number.isNaN(n) ? row + 1 : n;
        col = 0;
        if (tally) countRow(tally, name, row);
        continue;
      }
      if (tally) countCell(tally);
      readCellAttributes(attrs);
      const { r: ref, s, t } = cellAttrs;
      if (ref && splitAddress(ref)) {
        if (tally) checkSplitAddress(name, ref);
        col = address.letters ? address.column : col + 1;
      } else col += 1;
      let inner = '';
      if (!empty) {
        const closing = `</${prefix}c>`;
        const endAt = piece.indexOf(closing, re.lastIndex);
        const stop = endAt < 0 ? piece.length : endAt;
        inner = piece.slice(re.lastIndex, stop);
        re.lastIndex = endAt < 0 ? piece.length : endAt + closing.length;
      }
      const cell = inner ? cellOf(t, s, inner, ctx) : null;
      if (cell) cellsAt.push({ r: row, c: col, cell });
    }
  }
  const { ranges, boxes } = mergesOf(pieces, end);
  for (const { r, c, cell } of cellsAt) {
    if (r < 1 || c < 1) continue;
    if (boxes.length && mergedAway(boxes, r, c)) continue;
    (rows[r - 1] ??= [])[c - 1] = cell;
  }
  return ranges.length ? { name, rows, merges: ranges } : { name, rows };
}
