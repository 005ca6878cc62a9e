/**
 * The years chunk of the file mode (ExcelJS): last year's notices, annotated copies that include
 * them, next year's workbooks and 修改对照 — the same code as `check --previous`, `next-year` and
 * `diff` (core/years, hosts/file/nextYear).
 */
import type { Report, WorkbookSnapshot } from '../../core/types';
import { changesDraft, diffCells, diffFindings, lastYearNotices, withFindings, YEARS_MSG } from '../../core/years';
import { FileHost } from '../../hosts/file/fileHost';
import { nextYearFile } from '../../hosts/file/nextYear';
import type { WorkbookSource, YearsEngine } from './yearsTypes';

async function snapshotOf(source: WorkbookSource): Promise<WorkbookSnapshot> {
  return 'snapshot' in source ? source.snapshot : (await FileHost.open(source.bytes)).readSnapshot();
}

/** The workbook `bytes` with `report` marked and its 校验结果 sheet, as the check's own copy is made. */
async function annotatedHost(bytes: Uint8Array, report: Report): Promise<FileHost> {
  const host = await FileHost.open(bytes);
  await host.markFindings(report);
  await host.writeSummary(report);
  return host;
}

export const yearsEngine: YearsEngine = {
  async lastYearNotices(source, report, ruleset, last, options) {
    return lastYearNotices({ report, ruleset, snapshot: await snapshotOf(source) }, last, options);
  },

  withFindings,

  async annotated(bytes, report) {
    return (await annotatedHost(bytes, report)).toBytes();
  },

  async nextYear(report, ruleset, next, confirmed, source) {
    const snapshot = source ? await snapshotOf(source) : undefined;
    const made = await nextYearFile(report, ruleset, next, confirmed, snapshot);
    return { name: made.name, bytes: made.bytes };
  },

  async changes(before, after, ruleset) {
    const [a, b] = await Promise.all([snapshotOf(before.source), snapshotOf(after.source)]);
    return { cells: diffCells(a, b, ruleset), findings: diffFindings(before.report, after.report) };
  },

  async changesCopy(before, after, changes) {
    const host = await annotatedHost(after.bytes, after.report);
    await host.writeDraft(changesDraft(before.file, changes.cells, changes.findings), YEARS_MSG.changesSheet);
    return host.toBytes();
  },
};
