/** 学校明细: per-row checks and the totals that 义务教育 YW04–YW06 must agree with. */
import { SCHOOL_COLUMNS, SHEET_NAMES } from '../catalogue';
import { MSG } from '../messages';
import type { Context } from './context';
import { readList, type ListRow } from './lists';

/** Sums over the school rows; a total is undefined when a row it needs is unreadable. */
export interface SchoolTotals {
  large: number | undefined;
  huge: number | undefined;
  oversize: number | undefined;
}

function total(rows: ListRow[], key: string): number | undefined {
  let t = 0;
  for (const r of rows) {
    const v = r.values[key];
    if (typeof v !== 'number') return undefined;
    t += v;
  }
  return t;
}

export function checkSchools(ctx: Context): SchoolTotals | null {
  const list = readList(ctx, SHEET_NAMES.schools, SCHOOL_COLUMNS, 'name', 'SCH', null);
  if (!list) return null;
  const { sheet, cols, rows } = list;
  if (rows.length === 0) {
    ctx.add('notice', 'SCH.empty', null, sheet.name, list.headerRow + 1, cols.name!, MSG.noSchools);
    return null;
  }
  const names = new Map<string, number>();
  let oversize: number | undefined = 0;
  const primaryMax = ctx.params['YW06.primaryMax'];
  const throughMax = ctx.params['YW06.throughMax'];
  for (const { row, values: v } of rows) {
    const at = (level: 'error' | 'notice', rule: string, col: number, message: string) =>
      ctx.add(level, rule, null, sheet.name, row, col, message);
    const name = typeof v.name === 'string' ? v.name : '';
    if (name) {
      const key = name.replace(/\s/g, '');
      const first = names.get(key);
      if (first !== undefined) at('error', 'SCH.duplicate', cols.name!, MSG.duplicateSchool(name, first));
      else names.set(key, row);
    }
    const students = typeof v.students === 'number' ? v.students : undefined;
    const classes = typeof v.classes === 'number' ? v.classes : undefined;
    const large = typeof v.large === 'number' ? v.large : undefined;
    const huge = typeof v.huge === 'number' ? v.huge : undefined;
    if (classes !== undefined && large !== undefined && huge !== undefined && large + huge > classes) {
      at('error', 'SCH.classSum', cols.large!, MSG.classSum(row, large, huge, classes));
    }
    if (students !== undefined && students > 0 && classes === 0) {
      at('error', 'SCH.noClasses', cols.classes!, MSG.noClasses(row, students));
    }
    const type = typeof v.type === 'string' ? v.type : undefined;
    if (students === undefined || type === undefined) {
      oversize = undefined;
    } else {
      const max = type === '九年一贯制' ? throughMax : primaryMax;
      if (students > max) {
        if (oversize !== undefined) oversize++;
        at(
          'notice',
          'SCH.oversize',
          cols.students!,
          MSG.oversizeSchool(name || `第 ${row} 行学校`, type, students, max),
        );
      }
    }
    const label = name || `第 ${row} 行学校`;
    if (students !== undefined && students >= 600) {
      if (v.clinic === false) at('notice', 'SCH.noClinic', cols.clinic!, MSG.noClinic(label, students));
      const need = Math.ceil(students / 600);
      if (typeof v.healthStaff === 'number' && v.healthStaff < need) {
        at('notice', 'SCH.healthStaff', cols.healthStaff!, MSG.fewHealthStaff(label, students, v.healthStaff, need));
      }
    }
  }
  return { large: total(rows, 'large'), huge: total(rows, 'huge'), oversize };
}
