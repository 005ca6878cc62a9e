/**
 * Reads every sheet's used range into a WorkbookSnapshot: sheet names; used-range extents (with
 * their merged areas on ExcelApi 1.13); then the cells, in row blocks queued together until they
 * reach READ_CELLS, one sync per READ_CELLS cells. Excel on the web fails a sync whose response is
 * larger than 5 MB (`ResponsePayloadSizeLimitExceeded`), so no sync may ask for every cell of a large
 * workbook; and when one still fails that way (cells full of long text), its blocks are read again
 * one by one, halved down to single rows. A workbook of any size is read: the template's, a few
 * thousand cells, in three syncs.
 */
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../../core/types';
import type { XContext, XRange, XRangeAreas, XWorksheet } from './api';
import { blockAddress } from './addresses';
import type { Capabilities } from './capabilities';

/**
 * Cells read per sync (values, number formats and value types: three values each): about 1.5 MB
 * of response for cells of 20 characters, well below Excel on the web's 5 MB.
 */
export const READ_CELLS = 25_000;

/** Whether Excel refused a response or a request for its size. */
function tooLarge(e: unknown): boolean {
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** A block of rows of one sheet's used range, to be loaded. */
interface Job {
  sheet: number;
  /** 0-based, from the top of the used range */
  row: number;
  rows: number;
  range?: XRange;
}

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
  const jobs: Job[] = [];
  wanted.forEach((_, i) => {
    const u = used[i]!;
    const step = Math.max(1, Math.floor(READ_CELLS / Math.max(1, u.columnCount)));
    for (let r = 0; r < u.rowCount; r += step) jobs.push({ sheet: i, row: r, rows: Math.min(step, u.rowCount - r) });
  });
  await readJobs(ctx, wanted, used, jobs, props);
  const blocks = wanted.map((_, i) =>
    jobs
      .filter((j) => j.sheet === i)
      .sort((a, b) => a.row - b.row)
      .map((j) => j.range!),
  );

  return {
    sheets: wanted.map((ws, i) => toSheet(ws.name, used[i]!, blocks[i]!, !!opts.formulas, mergesOf(merged?.[i]))),
  };
}

/**
 * Loads the jobs, queued together up to READ_CELLS cells per sync. A group refused for its size is
 * read again job by job, and a single job refused is halved (a single row refused is an error).
 * `jobs` is completed in place: a halved job is replaced by its halves.
 */
async function readJobs(ctx: XContext, sheets: XWorksheet[], used: XRange[], jobs: Job[], props: string) {
  const cells = (j: Job) => j.rows * Math.max(1, used[j.sheet]!.columnCount);
  const alone = new Set<Job>();
  const todo = [...jobs];
  while (todo.length) {
    const group: Job[] = [todo.shift()!];
    let n = cells(group[0]!);
    while (!alone.has(group[0]!) && todo.length && !alone.has(todo[0]!) && n + cells(todo[0]!) <= READ_CELLS) {
      n += cells(todo[0]!);
      group.push(todo.shift()!);
    }
    for (const j of group) {
      const u = used[j.sheet]!;
      const address = blockAddress(u.rowIndex + j.row, u.columnIndex, j.rows, u.columnCount);
      j.range = sheets[j.sheet]!.getRange(address).load(props);
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!tooLarge(e)) throw e;
      if (group.length > 1) {
        for (const j of group) alone.add(j);
        todo.unshift(...group);
        continue;
      }
      const j = group[0]!;
      if (j.rows < 2) throw e;
      const half = Math.ceil(j.rows / 2);
      const parts: Job[] = [
        { sheet: j.sheet, row: j.row, rows: half },
        { sheet: j.sheet, row: j.row + half, rows: j.rows - half },
      ];
      for (const part of parts) alone.add(part);
      jobs.splice(jobs.indexOf(j), 1, ...parts);
      todo.unshift(...parts);
    }
  }
}
