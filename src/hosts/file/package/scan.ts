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

/** A cell address or range end (`B7`, `$XFD$1048576`, `C`, `12`) checked against Excel's range. */
export function checkAddress(sheet: string, ref: string, whole = ref): void {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(ref.trim());
  if (!m) return;
  const letters = m[1]!.toUpperCase();
  const row = m[2] ? Number(m[2]) : 0;
  if (row > LIMITS.rowNumber) throw new UnreadableError(REASONS.rowNumber(shown(sheet), row));
  let column = 0;
  for (let i = 0; i < letters.length && column <= LIMITS.column; i++) column = column * 26 + letters.charCodeAt(i) - 64;
  if (letters.length > 3 || column > LIMITS.column) {
    throw new UnreadableError(REASONS.cellAddress(shown(sheet), shown(whole)));
  }
}

const DTD = /^<!(?:DOCTYPE|ENTITY)/i;

/**
 * Refuses a part that declares a DTD. A DTD can only come before the root element, after the XML
 * declaration, processing instructions and comments: only that head is looked at.
 */
export function checkDoctype(part: string, xml: string): void {
  let i = 0;
  for (;;) {
    while (i < xml.length && xml.charCodeAt(i) <= 0x20) i++;
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
