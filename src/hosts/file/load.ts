/**
 * Opening .xlsx files with ExcelJS, and telling the user in plain Chinese why a file cannot be
 * opened (empty, not a zip, an old .xls, encrypted, truncated, not a workbook, hostile).
 *
 * Before ExcelJS sees a file, its zip is inspected with JSZip (`inspectPackage`): the number of
 * entries, the real uncompressed size of every part (streamed and stopped at the limit, whatever
 * the zip declares), the rows and cells of every sheet and their largest row number, DTD
 * declarations, and the sheet names ExcelJS refuses. A file beyond the limits is refused with a
 * reason instead of exhausting memory; nothing in English reaches the user.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export class UnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableError';
  }
}

/** What a workbook may hold: far beyond any real 填报表 (a 30,000-row 学校明细 is ~300,000 cells). */
export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  entries: 2000,
  partBytes: 150 * 1024 * 1024,
  totalBytes: 300 * 1024 * 1024,
  /** Excel's own largest row number */
  rowNumber: 1_048_576,
  /** Excel's own largest column (XFD) */
  column: 16_384,
  rows: 200_000,
  cells: 1_000_000,
};

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const SAVE_AS = '请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx），再校验';

export const REASONS = {
  empty: '文件是空的（0 字节）',
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中“另存为”.xlsx 后再校验',
  et: '这是 WPS 表格文件（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后再校验',
  ods: '这是 OpenDocument 表格（.ods），请在 LibreOffice、WPS 或 Excel 中“另存为”Excel 工作簿（.xlsx）后再校验',
  xlsb: '这是 Excel 二进制工作簿（.xlsb），无法直接校验：请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再校验',
  docx: '这是 Word 文档，不是 Excel 工作簿：请提交填报表（.xlsx）',
  encrypted: '文件设置了打开密码（已加密），请取消密码后另存，再校验',
  zipEncrypted: '压缩包设置了密码（已加密），不是有效的 .xlsx 文件：' + SAVE_AS,
  notZip: '不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿）',
  corrupt: '不是有效的 .xlsx 文件（zip 结构损坏，文件可能不完整）',
  notWorkbook: '不是有效的 .xlsx 文件（压缩包中没有 Excel 工作簿）',
  unknown: `无法读取该工作簿（文件内容不符合 .xlsx 格式，可能已损坏）：${SAVE_AS}`,
  tooLarge: (bytes: number) => `工作簿异常：文件大小 ${MB(bytes)}，超过可校验的上限 ${MB(LIMITS.fileBytes)}`,
  tooManyEntries: (n: number) =>
    `工作簿异常：压缩包中有 ${n} 个部件，超过上限 ${LIMITS.entries} 个，可能是恶意构造的文件：${SAVE_AS}`,
  unzipped: (part: string, limit: number) =>
    `工作簿异常：解压后超过 ${MB(limit)}（${part}），可能是恶意构造的压缩包（“zip 炸弹”），已停止读取：${SAVE_AS}`,
  rowNumber: (sheet: string, n: number) =>
    `工作簿异常：工作表“${sheet}”中有第 ${n} 行，超出 Excel 的最大行数 ${LIMITS.rowNumber}，文件可能已损坏或被恶意构造：${SAVE_AS}`,
  cellAddress: (sheet: string, ref: string) =>
    `工作簿异常：工作表“${sheet}”中的单元格地址“${ref}”超出 Excel 的范围，文件可能已损坏或被恶意构造：${SAVE_AS}`,
  badAddress: `工作簿异常：有超出 Excel 范围的单元格地址，文件可能已损坏或被恶意构造：${SAVE_AS}`,
  tooManyRows: () => `工作簿异常：各工作表合计超过 ${LIMITS.rows} 行，超出填报表的合理范围，无法校验`,
  tooManyCells: () => `工作簿异常：各工作表合计超过 ${LIMITS.cells} 个单元格，超出填报表的合理范围，无法校验`,
  doctype: (part: string) =>
    `工作簿异常：部件 ${part} 含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），正常的 Excel 文件不会有，可能是恶意构造的文件（XXE），已拒绝读取：${SAVE_AS}`,
  sheetName: (name: string, why: string) =>
    `工作表名称“${name}”${why}，Excel 不允许这样的名称：请在 Excel 或 WPS 中把该工作表改名，另存为 .xlsx 后再校验`,
} as const;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as UTF-16LE, the stream every encrypted OOXML package has. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const pattern = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Why these bytes cannot be an .xlsx, judged from their first bytes; null when they may be one. */
export function sniff(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return REASONS.empty;
  if (startsWith(bytes, OLE_SIGNATURE)) return hasEncryptionInfo(bytes) ? REASONS.encrypted : REASONS.xls;
  if (!startsWith(bytes, [0x50, 0x4b])) return REASONS.notZip;
  if (bytes.length > LIMITS.fileBytes) return REASONS.tooLarge(bytes.length);
  return null;
}

/** A sheet name shown in a message: short, one line. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  const one = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Why ExcelJS (or Excel) would refuse this sheet name; null when it is a good one. */
export function sheetNameProblem(name: string): string | null {
  if (name === '') return '为空';
  if (name === 'History') return '是 Excel 的保留名称';
  if (/[*?:/\\[\]]/.test(name)) return '含有 * ? : \\ / [ ] 之一';
  if (/^'|'$/.test(name)) return '以单引号开头或结尾';
  if (name.length > 31) return '超过 31 个字符';
  return null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Counts over all sheets, carried from part to part. */
interface Tally {
  total: number;
  rows: number;
  cells: number;
}

const ROW_TAG = /<(?:[\w.-]+:)?row\b([^>]*)>/g;
const CELL_TAG = /<(?:[\w.-]+:)?c\b([^>]*)>/g;
const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*["']([^"']*)["']/g;
const ROW_ATTR = /\br\s*=\s*["'](\d+)["']/;
const CELL_REF = /\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/;
const DTD = /<!(?:DOCTYPE|ENTITY)/i;
/** a tag longer than this is not kept across chunks (no real tag is; a hostile one is only not counted) */
const CARRY = 64 * 1024;

/** Scans one sheet's XML as it is inflated. */
class SheetScan {
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

interface Stream {
  on(event: 'data', f: (chunk: string | Uint8Array) => void): Stream;
  on(event: 'error', f: (e: unknown) => void): Stream;
  on(event: 'end', f: () => void): Stream;
  resume(): Stream;
  pause(): Stream;
}
/** JSZip's own entry: its declared size and its stream are not in the published types */
type Entry = JSZip.JSZipObject & {
  _data?: { uncompressedSize?: number };
  internalStream(type: 'text' | 'uint8array'): Stream;
};

/** Inflates one entry as a stream, stopping at the limits; text parts are handed to `onText`. */
function streamEntry(entry: Entry, tally: Tally, onText: ((chunk: string) => void) | null): Promise<void> {
  const declared = entry._data?.uncompressedSize ?? 0;
  if (declared > LIMITS.partBytes)
    return Promise.reject(new UnreadableError(REASONS.unzipped(entry.name, LIMITS.partBytes)));
  if (tally.total + declared > LIMITS.totalBytes) {
    return Promise.reject(new UnreadableError(REASONS.unzipped('全部部件合计', LIMITS.totalBytes)));
  }
  return new Promise((resolve, reject) => {
    let size = 0;
    let done = false;
    const stream = entry.internalStream(onText ? 'text' : 'uint8array');
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk: string | Uint8Array) => {
        if (done) return;
        // text chunks count in UTF-16 units: near enough to bytes to bound memory
        size += chunk.length;
        tally.total += chunk.length;
        if (size > LIMITS.partBytes) return fail(new UnreadableError(REASONS.unzipped(entry.name, LIMITS.partBytes)));
        if (tally.total > LIMITS.totalBytes) {
          return fail(new UnreadableError(REASONS.unzipped('全部部件合计', LIMITS.totalBytes)));
        }
        try {
          onText?.(chunk as string);
        } catch (e) {
          fail(e);
        }
      })
      .on('error', (e: unknown) => fail(e instanceof UnreadableError ? e : new UnreadableError(REASONS.corrupt)))
      .on('end', () => {
        if (!done) {
          done = true;
          resolve();
        }
      })
      .resume();
  });
}

const TEXT_PART = /\.(xml|rels|vml)$/i;
const SHEET_PART = /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i;

/**
 * Reads the zip's directory and streams every part within the limits, refusing hostile or
 * foreign packages with the reason. Resolves when ExcelJS may load the bytes.
 */
export async function inspectPackage(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UnreadableError(/encrypt/i.test(msg) ? REASONS.zipEncrypted : REASONS.corrupt);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir) as Entry[];
  if (entries.length > LIMITS.entries) throw new UnreadableError(REASONS.tooManyEntries(entries.length));
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw new UnreadableError(REASONS.xlsb);
    if (names.has('mimetype') || names.has('content.xml')) throw new UnreadableError(REASONS.ods);
    if (names.has('word/document.xml')) throw new UnreadableError(REASONS.docx);
    throw new UnreadableError(REASONS.notWorkbook);
  }
  const tally: Tally = { total: 0, rows: 0, cells: 0 };
  for (const entry of entries) {
    if (!TEXT_PART.test(entry.name)) {
      await streamEntry(entry, tally, null);
      continue;
    }
    const sheet = SHEET_PART.test(entry.name) ? new SheetScan(entry.name.replace(/^.*\//, ''), tally) : null;
    let head = '';
    let workbook = entry.name.toLowerCase() === 'xl/workbook.xml' ? '' : null;
    await streamEntry(entry, tally, (chunk) => {
      // a DTD comes before the root element: the first kilobytes tell
      if (head.length < 4096) {
        head += chunk.slice(0, 4096);
        if (DTD.test(head)) throw new UnreadableError(REASONS.doctype(entry.name));
      } else if (chunk.includes('<!')) {
        if (DTD.test(chunk)) throw new UnreadableError(REASONS.doctype(entry.name));
      }
      sheet?.feed(chunk);
      if (workbook !== null && workbook.length < 4 * 1024 * 1024) workbook += chunk;
    });
    sheet?.feed('', true);
    if (workbook !== null) checkSheetNames(workbook);
  }
}

function checkSheetNames(xml: string): void {
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

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const why = sniff(bytes);
  if (why) throw new UnreadableError(why);
  await inspectPackage(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/central directory|corrupt|end of data|zip|signature|inflat|unexpected end/i.test(msg)) {
      throw new UnreadableError(REASONS.corrupt);
    }
    if (/out of bounds|invalid column|invalid address|invalid row/i.test(msg)) {
      throw new UnreadableError(REASONS.badAddress);
    }
    if (/workbook|sheet|undefined|null|cannot read/i.test(msg)) throw new UnreadableError(REASONS.notWorkbook);
    // whatever ExcelJS says is English: the user gets what to do instead
    throw new UnreadableError(REASONS.unknown);
  }
  if (wb.worksheets.length === 0) throw new UnreadableError(REASONS.notWorkbook);
  return wb;
}
