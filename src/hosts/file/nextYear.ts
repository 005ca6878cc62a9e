/**
 * Next year's workbook of a district as ExcelJS writes it (spec/CLI.md, "Across years"): the
 * blank template of the next ruleset with 基本信息, every 上年值 and the 问题整改 sheet filled as
 * core/years' plan says. Shared by `duty-review next-year` and the web page.
 */
import type ExcelJS from 'exceljs';
import { INDICATOR_COLUMNS, INFO_FIELDS, ROW_NUMBER_HEADER } from '../../core/layout';
import type { Ruleset } from '../../core/ruleset/model';
import type { Finding, Report, WorkbookSnapshot } from '../../core/types';
import {
  nextYearFileName,
  nextYearPlan,
  readRectification,
  rectificationList,
  type NextYearPlan,
} from '../../core/years';
import { buildTemplate, protectTemplate } from './template';

function rowOfId(ws: ExcelJS.Worksheet, id: string): number | null {
  let found: number | null = null;
  ws.getColumn(INDICATOR_COLUMNS.id.col).eachCell((cell, r) => {
    if (found === null && String(cell.value ?? '').trim() === id) found = r;
  });
  return found;
}

/** Next year's blank workbook of `next`, filled as `plan` says. */
export async function nextYearWorkbook(plan: NextYearPlan, next: Ruleset): Promise<ExcelJS.Workbook> {
  const wb = buildTemplate(next);
  const infoName = next.sheets.find((s) => s.kind === 'info')?.name;
  const info = infoName ? wb.getWorksheet(infoName) : undefined;
  if (info) {
    const values: Partial<Record<(typeof INFO_FIELDS)[number]['key'], string | number | null>> = plan.info;
    INFO_FIELDS.forEach((f, i) => {
      const v = values[f.key];
      if (v !== undefined && v !== null && v !== '') info.getCell(i + 2, 2).value = v;
    });
  }
  for (const [id, value] of Object.entries(plan.last)) {
    const sheet = next.indicator(id)?.sheet;
    const ws = sheet ? wb.getWorksheet(sheet) : undefined;
    const r = ws ? rowOfId(ws, id) : null;
    if (ws && r !== null) ws.getCell(r, INDICATOR_COLUMNS.last.col).value = value;
  }
  const list = rectificationList(next);
  const ws = list ? wb.getWorksheet(list.sheet) : undefined;
  if (list && ws) {
    plan.problems.forEach((problem, i) => {
      list.fields.forEach((f, j) => {
        const v = f.header === ROW_NUMBER_HEADER ? i + 1 : problem[f.header];
        if (v !== undefined) ws.getCell(i + 3, j + 1).value = v;
      });
    });
  }
  await protectTemplate(wb, next);
  return wb;
}

export interface NextYearFile {
  /** `{地区名称}{评价年度+1}年度填报表.xlsx` */
  name: string;
  bytes: Uint8Array;
  plan: NextYearPlan;
}

/**
 * Next year's workbook of a district checked with `ruleset` this year, as .xlsx bytes: of `next`
 * (else the same ruleset), carrying this year's warnings (or only those `confirmed`) as problems,
 * and, given this year's `snapshot`, its 问题整改 rows not yet 已完成.
 */
export async function nextYearFile(
  report: Report,
  ruleset: Ruleset,
  next: Ruleset = ruleset,
  confirmed?: (f: Finding) => boolean,
  snapshot?: WorkbookSnapshot,
): Promise<NextYearFile> {
  const rectification = snapshot ? readRectification(snapshot, ruleset) : null;
  const plan = nextYearPlan(report, ruleset, next, confirmed, rectification);
  const wb = await nextYearWorkbook(plan, next);
  return { name: nextYearFileName(plan), bytes: new Uint8Array(await wb.xlsx.writeBuffer()), plan };
}
