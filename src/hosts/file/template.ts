/**
 * The blank standard workbook of template 2025.1, written from the catalogue and the ruleset's
 * parameters (so its 达标要求 texts always match the rules that judge it).
 */
import ExcelJS from 'exceljs';
import {
  INDICATOR_COLUMNS,
  INFO_FIELDS,
  RECTIFICATION_COLUMNS,
  SCHOOL_COLUMNS,
  SHEETS,
  TEMPLATE_VERSION,
  indicatorName,
  indicatorsOf,
  type ListColumn,
  type SheetDef,
} from '../../core/catalogue';
import { DEFAULT_RULESET, type Ruleset } from '../../core/params';
import { indicatorRequirement } from '../../core/requirements';
import { LEVEL_COLOURS } from '../../core/summary';

export const NO_LAST_VALUE = '—';
/** List sheets get dropdowns and unlocked cells down to this row. */
export const LIST_ROWS = 500;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '等线';

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

/** Printed on A4 landscape, one page wide. */
export const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

function title(ws: ExcelJS.Worksheet, text: string, lastCol: number): void {
  ws.pageSetup = { ...ws.pageSetup, ...PAGE_SETUP, printTitlesRow: '1:2' };
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

function listValidation(options: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${options.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请从下拉列表中选择',
    error: `只能填写：${options.join('、')}`,
  };
}

const YES_NO = ['是', '否'];

function instructionsSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet('填报说明');
  ws.getColumn(1).width = 110;
  const lines = [
    '县级人民政府履行教育职责评价指标填报表 · 填报说明',
    `模板版本 ${TEMPLATE_VERSION}；规则集版本 ${ruleset.version}。请勿修改工作表名称、表头和指标编号。`,
    '1. 各表灰色单元格为模板内容，已锁定；白色单元格为填报内容。可在指标之间插入行填写备注，不影响校验。',
    '2. 数值单元格只填写数字，不要带单位或文字（如“约1200”“1200万元”）；百分比可填 85.3 或 85.3%。',
    '3. 没有上年值的指标，“上年值”一栏显示“—”，无需填写。',
    '4. “是否”类指标请从下拉列表中选择“是”或“否”；达到要求时请在“佐证材料”中填写文件名称或文号。',
    '5. 未达到“达标要求”的指标，请在“情况说明”中说明原因和整改打算。',
    '6. “学校明细”每行填写一所义务教育学校；“问题整改”每行填写上年度反馈的一个问题。',
    '7. 校验结果分三级：错误（红色，数据有误，报送前必须改正）、未达标（黄色，政策要求未达到，须在情况说明中说明）、提示（蓝色，可能有误，请核实）。',
    '8. 没有错误、且每个未达标项都已填写情况说明时，即可报送。',
  ];
  lines.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.font = { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 };
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  const legend = ws.getRow(lines.length + 2);
  (['error', 'warning', 'notice'] as const).forEach((level, i) => {
    const c = legend.getCell(1 + i);
    c.value = { error: '错误', warning: '未达标', notice: '提示' }[level];
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${LEVEL_COLOURS[level]}` } };
  });
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 10;
}

function infoSheet(wb: ExcelJS.Workbook, def: SheetDef, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(def.name);
  title(ws, def.title, 3);
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
    if (f.type === 'version') value.value = ruleset.templateVersion;
    if (f.type === 'code' || f.type === 'phone') value.numFmt = '@';
    if (f.type === 'date') value.numFmt = 'yyyy-mm-dd';
    const hint = ws.getCell(r, 3);
    hint.value = hints[f.type] ?? '';
    hint.font = { name: FONT, color: { argb: 'FF808080' } };
  });
}

const WIDTHS: Record<keyof typeof INDICATOR_COLUMNS, number> = {
  id: 10,
  group: 12,
  name: 46,
  unit: 8,
  last: 14,
  current: 14,
  requirement: 38,
  evidence: 26,
  explanation: 34,
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
  indicatorsOf(def.name).forEach((ind, i) => {
    const row = ws.getRow(i + 3);
    const values: Record<keyof typeof INDICATOR_COLUMNS, ExcelJS.CellValue> = {
      id: ind.id,
      group: ind.group,
      name: indicatorName(ind, ruleset.params),
      unit: ind.unit,
      last: ind.hasLast ? null : NO_LAST_VALUE,
      current: null,
      requirement: indicatorRequirement(ind.id, ruleset.params),
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
        wrapText: key === 'name' || key === 'requirement' || key === 'explanation' || key === 'evidence',
        horizontal: key === 'last' && !ind.hasLast ? 'center' : undefined,
      };
      if ((key === 'current' || key === 'last') && input) {
        if (ind.type === 'yesno') c.dataValidation = listValidation(YES_NO);
        else if (ind.type === 'money') c.numFmt = '0.00';
        else if (ind.type === 'count') c.numFmt = '0';
      }
    }
  });
}

function listSheet(wb: ExcelJS.Workbook, def: SheetDef, columns: readonly ListColumn[]): void {
  const ws = wb.addWorksheet(def.name);
  title(ws, def.title, columns.length);
  header(
    ws,
    columns.map((c) => c.header),
  );
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const options = c.type === 'yesno' ? YES_NO : c.options;
    for (let r = 3; r <= LIST_ROWS; r++) {
      const cell = ws.getCell(r, i + 1);
      cell.protection = { locked: false };
      if (options) cell.dataValidation = listValidation(options);
      if (c.type === 'date') cell.numFmt = 'yyyy-mm-dd';
    }
  });
}

export function buildTemplate(ruleset: Ruleset = DEFAULT_RULESET): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履职评价填报校验';
  wb.title = '县级人民政府履行教育职责评价指标填报表';
  for (const def of SHEETS) {
    switch (def.kind) {
      case 'instructions':
        instructionsSheet(wb, ruleset);
        break;
      case 'info':
        infoSheet(wb, def, ruleset);
        break;
      case 'indicators':
        indicatorSheet(wb, def, ruleset);
        break;
      case 'schools':
        listSheet(wb, def, SCHOOL_COLUMNS);
        break;
      case 'rectification':
        listSheet(wb, def, RECTIFICATION_COLUMNS);
        break;
    }
  }
  return wb;
}

/** Locks the template's label cells; called when a blank template is written for districts. */
export async function protectTemplate(wb: ExcelJS.Workbook): Promise<void> {
  for (const ws of wb.worksheets) {
    if (ws.name !== '填报说明') await ws.protect('', PROTECTION);
  }
}
