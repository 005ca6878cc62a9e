/** What the file mode holds for each file the user gave, and the lazily loaded parts it works with. */
import type { RulesetDoc, RulesetProblem } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import type { CityDraftOptions } from '../../core/feedback/city';
import type { DistrictDraftOptions } from '../../core/feedback/district';
import type { LedgerRow } from '../../core/ledger';
import type { Draft, Finding, Report, WorkbookSnapshot } from '../../core/types';
import type { MarkResult } from '../../hosts/host';
import type { YearsEngine } from './yearsTypes';

/** One file's result, as `duty-review check` reports it. */
export type Outcome =
  | {
      status: 'checked';
      report: Report;
      /** the ruleset that checked it (the drafts need it) */
      ruleset: Ruleset;
      /** what marking the copy achieved; null when the file was only read (the city draft in Excel) */
      marks: MarkResult | null;
      /** the annotated copy (marks + 校验结果 sheet) as .xlsx bytes, made on first use */
      annotated(): Promise<Uint8Array>;
      /** the workbook as it was read, when the check keeps it (across years compares it with last year's) */
      snapshot?(): Promise<WorkbookSnapshot>;
      /** the annotated copy with `extra` findings marked too (last year's notices); absent: the page re-reads the file */
      annotatedWith?(extra: readonly Finding[]): Promise<Uint8Array>;
    }
  /** a workbook, but not a template of any ruleset at hand */
  | { status: 'not-template'; reason: string }
  /** not a workbook that can be opened (empty, .xls, encrypted, truncated, not a zip…) */
  | { status: 'unreadable'; reason: string }
  /** not even offered to the engine (another kind of file, an Excel lock file) */
  | { status: 'skipped'; reason: string };

export type CheckedOutcome = Extract<Outcome, { status: 'checked' }>;

export interface BatchEntry {
  /** unique within the page */
  id: number;
  /** the file's name as the user gave it */
  file: string;
  /** the file's modification time (ms), when known */
  modified?: number;
  outcome: Outcome;
}

export interface CheckedEntry extends BatchEntry {
  outcome: CheckedOutcome;
}

export function isChecked(e: BatchEntry): e is CheckedEntry {
  return e.outcome.status === 'checked';
}

/** The ExcelJS side, in its own chunk. */
export interface WorkbookEngine {
  /**
   * Opens and validates a workbook with the ruleset of its 模板版本 among `rulesets` (or the one
   * it carries); with `annotate`, also marks its findings and writes the 校验结果 sheet into the
   * copy, as the command line does.
   */
  check(bytes: Uint8Array, rulesets: readonly Ruleset[], now: Date, opts: { annotate: boolean }): Promise<Outcome>;
  /** Reads a ruleset's authoring workbook (never throws: every problem at its cell). */
  readRuleset(bytes: Uint8Array): Promise<{ doc: RulesetDoc | null; problems: RulesetProblem[] }>;
  /** The blank template of a ruleset (protected, carrying its ruleset) as .xlsx bytes. */
  template(ruleset: Ruleset): Promise<Uint8Array>;
  /**
   * `check` of a file the engine reads itself (file/worker: in a Web Worker, off the page's
   * thread): the page keeps none of its bytes, and `annotated()` reads the file again.
   */
  checkFile?(file: FileSource, rulesets: readonly Ruleset[], now: Date, opts: { annotate: boolean }): Promise<Outcome>;
}

/** A file as the engines read it (a File; tests pass plain objects). */
export interface FileSource {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The feedback drafter (core/feedback), in its own chunk. */
export interface DraftEngine {
  districtDraft(report: Report, ruleset: Ruleset, opts?: DistrictDraftOptions): Draft;
  cityDraft(reports: readonly Report[], ruleset: Ruleset, opts?: CityDraftOptions): Draft;
}

/** The review ledger 审核台账 as an .xlsx (hosts/file/ledger, ExcelJS), in its own chunk. */
export interface LedgerEngine {
  build(rows: readonly LedgerRow[]): Promise<Uint8Array>;
  /** rows and problems (in Chinese); throws only when the bytes are no workbook */
  read(bytes: Uint8Array): Promise<{ rows: LedgerRow[]; problems: string[] }>;
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Everything heavy the file mode needs, each loaded on first use. */
export interface Engines {
  workbook(): Promise<WorkbookEngine>;
  drafts(): Promise<DraftEngine>;
  /** a draft as a Word document (docx) */
  docx(): Promise<(draft: Draft) => Promise<Uint8Array>>;
  /** files into one .zip (jszip) */
  zip(): Promise<(files: readonly NamedBytes[]) => Promise<Uint8Array>>;
  /** the review ledger's workbook; the ExcelJS chunk by default (file/ledgerEngine) */
  ledger?(): Promise<LedgerEngine>;
  /** across years: last year's notices, next year's workbooks, 修改对照; the years chunk by default */
  years?(): Promise<YearsEngine>;
  /**
   * the engine that checks the batch's files: by default `workbook()`'s checking moved to a Web
   * Worker where the browser has workers (file/worker), else `workbook()` itself
   */
  batchWorkbook?(): Promise<WorkbookEngine>;
}
