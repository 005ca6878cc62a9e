/**
 * What is checked of a package's parts as they are read: DTD and entity declarations (refused,
 * never expanded), the rows and cells of the sheets and their addresses (counted by the sheet
 * reader as it reads them, over all sheets of a workbook), and the sheet names Excel refuses.
 */
import { LIMITS, REASONS, UnreadableError, sheetNameProblem, shown } from './limits';
import { decodeXml } from './xml';

/** Counts over all sheets, carried from sheet to sheet. */
export interface Tally {
  rows: number;
  cells: number;
}

/** One more row, numbered `row`, of the sheet `sheet`: refused beyond Excel's rows or the limit. */
export function countRow(tally: Tally, sheet: string, row: number): void {
  if (row > LIMITS.rowNumber) throw new UnreadableError(REASONS.rowNumber(shown(sheet), row));
  if (++tally.rows > LIMITS.rows) throw new UnreadableError(REASONS.tooManyRows());
}

/** One more cell: refused beyond the limit. */
export function countCell(tally: Tally): void {
  if (++tally.cells > LIMITS.cells) throw new UnreadableError(REASONS.tooManyCells());
}

/** A cell address split by `splitAddress`: its column letters' count, column and row (0 when absent). */
export const address = { letters: 0, column: 0, row: 0 };

/**
 * Splits a cell address or range end (`B7`, `$XFD$1048576`, `C`, `12`) into `address`, without a
 * regular expression or an allocation (the sheet reader does it for every cell); false when it is
 * not one. The column is counted no further than beyond Excel's last; the row as written.
 */
export function splitAddress(ref: string): boolean {
  let i = 0;
  let end = ref.length;
  while (i < end && ref.charCodeAt(i) <= 0x20) i++;
  while (end > i && ref.charCodeAt(end - 1) <= 0x20) end--;
  if (ref.charCodeAt(i) === 0x24 /* $ */) i++;
  let letters = 0;
  let column = 0;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    letters++;
    if (column <= LIMITS.column) column = column * 26 + c - 0x60;
  }
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    digits++;
    if (row < 1e14) row = row * 10 + c - 0x30;
  }
  address.letters = letters;
  address.column = column;
  address.row = digits ? row : 0;
  return true;
}

/** The address just split, checked against Excel's range; `whole` is what a message shows. */
export function checkSplitAddress(sheet: string, whole: string): void {
  if (address.row > LIMITS.rowNumber) throw new UnreadableError(REASONS.rowNumber(shown(sheet), address.row));
  if (address.letters > 3 || address.column > LIMITS.column) {
    throw new UnreadableError(REASONS.cellAddress(shown(sheet), shown(whole)));
  }
}

/** A cell address or range end checked against Excel's range (nothing said when it is not one). */
export function checkAddress(sheet: string, ref: string, whole = ref): void {
  if (splitAddress(ref)) checkSplitAddress(sheet, whole);
}

const DTD = /^<!(?:DOCTYPE|ENTITY)/i;

/**
 * Refuses a part in UTF-16 (a byte order mark FF FE or FE FF): XML may be, but Excel and WPS write
 * UTF-8 only, and a copy patched as UTF-8 would lose the part.
 */
export function checkEncoding(part: string, bytes: Uint8Array): void {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) throw new UnreadableError(REASONS.utf16(part));
}

/**
 * Refuses a part that declares a DTD. A DTD can only come before the root element, after the XML
 * declaration, processing instructions and comments: only that head is looked at.
 */
export function checkDoctype(part: string, xml: string): void {
  let i = 0;
  for (;;) {
    // white space, and a byte order mark should one be left
    while (i < xml.length && (xml.charCodeAt(i) <= 0x20 || xml.charCodeAt(i) === 0xfeff)) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return;
      i = end + 3;
    } else {
      if (DTD.test(xml.slice(i, i + 9))) throw new UnreadableError(REASONS.doctype(part));
      return;
    }
  }
}

export function checkSheetNames(xml: string): void {
  const seen = new Set<string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = decodeXml(m[1] ?? m[2] ?? '');
    const why = sheetNameProblem(name);
    if (why) throw new UnreadableError(REASONS.sheetName(shown(name), why));
    const key = name.toLowerCase();
    if (seen.has(key)) throw new UnreadableError(REASONS.sheetName(shown(name), '与另一张工作表重名'));
    seen.add(key);
  }
}
