/**
 * Writing a district's figures into a blank template: used for the bundled examples and for test
 * fixtures. Values are written as given (numbers, texts, dates, formulas, error values), so that
 * fixtures can hold every kind of input a person or a pasted sheet produces.
 */
import type ExcelJS from 'exceljs';
import { INDICATOR_COLUMNS, INFO_FIELDS, type InfoField } from '../../core/layout';
import type { Ruleset } from '../../core/ruleset/model';
import { bundledRuleset } from '../../core/ruleset';

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
  /** rows of 学校明细, by the keys of SCHOOL_KEYS */
  schools: Record<string, CellInput>[];
  /** rows of 问题整改, by the keys of RECTIFICATION_KEYS */
  rectification: Record<string, CellInput>[];
}

/** The columns of the example data's list rows, in the order of 2025.1's 学校明细 and 问题整改. */
export const SCHOOL_KEYS = [
  'no',
  'name',
  'type',
  'ownership',
  'students',
  'classes',
  'large',
  'huge',
  'clinic',
  'healthStaff',
];
export const RECTIFICATION_KEYS = ['no', 'source', 'problem', 'measures', 'status', 'due', 'evidence'];

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

export function fillWorkbook(wb: ExcelJS.Workbook, data: DistrictData, ruleset: Ruleset = bundledRuleset()): void {
  const infoName = ruleset.sheets.find((s) => s.kind === 'info')?.name;
  const info = infoName ? wb.getWorksheet(infoName) : undefined;
  if (info) {
    INFO_FIELDS.forEach((f, i) => put(info.getCell(i + 2, 2), data.info[f.key]));
  }
  for (const [id, v] of Object.entries(data.values)) {
    const sheet = ruleset.indicator(id)?.sheet;
    const ws = sheet ? wb.getWorksheet(sheet) : undefined;
    const r = ws ? rowOfId(ws, id) : null;
    if (!ws || r === null) continue;
    put(ws.getCell(r, INDICATOR_COLUMNS.last.col), v.last);
    put(ws.getCell(r, INDICATOR_COLUMNS.current.col), v.current);
    if (v.evidence !== undefined) ws.getCell(r, INDICATOR_COLUMNS.evidence.col).value = v.evidence;
    if (v.explanation !== undefined) ws.getCell(r, INDICATOR_COLUMNS.explanation.col).value = v.explanation;
  }
  const lists: [string, string[], Record<string, CellInput>[]][] = [
    ['学校明细', SCHOOL_KEYS, data.schools],
    ['问题整改', RECTIFICATION_KEYS, data.rectification],
  ];
  for (const [name, keys, rows] of lists) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    rows.forEach((row, i) => {
      keys.forEach((k, j) => put(ws.getCell(i + 3, j + 1), row[k]));
    });
  }
}
