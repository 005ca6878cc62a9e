/** Across years on the page (issue 13): what the years chunk does, and how the page finds it. */
import type { Ruleset } from '../../core/ruleset/model';
import type { Finding, Report, WorkbookSnapshot } from '../../core/types';
import type { CellChange, FindingsDiff } from '../../core/years/diff';
import type { Candidate } from '../../core/years/match';
import type { LastYear, LastYearOptions } from '../../core/years/previous';
import type { NamedBytes } from './types';

/** This year's workbook as the years chunk reads it: the snapshot when the check kept it, else its bytes. */
export type WorkbookSource = { snapshot: WorkbookSnapshot } | { bytes: Uint8Array };

/** One return of a district, for 修改对照. */
export interface Return {
  file: string;
  report: Report;
  source: WorkbookSource;
}

export interface Changes {
  cells: CellChange[];
  findings: FindingsDiff;
}

/** The ExcelJS side of across-years (hosts/file, core/years), in its own chunk. */
export interface YearsEngine {
  /** the notices of this year's workbook against last year's `last` of the same district */
  lastYearNotices(
    source: WorkbookSource,
    report: Report,
    ruleset: Ruleset,
    last: Candidate<LastYear>,
    options: LastYearOptions,
  ): Promise<Finding[]>;
  /** `report` with `findings` added, sorted and counted as the check does */
  withFindings(report: Report, findings: readonly Finding[], ruleset: Ruleset): Report;
  /** the annotated copy of the workbook `bytes` with `report`'s findings (marks + 校验结果 sheet) */
  annotated(bytes: Uint8Array, report: Report): Promise<Uint8Array>;
  /** next year's pre-filled workbook of a district, as `duty-review next-year` writes it */
  /** `source`: the workbook itself, so this year's unfinished 问题整改 rows are carried too */
  nextYear(
    report: Report,
    ruleset: Ruleset,
    next: Ruleset,
    confirmed?: (f: Finding) => boolean,
    source?: WorkbookSource | null,
  ): Promise<NamedBytes>;
  /** what changed between two returns of one district, checked with `ruleset` (the newer's) */
  changes(before: Return, after: Return, ruleset: Ruleset): Promise<Changes>;
  /** the newer return's annotated copy with the 修改对照 sheet */
  changesCopy(before: Return, after: Return & { bytes: Uint8Array }, changes: Changes): Promise<Uint8Array>;
}
