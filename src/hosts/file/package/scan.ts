/**
 * What is checked while a package's parts are inflated: DTD and entity declarations (refused,
 * never expanded), the rows and cells of every sheet and their largest address, and the sheet
 * names Excel refuses. Counts are carried over all sheets of a workbook.
 */
import { LIMITS, REASONS, UnreadableError, sheetNameProblem, shown } from './limits';
import { decodeXml } from './xml';

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Counts over all sheets, carried from part to part. */
export interface Tally {
  rows: number;
  cells: number;
}

const ROW_TAG = /<(?:[\w.-]+:)?row\b([^>]*)>/g;
const CELL_TAG = /<(?:[\w.-]+:)?c\b([^>]*)>/g;
const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*["']([^"']*)["']/g;
const ROW_ATTR = /\br\s*=\s*["'](\d+)["']/;
const CELL_REF = /\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/;
/** a tag longer than this is not kept across chunks (no real tag is; a hostile one is only not counted) */
const CARRY = 64 * 1024;

/** Scans one sheet's XML as it is inflated. */
export class SheetScan {
  private carry = '';
  private row = 0;
  constructor(
    private readonly sheet: string,
    private readonly tally: Tally,
  ) {}

  feed(chunk: string, last = false): void {
    let text = this.carry + chunk;
    if (!last) {
      const open = text.lastIndexOf('<');
      const cut = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
      this.carry = text.length - cut > CARRY ? '' : text.slice(cut);
      text = text.slice(0, cut);
    }
    for (const m of text.matchAll(DIMENSION)) {
      const refs = m[1]!.split(':');
      for (const ref of refs) this.checkRef(ref, m[1]!);
    }
    const tally = this.tally;
    for (const m of text.matchAll(ROW_TAG)) {
      const r = ROW_ATTR.exec(m[1]!);
      this.row = r ? Number(r[1]) : this.row + 1;
      if (this.row > LIMITS.rowNumber) throw new UnreadableError(REASONS.rowNumber(shown(this.sheet), this.row));
      if (++tally.rows > LIMITS.rows) throw new UnreadableError(REASONS.tooManyRows());
    }
    for (const m of text.matchAll(CELL_TAG)) {
      const ref = CELL_REF.exec(m[1]!);
      if (ref) this.checkRef(`${ref[1]}${ref[2]}`, `${ref[1]}${ref[2]}`);
      if (++tally.cells > LIMITS.cells) throw new UnreadableError(REASONS.tooManyCells());
    }
  }

  private checkRef(ref: string, whole: string): void {
    const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(ref.trim());
    if (!m) return;
    const letters = m[1]!.toUpperCase();
    const row = m[2] ? Number(m[2]) : 0;
    if (row > LIMITS.rowNumber) throw new UnreadableError(REASONS.rowNumber(shown(this.sheet), row));
    if (letters.length > 3 || (letters && columnNumber(letters) > LIMITS.column)) {
      throw new UnreadableError(REASONS.cellAddress(shown(this.sheet), shown(whole)));
    }
  }
}

export const DTD = /<!(?:DOCTYPE|ENTITY)/i;

/** Refuses a part that declares a DTD; `head` is the part's text so far, `chunk` the newest piece. */
export function checkDoctype(part: string, head: string, chunk: string): void {
  // a DTD comes before the root element: the first kilobytes tell; later, only a `<!` can start one
  if (head.length <= 4096 ? DTD.test(head) : chunk.includes('<!') && DTD.test(chunk)) {
    throw new UnreadableError(REASONS.doctype(part));
  }
}

export const TEXT_PART = /\.(xml|rels|vml)$/i;
export const SHEET_PART = /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i;

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
