/**
 * Writing a district's figures into a blank template: used for the bundled examples and for test
 * fixtures. Values are written as given (numbers, texts, dates, formulas, error values), so that
 * fixtures can hold every kind of input a person or a pasted sheet produces.
 */
import type ExcelJS from 'exceljs';
import {
  INDICATOR_COLUMNS,
  INFO_FIELDS,
  RECTIFICATION_COLUMNS,
  SCHOOL_COLUMNS,
  indicator,
  type InfoField,
} from '../../core/catalogue';

export type CellInput = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface IndicatorInput {
  last?: CellInput;
  current?: CellInput;
  evidence?: string;
  explanation?: string;
}

export interface DistrictData {
  info: Partial<Record<InfoField['key'], CellInput>>;
  values: Record<string, IndicatorInput>;
  schools: Record<string, CellInput>[];
  rectification: Record<string, CellInput>[];
}

function put(cell: ExcelJS.Cell, input: CellInput | undefined): void {
  if (input === undefined) return;
  if (input !== null && typeof input === 'object' && 'numFmt' in input && 'value' in input) {
    cell.value = input.value;
    cell.numFmt = input.numFmt;
    return;
  }
  cell.value = input as ExcelJS.CellValue;
}

function rowOfId(ws: ExcelJS.Worksheet, id: string): number | null {
  let found: number | null = null;
  ws.getColumn(INDICATOR_COLUMNS.id.col).eachCell((cell, r) => {
    if (found === null && String(cell.value ?? '').trim() === id) found = r;
  });
  return found;
}

export function fillWorkbook(wb: ExcelJS.Workbook, data: DistrictData): void {
  const info = wb.getWorksheet('基本信息');
  if (info) {
    INFO_FIELDS.forEach((f, i) => put(info.getCell(i + 2, 2), data.info[f.key]));
  }
  for (const [id, v] of Object.entries(data.values)) {
    const ws = wb.getWorksheet(indicator(id).sheet);
    const r = ws ? rowOfId(ws, id) : null;
    if (!ws || r === null) continue;
    put(ws.getCell(r, INDICATOR_COLUMNS.last.col), v.last);
    put(ws.getCell(r, INDICATOR_COLUMNS.current.col), v.current);
    if (v.evidence !== undefined) ws.getCell(r, INDICATOR_COLUMNS.evidence.col).value = v.evidence;
    if (v.explanation !== undefined) ws.getCell(r, INDICATOR_COLUMNS.explanation.col).value = v.explanation;
  }
  const lists: [string, typeof SCHOOL_COLUMNS, Record<string, CellInput>[]][] = [
    ['学校明细', SCHOOL_COLUMNS, data.schools],
    ['问题整改', RECTIFICATION_COLUMNS, data.rectification],
  ];
  for (const [name, columns, rows] of lists) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    rows.forEach((row, i) => {
      columns.forEach((c, j) => put(ws.getCell(i + 3, j + 1), row[c.key]));
    });
  }
}
