/**
 * Cells of a worksheet part changed in place: each cell asked for is handed its current element
 * (or null when the sheet has none) and replaced by what comes back; a cell the sheet lacks is
 * inserted in column order into its row, and a row the sheet lacks in row order into sheetData.
 * Everything else in the part stays as written.
 */
import { columnNumber } from './sheetReader';
import { attribute } from './xml';

export interface CellContext {
  /** the style a new cell here would have: the row's (customFormat), else the column's, else 0 */
  inheritedStyle: number;
  /** whether the sheet has a row element for the cell */
  rowExists: boolean;
}

/** Returns the cell's new element (null removes it). */
export type CellEdit = (current: string | null, ctx: CellContext) => string | null;

const TOKEN = /<(\/?)((?:[\w.-]+:)?)(row|c|sheetData)\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/g;
const REF = /^([A-Z]{1,3})(\d+)$/;

interface Splice {
  start: number;
  end: number;
  text: string;
}

function columnStyles(xml: string): { min: number; max: number; style: number }[] {
  const out: { min: number; max: number; style: number }[] = [];
  const cols = /<(?:[\w.-]+:)?cols\b[\s\S]*?<\/(?:[\w.-]+:)?cols>/.exec(xml);
  if (!cols) return out;
  for (const m of cols[0].matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)) {
    const style = attribute(m[1]!, 'style');
    if (style === undefined) continue;
    out.push({ min: Number(attribute(m[1]!, 'min')), max: Number(attribute(m[1]!, 'max')), style: Number(style) });
  }
  return out;
}

/**
 * Applies `edits` (by A1 address) to a worksheet's XML. `dropRows` names rows to remove when
 * they are left without cells and without attributes other than `r` (rows the product added).
 */
export function editCells(
  xml: string,
  edits: ReadonlyMap<string, CellEdit>,
  dropRows: ReadonlySet<number> = new Set(),
): string {
  const pending = new Map<number, Map<number, CellEdit>>();
  for (const [ref, edit] of edits) {
    const m = REF.exec(ref);
    if (!m) continue;
    const row = Number(m[2]);
    const byCol = pending.get(row) ?? new Map<number, CellEdit>();
    byCol.set(columnNumber(m[1]!), edit);
    pending.set(row, byCol);
  }
  if (!pending.size) return xml;
  const cols = columnStyles(xml);
  const colStyle = (c: number) => cols.find((x) => c >= x.min && c <= x.max)?.style ?? 0;
  const splices: Splice[] = [];
  const lastRow = Math.max(...pending.keys(), ...dropRows);
  const re = new RegExp(TOKEN.source, 'g');
  const data = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  if (data < 0) return xml;
  re.lastIndex = data;
  let prefix = '';
  let rowNum = 0;
  let col = 0;
  let rowOpen: { start: number; end: number; attrs: string; empty: boolean; qname: string } | null = null;
  let rowCells: { col: number; start: number; end: number; kept: boolean }[] = [];
  let sheetDataEnd = -1;
  let sheetDataEmpty: { start: number; end: number; attrs: string } | null = null;
  const rowStarts: { r: number; start: number }[] = [];
  const newCell = (edit: CellEdit, style: number, rowExists: boolean) =>
    (edit(null, { inheritedStyle: style, rowExists }) ?? '')
      .replace(/^<c\b/, `<${prefix}c`)
      .replace(/<\/c>$/, `</${prefix}c>`);
  const rowStyleOf = (attrs: string) => {
    const s = attribute(attrs, 's');
    const custom = attribute(attrs, 'customFormat');
    return s !== undefined && (custom === '1' || custom === 'true') ? Number(s) : null;
  };
  /** closes the current row: inserts the cells it lacks, drops it when asked and left empty */
  const finishRow = (closeStart: number, closeEnd: number) => {
    if (!rowOpen) return;
    const byCol = pending.get(rowNum);
    const rowStyle = rowStyleOf(rowOpen.attrs);
    if (byCol?.size) {
      for (const [c, edit] of [...byCol].sort((a, b) => a[0] - b[0])) {
        const text = newCell(edit, rowStyle ?? colStyle(c), true);
        if (!text) continue;
        const before = rowCells.find((x) => x.col > c);
        if (rowOpen.empty) {
          splices.push({ start: rowOpen.end, end: rowOpen.end, text });
        } else {
          const at = before ? before.start : closeStart;
          splices.push({ start: at, end: at, text });
        }
        rowCells.push({ col: c, start: -1, end: -1, kept: true });
      }
      if (rowOpen.empty && byCol.size) {
        // `<row .../>` becomes `<row ...>cells</row>`
        const open = `<${rowOpen.qname}${rowOpen.attrs.replace(/\s*$/, '')}>`;
        splices.push({ start: rowOpen.start, end: rowOpen.end, text: open });
        splices.push({ start: rowOpen.end, end: rowOpen.end, text: `</${rowOpen.qname}>` });
      }
    }
    if (dropRows.has(rowNum) && !rowCells.some((x) => x.kept) && /^\s*r\s*=\s*["']\d+["']\s*$/.test(rowOpen.attrs)) {
      splices.push({ start: rowOpen.start, end: rowOpen.empty ? rowOpen.end : closeEnd, text: '' });
    }
    pending.delete(rowNum);
    rowOpen = null;
  };
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [whole, close, pre = '', local, attrs = '', empty] = m;
    if (local === 'sheetData') {
      if (!close) {
        prefix = pre;
        if (empty) {
          sheetDataEmpty = { start: m.index, end: m.index + whole.length, attrs };
          break;
        }
        continue;
      }
      sheetDataEnd = m.index;
      break;
    }
    if (local === 'row') {
      if (close) {
        finishRow(m.index, m.index + whole.length);
        continue;
      }
      const r = attribute(attrs, 'r');
      rowNum = r === undefined ? rowNum + 1 : parseInt(r, 10);
      col = 0;
      rowCells = [];
      rowStarts.push({ r: rowNum, start: m.index });
      if (rowNum > lastRow) {
        // past every row asked for: what is left is where sheetData ends
        sheetDataEnd = xml.indexOf(`</${prefix}sheetData>`, m.index);
        break;
      }
      if (!empty && !pending.has(rowNum) && !dropRows.has(rowNum)) {
        // a row with nothing to change is passed over whole
        const closing = `</${pre}row>`;
        const at = xml.indexOf(closing, m.index + whole.length);
        if (at >= 0) {
          re.lastIndex = at + closing.length;
          continue;
        }
      }
      rowOpen = { start: m.index, end: m.index + whole.length, attrs, empty: empty === '/', qname: `${pre}row` };
      if (empty) finishRow(m.index + whole.length, m.index + whole.length);
      continue;
    }
    if (close) continue;
    const ref = attribute(attrs, 'r');
    const letters = ref ? /^\$?([A-Za-z]+)/.exec(ref)?.[1] : undefined;
    col = letters ? columnNumber(letters) : col + 1;
    const start = m.index;
    let end = m.index + whole.length;
    if (!empty) {
      const closing = `</${pre}c>`;
      const at = xml.indexOf(closing, end);
      end = at < 0 ? xml.length : at + closing.length;
      re.lastIndex = end;
    }
    const edit = pending.get(rowNum)?.get(col);
    let kept = true;
    if (edit) {
      pending.get(rowNum)!.delete(col);
      const rowStyle = rowOpen ? rowStyleOf(rowOpen.attrs) : null;
      const text = edit(xml.slice(start, end), { inheritedStyle: rowStyle ?? colStyle(col), rowExists: true });
      kept = text !== null;
      splices.push({ start, end, text: text ?? '' });
    }
    rowCells.push({ col, start, end, kept });
  }
  // rows the sheet lacks, in row order
  const missing = [...pending.keys()]
    .filter((r) => pending.get(r)!.size)
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = [...pending.get(r)!]
        .sort((a, b) => a[0] - b[0])
        .map(([c, edit]) => newCell(edit, colStyle(c), false))
        .join('');
      return { r, text: cells ? `<${prefix}row r="${r}">${cells}</${prefix}row>` : '' };
    })
    .filter((x) => x.text);
  if (sheetDataEmpty) {
    const open = `<${prefix}sheetData${sheetDataEmpty.attrs.replace(/\s*$/, '')}>`;
    const rows = missing.map((x) => x.text).join('');
    splices.push({ start: sheetDataEmpty.start, end: sheetDataEmpty.end, text: `${open}${rows}</${prefix}sheetData>` });
  } else {
    for (const { r, text } of missing) {
      const at = rowStarts.find((x) => x.r > r)?.start ?? sheetDataEnd;
      if (at >= 0) splices.push({ start: at, end: at, text });
    }
  }
  return applySplices(xml, splices);
}

/** Applies non-overlapping splices (insertions at one point keep the order they were made in). */
export function applySplices(xml: string, splices: Splice[]): string {
  if (!splices.length) return xml;
  // at one point, insertions come before a replacement starting there
  const ordered = splices
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.i - b.i);
  let out = '';
  let last = 0;
  for (const s of ordered) {
    out += xml.slice(last, s.start) + s.text;
    last = Math.max(last, s.end);
  }
  return out + xml.slice(last);
}
