/**
 * The marks of a report, computed once for every host: for each cell with findings, the fill of
 * its most severe level and the note text that explains them. Hosts only paint them.
 */
import { LEVEL_COLOURS, LEVEL_NAMES } from './summary';
import { LEVELS, type Finding, type Level } from './types';

/** How the product's own notes and comments begin: that is how they are recognised and replaced. */
export const MARK_PREFIX = '【履职评价校验】';
/** Excel holds at most this many characters in a cell or a note. */
export const CELL_LIMIT = 32767;
const CUT = '……（其余见“校验结果”工作表）';

export interface CellMark {
  sheet: string;
  /** A1 address, upper case */
  cell: string;
  level: Level;
  /** fill colour, hex RGB without `#` */
  colour: string;
  /** the note: the prefix, then one line per finding, most severe first */
  text: string;
  findings: readonly Finding[];
}

const RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

/** Text cut to `limit` characters with a visible mark. */
export function cutText(text: string, limit = CELL_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - CUT.length)}${CUT}`;
}

export function noteText(findings: readonly Finding[]): string {
  const lines = [...findings]
    .sort((a, b) => RANK[a.level] - RANK[b.level])
    .map((f) => `${LEVEL_NAMES[f.level]}：${f.message}`);
  return cutText(`${MARK_PREFIX}${lines.join('\n')}`);
}

export function cellMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, { sheet: string; cell: string; items: Finding[] }>();
  for (const f of findings) {
    const cell = f.cell.toUpperCase();
    const k = `${f.sheet}!${cell}`;
    const entry = byCell.get(k) ?? { sheet: f.sheet, cell, items: [] };
    entry.items.push(f);
    byCell.set(k, entry);
  }
  return [...byCell.values()].map(({ sheet, cell, items }) => {
    const level = LEVELS.find((l) => items.some((f) => f.level === l)) ?? 'notice';
    return { sheet, cell, level, colour: LEVEL_COLOURS[level], text: noteText(items), findings: items };
  });
}
