/**
 * A filled-in standard workbook as plain rows (no .xlsx library), for the fake Excel: built from
 * the catalogue, with plausible figures. `problems` adds a few findings of every level.
 */
import { INDICATORS, INDICATOR_COLUMNS, RECTIFICATION_COLUMNS, SCHOOL_COLUMNS, SHEETS } from '../fixtures/ruleset2025';
import type { IndicatorType } from '../../src/core/types';
import type { CellInput } from './fakeExcel';

export type Rows = CellInput[][];

const HEADERS = Object.values(INDICATOR_COLUMNS).map((c) => c.header);

/** Figures that keep the consistency rules quiet; the rest come from `figure`. */
const FIGURES: Record<string, [last: CellInput, current: CellInput]> = {
  XQ02: [300, 320],
  XQ03: [150, 160],
  XQ04: [120, 130],
  XQ05: [90, 90.625],
  XQ06: [50, 50],
  YW04: [3, 0],
  YW05: ['', 0],
  YW06: ['', 0],
  GZ04: ['', 0],
  AQ09: ['', 0],
  XS02: [30, 28.5],
  YW07: ['', 100],
  AQ01: ['', 100],
  AQ02: ['', 100],
  AQ03: ['', 100],
  AQ04: ['', 96],
  GG04: ['', 100],
  YW09: ['', 100],
  JS12: ['', 2],
};

const EXPLAINED: Record<string, string> = {
  JS12: '本年度新招教师较多，交流轮岗安排在下学年完成。',
  AQ04: '两所新建学校护学岗于下学期设置。',
};

function figure(type: IndicatorType, last: boolean, name: string): CellInput {
  switch (type) {
    case 'money':
      return last ? 10000 : 11500;
    case 'yuan':
      return last ? 12000 : 13000;
    case 'count':
      return last ? 120 : 120;
    case 'pct':
      return 98;
    case 'pct200':
      return 99;
    case 'yesno':
      return /存在|危房/.test(name) ? '否' : '是';
    default:
      return '已落实';
  }
}

export interface TemplateOptions {
  /** add an error (text in a number cell), a formula error and unexplained figures */
  problems?: boolean;
  /** extra rows of notes appended to 填报说明, to make a big workbook */
  extraRows?: number;
  /** explain the unmet requirements in 情况说明, so that the workbook is ready to return */
  explained?: boolean;
}

export function templateSheets(opts: TemplateOptions = {}): [string, Rows][] {
  const out: [string, Rows][] = [];
  for (const def of SHEETS) {
    const rows: Rows = [[def.title]];
    if (def.kind === 'instructions') {
      rows.push(['请按说明填写各表。']);
      for (let i = 0; i < (opts.extraRows ?? 0); i++) rows.push([`说明第 ${i + 1} 行`, i, i * 2, '备注']);
    } else if (def.kind === 'info') {
      rows.push(
        ['地区名称', '文登区'],
        ['行政区划代码', '371003'],
        ['所属地市', '威海市'],
        ['评价年度', 2024],
        ['填报单位', '文登区教育和体育局'],
        ['填报人', '王明'],
        ['联系电话', '0631-8451234'],
        ['填报日期', { v: 45726, fmt: 'yyyy-mm-dd' }],
        ['模板版本', "'2025.1"],
      );
    } else if (def.kind === 'indicators') {
      rows.push([...HEADERS]);
      for (const ind of INDICATORS.filter((d) => d.sheet === def.name)) {
        rows.push([
          ind.id,
          ind.group,
          ind.name,
          ind.unit,
          ind.hasLast ? (FIGURES[ind.id]?.[0] ?? figure(ind.type, true, ind.name)) : '—',
          FIGURES[ind.id]?.[1] ?? figure(ind.type, false, ind.name),
          '',
          '见附件',
          opts.explained && EXPLAINED[ind.id] ? EXPLAINED[ind.id]! : '',
        ]);
      }
    } else if (def.name === '学校明细') {
      rows.push(SCHOOL_COLUMNS.map((c) => c.header));
      rows.push([1, '文登区实验小学', '小学', '公办', 1200, 30, 0, 0, '是', 2]);
      rows.push([2, '文登区第二中学', '初中', '公办', 900, 20, 0, 0, '是', 2]);
    } else {
      rows.push(RECTIFICATION_COLUMNS.map((c) => c.header));
      rows.push([1, '市级评价', '大班额问题', '新建学校两所', '已完成', '', '文登教发〔2024〕3号']);
    }
    out.push([def.name, rows]);
  }
  if (opts.problems) {
    const jf = out.find(([n]) => n === '经费投入')![1];
    jf[2]![5] = '约1200'; // JF01 本年值: words in a number cell → error
    jf[4]![5] = { err: '#DIV/0!', f: '=A1/0' }; // JF03 本年值: a formula error
    const js = out.find(([n]) => n === '教师队伍')![1];
    js[2]![5] = "'=SUM(1,2)"; // text that looks like a formula, typed with an apostrophe
  }
  return out;
}

/** The sheets protectTemplate (src/hosts/file/template.ts) protects: all but 填报说明. */
export const TEMPLATE_PROTECTED_SHEETS: readonly string[] = SHEETS.map((d) => d.name).filter((n) => n !== '填报说明');

/** Rows of the list sheets whose cells the template leaves unlocked (LIST_ROWS in template.ts). */
const LIST_ROWS = 500;

const column = (n: number) => String.fromCharCode(64 + n);

/**
 * The template's unlocked cells, as template.ts leaves them: on 基本信息 the values but the version,
 * on indicator sheets 上年值 (where there is one), 本年值, 佐证材料 and 情况说明, on the list sheets
 * every column down to row 500. Every other cell is locked.
 */
export function templateUnlocked(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const c = INDICATOR_COLUMNS;
  for (const def of SHEETS) {
    if (def.kind === 'info') out[def.name] = ['B2:B9'];
    else if (def.kind === 'indicators') {
      out[def.name] = INDICATORS.filter((d) => d.sheet === def.name).flatMap((ind, i) => {
        const r = i + 3;
        const cols = [c.current.col, c.evidence.col, c.explanation.col, ...(ind.hasLast ? [c.last.col] : [])];
        return cols.map((col) => `${column(col)}${r}`);
      });
    } else if (def.name === '学校明细') out[def.name] = [`A3:${column(SCHOOL_COLUMNS.length)}${LIST_ROWS}`];
    else if (def.name === '问题整改') out[def.name] = [`A3:${column(RECTIFICATION_COLUMNS.length)}${LIST_ROWS}`];
  }
  return out;
}
