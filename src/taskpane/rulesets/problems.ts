/** Problems of a ruleset file as the page shows them (no engine needed). */
import type { RulesetProblem } from '../../core/ruleset/doc';

/** A problem that is about the whole file, not a cell. */
export function fileProblem(message: string): RulesetProblem {
  return { level: 'error', sheet: '', cell: '', message };
}

/** `工作表!单元格` of a problem, or '' when it is about the whole file. */
export function problemPlace(p: RulesetProblem): string {
  if (!p.sheet) return p.cell;
  return p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
}
