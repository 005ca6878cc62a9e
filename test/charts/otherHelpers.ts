/**
 * Districts of the second test ruleset for the chart tests: written as its own template with
 * ExcelJS and read back as a returned workbook would be.
 */
import type ExcelJS from 'exceljs';
import { checkRuleset } from '../../src/core/ruleset';
import type { Ruleset } from '../../src/core/ruleset/model';
import type { Report } from '../../src/core/types';
import { checkWorkbook } from '../../src/core/validate';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { buildTemplate } from '../../src/hosts/file/template';
import { otherRulesetDoc } from '../fixtures/otherRuleset';

export function otherRuleset(): Ruleset {
  const { ruleset, problems } = checkRuleset(otherRulesetDoc());
  if (!ruleset) throw new Error(problems.map((p) => p.message).join('\n'));
  return ruleset;
}

const GOOD: Record<string, [ExcelJS.CellValue, ExcelJS.CellValue]> = {
  TR01: [1000, 1100],
  TR02: [800, 900],
  TR03: [null, '是'],
  TR04: [null, '海财教〔2026〕1号'],
  DW01: [null, 500],
  DW02: [null, 3],
  DW03: [20, 25],
  DW04: [null, 101],
};

/** A district of the second ruleset, checked from the .xlsx of its own template. */
export function otherDistrict(
  rs: Ruleset,
  name: string,
  code: string,
  values: Record<string, [ExcelJS.CellValue, ExcelJS.CellValue]> = {},
): Report {
  const wb = buildTemplate(rs);
  const info = wb.getWorksheet('封面')!;
  [name, code, '海州市', 2026, '教育局', '张三', '0631-5212345', new Date(Date.UTC(2026, 9, 1))].forEach(
    (v, i) => (info.getCell(i + 2, 2).value = v),
  );
  for (const ind of rs.indicators) {
    const ws = wb.getWorksheet(ind.sheet)!;
    const r = rs.indicatorsOf(ind.sheet).indexOf(ind) + 3;
    const [last, current] = values[ind.id] ?? GOOD[ind.id]!;
    if (ind.hasLast) ws.getCell(r, 5).value = last;
    ws.getCell(r, 6).value = current;
    ws.getCell(r, 8).value = '有关文件';
    if (values[ind.id]) ws.getCell(r, 9).value = '原因已说明';
  }
  const list = wb.getWorksheet('学校清单')!;
  const rows = [
    { 序号: 1, 学校: '一小', 类别: '小学', 教师数: 40, 达标: '是', 验收日期: new Date(Date.UTC(2026, 3, 1)) },
    {
      序号: 2,
      学校: '一中',
      类别: '初中',
      教师数: 60,
      达标: values.DW03 ? '否' : '是',
      验收日期: new Date(Date.UTC(2026, 4, 1)),
    },
  ];
  const fields = rs.list('学校清单')!.fields.map((f) => f.header);
  rows.forEach((row, i) =>
    fields.forEach(
      (h, c) => (list.getCell(i + 3, c + 1).value = (row as Record<string, ExcelJS.CellValue>)[h] ?? null),
    ),
  );
  return checkWorkbook(workbookSnapshot(wb), [rs], { now: new Date(Date.UTC(2026, 10, 22)) });
}
