/**
 * Opening .xlsx files, and telling the user in plain Chinese why a file cannot be opened (empty,
 * not a zip, an old .xls, encrypted, truncated, not a workbook, hostile).
 *
 * Every package is first opened by `openPackage` (package/open.ts): the zip directory read, the
 * declared sizes held to the limits, every part that is read inflated within them (sizes counted
 * as inflated, whatever the zip declares), DTDs refused, rows and cells counted as the sheets are
 * read, sheet names checked. Returned workbooks are read from that package (package/snapshot.ts);
 * ExcelJS loads only the small workbooks the product itself wrote (ledger, ruleset workbook)
 * through `openWorkbook` — the command's `check` takes the limits from package/limits.ts and never
 * loads this module (nor ExcelJS).
 */
import ExcelJS from 'exceljs';
import { UnreadableError, REASONS } from './package/limits';
import { openPackage, type XlsxPackage } from './package/open';

export { LIMITS, REASONS, UnreadableError, sheetNameProblem, sniff } from './package/limits';

/** Opens the package within the limits, refusing hostile or foreign packages with the reason. */
export async function inspectPackage(bytes: Uint8Array): Promise<XlsxPackage> {
  return openPackage(bytes);
}

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
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
