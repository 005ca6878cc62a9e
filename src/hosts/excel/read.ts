/**
 * Reads every sheet's used range into a WorkbookSnapshot in three context.sync() calls whatever
 * the size: sheet names; used-range extents (with their merged areas on ExcelApi 1.13); then
 * every block of every sheet, queued together. Large used ranges are split into row blocks so
 * that no single range is enormous.
 */
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../../core/types';
import type { XContext, XRange, XRangeAreas, XWorksheet } from './api';
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

/** `I5:I6` from `Sheet1!$I$5:$I$6` or `'经费 投入'!I5:I6`: the sheet name ends at the last `!`. */
export function localAddress(address: string): string {
  return address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .trim();
}

/** The merged areas as the engine wants them, or undefined when Excel could not tell. */
function mergesOf(areas: XRangeAreas | undefined): string[] | undefined {
  if (!areas) return undefined;
  if (areas.isNullObject) return [];
  return areas.areas.items.map((a) => localAddress(a.address));
}

function toSheet(
  name: string,
  used: XRange,
  blocks: XRange[],
  withFormulas: boolean,
  merges: string[] | undefined,
): SheetSnapshot {
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
  // as the file host: no merges and "cannot tell" read alike, and the engine treats them alike
  return merges?.length ? { name, rows, merges } : { name, rows };
}

interface UsedRanges {
  used: XRange[];
  /** per sheet, when merged areas were asked for */
  merged?: XRangeAreas[];
}

/** Queues the used ranges (and their merged areas) of `sheets` for the next sync. */
function queueUsedRanges(sheets: XWorksheet[], caps: Capabilities, withMerges: boolean): UsedRanges {
  const used = sheets.map((ws) =>
    (caps.protection ? ws.getUsedRange(true) : ws.getUsedRange()).load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  if (!withMerges) return { used };
  // The values-only used range holds every merge that matters: a merge's value is in its top-left
  // cell, and Excel returns the merges whose top-left cell is in the range.
  return { used, merged: used.map((u) => u.getMergedAreasOrNullObject().load('areas/items/address')) };
}

export async function readSnapshot(
  ctx: XContext,
  caps: Capabilities,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();

  const wanted = sheets.items.filter((ws) => !opts.skip?.has(ws.name));
  let ranges = queueUsedRanges(wanted, caps, caps.mergedAreas);
  try {
    await ctx.sync();
  } catch (e) {
    // Excel fails on a range with more than 512 merged areas: read again without them (the only
    // case with a fourth sync). Any other failure fails again and is raised as it was.
    if (!ranges.merged) throw e;
    ranges = queueUsedRanges(wanted, caps, false);
    await ctx.sync();
  }
  const { used, merged } = ranges;

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

  return {
    sheets: wanted.map((ws, i) => toSheet(ws.name, used[i]!, blocks[i]!, !!opts.formulas, mergesOf(merged?.[i]))),
  };
}
