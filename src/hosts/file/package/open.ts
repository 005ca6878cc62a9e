/**
 * Opening an .xlsx package: the bytes sniffed, the zip directory read, and every part inflated
 * once within the limits (sizes counted as inflated, DTDs refused, rows and cells counted, sheet
 * names checked). The text of the parts a reading needs is kept; any other part is inflated again
 * when asked for. Nothing here changes the bytes: a package is read-only.
 */
import { DecodeUTF8, strFromU8 } from 'fflate';
import { REASONS, UnreadableError, sniff } from './limits';
import { SHEET_PART, SheetScan, TEXT_PART, checkDoctype, checkSheetNames, type Tally } from './scan';
import { entryBytes, inflateEntry, readDirectory, type Budget, type ZipEntry } from './zip';

/** Parts whose text is kept from the first inflation: what reading a snapshot takes. */
const KEPT = /^xl\/(workbook\.xml|styles\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/i;
/** the first characters of a part searched for a DTD */
const HEAD = 4096;

export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly texts: Map<string, string>,
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  /** The entry of a part name (part names are case-insensitive in a package). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** A part's text (UTF-8), or null when the package has no such part. */
  text(name: string): string | null {
    const entry = this.entry(name);
    if (!entry) return null;
    const kept = this.texts.get(entry.name);
    if (kept !== undefined) return kept;
    const text = strFromU8(entryBytes(this.bytes, entry));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** A part's bytes, or null. */
  data(name: string): Uint8Array | null {
    const entry = this.entry(name);
    return entry ? entryBytes(this.bytes, entry) : null;
  }
}

function inspectText(bytes: Uint8Array, entry: ZipEntry, budget: Budget, tally: Tally, keep: boolean): string | null {
  const sheet = SHEET_PART.test(entry.name) ? new SheetScan(entry.name.replace(/^.*\//, ''), tally) : null;
  const pieces: string[] = [];
  let head = '';
  const decoder = new DecodeUTF8((text) => {
    if (head.length <= HEAD) head += text.slice(0, HEAD);
    checkDoctype(entry.name, head, text);
    sheet?.feed(text);
    if (keep) pieces.push(text);
  });
  inflateEntry(bytes, entry, budget, (chunk) => decoder.push(chunk));
  decoder.push(new Uint8Array(0), true);
  sheet?.feed('', true);
  const text = keep ? pieces.join('') : null;
  // a byte order mark is not part of the XML
  return text !== null && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Opens a package, refusing with the reason what is not an .xlsx within the limits. */
export function openPackage(bytes: Uint8Array): XlsxPackage {
  const why = sniff(bytes);
  if (why) throw new UnreadableError(why);
  const entries = readDirectory(bytes);
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw new UnreadableError(REASONS.xlsb);
    if (names.has('mimetype') || names.has('content.xml')) throw new UnreadableError(REASONS.ods);
    if (names.has('word/document.xml')) throw new UnreadableError(REASONS.docx);
    throw new UnreadableError(REASONS.notWorkbook);
  }
  const budget: Budget = { total: 0 };
  const tally: Tally = { rows: 0, cells: 0 };
  const texts = new Map<string, string>();
  for (const entry of entries) {
    if (!TEXT_PART.test(entry.name)) {
      inflateEntry(bytes, entry, budget, () => undefined);
      continue;
    }
    const keep = KEPT.test(entry.name);
    const text = inspectText(bytes, entry, budget, tally, keep);
    if (text !== null) texts.set(entry.name, text);
    if (entry.name.toLowerCase() === 'xl/workbook.xml') checkSheetNames(text ?? '');
  }
  return new XlsxPackage(bytes, entries, texts);
}
