/**
 * Reads every sheet's used range into a WorkbookSnapshot in three context.sync() calls whatever
 * the size: sheet names; used-range extents; then every block of every sheet, queued together.
 * Large used ranges are split into row blocks so that no single range is enormous.
 */
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../../core/types';
import type { XContext, XRange } from './api';
import { blockAddress } from './addresses';
import type { Capabilities } from './capabilities';

/** Cells per loaded block; a 10,000-row sheet of ten columns is two blocks. */
export const BLOCK_CELLS = 50_000;

export interface ReadOptions {
  /** sheets not to read (the product's own output sheets) */
  skip?: ReadonlySet<string>;
  /** also load formulas to set SnapshotCell.formula (doubles the data Excel sends) */
  formulas?: boolean;
}

function toCell(value: unknown, format: unknown, type: string | undefined, formula: unknown): SnapshotCell | null {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  let cell: SnapshotCell;
  if (type === 'Error') cell = { v: null, err: String(value) };
  else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') cell = { v: value };
  else cell = { v: String(value) };
  if (typeof format === 'string' && format !== '' && format !== 'General') cell.fmt = format;
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = true;
  return cell;
}

function toSheet(name: string, used: XRange, blocks: XRange[], withFormulas: boolean): SheetSnapshot {
  const rows: (SnapshotCell | null)[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  const lead: null[] = new Array<null>(used.columnIndex).fill(null);
  for (const range of blocks) {
    const { values, numberFormat, valueTypes } = range;
    const formulas = withFormulas ? range.formulas : undefined;
    values.forEach((row, r) => {
      const cells: (SnapshotCell | null)[] = [...lead];
      row.forEach((v, c) => cells.push(toCell(v, numberFormat[r]?.[c], valueTypes[r]?.[c], formulas?.[r]?.[c])));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    });
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { name, rows };
}

export async function readSnapshot(
  ctx: XContext,
  caps: Capabilities,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();

  const wanted = sheets.items.filter((ws) => !opts.skip?.has(ws.name));
  const used = wanted.map((ws) =>
    (caps.protection ? ws.getUsedRange(true) : ws.getUsedRange()).load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  await ctx.sync();

  const props = `values,numberFormat,valueTypes${opts.formulas ? ',formulas' : ''}`;
  const blocks = wanted.map((ws, i) => {
    const u = used[i]!;
    const step = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, u.columnCount)));
    const list: XRange[] = [];
    for (let r = 0; r < u.rowCount; r += step) {
      const rows = Math.min(step, u.rowCount - r);
      list.push(ws.getRange(blockAddress(u.rowIndex + r, u.columnIndex, rows, u.columnCount)).load(props));
    }
    return list;
  });
  await ctx.sync();

  return { sheets: wanted.map((ws, i) => toSheet(ws.name, used[i]!, blocks[i]!, !!opts.formulas)) };
}
