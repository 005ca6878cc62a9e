/**
 * What the task pane and the command line need from a workbook, whoever holds it: Excel
 * (Office.js) or an .xlsx file (ExcelJS). Hosts do I/O and nothing else.
 */
import type { BatchCharts } from '../core/charts/data';
import type { Draft, Report, WorkbookSnapshot } from '../core/types';

export interface MarkResult {
  /** findings marked in their cell */
  marked: number;
  /** findings shown on the summary sheet only (their sheet is missing or protected, or comments are unavailable) */
  summaryOnly: number;
  /** human-readable notes on what could not be done, in the UI language */
  warnings: string[];
}

export interface WorkbookHost {
  /** Reads every sheet's used range. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Highlights each finding's cell and adds the product's comment, replacing its earlier marks. */
  markFindings(report: Report): Promise<MarkResult>;
  /** Removes exactly the product's marks and comments. */
  clearMarks(): Promise<void>;
  /** Writes (replaces) the 校验结果 sheet. */
  writeSummary(report: Report): Promise<void>;
  /**
   * Writes (replaces) a draft sheet: 反馈意见（初稿） by default, or `sheetName` (e.g. the city-wide
   * draft's 全市反馈意见（初稿）).
   */
  writeDraft(draft: Draft, sheetName?: string): Promise<void>;
  /** Selects a cell. */
  goTo(sheet: string, cell: string): Promise<void>;
  /**
   * Writes (replaces) a sheet with the batch's chart data and native charts over it (the reviewer
   * mode in Excel). Optional: a host that cannot draw charts leaves it out.
   */
  writeCharts?(charts: BatchCharts): Promise<ChartSheetResult>;
}

/** What writeCharts did: the sheet, how many charts, and whether the city and requirement are lines. */
export interface ChartSheetResult {
  sheet: string;
  charts: number;
  lines: boolean;
}

/** The sheet the city-wide draft is written to, next to a district's own 反馈意见（初稿）. */
export const CITY_DRAFT_SHEET = '全市反馈意见（初稿）';

/** The sheet of the batch's charts (writeCharts), named as the city draft's annex of figures. */
export const CHARTS_SHEET = '全市比较图表';

/** The fixed prefix of every comment the product writes, so that they and only they are replaced. */
export { MARK_PREFIX as COMMENT_PREFIX } from '../core/marks';
