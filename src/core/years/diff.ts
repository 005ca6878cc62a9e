/**
 * Two returns of one district: which input cells changed (before → after) and which findings
 * were resolved, are new or remain. Findings are the same when rule, sheet and cell are.
 */
import { a1 } from '../address';
import { fmtNum } from '../format';
import { isDateFormat, normalizeText, serialToDate } from '../parse';
import type { Ruleset } from '../ruleset/model';
import { LEVEL_NAMES } from '../summary';
import type { Draft, Finding, Report, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../types';
import { YEARS_MSG as M } from './messages';

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

/** The sheet a resubmission's annotated copy gets: what changed since the earlier return `beforeFile`. */
export function changesDraft(beforeFile: string, cells: readonly CellChange[], findings: FindingsDiff): Draft {
  const title = M.changesTitle(beforeFile);
  const rows = (list: readonly Finding[], state: string) =>
    list.map((f) => [state, LEVEL_NAMES[f.level], `${f.sheet}!${f.cell}`, f.message]);
  return {
    title,
    blocks: [
      { style: 'title', text: title },
      { style: 'h1', text: M.changedCells(cells.length) },
      { style: 'table', header: [...M.cellHeader], rows: cells.map((c) => [c.sheet, c.cell, c.before, c.after]) },
      {
        style: 'h1',
        text: M.changedFindings(findings.resolved.length, findings.added.length, findings.remaining.length),
      },
      {
        style: 'table',
        header: [...M.findingHeader],
        rows: [
          ...rows(findings.resolved, M.resolved),
          ...rows(findings.added, M.added),
          ...rows(findings.remaining, M.remaining),
        ],
      },
    ],
  };
}
