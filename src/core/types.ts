/** Plain data shared by the engine and every host. No Office.js, DOM or Node types here. */

export type Level = 'error' | 'warning' | 'notice';
export const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

export type IndicatorType = 'money' | 'yuan' | 'count' | 'pct' | 'pct200' | 'yesno' | 'text' | 'date' | 'year';

/** A cell as a host reads it: the value Excel holds (formula results already evaluated). */
export interface SnapshotCell {
  /** number, text or boolean; dates are Excel serial numbers; null when empty */
  v: number | string | boolean | null;
  /** the cell's number format, when it is not General */
  fmt?: string;
  /** an Excel error value such as `#DIV/0!`, when the cell (or its formula) evaluates to one */
  err?: string;
  /** true when the cell holds a formula (v is its cached result) */
  formula?: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** rows[r][c] is the cell at row r+1, column c+1; missing entries are empty cells */
  rows: (SnapshotCell | null | undefined)[][];
  /** merged ranges (`I5:I6`), when the host can tell; a merge's value is in its top-left cell */
  merges?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Numbers and texts behind a finding, so every output can be rendered from it. */
export type FindingValues = Record<string, number | string | boolean | null>;

export interface Finding {
  /** the check's stable name: a 规则编号 (`JS07.minRate`), or the engine's own (`G2.text`, `TPL.missingSheet`) */
  rule: string;
  /** indicator id, the 清单's 编号 for a 清单 finding, null for 基本信息 and template integrity */
  indicator: string | null;
  level: Level;
  sheet: string;
  /** A1 address on `sheet` */
  cell: string;
  message: string;
  /** warnings only: the row's 情况说明 is filled in */
  explained?: boolean;
  /** the requirement in words (达标要求), where the finding is about one */
  requirement?: string;
  /** the district's own explanation (情况说明), when present */
  explanation?: string;
  /** the reviewer's decision from the review ledger, when it is not 确认问题 */
  review?: '采纳说明' | '退回补充';
  /** the reviewer's note (审核说明) */
  reviewNote?: string;
  values: FindingValues;
}

export type IndicatorOutcome = 'met' | 'notMet' | 'notEvaluated' | 'reported';

/** What the engine read for one indicator, for drafting and city-wide comparison. */
export interface IndicatorResult {
  id: string;
  last: number | boolean | string | null;
  current: number | boolean | string | null;
  explanation: string;
  evidence: string;
  outcome: IndicatorOutcome;
}

export interface District {
  name: string;
  code: string;
  year: number | null;
  /** 所属地市 */
  city: string;
  /** 填报日期 (ISO), when it could be read */
  date?: string;
}

export interface Counts {
  error: number;
  warning: number;
  notice: number;
}

export interface Report {
  status: 'checked' | 'not-template';
  rulesetVersion: string;
  templateVersion: string;
  district: District;
  findings: Finding[];
  counts: Counts;
  /** no errors and every warning explained */
  readyToReturn: boolean;
  indicators: Record<string, IndicatorResult>;
}

/** A paragraph of a draft feedback text, as every output (sheet, .txt, .docx) renders it. */
export type DraftBlock =
  /**
   * title; 主送 (`salutation`, flush left); headings `一、` (h1) and `（一）` (h2); body; the closing
   * requirement; 落款 and 成文日期 (`signature`, right); `annex`: the "附件" mark that starts an
   * annex on a new page, flush left
   */
  | {
      style: 'title' | 'salutation' | 'h1' | 'h2' | 'body' | 'closing' | 'signature' | 'annex';
      text: string;
      /** notes for the reviewer on this paragraph (a district's 情况说明), as Word comments */
      comments?: DraftComment[];
      /** on the 附件说明 paragraph: the names of the annexes it lists (see feedback/annexes.ts) */
      annexes?: string[];
    }
  | { style: 'table'; header: string[]; rows: string[][] }
  /**
   * a picture with its caption (`text`, 图1 …) and the numbers it shows (`header`, `rows`): the
   * .docx shows the PNG centred with the caption under it; outputs without pictures (.txt, the
   * draft sheet) print the caption and the numbers
   */
  | { style: 'figure'; text: string; header: string[]; rows: string[][]; image?: FigureImage };

/** A picture of a draft: PNG bytes and the size to show it at, in CSS pixels (96 per inch). */
export interface FigureImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** A note on a paragraph: who says it and what. */
export interface DraftComment {
  author: string;
  text: string;
}

export interface Draft {
  title: string;
  blocks: DraftBlock[];
}
