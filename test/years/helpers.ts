/** Two years of one district, in memory: last year's workbook is made from this year's 上年值. */
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { validate } from '../../src/core/validate';
import type { YearInput, PreviousYear } from '../../src/core/years';
import { DEFAULT_RULESET, type Ruleset } from '../fixtures/ruleset2025';
import { district, TODAY, workbookOf, type DistrictData } from '../fixtures/workbooks';

export { district };

/**
 * Last year's data of a district: 评价年度 − 1, each 本年值 = this year's 上年值 (its own 上年值 as
 * in the compliant district, so JF02.minGrowth and XS02.minDrop fail last year).
 */
export function lastYearOf(d: DistrictData, change: (p: DistrictData) => void = () => undefined): DistrictData {
  const p = district();
  p.info = { ...d.info, year: Number(d.info.year) - 1, date: new Date(Date.UTC(2025, 2, 10)) };
  for (const [id, v] of Object.entries(d.values)) {
    if (v.last !== undefined) p.values[id] = { ...p.values[id], current: v.last };
  }
  change(p);
  return p;
}

export function yearInput(d: DistrictData, ruleset: Ruleset = DEFAULT_RULESET): YearInput {
  const snapshot = workbookSnapshot(workbookOf(d, ruleset));
  return { report: validate(snapshot, ruleset, { now: TODAY }), snapshot, ruleset };
}

export function previousYear(
  d: DistrictData,
  file = '东城区2024.xlsx',
  ruleset: Ruleset = DEFAULT_RULESET,
): PreviousYear {
  return { report: yearInput(d, ruleset).report, ruleset, file };
}
