/** What every part of the validation shares: the sheet reader and the findings being collected. */
import type { Finding, FindingValues, Level, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../types';
import type { Ruleset } from '../ruleset/model';
import { normalizeLabel } from '../parse';
import { a1, parseA1 } from '../address';
import { ENGINE_LEVELS, type EngineCode } from './codes';
import { MSG } from '../messages';
import { EXPLANATION_MAX, clipMiddle } from '../bounded';

export interface ValidateOptions {
  /** "today", for the 填报日期 check; defaults to the current date */
  now?: Date;
  /** findings about the workbook found before validation (which ruleset checks it) */
  extraFindings?: readonly Finding[];
}

/** Merged ranges larger than this are not looked into (a sheet-wide merge says nothing per row). */
const MAX_MERGE_CELLS = 10_000;

export class Sheet {
  /** `row,col` of each cell covered by a merge → the merge's top-left cell */
  private readonly mergedInto = new Map<string, [number, number]>();

  constructor(readonly snap: SheetSnapshot) {
    for (const range of snap.merges ?? []) {
      const [from, to] = range.split(':').map(parseA1);
      if (!from || !to || (to.row - from.row + 1) * (to.col - from.col + 1) > MAX_MERGE_CELLS) continue;
      for (let r = from.row; r <= to.row; r++)
        for (let c = from.col; c <= to.col; c++)
          if (r !== from.row || c !== from.col) this.mergedInto.set(`${r},${c}`, [from.row, from.col]);
    }
  }
  get name(): string {
    return this.snap.name;
  }
  get rowCount(): number {
    return this.snap.rows.length;
  }
  cell(row: number, col: number): SnapshotCell | undefined {
    return this.snap.rows[row - 1]?.[col - 1] ?? undefined;
  }
  /** The cell, or for a cell inside a merged range, the range's top-left cell that holds its value. */
  mergedCell(row: number, col: number): SnapshotCell | undefined {
    const master = this.mergedInto.get(`${row},${col}`);
    return master ? this.cell(master[0], master[1]) : this.cell(row, col);
  }
  label(row: number, col: number): string {
    return normalizeLabel(this.cell(row, col)?.v);
  }
  /** The first row among the first `within` rows that has a cell reading `header`. */
  findHeaderRow(header: string, within = 5): number | null {
    for (let r = 1; r <= Math.min(within, this.rowCount); r++) {
      const row = this.snap.rows[r - 1] ?? [];
      if (row.some((c) => normalizeLabel(c?.v) === header)) return r;
    }
    return null;
  }
  /** Column of each header text in `row`, falling back to the template's position. */
  mapColumns<K extends string>(row: number, columns: Record<K, { header: string; col: number }>): Record<K, number> {
    const found = new Map<string, number>();
    (this.snap.rows[row - 1] ?? []).forEach((c, i) => {
      const label = normalizeLabel(c?.v);
      if (label && !found.has(label)) found.set(label, i + 1);
    });
    const out = {} as Record<K, number>;
    for (const key of Object.keys(columns) as K[]) {
      const def = columns[key];
      out[key] = found.get(normalizeLabel(def.header)) ?? def.col;
    }
    return out;
  }
}

export interface FindingExtra {
  explained?: boolean;
  requirement?: string;
  explanation?: string;
  values?: FindingValues;
}

/** Where a finding is: a sheet and a 1-based row and column. */
export interface At {
  sheet: string;
  row: number;
  col: number;
}

/** The template's 清单 header row (TEMPLATE.md): a finding on it or above is about the sheet. */
const LIST_HEADER_ROW = 2;

/**
 * Findings of one rule on one sheet listed one by one at most: a 清单 of thousands of faulty rows
 * gets this many marks and one finding that counts the rest (a reviewer needs the pattern, and
 * the copy, the summary sheet and the JSON stay of a readable size).
 */
export const LISTED_PER_RULE = 200;

interface Unlisted {
  first: Finding;
  count: number;
  allExplained: boolean;
}

export class Context {
  readonly findings: Finding[] = [];
  /** findings beyond LISTED_PER_RULE, by rule and sheet */
  private readonly listed = new Map<string, number>();
  private readonly unlisted = new Map<string, Unlisted>();
  readonly sheets = new Map<string, Sheet>();
  readonly params: Readonly<Record<string, number>>;

  constructor(
    snapshot: WorkbookSnapshot,
    readonly ruleset: Ruleset,
    readonly options: ValidateOptions,
  ) {
    this.params = ruleset.params;
    for (const s of snapshot.sheets) {
      const key = s.name.trim();
      if (!this.sheets.has(key)) this.sheets.set(key, new Sheet(s));
    }
  }

  sheet(name: string): Sheet | undefined {
    return this.sheets.get(name);
  }

  /** A finding of the engine's own (its level is the code's, ENGINE_LEVELS) or of a ruleset rule. */
  add(
    code: string,
    level: Level,
    indicator: string | null,
    at: At,
    message: string,
    extra: FindingExtra = {},
  ): Finding {
    // a cell of a million characters is quoted, not copied, into each finding
    const values = Object.fromEntries(
      Object.entries(extra.values ?? {}).map(([k, v]) => [k, typeof v === 'string' ? clipMiddle(v) : v]),
    );
    if (values.name === undefined && indicator) values.name = this.ruleset.labelOf(indicator);
    if (values.title === undefined && indicator) values.title = this.titleOf(indicator, at);
    const f: Finding = {
      rule: code,
      indicator,
      level,
      sheet: at.sheet,
      cell: a1(at.row, at.col),
      message: clipMiddle(message),
      values,
    };
    if (extra.requirement !== undefined) f.requirement = extra.requirement;
    if (level === 'warning') f.explained = extra.explained ?? false;
    if (extra.explanation) f.explanation = clipMiddle(extra.explanation, EXPLANATION_MAX);
    const key = `${code}\u0000${at.sheet}`;
    const n = (this.listed.get(key) ?? 0) + 1;
    this.listed.set(key, n);
    if (n <= LISTED_PER_RULE) this.findings.push(f);
    else {
      const u = this.unlisted.get(key);
      if (u) {
        u.count++;
        u.allExplained &&= f.explained !== false;
      } else this.unlisted.set(key, { first: f, count: 1, allExplained: f.explained !== false });
    }
    return f;
  }

  /** One finding for each rule's findings beyond LISTED_PER_RULE on a sheet, at the first of them. */
  unlistedFindings(): Finding[] {
    return [...this.unlisted.values()].map(({ first, count, allExplained }) => {
      const f: Finding = {
        rule: first.rule,
        indicator: first.indicator,
        level: first.level,
        sheet: first.sheet,
        cell: first.cell,
        message: MSG.unlisted(count, first.sheet, parseA1(first.cell)?.row ?? 0),
        values: { ...first.values, unlisted: count },
      };
      if (first.level === 'warning') f.explained = allExplained;
      return f;
    });
  }

  /**
   * What the 校验结果 sheet names a finding's indicator by: its 指标名称 as the ruleset gives it,
   * or for a 清单 finding the 清单's sheet and, below the header (rows 1–2), the row.
   */
  private titleOf(indicator: string, at: At): string {
    const def = this.ruleset.indicator(indicator);
    if (def) return def.name;
    if (!this.ruleset.list(indicator)) return '';
    return MSG.listRowTitle(at.sheet, at.row > LIST_HEADER_ROW ? at.row : null);
  }

  /** A finding of one of the engine's own checks (codes.ts). */
  engine(code: EngineCode, indicator: string | null, at: At, message: string, extra: FindingExtra = {}): Finding {
    return this.add(code.replace('*', indicator ?? ''), ENGINE_LEVELS[code], indicator, at, message, extra);
  }
}
