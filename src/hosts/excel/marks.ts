/**
 * Marks findings in their cells and removes exactly the product's own marks.
 *
 * A mark is a conditional format whose formula is always true and names the product and the level
 * (ExcelApi 1.6), laid over the user's own formatting so that deleting it restores the look; from
 * ExcelApi 1.9 each level's cells on a sheet share one conditional format over a multi-area range
 * (one rule in Excel's rule manager, not one per cell). Before 1.6 a mark is a static fill whose
 * original colour is recorded. The message goes into a threaded comment (1.10) that starts with
 * COMMENT_PREFIX, or into a note (1.18) when comments fail. Cells that already hold the user's
 * comment or note are left alone; so is a cell that refuses a comment (a legacy note, which cannot
 * be seen before ExcelApi 1.18).
 *
 * Marking writes only what changed: the wanted marks are compared with those present, a mark that
 * is already right is left alone, a comment whose text changed is edited in place (its replies
 * stay), and when nothing changed nothing at all is written and protection is never touched.
 * Excel's undo stack survives the writes it supports; deleting and re-adding everything on every
 * edit, and lifting protection, would clear it (see README).
 *
 * Protected sheets: a sheet whose protection allows formatting cells and editing objects (the
 * template's does) takes the marks as it is. Otherwise a sheet is unprotected for the moment only
 * where Excel says it has no password (`isPasswordProtected`, Excel on the web): `unprotect()`
 * without a password on a sheet that has one may open Excel's password dialog on Windows and hold
 * the batch. Elsewhere it is left alone and reported (see protection.ts).
 *
 * Static fills (before 1.6) are cell formats, which a protected sheet takes when its protection
 * allows formatting cells. Where Excel cannot say whether a sheet is protected (ExcelApi 1.1), the
 * fills are simply tried: the record of what is about to change is saved first, and a sheet that
 * refuses is skipped and reported (see `applyFills`), so that 清除标注 can always put every cell back.
 *
 * Round trips: at most four reads (sheets, protection and comments; conditional formats and
 * locations; custom rules; the ranges of the product's own formats), then only if something
 * changed: one to unprotect, one write for removals and edits, one per BATCH new marks, one per
 * BATCH new comments, one to protect again. Only when a write fails does it go cell by cell
 * (comments) or sheet by sheet (static fills).
 */
import { parseA1 } from '../../core/address';
import { LEVEL_COLOURS } from '../../core/summary';
import { cellMarks, type CellMark } from '../../core/marks';
import { LEVELS, type Level } from '../../core/types';
import type { HostStrings } from '../../i18n';
import { COMMENT_PREFIX, type MarkResult } from '../host';
import type { XAreas, XCellNote, XConditionalFormat, XContext, XRange, XRangeFill } from './api';
import { blockAddress, qualified, splitAddress } from './addresses';
import type { Capabilities } from './capabilities';
import { hostError } from './errors';
import { isProtectionError, isSheetSpecific, withUnlocked, type SheetEntry } from './protection';
import { addTo, emptyRecord, type MarkRecord } from './record';

export const MARK_TAG = 'duty-review';
/** The formula of marks written before the level was part of it: still recognised, and replaced. */
export const MARK_FORMULA = `=ISTEXT("${MARK_TAG}")`;
/** Always true, and carries the product's name and the level: that is how its formats are recognised. */
export const markFormula = (level: Level): string => `=ISTEXT("${MARK_TAG}:${level}")`;
export const BATCH = 400;
/**
 * A multi-area address is kept below this many characters (Excel's references stop at 8,192, the
 * length of a formula); past it a level's cells on one sheet take a second conditional format.
 */
export const MAX_AREAS_ADDRESS = 2000;
/** How many single comments are tried before deciding that this workbook takes none. */
const PROBES = 3;

const OUR_COLOURS = new Set(LEVELS.map((l) => LEVEL_COLOURS[l]));

export { cellMarks, type CellMark };

const key = (sheet: string, cell: string) => `${sheet}!${cell.toUpperCase()}`;
const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

interface Located {
  item: XCellNote;
  where: XRange;
}

interface OwnFormat {
  sheet: string;
  cf: XConditionalFormat;
  /** null for marks written before the level was in the formula */
  level: Level | null;
  /** the cells it covers, or null when that could not be read (it is then replaced) */
  cells: string[] | null;
}

interface OwnNote {
  kind: 'comments' | 'notes';
  sheet: string;
  cell: string;
  item: XCellNote;
  content: string;
}

export interface Survey {
  sheets: Map<string, SheetEntry>;
  ownFormats: OwnFormat[];
  ownNotes: OwnNote[];
  /** cells holding the user's own comment or note */
  occupied: Set<string>;
  /** current fill of the recorded cells and of the cells a static-fill mark is about (ExcelApi < 1.6) */
  fills: Map<string, XRangeFill>;
  /** false when the comment collections could not even be read */
  notesReadable: boolean;
}

function isOurs(item: XCellNote): boolean {
  return item.content.startsWith(COMMENT_PREFIX);
}

/** What the first read asks for beyond the sheets: either may make it fail in some workbooks. */
interface FirstRead {
  notes: boolean;
  password: boolean;
}

async function readSheetsAndNotes(ctx: XContext, caps: Capabilities, read: FirstRead) {
  const props = ['items/name'];
  if (caps.protection) props.push('items/protection/protected', 'items/protection/options');
  if (read.password) props.push('items/protection/isPasswordProtected');
  const worksheets = ctx.workbook.worksheets.load(props.join(','));
  const comments = read.notes && caps.comments ? ctx.workbook.comments.load('items/content') : null;
  const notes = read.notes && caps.notes ? ctx.workbook.notes.load('items/content') : null;
  await ctx.sync();
  return { worksheets, comments, notes };
}

/** The first read, and simpler ones when it fails: without the password state, then without comments. */
async function firstRead(ctx: XContext, caps: Capabilities) {
  const reads: FirstRead[] = [{ notes: true, password: caps.passwordInfo }];
  if (caps.passwordInfo) reads.push({ notes: true, password: false });
  if (caps.comments || caps.notes) reads.push({ notes: false, password: false });
  for (let i = 0; ; i++) {
    const read = reads[i]!;
    try {
      return { ...(await readSheetsAndNotes(ctx, caps, read)), read };
    } catch (e) {
      if (i === reads.length - 1) throw e;
    }
  }
}

/** The level a formula names, null for an older mark, undefined when it is not the product's. */
function levelOf(formula: string): Level | null | undefined {
  const f = formula.toLowerCase();
  if (!f.includes(MARK_TAG)) return undefined;
  const m = new RegExp(`${MARK_TAG}:(\\w+)`).exec(f);
  return LEVELS.find((l) => l === m?.[1]) ?? null;
}

/** Every cell of `Sheet1!A1:B2, Sheet1!D4`, or null when it is too large to be the product's. */
export function cellsOf(address: string): string[] | null {
  const out: string[] = [];
  for (const part of address.split(',')) {
    const ref = part.slice(part.lastIndexOf('!') + 1).trim();
    const [from, to = from] = ref.split(':');
    const a = parseA1(from ?? '');
    const b = parseA1(to ?? '');
    if (!a || !b) return null;
    if ((b.row - a.row + 1) * (b.col - a.col + 1) > 100_000) return null;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) out.push(blockAddress(r - 1, c - 1, 1, 1));
  }
  return out;
}

/** The cells as few areas as possible (runs down each column), in addresses of at most `max` characters. */
export function areaAddresses(cells: readonly string[], max = MAX_AREAS_ADDRESS): string[] {
  const points = cells
    .map((c) => parseA1(c))
    .filter((p): p is { row: number; col: number } => !!p)
    .sort((x, y) => x.col - y.col || x.row - y.row);
  const areas: string[] = [];
  for (let i = 0; i < points.length;) {
    const start = points[i]!;
    let end = i;
    while (
      end + 1 < points.length &&
      points[end + 1]!.col === start.col &&
      points[end + 1]!.row === points[end]!.row + 1
    )
      end++;
    areas.push(blockAddress(start.row - 1, start.col - 1, points[end]!.row - start.row + 1, 1));
    i = end + 1;
  }
  const out: string[] = [];
  let current = '';
  for (const a of areas) {
    if (current && current.length + a.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Reads what is there: sheets, protection, the product's marks and the user's comments. */
export async function survey(
  ctx: XContext,
  caps: Capabilities,
  record: MarkRecord,
  targets: readonly CellMark[],
): Promise<Survey> {
  const first = await firstRead(ctx, caps);
  const notesReadable = first.read.notes;
  const sheets = new Map<string, SheetEntry>();
  for (const ws of first.worksheets.items) {
    const isProtected = caps.protection && ws.protection.protected;
    const options = isProtected ? ws.protection.options : undefined;
    // A protected sheet whose options allow what the marks need takes them as it is: formatting
    // cells for fills and conditional formats, editing objects for comments.
    const asIs =
      !!options && options.allowFormatCells === true && (!caps.conditionalFormats || options.allowEditObjects === true);
    const entry: SheetEntry = { ws, locked: isProtected && !asIs };
    // Only a sheet known to have no password is ever unprotected (see protection.ts).
    if (entry.locked && caps.reprotect && first.read.password && ws.protection.isPasswordProtected === false)
      entry.protection = { options: { ...options }, password: false };
    sheets.set(ws.name, entry);
  }

  const locate = (items: XCellNote[] | undefined): Located[] =>
    (items ?? []).map((item) => ({ item, where: item.getLocation().load('address') }));
  const comments = locate(first.comments?.items);
  const notes = locate(first.notes?.items);
  const formatLists = caps.conditionalFormats
    ? [...sheets].map(([sheet, { ws }]) => ({ sheet, list: ws.getRange().conditionalFormats.load('items/type') }))
    : [];
  // Recorded fills are read in every version (a workbook marked in Excel 2016 may be cleared in a
  // newer one); the targets' fills only where the marks will be fills.
  const fills = new Map<string, XRangeFill>();
  const cells = [
    ...Object.entries(record.fills).flatMap(([sheet, cells]) => Object.keys(cells).map((cell) => ({ sheet, cell }))),
    ...(caps.conditionalFormats ? [] : targets),
  ];
  for (const { sheet, cell } of cells) {
    const st = sheets.get(sheet);
    if (st && !fills.has(key(sheet, cell))) fills.set(key(sheet, cell), st.ws.getRange(cell).format.fill.load('color'));
  }
  await ctx.sync();

  const custom = formatLists.flatMap(({ sheet, list }) =>
    list.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ sheet, cf, rule: cf.custom.rule.load('formula') })),
  );
  if (custom.length) await ctx.sync();

  // Where the product's own formats lie: a multi-area range from 1.9, one range before.
  const own = custom.flatMap(({ sheet, cf, rule }) => {
    const level = levelOf(rule.formula);
    if (level === undefined) return [];
    const where: XAreas | XRange = caps.multiArea
      ? cf.getRanges().load('address')
      : cf.getRangeOrNullObject().load('address');
    return [{ sheet, cf, level, where }];
  });
  if (own.length) await ctx.sync();
  const ownFormats: OwnFormat[] = own.map(({ sheet, cf, level, where }) => {
    const isNull = 'isNullObject' in where && where.isNullObject;
    return { sheet, cf, level, cells: isNull ? null : cellsOf(where.address) };
  });

  const occupied = new Set<string>();
  const ownNotes: OwnNote[] = [];
  const sort = (kind: 'comments' | 'notes', list: Located[]) => {
    for (const { item, where } of list) {
      const at = splitAddress(where.address);
      if (!at) continue;
      if (isOurs(item)) ownNotes.push({ kind, ...at, item, content: item.content });
      else occupied.add(key(at.sheet, at.cell));
    }
  };
  sort('comments', comments);
  sort('notes', notes);

  return { sheets, ownFormats, ownNotes, occupied, fills, notesReadable };
}

// ------------------------------------------------------------------ what changes

/** Conditional formats and comments to delete, add and edit: the difference between what is and what is wanted. */
interface Plan {
  cfDeletes: OwnFormat[];
  /** per sheet and level (1.9+) or per cell (before): the cells of one new format */
  cfAdds: { sheet: string; level: Level; cells: string[] }[];
  /** cells whose format is already right */
  cfKept: { sheet: string; cells: string[] }[];
  noteDeletes: OwnNote[];
  noteEdits: { note: OwnNote; text: string }[];
  noteKept: OwnNote[];
  /** marks without a comment of the product's yet (the user's comments and notes excluded later) */
  noteAdds: CellMark[];
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((c) => set.has(c));
}

function planFormats(s: Survey, caps: Capabilities, marks: readonly CellMark[], plan: Plan): void {
  // A unit is what one conditional format covers: a sheet's cells of one level, or one cell before 1.9.
  const unit = (sheet: string, level: Level, cell: string) =>
    caps.multiArea ? `${sheet}\u0000${level}` : `${sheet}\u0000${level}\u0000${cell}`;
  const wanted = new Map<string, { sheet: string; level: Level; cells: string[] }>();
  for (const m of marks) {
    const k = unit(m.sheet, m.level, m.cell);
    const w = wanted.get(k) ?? { sheet: m.sheet, level: m.level, cells: [] };
    w.cells.push(m.cell);
    wanted.set(k, w);
  }
  const present = new Map<string, OwnFormat[]>();
  for (const f of s.ownFormats) {
    const single = f.cells?.length === 1 ? f.cells[0]! : null;
    if (!f.level || !f.cells || (!caps.multiArea && !single)) {
      plan.cfDeletes.push(f);
      continue;
    }
    const k = unit(f.sheet, f.level, single ?? '');
    present.set(k, [...(present.get(k) ?? []), f]);
  }
  for (const [k, formats] of present) {
    const w = wanted.get(k);
    if (
      w &&
      sameCells(
        formats.flatMap((f) => f.cells!),
        w.cells,
      )
    ) {
      plan.cfKept.push({ sheet: w.sheet, cells: w.cells });
      wanted.delete(k);
    } else plan.cfDeletes.push(...formats);
  }
  plan.cfAdds.push(...wanted.values());
}

function planNotes(s: Survey, marks: readonly CellMark[], plan: Plan): void {
  const byCell = new Map<string, OwnNote[]>();
  for (const n of s.ownNotes) byCell.set(key(n.sheet, n.cell), [...(byCell.get(key(n.sheet, n.cell)) ?? []), n]);
  for (const m of marks) {
    const [first, ...extra] = byCell.get(key(m.sheet, m.cell)) ?? [];
    byCell.delete(key(m.sheet, m.cell));
    plan.noteDeletes.push(...extra);
    if (!first) plan.noteAdds.push(m);
    else if (first.content === m.text) plan.noteKept.push(first);
    else plan.noteEdits.push({ note: first, text: m.text });
  }
  for (const rest of byCell.values()) plan.noteDeletes.push(...rest);
}

function planOf(s: Survey, caps: Capabilities, marks: readonly CellMark[]): Plan {
  const plan: Plan = {
    cfDeletes: [],
    cfAdds: [],
    cfKept: [],
    noteDeletes: [],
    noteEdits: [],
    noteKept: [],
    noteAdds: [],
  };
  if (caps.conditionalFormats) planFormats(s, caps, marks, plan);
  else for (const f of s.ownFormats) plan.cfDeletes.push(f);
  planNotes(s, marks, plan);
  return plan;
}

/** A static fill to set on one cell: a mark's colour, or the cell's own colour back (null: no fill). */
export interface FillWrite {
  sheet: string;
  cell: string;
  fill: XRangeFill;
  colour: string | null;
}

function queueFill(w: FillWrite): void {
  if (w.colour === null) w.fill.clear();
  else w.fill.color = w.colour;
}

/**
 * The recorded cells whose own colour goes back: those that show a mark's colour now and are not
 * to keep the colour they show (`keep`: cell → the colour a static-fill mark wants there).
 */
function restoreFills(s: Survey, record: MarkRecord, keep: ReadonlyMap<string, string>): FillWrite[] {
  const out: FillWrite[] = [];
  for (const [sheet, cells] of Object.entries(record.fills)) {
    for (const [cell, original] of Object.entries(cells)) {
      const fill = s.fills.get(key(sheet, cell));
      if (!fill || !OUR_COLOURS.has(hex(fill.color))) continue;
      if (keep.get(key(sheet, cell)) === hex(fill.color)) continue;
      const colour = original === '' || hex(original) === 'FFFFFF' ? null : original;
      out.push({ sheet, cell, fill, colour });
    }
  }
  return out;
}

/** The sheets something is to be written on (the ones a protected sheet must be opened for). */
function sheetsOf(plan: Plan, fills: readonly FillWrite[]): Set<string> {
  const out = new Set<string>();
  for (const { sheet } of plan.cfDeletes) out.add(sheet);
  for (const { sheet } of plan.cfAdds) out.add(sheet);
  for (const { sheet } of plan.noteDeletes) out.add(sheet);
  for (const { note } of plan.noteEdits) out.add(note.sheet);
  for (const { sheet } of plan.noteAdds) out.add(sheet);
  for (const { sheet } of fills) out.add(sheet);
  return out;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Writes static fills: all together, one sync per BATCH cells. If that fails, sheet by sheet (one
 * sync each, in this failure path only), so that a sheet that refuses holds up only itself: on
 * ExcelApi 1.1 a protected sheet cannot be seen beforehand, and one whose protection does not allow
 * formatting cells refuses. Every write sets an absolute colour, so writing again what the failed
 * batch had already written changes nothing.
 *
 * Returns the sheets that refused, with Excel's error; what they show now is unknown (the commands
 * before the failing one did run). Throws when the problem is not a sheet's: a cell being edited,
 * or every sheet failing with errors that do not speak of protection.
 */
export async function applyFills(ctx: XContext, writes: readonly FillWrite[]): Promise<Map<string, unknown>> {
  const refused = new Map<string, unknown>();
  if (!writes.length) return refused;
  try {
    for (const batch of chunks(writes, BATCH)) {
      batch.forEach(queueFill);
      await ctx.sync();
    }
    return refused;
  } catch (e) {
    if (!isSheetSpecific(e)) throw e;
  }

  const bySheet = new Map<string, FillWrite[]>();
  for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  let wrote = false;
  for (const [sheet, list] of bySheet) {
    try {
      for (const batch of chunks(list, BATCH)) {
        batch.forEach(queueFill);
        await ctx.sync();
      }
      wrote = true;
    } catch (e) {
      if (!isSheetSpecific(e)) throw e;
      refused.set(sheet, e);
    }
  }
  const errors = [...refused.values()];
  if (!wrote && !errors.some(isProtectionError)) throw errors[0];
  return refused;
}

type FillRecord = MarkRecord['fills'];

/**
 * Of the recorded cells on `sheets`, those that show a mark's colour now, with their own colour:
 * what is left to undo on sheets that refused a write. One read; if even that fails, every entry
 * is kept (clearing only touches cells that show a mark, so a surplus entry is harmless).
 */
async function stillMarked(
  ctx: XContext,
  s: Survey,
  entries: FillRecord,
  sheets: Iterable<string>,
): Promise<FillRecord> {
  const probes: { sheet: string; cell: string; original: string; fill: XRangeFill }[] = [];
  for (const sheet of sheets) {
    const st = s.sheets.get(sheet);
    if (!st) continue;
    for (const [cell, original] of Object.entries(entries[sheet] ?? {}))
      probes.push({ sheet, cell, original, fill: st.ws.getRange(cell).format.fill.load('color') });
  }
  const out: FillRecord = {};
  if (!probes.length) return out;
  let known = true;
  try {
    await ctx.sync();
  } catch {
    known = false;
  }
  for (const p of probes) if (!known || OUR_COLOURS.has(hex(p.fill.color))) (out[p.sheet] ??= {})[p.cell] = p.original;
  return out;
}

/** Why a sheet refused, in the user's words: protection, or Excel's own message. */
function refusal(text: HostStrings, sheet: string, e: unknown, findings: number | null): string {
  if (isProtectionError(e))
    return findings ? text.protectedSheetNotMarked(sheet, findings) : text.protectedSheetNotCleared(sheet);
  const reason = hostError(e, text, sheet).message;
  return findings ? text.sheetNotMarked(sheet, findings, reason) : text.sheetNotCleared(sheet, reason);
}

/** Whether a sheet may be written now (it exists and is not locked); notes the locked ones. */
function writableIn(s: Survey, lockedSheets: Set<string>) {
  return (sheet: string): boolean => {
    const st = s.sheets.get(sheet);
    if (st?.locked) lockedSheets.add(sheet);
    return !!st && !st.locked;
  };
}

/**
 * Queues the deletions and edits of the plan on the sheets that may be written, and records what
 * stays on the others. Returns how many commands were queued.
 */
function queueRemovals(plan: Plan, writable: (sheet: string) => boolean, kept: MarkRecord): number {
  let queued = 0;
  for (const f of plan.cfDeletes) {
    if (!writable(f.sheet)) {
      for (const cell of f.cells ?? []) addTo(kept.cf, f.sheet, cell);
      continue;
    }
    f.cf.delete();
    queued++;
  }
  for (const n of plan.noteDeletes) {
    if (!writable(n.sheet)) {
      addTo(kept[n.kind], n.sheet, n.cell);
      continue;
    }
    n.item.delete();
    queued++;
  }
  return queued;
}

/**
 * Removes the product's marks, opening sheets protected without a password for the moment where
 * that is allowed (see protection.ts). Returns the sheets whose marks had to stay, the record
 * entries that therefore remain, and what the user must know about the protection.
 */
export async function clearAll(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  s: Survey,
  record: MarkRecord,
): Promise<{ lockedSheets: Set<string>; kept: MarkRecord; warnings: string[] }> {
  const plan = planOf(s, caps, []);
  const fills = restoreFills(s, record, new Map());
  const { value, warnings } = await withUnlocked(ctx, text, s.sheets, sheetsOf(plan, fills), async () => {
    const lockedSheets = new Set<string>();
    const kept = emptyRecord();
    const writable = writableIn(s, lockedSheets);
    const deletes = queueRemovals(plan, writable, kept);
    const problems: string[] = [];
    for (const [sheet, cells] of Object.entries(record.fills))
      if (!writable(sheet))
        for (const [cell, original] of Object.entries(cells)) (kept.fills[sheet] ??= {})[cell] = original;
    const todo = fills.filter((w) => writable(w.sheet));
    if (deletes) {
      // Conditional formats and comments: deleting one twice fails, so no second attempt here.
      todo.forEach(queueFill);
      await ctx.sync();
    } else {
      const refused = await applyFills(ctx, todo);
      Object.assign(kept.fills, await stillMarked(ctx, s, record.fills, refused.keys()));
      for (const [sheet, e] of refused) problems.push(refusal(text, sheet, e, null));
    }
    return { lockedSheets, kept, problems };
  });
  return { lockedSheets: value.lockedSheets, kept: value.kept, warnings: [...value.problems, ...warnings] };
}

/** Saves the record; resolves false when it could not be saved. */
export type SaveRecord = (record: MarkRecord) => Promise<boolean>;

/**
 * Brings the product's marks to `marks`, writing only what changed and opening protected sheets
 * only where that is allowed and needed (see the top of this file). Returns what was done and the
 * new record. `save` stores a record before static fills are written (see writeFills).
 */
export async function writeMarks(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  s: Survey,
  old: MarkRecord,
  marks: readonly CellMark[],
  save: SaveRecord,
): Promise<{ result: MarkResult; record: MarkRecord }> {
  const plan = planOf(s, caps, marks);
  // Static fills: a cell that shows its mark's colour already keeps it.
  const wantFill = new Map(caps.conditionalFormats ? [] : marks.map((m) => [key(m.sheet, m.cell), hex(m.colour)]));
  const restores = restoreFills(s, old, wantFill);
  const fillWrites = caps.conditionalFormats
    ? []
    : marks.filter((m) => {
        const fill = s.fills.get(key(m.sheet, m.cell));
        return !!fill && hex(fill.color) !== hex(m.colour);
      });
  const needed = sheetsOf(plan, restores);
  for (const m of fillWrites) needed.add(m.sheet);
  const { value, warnings } = await withUnlocked(ctx, text, s.sheets, needed, () =>
    writeUnlocked(ctx, caps, text, s, old, marks, plan, restores, save),
  );
  value.result.warnings.push(...warnings);
  return value;
}

async function writeUnlocked(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  s: Survey,
  old: MarkRecord,
  marks: readonly CellMark[],
  plan: Plan,
  restores: FillWrite[],
  save: SaveRecord,
): Promise<{ result: MarkResult; record: MarkRecord }> {
  const result: MarkResult = { marked: 0, summaryOnly: 0, warnings: [] };
  const lockedSheets = new Set<string>();
  const record = emptyRecord();
  const writable = writableIn(s, lockedSheets);

  const lockedCounts = new Map<string, number>();
  let todo = marks.filter((m) => {
    if (writable(m.sheet)) return true;
    result.summaryOnly += m.findings.length;
    if (s.sheets.has(m.sheet)) lockedCounts.set(m.sheet, (lockedCounts.get(m.sheet) ?? 0) + m.findings.length);
    return false;
  });
  const queued = queueRemovals(plan, writable, record);
  for (const { note, text: content } of plan.noteEdits) if (writable(note.sheet)) note.item.content = content;
  for (const [sheet, n] of lockedCounts) result.warnings.push(text.protectedSheet(sheet, n));
  for (const sheet of lockedSheets) if (!lockedCounts.has(sheet)) result.warnings.push(text.protectedSheetClear(sheet));

  if (caps.conditionalFormats) {
    if (queued || plan.noteEdits.length) await ctx.sync();
    for (const { sheet, cells } of plan.cfKept) for (const cell of cells) addTo(record.cf, sheet, cell);
    const adds = plan.cfAdds.filter((a) => writable(a.sheet));
    // From 1.9 a batch holds up to BATCH / 2 conditional formats of up to MAX_AREAS_ADDRESS characters each.
    for (const batch of chunks(adds, caps.multiArea ? BATCH / 2 : BATCH)) {
      for (const { sheet, level, cells } of batch) {
        const ws = s.sheets.get(sheet)!.ws;
        const targets = caps.multiArea ? areaAddresses(cells).map((a) => ws.getRanges(a)) : [ws.getRange(cells[0]!)];
        for (const target of targets) {
          const cf = target.conditionalFormats.add('Custom');
          cf.custom.rule.formula = markFormula(level);
          cf.custom.format.fill.color = `#${LEVEL_COLOURS[level]}`;
          cf.priority = 0;
        }
        for (const cell of cells) addTo(record.cf, sheet, cell);
      }
      await ctx.sync();
    }
  } else {
    if (queued || plan.noteEdits.length) await ctx.sync();
    todo = await writeFills(ctx, text, s, old, todo, restores, record, result, save);
  }

  // Comments: those already right stay, edited ones were written above, new ones are added.
  const noted = new Set<string>();
  for (const n of [...plan.noteKept, ...plan.noteEdits.map((e) => e.note)]) {
    if (!writable(n.sheet)) continue;
    noted.add(key(n.sheet, n.cell));
    addTo(record[n.kind], n.sheet, n.cell);
  }
  const adding = new Set(plan.noteAdds.map((m) => key(m.sheet, m.cell)));
  const added = await writeNotes(
    ctx,
    caps,
    text,
    s,
    todo.filter((m) => adding.has(key(m.sheet, m.cell))),
    record,
    result.warnings,
  );
  for (const k of added) noted.add(k);
  for (const m of todo) {
    if (noted.has(key(m.sheet, m.cell))) result.marked += m.findings.length;
    else result.summaryOnly += m.findings.length;
  }
  return { result, record: sortedRecord(record) };
}

/** The record with every list sorted, so that an unchanged record compares equal and is not saved again. */
export function sortedRecord(r: MarkRecord): MarkRecord {
  const lists = (m: Record<string, string[]>) =>
    Object.fromEntries(
      Object.keys(m)
        .sort()
        .map((k) => [k, [...new Set(m[k])].sort()]),
    );
  const fills = Object.fromEntries(
    Object.keys(r.fills)
      .sort()
      .map((k) => [k, Object.fromEntries(Object.entries(r.fills[k]!).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  return { v: 1, cf: lists(r.cf), fills, comments: lists(r.comments), notes: lists(r.notes) };
}

/**
 * Static fills (before ExcelApi 1.6): puts back the colours of the old marks that go and fills the
 * new ones, after saving a record that covers every cell about to change (the old entries and the
 * new ones), so that a failure part-way never leaves a fill 清除标注 does not know. A cell that
 * shows its mark's colour already is not written again. Fills `record.fills` and returns the marks
 * that are shown.
 */
async function writeFills(
  ctx: XContext,
  text: HostStrings,
  s: Survey,
  old: MarkRecord,
  todo: readonly CellMark[],
  restores: FillWrite[],
  record: MarkRecord,
  result: MarkResult,
  save: SaveRecord,
): Promise<CellMark[]> {
  const entries: FillRecord = {};
  const writes = restores.filter((w) => s.sheets.get(w.sheet)?.locked === false);
  for (const [sheet, cells] of Object.entries(old.fills))
    if (s.sheets.get(sheet)?.locked) record.fills[sheet] = { ...cells };
  for (const m of todo) {
    const fill = s.fills.get(key(m.sheet, m.cell));
    if (!fill) continue;
    const before = old.fills[m.sheet]?.[m.cell] ?? fill.color;
    (entries[m.sheet] ??= {})[m.cell] = OUR_COLOURS.has(hex(before)) ? '' : before;
    if (hex(fill.color) !== hex(m.colour)) writes.push({ sheet: m.sheet, cell: m.cell, fill, colour: `#${m.colour}` });
  }

  // Everything that may change, recorded first: the old entries, and the new ones over them.
  const intended: MarkRecord = { ...old, fills: { ...old.fills } };
  for (const [sheet, cells] of Object.entries(entries)) intended.fills[sheet] = { ...intended.fills[sheet], ...cells };
  if (JSON.stringify(sortedRecord(intended)) !== JSON.stringify(sortedRecord(old))) await save(intended);

  const refused = await applyFills(ctx, writes);
  const written = todo.filter((m) => !refused.has(m.sheet) && entries[m.sheet]?.[m.cell] !== undefined);
  for (const m of written) (record.fills[m.sheet] ??= {})[m.cell] = entries[m.sheet]![m.cell]!;
  Object.assign(record.fills, await stillMarked(ctx, s, intended.fills, refused.keys()));

  for (const [sheet, e] of refused) {
    const findings = todo.filter((m) => m.sheet === sheet).reduce((n, m) => n + m.findings.length, 0);
    result.summaryOnly += findings;
    result.warnings.push(refusal(text, sheet, e, findings));
  }
  if (written.length) result.warnings.push(text.staticFills);
  return written;
}

/** The cells of `batch` that hold one of the product's comments (or notes) now: after a failed sync. */
async function alreadyNoted(
  ctx: XContext,
  kind: 'comments' | 'notes',
  batch: readonly CellMark[],
): Promise<Set<string>> {
  const wanted = new Set(batch.map((m) => key(m.sheet, m.cell)));
  const list = ctx.workbook[kind].load('items/content');
  await ctx.sync();
  const located = list.items.filter(isOurs).map((item) => item.getLocation().load('address'));
  await ctx.sync();
  const out = new Set<string>();
  for (const where of located) {
    const at = splitAddress(where.address);
    if (at && wanted.has(key(at.sheet, at.cell))) out.add(key(at.sheet, at.cell));
  }
  return out;
}

/**
 * Adds the messages as comments, or notes when comments fail; returns the cells that got one.
 *
 * A cell may refuse a comment: it holds a legacy note (which cannot be read before ExcelApi 1.18,
 * and which WPS 批注, older Excel and our own copies write). When a batch fails, the cells that got
 * their comment before the failing one are found again (one read), and the rest of the batch is
 * tried cell by cell (in this failure path only): a refusing cell is treated as occupied and the
 * others go on. Only when the first few single comments all fail does the workbook count as one
 * that takes no comments (notes instead, where there are notes).
 */
async function writeNotes(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  s: Survey,
  todo: readonly CellMark[],
  record: MarkRecord,
  warnings: string[],
): Promise<Set<string>> {
  const noted = new Set<string>();
  const free = todo.filter((m) => !s.occupied.has(key(m.sheet, m.cell)));
  let refused = todo.length - free.length;
  const done = () => {
    if (refused) warnings.push(text.occupiedCells(refused));
    return noted;
  };
  if (!free.length) return done();
  if (!caps.comments && !caps.notes) {
    warnings.push(text.noComments);
    return done();
  }

  let kind: 'comments' | 'notes' | null = caps.comments && s.notesReadable ? 'comments' : caps.notes ? 'notes' : null;
  const add = (m: CellMark) => ctx.workbook[kind!].add(qualified(m.sheet, m.cell), m.text);
  const got = (m: CellMark) => {
    noted.add(key(m.sheet, m.cell));
    addTo(record[kind!], m.sheet, m.cell);
  };
  const one = async (m: CellMark): Promise<boolean> => {
    try {
      add(m);
      await ctx.sync();
      got(m);
      return true;
    } catch {
      return false;
    }
  };

  let rest = free;
  if (kind === 'comments') {
    // A few comments on their own tell whether this workbook takes comments at all.
    const probes = free.slice(0, PROBES);
    let ok = false;
    for (const m of probes) if (await one(m)) ok = true;
    if (ok) {
      refused += probes.filter((m) => !noted.has(key(m.sheet, m.cell))).length;
      rest = free.slice(probes.length);
    } else {
      kind = caps.notes ? 'notes' : null;
      warnings.push(kind ? text.notesInstead : text.commentsFailed);
    }
  }
  if (!kind) return done();

  for (const batch of chunks(rest, BATCH)) {
    batch.forEach(add);
    try {
      await ctx.sync();
      batch.forEach(got);
      continue;
    } catch {
      // below: find what the failed sync wrote, then the others one by one
    }
    let there: Set<string>;
    try {
      there = await alreadyNoted(ctx, kind, batch);
    } catch {
      warnings.push(text.commentsFailed);
      break;
    }
    let wrote = there.size > 0;
    for (const m of batch) {
      if (there.has(key(m.sheet, m.cell))) got(m);
      else if (await one(m)) wrote = true;
      else refused++;
    }
    if (!wrote) {
      // not one cell took a comment: the problem is not the cells'
      warnings.push(text.commentsFailed);
      break;
    }
  }
  return done();
}
