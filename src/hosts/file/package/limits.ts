/**
 * What a returned workbook may be and hold, and why not, in plain Chinese: the limits every
 * reading of a package keeps, the reasons a file is refused, and the sniffing of foreign formats
 * from their first bytes.
 */

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
  utf16: (part: string) =>
    `工作簿异常：部件 ${part} 采用 UTF-16 编码，Excel 和 WPS 保存的文件不会这样，无法可靠读取：${SAVE_AS}`,
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
export function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  const one = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
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
