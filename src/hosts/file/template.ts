/**
 * The blank workbook of a ruleset (spec/TEMPLATE.md, spec/RULESET.md): its sheets, titles, rows,
 * 达标要求 and dropdowns written from the ruleset, which it also carries in a very hidden sheet, so
 * that the task pane and the web page check it with the office's own rules. Printed on A4.
 */
import ExcelJS from 'exceljs';
import { INDICATOR_COLUMNS, INFO_FIELDS, RULESET_SHEET } from '../../core/layout';
import { bundledRuleset, carriedPieces } from '../../core/ruleset';
import type { IndicatorDef, ListDef, Ruleset, SheetDef } from '../../core/ruleset/model';
import { LEVEL_COLOURS } from '../../core/summary';
import { BORDER, FONT, HEADER_FILL, PAGE_SETUP, listValidation } from './style';

import type { Level } from '../../core/types';

export const NO_LAST_VALUE = '—';
/** List sheets get dropdowns and unlocked cells down to this row. */
export const LIST_ROWS = 500;

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  insertHyperlinks: true,
  sort: true,
  autoFilter: true,
  objects: true,
};

/** Page numbers at the bottom of every printed page. */
export const FOOTER = '&C第 &P 页，共 &N 页';

function printSetup(ws: ExcelJS.Worksheet, titleRows: string | undefined): void {
  ws.pageSetup = { ...ws.pageSetup, ...PAGE_SETUP, ...(titleRows ? { printTitlesRow: titleRows } : {}) };
  ws.headerFooter = { oddFooter: FOOTER, evenFooter: FOOTER };
}

/** Display width of a text in Excel's column units (a CJK character counts two). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** A row tall enough to show each wrapped text whole, in lines of `lineHeight` points. */
function fitHeight(row: ExcelJS.Row, texts: readonly [string, number][], lineHeight = 15): void {
  const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(textWidth(t) / Math.max(1, width - 1))));
  row.height = Math.max(20, lines * lineHeight + 4);
}

function title(ws: ExcelJS.Worksheet, text: string, lastCol: number): void {
  printSetup(ws, '1:2');
  ws.mergeCells(1, 1, 1, lastCol);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 14, bold: true };
  c.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 28;
}

function header(ws: ExcelJS.Worksheet, texts: readonly string[]): void {
  const row = ws.getRow(2);
  texts.forEach((t, i) => {
    const c = row.getCell(i + 1);
    c.value = t;
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 24;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
}

const YES_NO = ['是', '否'];

/** The definition of an indicator as the input prompt of its 本年值 cell (Excel shows up to 255 characters). */
function prompt(def: IndicatorDef): Partial<ExcelJS.DataValidation> {
  if (!def.definition) return {};
  return { showInputMessage: true, promptTitle: def.id, prompt: def.definition.slice(0, 255) };
}

function instructionsSheet(wb: ExcelJS.Workbook, def: SheetDef, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(def.name);
  printSetup(ws, undefined);
  ws.pageSetup.orientation = 'portrait';
  ws.getColumn(1).width = 72;
  const lists = ruleset.sheets.filter((s) => s.kind === 'list').map((s) => `“${s.name}”`);
  const lines = [
    `${ruleset.meta.name} · 填报说明`,
    `模板版本 ${ruleset.version}${ruleset.meta.issuer ? `；${ruleset.meta.issuer}制定` : ''}。请勿修改工作表名称、表头和指标编号。`,
    '1. 各表灰色单元格为模板内容，已锁定；白色单元格为填报内容。可在指标之间插入行填写备注，不影响校验。',
    '2. 数值单元格只填写数字，不要带单位或文字（如“约1200”“1200万元”）；百分比可填 85.3 或 85.3%。选中“本年值”单元格可看到该指标的统计口径。',
    '3. 没有上年值的指标，“上年值”一栏显示“—”，无需填写。',
    '4. “是否”类指标请从下拉列表中选择“是”或“否”；达到要求时请在“佐证材料”中填写文件名称或文号。',
    '5. 未达到“达标要求”的指标，请在“情况说明”中说明原因和整改打算。',
    ...(lists.length ? [`6. ${lists.join('、')}每行填写一项，从表头下一行起连续填写，中间不留空行。`] : []),
    `${lists.length ? 7 : 6}. 校验结果分三级：错误（红色，数据有误，报送前必须改正）、未达标（黄色，政策要求未达到，须在情况说明中说明）、提示（蓝色，可能有误，请核实）。`,
    `${lists.length ? 8 : 7}. 没有错误、且每个未达标项都已填写情况说明时，即可报送。`,
  ];
  lines.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.font = { name: FONT, size: i === 0 ? 16 : 12, bold: i === 0 };
    c.alignment = { wrapText: true, vertical: 'top' };
    // 12-point text takes about a tenth more room than the width units assume
    fitHeight(ws.getRow(i + 1), [[t, i === 0 ? 50 : 66]], i === 0 ? 24 : 17);
  });
  const legend: [Level, string][] = [
    ['error', '错误：数据有误，报送前必须改正'],
    ['warning', '未达标：未达到政策要求，须在“情况说明”中说明'],
    ['notice', '提示：可能有误，请核实'],
  ];
  legend.forEach(([level, text], i) => {
    const c = ws.getCell(lines.length + 2 + i, 1);
    c.value = text;
    c.font = { name: FONT, size: 12 };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${LEVEL_COLOURS[level]}` } };
    ws.getRow(lines.length + 2 + i).height = 20;
  });
}

function infoSheet(wb: ExcelJS.Workbook, def: SheetDef, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(def.name);
  title(ws, def.title, 3);
  ws.pageSetup.orientation = 'portrait';
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 48;
  const hints: Record<string, string> = {
    code: '6 位数字，如 379902',
    year: '四位年份，如 2025',
    phone: '手机号码或带区号的固定电话，如 0631-5212345',
    date: '日期，如 2026-03-15',
    version: '请勿修改',
  };
  INFO_FIELDS.forEach((f, i) => {
    const r = i + 2;
    const label = ws.getCell(r, 1);
    label.value = f.label;
    label.font = { name: FONT, bold: true };
    label.fill = LOCKED_FILL;
    label.border = BORDER;
    const value = ws.getCell(r, 2);
    value.border = BORDER;
    value.protection = { locked: f.type === 'version' };
    if (f.type === 'version') value.value = ruleset.version;
    if (f.type === 'code' || f.type === 'phone' || f.type === 'version') value.numFmt = '@';
    if (f.type === 'date') value.numFmt = 'yyyy-mm-dd';
    const hint = ws.getCell(r, 3);
    hint.value = hints[f.type] ?? '';
    hint.font = { name: FONT, color: { argb: 'FF808080' } };
    ws.getRow(r).height = 20;
  });
}

const WIDTHS: Record<keyof typeof INDICATOR_COLUMNS, number> = {
  id: 8,
  group: 11,
  name: 36,
  unit: 8,
  last: 12,
  current: 12,
  requirement: 32,
  evidence: 20,
  explanation: 28,
};

function indicatorSheet(wb: ExcelJS.Workbook, def: SheetDef, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(def.name);
  const cols = Object.values(INDICATOR_COLUMNS);
  title(ws, def.title, cols.length);
  header(
    ws,
    cols.map((c) => c.header),
  );
  (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).forEach(
    (k) => (ws.getColumn(INDICATOR_COLUMNS[k].col).width = WIDTHS[k]),
  );
  ruleset.indicatorsOf(def.name).forEach((ind, i) => {
    const row = ws.getRow(i + 3);
    const values: Record<keyof typeof INDICATOR_COLUMNS, ExcelJS.CellValue> = {
      id: ind.id,
      group: ind.group,
      name: ind.name,
      unit: ind.unit,
      last: ind.hasLast ? null : NO_LAST_VALUE,
      current: null,
      requirement: ind.requirement,
      evidence: null,
      explanation: null,
    };
    for (const [key, spec] of Object.entries(INDICATOR_COLUMNS) as [
      keyof typeof INDICATOR_COLUMNS,
      { col: number },
    ][]) {
      const c = row.getCell(spec.col);
      c.value = values[key];
      c.border = BORDER;
      c.font = { name: FONT };
      const input = key === 'current' || key === 'evidence' || key === 'explanation' || (key === 'last' && ind.hasLast);
      c.protection = { locked: !input };
      if (!input) c.fill = LOCKED_FILL;
      c.alignment = {
        vertical: 'middle',
        wrapText:
          key === 'name' || key === 'requirement' || key === 'explanation' || key === 'evidence' || key === 'group',
        horizontal: key === 'last' && !ind.hasLast ? 'center' : undefined,
      };
      if ((key === 'current' || key === 'last') && input) {
        const hint = key === 'current' ? prompt(ind) : {};
        if (ind.type === 'yesno') c.dataValidation = { ...listValidation(YES_NO), ...hint };
        else if (hint.prompt)
          c.dataValidation = {
            type: 'any',
            formulae: [],
            allowBlank: true,
            ...hint,
          } as unknown as ExcelJS.DataValidation;
        if (ind.type === 'money') c.numFmt = '0.00';
        else if (ind.type === 'count') c.numFmt = '0';
        else if (ind.type === 'text') c.numFmt = '@';
      }
    }
    fitHeight(row, [
      [ind.name, WIDTHS.name],
      [ind.requirement, WIDTHS.requirement],
      [ind.group, WIDTHS.group],
    ]);
  });
}

/** A 清单 column wide enough for its header, its options, or a typical value of its type. */
function listWidth(f: ListDef['fields'][number]): number {
  const typical = { text: 24, date: 13, enum: 10, yesno: 8 } as Record<string, number>;
  const options = Math.max(0, ...f.options.map(textWidth));
  return Math.min(40, Math.max(8, textWidth(f.header) + 2, options + 3, typical[f.type] ?? 10));
}

/** ExcelJS's worksheet validations by address (its typings leave the collection out). */
interface Validations {
  add(address: string, validation: ExcelJS.DataValidation): void;
  find(address: string): ExcelJS.DataValidation | undefined;
}

interface ColumnRange {
  top: number;
  bottom: number;
  validation: ExcelJS.DataValidation;
}

/** The column ranges given to validateColumn, by worksheet, by column letter. */
const columnRanges = new WeakMap<Validations, Map<string, ColumnRange>>();

/**
 * One validation over rows `top`..`bottom` of a column. Given cell by cell, ExcelJS 4.4 writes a
 * column of 10 rows or more as two overlapping ranges (it sorts C10 before C3 and joins from each:
 * exceljs#2820), so a cell would carry two validations. ExcelJS looks a cell's validation up by
 * its address alone: `find` is taught the ranges, so `cell.dataValidation` still answers in memory.
 */
function validateColumn(
  ws: ExcelJS.Worksheet,
  col: number,
  top: number,
  bottom: number,
  validation: ExcelJS.DataValidation,
): void {
  const dv = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const letter = ws.getColumn(col).letter;
  dv.add(`${letter}${top}:${letter}${bottom}`, validation);
  let ranges = columnRanges.get(dv);
  if (!ranges) {
    const byColumn = new Map<string, ColumnRange>();
    const byAddress = dv.find.bind(dv);
    dv.find = (address) => {
      const own = byAddress(address);
      if (own) return own;
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
      const range = m?.[1] ? byColumn.get(m[1]) : undefined;
      const row = Number(m?.[2]);
      return range && row >= range.top && row <= range.bottom ? range.validation : undefined;
    };
    columnRanges.set(dv, byColumn);
    ranges = byColumn;
  }
  ranges.set(letter, { top, bottom, validation });
}

function listSheet(wb: ExcelJS.Workbook, def: SheetDef, list: ListDef): void {
  const ws = wb.addWorksheet(def.name);
  title(ws, def.title, list.fields.length);
  header(
    ws,
    list.fields.map((c) => c.header),
  );
  list.fields.forEach((f, i) => {
    const width = listWidth(f);
    ws.getColumn(i + 1).width = width;
    const options = f.type === 'yesno' ? YES_NO : f.type === 'enum' ? f.options : undefined;
    if (options) validateColumn(ws, i + 1, 3, LIST_ROWS, listValidation(options));
    for (let r = 3; r <= LIST_ROWS; r++) {
      const cell = ws.getCell(r, i + 1);
      cell.protection = { locked: false };
      if (f.type === 'date') cell.numFmt = 'yyyy-mm-dd';
      if (f.type === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });
  fitHeight(
    ws.getRow(2),
    list.fields.map((f, i) => [f.header, ws.getColumn(i + 1).width ?? 10]),
  );
}

/** The ruleset the template carries: its JSON form in column A of a very hidden sheet. */
function carriedSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(RULESET_SHEET, { state: 'veryHidden' });
  carriedPieces(ruleset.doc).forEach((piece, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = piece;
    c.numFmt = '@';
  });
}

export function buildTemplate(ruleset: Ruleset = bundledRuleset()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履职评价填报校验';
  wb.title = `${ruleset.meta.name}填报表`;
  for (const def of ruleset.sheets) {
    switch (def.kind) {
      case 'instructions':
        instructionsSheet(wb, def, ruleset);
        break;
      case 'info':
        infoSheet(wb, def, ruleset);
        break;
      case 'indicators':
        indicatorSheet(wb, def, ruleset);
        break;
      case 'list': {
        const list = ruleset.list(def.name);
        if (list) listSheet(wb, def, list);
        break;
      }
    }
  }
  carriedSheet(wb, ruleset);
  return wb;
}

/** Locks the template's label cells; called when a blank template is written for districts. */
export async function protectTemplate(wb: ExcelJS.Workbook, ruleset: Ruleset = bundledRuleset()): Promise<void> {
  const instructions = ruleset.sheets.find((s) => s.kind === 'instructions')?.name;
  for (const ws of wb.worksheets) {
    if (ws.name !== instructions && ws.name !== RULESET_SHEET) await ws.protect('', PROTECTION);
  }
}
