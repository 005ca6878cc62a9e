/**
 * The review ledger as an .xlsx that opens in Excel and WPS: written from a batch's warnings,
 * edited by the reviewer (审核意见 from a dropdown), read back for the drafts.
 */
import ExcelJS from 'exceljs';
import {
  DECISIONS,
  DEFAULT_DECISION,
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  LEDGER_TEXT,
  ledgerCells,
  type Decision,
  type LedgerRow,
} from '../../core/ledger';
import { normalizeLabel } from '../../core/parse';
import { openWorkbook } from './load';
import { FONT, HEADER_FILL, PAGE_SETUP } from './style';

const WIDTHS = [6, 12, 12, 9, 18, 14, 8, 50, 36, 11, 30];

export function buildLedger(rows: readonly LedgerRow[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履职评价填报校验';
  const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.pageSetup = { ...PAGE_SETUP };
  ws.addRow([...LEDGER_COLUMNS]);
  ws.getRow(1).eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach((row, i) => {
    const r = ws.addRow(ledgerCells(row, i + 1));
    r.eachCell((c) => {
      c.font = { name: FONT };
      c.alignment = { vertical: 'top', wrapText: true };
    });
    // codes and cells are text: 371002 must not become a number, nor =… a formula
    for (const col of [3, 5, 7]) r.getCell(col).numFmt = '@';
  });
  const last = Math.max(rows.length + 1, 2);
  for (let r = 2; r <= last; r++) {
    ws.getCell(r, 10).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${DECISIONS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '审核意见',
      error: `只能填写：${DECISIONS.join('、')}`,
    };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  return wb;
}

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

/** Reads a ledger; problems (a bad 审核意见, a missing sheet) in Chinese, one a line. */
export async function readLedger(bytes: Uint8Array): Promise<{ rows: LedgerRow[]; problems: string[] }> {
  const wb = await openWorkbook(bytes);
  const ws = wb.worksheets.find((w) => normalizeLabel(w.name) === LEDGER_SHEET) ?? wb.worksheets[0];
  if (!ws) return { rows: [], problems: [`找不到“${LEDGER_SHEET}”工作表`] };
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => cols.set(normalizeLabel(text(c)), i));
  const missing = ['行政区划代码', '规则', '单元格', '审核意见'].filter((h) => !cols.has(h));
  if (missing.length) return { rows: [], problems: [`审核台账第 1 行找不到表头：${missing.join('、')}`] };
  const get = (row: ExcelJS.Row, header: string) => {
    const c = cols.get(header);
    return c ? text(row.getCell(c)) : '';
  };
  const rows: LedgerRow[] = [];
  const problems: string[] = [];
  ws.eachRow((row, r) => {
    if (r === 1 || !get(row, '规则')) return;
    const word = get(row, '审核意见');
    let decision: Decision = DEFAULT_DECISION;
    if ((DECISIONS as readonly string[]).includes(word)) decision = word as Decision;
    else if (word) problems.push(LEDGER_TEXT.badDecision(r, word));
    rows.push({
      row: r,
      district: get(row, '地区'),
      code: get(row, '行政区划代码'),
      indicator: get(row, '指标编号'),
      rule: get(row, '规则'),
      sheet: get(row, '工作表'),
      cell: get(row, '单元格'),
      message: get(row, '问题说明'),
      explanation: get(row, '情况说明'),
      decision,
      note: get(row, '审核说明'),
    });
  });
  return { rows, problems };
}
