/** Findings grouped for the pane: by sheet (in workbook order), then by level. */
import { LEVELS, type Counts, type Finding, type Level } from '../core/types';

export interface LevelGroup {
  level: Level;
  findings: Finding[];
}

export interface SheetGroupData {
  sheet: string;
  total: number;
  levels: LevelGroup[];
}

/** `findings` come sorted from the engine; groups keep that order. */
export function groupFindings(findings: readonly Finding[], shown: ReadonlySet<Level>): SheetGroupData[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!shown.has(f.level)) continue;
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  return [...bySheet].map(([sheet, list]) => ({
    sheet,
    total: list.length,
    levels: LEVELS.map((level) => ({ level, findings: list.filter((f) => f.level === level) })).filter(
      (g) => g.findings.length > 0,
    ),
  }));
}

export function countOf(counts: Counts, level: Level): number {
  return counts[level];
}
