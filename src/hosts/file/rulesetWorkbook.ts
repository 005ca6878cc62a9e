/**
 * The authoring workbook of a ruleset (spec/RULESET.md), read into and written from its JSON form
 * (src/core/ruleset/doc.ts). Reading only finds sheets, columns and cells and converts cell values;
 * whether the values make sense (required fields, ids, expressions) is left to compile.
 *
 * Round trip: reading back a built workbook gives the same document (without `_source`), given that
 * - empty optional strings are not written, so they come back absent;
 * - strings come back trimmed;
 * - a 参数 value that is a numeric string comes back as a number.
 */
import ExcelJS from 'exceljs';
import {
  META_LABELS,
  META_SHEET,
  TABLES,
  type MetaDoc,
  type RulesetDoc,
  type RulesetProblem,
  type Source,
} from '../../core/ruleset/doc';
import { BORDER, FONT, HEADER_FILL, PAGE_SETUP, listValidation } from './style';

/** A table layout without its row type, so that the seven tables can be handled alike. */
interface Layout {
  sheet: string;
  key: string;
  columns: readonly { field: string; header: string; width: number; kind?: 'bool' | 'number' }[];
}

type TableProp = (typeof TABLES)[number]['prop'];
type Row = Record<string, unknown>;

/** Dropdowns are set down to this row (further when a table has more rows). */
const VALIDATION_ROWS = 1000;
const YES = '是';
const NO = '否';

/** The allowed words of a column, by sheet and field (bool columns get 是/否 anyway). */
const CHOICES: Record<string, Record<string, readonly string[]>> = {
  工作表: { kind: ['说明', '基本信息', '指标', '清单'] },
  规则: { scope: ['每行', '整表'], level: ['错误', '未达标', '提示'] },
  全市比较: { mode: ['低于全市', '全市最高', '全市最低', '全市成效'] },
};

// ---------------------------------------------------------------- reading

type Plain = string | number | boolean | Date;

/** The value a cell shows: rich text and hyperlinks as their text, a formula as its result. */
function plain(v: ExcelJS.CellValue): Plain | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return plain(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) return plain(v.result as ExcelJS.CellValue);
  return undefined;
}

/** 0.1 + 0.2 → 0.3: a number as Excel shows it, without binary noise. */
function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

function toText(p: Plain | undefined): string | undefined {
  if (p === undefined) return undefined;
  if (typeof p === 'number') return String(clean(p));
  if (typeof p === 'boolean') return p ? YES : NO;
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? undefined : p.toISOString().slice(0, 10);
  const s = p.trim();
  return s === '' ? undefined : s;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Full-width digits, point and signs as their ASCII twins. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function toNumberOrText(p: Plain | undefined): number | string | undefined {
  if (typeof p === 'number') return clean(p);
  const s = toText(p);
  if (s === undefined) return undefined;
  const ascii = halfWidth(s);
  return NUMBER.test(ascii) ? Number(ascii) : s;
}

/** A header or label as compared: without any whitespace (full-width spaces included). */
function norm(s: string): string {
  return s.replace(/\s/g, '');
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.trim() === name);
}

function readMeta(ws: ExcelJS.Worksheet): { meta: Partial<MetaDoc>; source: Record<string, string> } {
  const meta: Partial<MetaDoc> = {};
  const source: Record<string, string> = {};
  ws.eachRow((row, r) => {
    const label = norm(toText(plain(row.getCell(1).value)) ?? '').replace(/[：:]+$/, '');
    const def = META_LABELS.find((m) => m.label === label);
    if (!def || label in source) return;
    source[label] = `B${r}`;
    const value = toText(plain(row.getCell(2).value));
    if (value !== undefined) meta[def.field] = value;
  });
  return { meta, source };
}

function readTable(ws: ExcelJS.Worksheet, layout: Layout, problems: RulesetProblem[]): Row[] {
  const found = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = norm(toText(plain(cell.value)) ?? '');
    if (header && !found.has(header)) found.set(header, col);
  });
  const columns = layout.columns.flatMap((c) => {
    const col = found.get(c.header);
    return col === undefined ? [] : [{ ...c, col, letter: ws.getColumn(col).letter }];
  });
  const key = columns.find((c) => c.field === layout.key);
  if (!key) {
    const header = layout.columns.find((c) => c.field === layout.key)?.header ?? layout.key;
    problems.push({
      level: 'error',
      sheet: ws.name,
      cell: 'A1',
      message: `工作表“${layout.sheet}”第 1 行找不到表头“${header}”`,
    });
    return [];
  }
  const cols = Object.fromEntries(columns.map((c) => [c.field, c.letter]));
  const rows: Row[] = [];
  ws.eachRow((row, r) => {
    if (r === 1 || toText(plain(row.getCell(key.col).value)) === undefined) return;
    const out: Row = {};
    for (const c of columns) {
      const p = plain(row.getCell(c.col).value);
      if (c.kind === 'number') {
        out[c.field] = toNumberOrText(p);
      } else if (c.kind === 'bool') {
        const s = toText(p);
        if (s === YES || s === NO) out[c.field] = s === YES;
        else if (s !== undefined) {
          problems.push({
            level: 'error',
            sheet: ws.name,
            cell: `${c.letter}${r}`,
            message: `“${c.header}”应填写“是”或“否”，不能填写“${s}”`,
          });
        }
      } else {
        out[c.field] = toText(p);
      }
      if (out[c.field] === undefined) delete out[c.field];
    }
    out._source = { row: r, cols: { ...cols } } satisfies Source;
    rows.push(out);
  });
  return rows;
}

function missingSheet(name: string): RulesetProblem {
  return { level: 'error', sheet: name, cell: 'A1', message: `缺少工作表“${name}”` };
}

function readWorkbook(wb: ExcelJS.Workbook, problems: RulesetProblem[]): RulesetDoc {
  const metaSheet = findSheet(wb, META_SHEET);
  if (!metaSheet) problems.push(missingSheet(META_SHEET));
  const { meta, source } = metaSheet ? readMeta(metaSheet) : { meta: {}, source: undefined };
  const tables = {} as Record<TableProp, Row[]>;
  for (const t of TABLES) {
    const layout: Layout = t.layout;
    const ws = findSheet(wb, layout.sheet);
    if (!ws && t.required) problems.push(missingSheet(layout.sheet));
    // the drafts' wording is the one table a ruleset may leave out entirely
    if (!ws && t.prop === 'wording') continue;
    tables[t.prop] = ws ? readTable(ws, layout, problems) : [];
  }
  // Required fields may be missing here: compile reports them, with the positions recorded.
  const doc = { ruleset: meta as MetaDoc, ...(tables as unknown as Pick<RulesetDoc, TableProp>) };
  return source ? { ...doc, _metaSource: source } : doc;
}

/** Reads an authoring workbook. Never throws: every problem is returned, each at its cell. */
export async function readRulesetWorkbook(
  data: ArrayBuffer | Uint8Array,
): Promise<{ doc: RulesetDoc | null; problems: RulesetProblem[] }> {
  const invalid = {
    doc: null,
    problems: [{ level: 'error', sheet: '', cell: '', message: '规则集文件不是有效的 .xlsx 工作簿' } as const],
  };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return invalid;
  }
  if (wb.worksheets.length === 0) return invalid;
  const problems: RulesetProblem[] = [];
  try {
    return { doc: readWorkbook(wb, problems), problems };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      doc: null,
      problems: [...problems, { level: 'error', sheet: '', cell: '', message: `无法读取规则集：${detail}` }],
    };
  }
}

// ---------------------------------------------------------------- writing

const META_HINTS: Record<keyof MetaDoc, string> = {
  version: '填报模板“模板版本”单元格中的版本号，如 2025.1、威海2026.1；校验时按此版本选用规则集。',
  name: '指标体系的名称，如 县级人民政府履行教育职责评价指标（2025年版）。',
  issuer: '反馈意见的落款单位，如 ××市人民政府教育督导委员会办公室。',
  collective: '各地的统称，用于全市反馈意见；不填时为“各县（市、区）”。',
  basis: '评价所依据的文件及文号，用于反馈意见。',
};

const SHEET_PURPOSES: readonly [string, string][] = [
  ['规则集', '规则集的版本、名称、发布单位等（A 列项目，B 列内容）。'],
  [
    '工作表',
    '填报模板的工作表：名称、类型（说明、基本信息、指标、清单）、标题、填报单位、反馈领域；行序即工作表顺序。',
  ],
  [
    '反馈领域',
    '反馈意见“存在的主要问题”分段的领域，及各领域的问题表述、整改意见和（全市报告“主要成效”的）成效表述；行序即段落顺序。',
  ],
  ['指标', '各指标的编号、所在工作表、名称、单位、类型、是否填报上年值、达标要求和指标解释；行序即模板中的行序。'],
  ['清单字段', '清单类工作表（如学校明细、问题整改）的各列：表头、类型、是否必填、可选值、是否唯一。'],
  ['参数', '规则和表述中使用的数值（如增长要求、比例要求），调整标准时只需修改参数值。'],
  ['规则', '校验规则：条件不成立时报告问题，并给出达标要求、问题说明和反馈意见的表述。'],
  [
    '全市比较',
    '（可选）同一批次各地之间的比较，用于起草全市反馈意见；方式为“全市成效”的行写全市整体情况（全市合计、比上年变化），条件成立时写入“主要成效”。',
  ],
  [
    '反馈文书',
    '（可选）反馈意见初稿中的固定文字：标题、主送、开头、总体情况、有关要求、落款等，按“项目”替换；没有此表或未列出的项目用默认文字。可用 {地区}、{年度}、{下一年度}、{地区统称}、{发布单位}、{评价依据}、{城市}、{工作日} 等占位。',
  ],
];

const EXPRESSIONS: readonly [string, string][] = [
  ['12、0.5、"是"', '数字；文本加英文双引号'],
  ['JF01', '该指标的本年值'],
  ['上年(JF01)', '该指标的上年值（仅限填报上年值的指标）'],
  ['增长率(JF02)', '（本年值－上年值）÷上年值×100'],
  ['JF02.minGrowth、经费增长要求', '参数（见“参数”工作表）'],
  ['[班级数]', '清单规则中本行该表头下的值'],
  ['+ - * /  ( )', '四则运算；文本不能参与运算'],
  ['= <> < <= > >=', '比较；数值相对误差在 1e-9 以内视为相等'],
  ['AND(…)、OR(…)、NOT(x)、IF(条件, 值1, 值2)', '逻辑运算'],
  ['ABS、MIN、MAX、ROUND(x, n)、SUM(…)', '与 Excel 相同'],
  ['ISBLANK(x)', '值是否为空'],
  ['COUNTROWS(清单[, 条件])', '清单的数据行数（满足条件的行数）'],
  ['SUMROWS(清单, 表达式[, 条件])', '清单各行（满足条件的行）表达式之和'],
  ['JOINROWS(清单, 表达式[, 条件])', '清单各行（满足条件的行）表达式的值，用“、”连接，用于文字中列出具体学校、问题等'],
  ['文字1 & 文字2', '连接文字（如 "计划" & [计划完成时间] & "完成"）'],
  ['全市合计(ID)', '仅用于“全市比较”：本批次各地该指标之和'],
  ['TEXT(x, "0.0")', '按格式把数字写成文本（0、0.0、0.00、#,##0）'],
];

const PLACEHOLDERS: readonly [string, string][] = [
  ['{本年值}、{上年值}', '该指标的本年值、上年值，按填报时的写法显示'],
  ['{指标名称}、{简称}、{单位}', '该指标的名称、简称、单位'],
  ['{地区}', '被评价地区；全市表述中为地区名单，全部地区均涉及时为“地区统称”'],
  ['{均}', '全部地区均涉及时为“均”，否则为空'],
  ['{全市值}', '全市比较中的全市数值'],
  ['{表达式}', '如 {增长率(JF02)}、{JF02.minGrowth}；计算所得的数保留一位小数，或用 TEXT 指定格式'],
];

const NOTES: readonly string[] = [
  '工作表按名称识别，列按第 1 行的表头识别：列的顺序可以调整，可以增加备注列（不读取），但不要修改表头文字。',
  `数据从第 2 行开始；各表中${TABLES.map((t) => `“${t.layout.columns.find((c) => c.field === t.layout.key)?.header}”`).join('')}列为空的行不读取。`,
  '“类型”可写英文（money、pct 等）或中文（万元、百分比等）；“上年值”“唯一”填写“是”或“否”。',
  '条件不要以“=”开头；全角括号、逗号、比较符号和全角数字均可识别。',
  '规则引用的值为空或有错误、除数为零时，该规则不作判断。级别为“未达标”的问题写入反馈意见。',
  '检查规则集：duty-review ruleset check 文件.xlsx（列出全部问题及其单元格，并运行满足/不满足示例）。',
  '生成带此规则集的填报模板：duty-review template --ruleset 文件.xlsx。有错误的规则集不会被使用。',
];

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let i = 1; i <= count; i++) {
    const c = row.getCell(i);
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  row.height = 22;
}

function styleBody(cell: ExcelJS.Cell): void {
  cell.font = { name: FONT };
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: true };
}

function setUp(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup = { ...ws.pageSetup, ...PAGE_SETUP, printTitlesRow: '1:1' };
}

function instructionsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('填写说明');
  setUp(ws, [40, 90]);
  ws.pageSetup.printTitlesRow = undefined;
  const title = ws.addRow(['规则集（指标体系）填写说明']);
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  const section = (headers: [string, string], rows: readonly (readonly [string, string])[]): void => {
    ws.addRow([]);
    styleHeader(ws.addRow(headers), 2);
    for (const r of rows) ws.addRow([...r]).eachCell(styleBody);
  };
  section(['工作表', '用途'], SHEET_PURPOSES);
  ws.addRow([]);
  for (const n of NOTES) ws.addRow([n]).getCell(1).font = { name: FONT };
  section(['条件和表达式的写法', '含义'], EXPRESSIONS);
  section(['表述中的占位', '含义'], PLACEHOLDERS);
}

function metaSheet(wb: ExcelJS.Workbook, meta: MetaDoc): void {
  const ws = wb.addWorksheet(META_SHEET);
  setUp(ws, [16, 50, 70]);
  styleHeader(ws.addRow(['项目', '内容', '说明']), 3);
  for (const m of META_LABELS) {
    const value = meta[m.field];
    const row = ws.addRow([m.label, value === '' || value === undefined ? null : value, '']);
    row.getCell(3).value = `${m.required ? '必填' : '选填'}。${META_HINTS[m.field]}`;
    row.eachCell({ includeEmpty: true }, styleBody);
    row.getCell(1).font = { name: FONT, bold: m.required };
    row.getCell(2).numFmt = '@';
    row.getCell(3).font = { name: FONT, color: { argb: 'FF808080' } };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** Never a formula object: text that begins with `=` is written as text. */
function cellValue(v: unknown): ExcelJS.CellValue {
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v !== '') return v;
  return null;
}

function tableSheet(wb: ExcelJS.Workbook, layout: Layout, rows: readonly object[]): void {
  const ws = wb.addWorksheet(layout.sheet);
  setUp(
    ws,
    layout.columns.map((c) => c.width),
  );
  styleHeader(ws.addRow(layout.columns.map((c) => c.header)), layout.columns.length);
  for (const r of rows) {
    const row = ws.addRow(layout.columns.map((c) => cellValue((r as Row)[c.field])));
    for (let i = 1; i <= layout.columns.length; i++) styleBody(row.getCell(i));
  }
  const last = Math.max(VALIDATION_ROWS, rows.length + 1);
  layout.columns.forEach((c, i) => {
    // text columns keep what is typed as text (2026.10 stays 2026.10, a leading = is no formula)
    if (c.kind !== 'number') ws.getColumn(i + 1).numFmt = '@';
    const options = c.kind === 'bool' ? [YES, NO] : CHOICES[layout.sheet]?.[c.field];
    if (options) for (let r = 2; r <= last; r++) ws.getCell(r, i + 1).dataValidation = listValidation(options);
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };
}

/** Writes a ruleset as an authoring workbook: 填写说明, 规则集, then the tables in order. */
export function buildRulesetWorkbook(doc: RulesetDoc): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履职评价填报校验';
  wb.title = doc.ruleset.name;
  instructionsSheet(wb);
  metaSheet(wb, doc.ruleset);
  for (const t of TABLES) {
    const rows = doc[t.prop];
    if (rows === undefined || (t.prop === 'wording' && rows.length === 0)) continue;
    tableSheet(wb, t.layout, rows);
  }
  return wb;
}
