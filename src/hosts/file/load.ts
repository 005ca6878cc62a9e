/**
 * Opening .xlsx files with ExcelJS, and telling the user in plain Chinese why a file cannot be
 * opened (empty, not a zip, an old .xls, encrypted, truncated, not a workbook).
 */
import ExcelJS from 'exceljs';

export class UnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableError';
  }
}

export const REASONS = {
  empty: '文件是空的（0 字节）',
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中“另存为”.xlsx 后再校验',
  encrypted: '文件设置了打开密码（已加密），请取消密码后另存，再校验',
  notZip: '不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿）',
  corrupt: '不是有效的 .xlsx 文件（zip 结构损坏，文件可能不完整）',
  notWorkbook: '不是有效的 .xlsx 文件（压缩包中没有 Excel 工作簿）',
  unknown: (detail: string) => `无法读取该工作簿：${detail}`,
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
  return null;
}

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const why = sniff(bytes);
  if (why) throw new UnreadableError(why);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/central directory|corrupt|end of data|invalid|zip|signature|inflat|unexpected end/i.test(msg)) {
      throw new UnreadableError(REASONS.corrupt);
    }
    if (/workbook|sheet|undefined|null|cannot read/i.test(msg)) throw new UnreadableError(REASONS.notWorkbook);
    throw new UnreadableError(REASONS.unknown(msg));
  }
  if (wb.worksheets.length === 0) throw new UnreadableError(REASONS.notWorkbook);
  return wb;
}
