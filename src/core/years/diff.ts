/**
 * Two returns of one district: which input cells changed (before → after) and which findings
 * were resolved, are new or remain. Findings are the same when rule, sheet and cell are.
 */
import { a1 } from '../address';
import { fmtNum } from '../format';
import { isDateFormat, normalizeText, serialToDate } from '../parse';
import type { Ruleset } from '../ruleset/model';
import type { Finding, Report, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../types';

export interface CellChange {
  sheet: string;
  cell: string;
  before: string;
  after: string;
}

export interface FindingsDiff {
  resolved: Finding[];
  added: Finding[];
  remaining: Finding[];
}

/** A cell as a person reads it: dates as dates, numbers without float noise, errors by name. */
export function shownCell(cell: SnapshotCell | null | undefined): string {
  if (!cell) return '';
  if (cell.err) return cell.err;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (isDateFormat(cell.fmt)) return serialToDate(v).toISOString().slice(0, 10);
    return fmtNum(v, 6);
  }
  return normalizeText(v);
}

/** The sheets a district fills: every sheet of the ruleset but the instructions. */
function inputSheets(ruleset: Ruleset): string[] {
  return ruleset.sheets.filter((s) => s.kind !== 'instructions').map((s) => s.name);
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name.trim() === name);
}

/** Changed cells of the input sheets, sheet by sheet in the ruleset's order, then row, then column. */
export function diffCells(before: WorkbookSnapshot, after: WorkbookSnapshot, ruleset: Ruleset): CellChange[] {
  const out: CellChange[] = [];
  for (const name of inputSheets(ruleset)) {
    const a = sheetOf(before, name)?.rows ?? [];
    const b = sheetOf(after, name)?.rows ?? [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const ra = a[r] ?? [];
      const rb = b[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const x = shownCell(ra[c]);
        const y = shownCell(rb[c]);
        if (x !== y) out.push({ sheet: name, cell: a1(r + 1, c + 1), before: x, after: y });
      }
    }
  }
  return out;
}

export const findingKey = (f: Finding): string => `${f.rule}\u0000${f.sheet}\u0000${f.cell.toUpperCase()}`;

/** Findings of the old return not in the new (resolved), of the new not in the old (added), and in both. */
export function diffFindings(before: Report, after: Report): FindingsDiff {
  const old = new Set(before.findings.map(findingKey));
  const now = new Set(after.findings.map(findingKey));
  return {
    resolved: before.findings.filter((f) => !now.has(findingKey(f))),
    added: after.findings.filter((f) => !old.has(findingKey(f))),
    remaining: after.findings.filter((f) => old.has(findingKey(f))),
  };
}
