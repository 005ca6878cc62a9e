/** What every part of the validation shares: the sheet reader and the findings being collected. */
import type { Finding, FindingValues, Level, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../types';
import type { Params, Ruleset } from '../params';
import { normalizeLabel } from '../parse';
import { a1, parseA1 } from '../address';
import { isIndicatorId, indicator as indicatorDef, shortName } from '../catalogue';

/** The name a finding's indicator goes by in lists: the indicator's short name, or the sheet's. */
function indicatorLabel(id: string, params: Readonly<Params>): string {
  if (id === 'ZG') return '上年度反馈问题整改';
  return isIndicatorId(id) ? shortName(indicatorDef(id), params) : '';
}

export interface ValidateOptions {
  /** "today", for the 填报日期 check; defaults to the current date */
  now?: Date;
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

export class Context {
  readonly findings: Finding[] = [];
  readonly sheets = new Map<string, Sheet>();
  readonly params: Readonly<Params>;

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

  add(
    level: Level,
    rule: string,
    indicator: string | null,
    sheet: string,
    row: number,
    col: number,
    message: string,
    extra: Partial<Pick<Finding, 'explained' | 'requirement' | 'explanation'>> & { values?: FindingValues } = {},
  ): Finding {
    const values = { ...extra.values };
    if (values.name === undefined && indicator) values.name = indicatorLabel(indicator, this.params);
    const f: Finding = { rule, indicator, level, sheet, cell: a1(row, col), message, values };
    if (extra.requirement !== undefined) f.requirement = extra.requirement;
    if (level === 'warning') f.explained = extra.explained ?? false;
    if (extra.explanation) f.explanation = extra.explanation;
    this.findings.push(f);
    return f;
  }
}
