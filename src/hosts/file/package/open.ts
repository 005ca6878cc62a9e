/**
 * Opening an .xlsx package: the bytes sniffed, the zip directory read, every entry's declared size
 * held to the limits, and the workbook read once into its snapshot (readSnapshot in snapshot.ts):
 * each part reading or writing needs is inflated within the limits (its real size counted as it
 * is inflated), decoded once and refused when it declares a DTD; rows and cells are counted and
 * addresses checked as the sheets are read; sheet names are checked. Parts nothing reads (images,
 * themes, charts, pivot caches…) are not inflated: the copy copies their bytes as they are.
 * Nothing here changes the bytes: a package is read-only.
 */
import { LIMITS, REASONS, UnreadableError, sniff } from './limits';
import { REL_TYPE, WORKBOOK, isType, relationships, type OpenedSnapshot } from './parts';
import { decodePieces } from './pieces';
import { checkDoctype, checkEncoding, checkSheetNames } from './scan';
import { readSnapshot } from './snapshot';
import { entryBytes, readDirectory, type Budget, type ZipEntry } from './zip';

/** Parts the annotated copy reads besides the snapshot's: read (and so checked) when opening. */
const READ_BY_COPY = /^\[Content_Types\]\.xml$|^docProps\/app\.xml$|\.rels$|\.vml$/i;

let decoder: { decode(bytes: Uint8Array): string } | null = null;
/** Made when first needed (not when the module loads: a test's page may provide TextDecoder later). */
const utf8 = (): { decode(bytes: Uint8Array): string } => (decoder ??= new TextDecoder('utf-8'));

export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  /** texts already read, each part inflated and decoded once */
  private readonly texts = new Map<string, string>();
  /** parts read in pieces (not as one text): their inflated bytes, inflated once */
  private readonly inflated = new Map<string, Uint8Array>();
  /** what the parts read so far inflated to, held to LIMITS.totalBytes */
  private readonly budget: Budget = { total: 0 };
  /** the snapshot read when opened (openPackage), handed out while its parts are unchanged */
  opened: OpenedSnapshot | null = null;

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
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

  /**
   * A part's text (UTF-8, decoded whole in one call, without a byte order mark), or null when the
   * package has no such part. Refused with the reason beyond the limits or when it declares a DTD.
   */
  text(name: string): string | null {
    const entry = this.entry(name);
    if (!entry) return null;
    let text = this.texts.get(entry.name);
    if (text === undefined) {
      // TextDecoder leaves a byte order mark out (it is not part of the XML)
      const bytes = this.inflate(entry);
      checkEncoding(entry.name, bytes);
      text = utf8().decode(bytes);
      this.inflated.delete(entry.name);
      checkDoctype(entry.name, text);
      this.texts.set(entry.name, text);
    }
    return text;
  }

  /**
   * A part's text in pieces, each ending just after a `</local>` (pieces.ts): what a reader going
   * through a big part once reads, without making it one long string; only the first `count`
   * when given. The text itself when it is already read; null when the package has no such part.
   */
  pieces(name: string, local: string, count?: number): string[] | null {
    const entry = this.entry(name);
    if (!entry) return null;
    const text = this.texts.get(entry.name);
    if (text !== undefined) return [text];
    let bytes = this.inflated.get(entry.name);
    if (!bytes) this.inflated.set(entry.name, (bytes = this.inflate(entry)));
    checkEncoding(entry.name, bytes);
    const pieces = decodePieces(bytes, local, (b) => utf8().decode(b), count);
    checkDoctype(entry.name, pieces[0]!);
    return pieces;
  }

  /** An entry's bytes inflated, counted in the budget the first time. */
  private inflate(entry: ZipEntry): Uint8Array {
    const bytes = this.inflated.get(entry.name);
    if (bytes) return bytes;
    return entryBytes(this.bytes, entry, this.budget);
  }

  /** A part's bytes (within the limit of a part), or null. */
  data(name: string): Uint8Array | null {
    const entry = this.entry(name);
    return entry ? entryBytes(this.bytes, entry) : null;
  }
}

/** Every entry's declared size within the limits (what is inflated is counted again, for real). */
function checkDeclared(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.declaredSize > LIMITS.partBytes) throw new UnreadableError(REASONS.unzipped(e.name, LIMITS.partBytes));
    total += e.declaredSize;
  }
  if (total > LIMITS.totalBytes) throw new UnreadableError(REASONS.unzipped('全部部件合计', LIMITS.totalBytes));
}

/** Opens a package, refusing with the reason what is not an .xlsx within the limits. */
export function openPackage(bytes: Uint8Array): XlsxPackage {
  const why = sniff(bytes);
  if (why) throw new UnreadableError(why);
  const entries = readDirectory(bytes);
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has(WORKBOOK)) {
    if (names.has('xl/workbook.bin')) throw new UnreadableError(REASONS.xlsb);
    if (names.has('mimetype') || names.has('content.xml')) throw new UnreadableError(REASONS.ods);
    if (names.has('word/document.xml')) throw new UnreadableError(REASONS.docx);
    throw new UnreadableError(REASONS.notWorkbook);
  }
  checkDeclared(entries);
  const pkg = new XlsxPackage(bytes, entries);
  checkSheetNames(pkg.text(WORKBOOK) ?? '');
  pkg.opened = readSnapshot(pkg, { rows: 0, cells: 0 });
  for (const e of entries) if (READ_BY_COPY.test(e.name)) pkg.text(e.name);
  for (const sheet of pkg.opened.parts) {
    for (const r of relationships(pkg, sheet)) if (r.part && isType(r.type, REL_TYPE.comments)) pkg.text(r.part);
  }
  return pkg;
}
