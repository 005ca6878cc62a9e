/**
 * Marks findings in their cells and removes exactly the product's own marks.
 *
 * A mark is a conditional format whose formula is always true and names the product (ExcelApi
 * 1.6), laid over the user's own formatting so that deleting it restores the look; before 1.6 it
 * is a static fill whose original colour is recorded. The message goes into a threaded comment
 * (1.10) that starts with COMMENT_PREFIX, or into a note (1.18) when comments fail. Cells that
 * already hold the user's comment or note are left alone. A sheet protected without a password
 * is unprotected while its marks are written and protected again as it was (1.7, see
 * protection.ts); a sheet with a password is left alone and reported.
 *
 * Static fills (before 1.6) are cell formats, which a protected sheet takes when its protection
 * allows formatting cells (the template's does). Where Excel cannot say whether a sheet is
 * protected (ExcelApi 1.1), the fills are simply tried: the record of what is about to change is
 * saved first, and a sheet that refuses is skipped and reported (see `applyFills`), so that
 * 清除标注 can always put every cell back.
 *
 * Round trips: at most three reads (sheets, protection and comments; conditional formats and
 * locations; custom rules), one to unprotect, one write for the removals, one write per BATCH
 * cells, one to protect again. With static fills the removals and the marks share the writes of
 * BATCH cells. Only when a write fails does it go sheet by sheet: one write per sheet, and one
 * read to see what the refusing sheets show.
 */
import { LEVEL_COLOURS } from '../../core/summary';
import { cellMarks, type CellMark } from '../../core/marks';
import { LEVELS } from '../../core/types';
import type { HostStrings } from '../../i18n';
import { COMMENT_PREFIX, type MarkResult } from '../host';
import type { XCellNote, XConditionalFormat, XContext, XRange, XRangeFill } from './api';
import { qualified, splitAddress } from './addresses';
import type { Capabilities } from './capabilities';
import { hostError } from './errors';
import { isProtectionError, isSheetSpecific, withUnlocked, type SheetEntry } from './protection';
import { addTo, emptyRecord, type MarkRecord } from './record';

export const MARK_TAG = 'duty-review';
/** Always true, and carries the product's name: that is how its conditional formats are recognised. */
export const MARK_FORMULA = `=ISTEXT("${MARK_TAG}")`;
export const BATCH = 400;

const OUR_COLOURS = new Set(LEVELS.map((l) => LEVEL_COLOURS[l]));

export { cellMarks, type CellMark };

const key = (sheet: string, cell: string) => `${sheet}!${cell.toUpperCase()}`;
const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

interface Located {
  item: XCellNote;
  where: XRange;
}

interface Survey {
  sheets: Map<string, SheetEntry>;
  ownFormats: { sheet: string; cf: XConditionalFormat }[];
  ownNotes: { kind: 'comments' | 'notes'; sheet: string; cell: string; item: XCellNote }[];
  /** cells holding the user's own comment or note */
  occupied: Set<string>;
  /** current fill of the cells a static-fill mark is about (ExcelApi < 1.6) */
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
  if (caps.protection) props.push('items/protection/protected');
  // The options tell whether a protected sheet takes static fills (1.2), or how to protect it again (1.7).
  if (caps.reprotect || (caps.protection && !caps.conditionalFormats)) props.push('items/protection/options');
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
    // Static fills are cell formats: a protected sheet that allows formatting cells takes them as it is.
    const takesFills = isProtected && !caps.conditionalFormats && ws.protection.options.allowFormatCells === true;
    const entry: SheetEntry = { ws, locked: isProtected && !takesFills };
    if (entry.locked && caps.reprotect) {
      const password = first.read.password && ws.protection.isPasswordProtected;
      entry.protection = { options: { ...ws.protection.options }, password };
    }
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

  const occupied = new Set<string>();
  const ownNotes: Survey['ownNotes'] = [];
  const sort = (kind: 'comments' | 'notes', list: Located[]) => {
    for (const { item, where } of list) {
      const at = splitAddress(where.address);
      if (!at) continue;
      if (isOurs(item)) ownNotes.push({ kind, ...at, item });
      else occupied.add(key(at.sheet, at.cell));
    }
  };
  sort('comments', comments);
  sort('notes', notes);

  return {
    sheets,
    ownFormats: custom
      .filter(({ rule }) => rule.formula.toLowerCase().includes(MARK_TAG))
      .map(({ sheet, cf }) => ({ sheet, cf })),
    ownNotes,
    occupied,
    fills,
    notesReadable,
  };
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

interface Removal {
  /** protected sheets whose marks had to stay */
  lockedSheets: Set<string>;
  /** the record entries that therefore remain */
  kept: MarkRecord;
  /** the recorded cells that still show a mark, with their own colour to put back (not queued) */
  fills: FillWrite[];
  /** conditional formats and comments queued for deletion */
  deletes: number;
}

/**
 * Queues the deletion of the product's conditional formats and comments (not yet synced), and
 * returns the fills that put the recorded cells' own colours back, for the caller to write.
 */
export function queueRemoval(s: Survey, record: MarkRecord): Removal {
  const lockedSheets = new Set<string>();
  const kept = emptyRecord();
  const fills: FillWrite[] = [];
  let deletes = 0;
  const writable = (sheet: string) => {
    const st = s.sheets.get(sheet);
    if (st?.locked) lockedSheets.add(sheet);
    return !!st && !st.locked;
  };
  for (const { sheet, cf } of s.ownFormats) {
    if (!writable(sheet)) continue;
    cf.delete();
    deletes++;
  }
  for (const n of s.ownNotes) {
    if (!writable(n.sheet)) continue;
    n.item.delete();
    deletes++;
  }
  for (const [sheet, cells] of Object.entries(record.fills)) {
    for (const [cell, original] of Object.entries(cells)) {
      const fill = s.fills.get(key(sheet, cell));
      if (!fill) continue;
      if (!writable(sheet)) {
        (kept.fills[sheet] ??= {})[cell] = original;
        continue;
      }
      if (!OUR_COLOURS.has(hex(fill.color))) continue;
      const colour = original === '' || hex(original) === 'FFFFFF' ? null : original;
      fills.push({ sheet, cell, fill, colour });
    }
  }
  return { lockedSheets, kept, fills, deletes };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The sheets where marks are to be removed or added: the ones a protected sheet must be opened for. */
function sheetsToWrite(s: Survey, record: MarkRecord, marks: readonly CellMark[]): Set<string> {
  const out = new Set<string>();
  for (const { sheet } of s.ownFormats) out.add(sheet);
  for (const { sheet } of s.ownNotes) out.add(sheet);
  for (const [sheet, cells] of Object.entries(record.fills))
    if (Object.keys(cells).some((cell) => s.fills.has(key(sheet, cell)))) out.add(sheet);
  for (const { sheet } of marks) out.add(sheet);
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

/**
 * Removes the product's marks, opening sheets protected without a password for the moment (see
 * protection.ts). Returns the sheets whose marks had to stay, the record entries that therefore
 * remain, and what the user must know about the protection.
 */
export async function clearAll(
  ctx: XContext,
  text: HostStrings,
  s: Survey,
  record: MarkRecord,
): Promise<{ lockedSheets: Set<string>; kept: MarkRecord; warnings: string[] }> {
  const { value, warnings } = await withUnlocked(ctx, text, s.sheets, sheetsToWrite(s, record, []), async () => {
    const { lockedSheets, kept, fills, deletes } = queueRemoval(s, record);
    const problems: string[] = [];
    if (deletes) {
      // Conditional formats and comments: deleting one twice fails, so no second attempt here.
      fills.forEach(queueFill);
      await ctx.sync();
    } else {
      const refused = await applyFills(ctx, fills);
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
 * Replaces the product's marks with marks for `marks`, opening sheets protected without a
 * password for the moment (see protection.ts). Returns what was done and the new record.
 * `save` stores a record before static fills are written (see writeUnlocked).
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
  const { value, warnings } = await withUnlocked(ctx, text, s.sheets, sheetsToWrite(s, old, marks), () =>
    writeUnlocked(ctx, caps, text, s, old, marks, save),
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
  save: SaveRecord,
): Promise<{ result: MarkResult; record: MarkRecord }> {
  const result: MarkResult = { marked: 0, summaryOnly: 0, warnings: [] };
  const removal = queueRemoval(s, old);
  const record = removal.kept;

  const lockedCounts = new Map<string, number>();
  let todo = marks.filter((m) => {
    const st = s.sheets.get(m.sheet);
    if (st && !st.locked) return true;
    result.summaryOnly += m.findings.length;
    if (st) lockedCounts.set(m.sheet, (lockedCounts.get(m.sheet) ?? 0) + m.findings.length);
    return false;
  });
  for (const [sheet, n] of lockedCounts) result.warnings.push(text.protectedSheet(sheet, n));
  for (const sheet of removal.lockedSheets)
    if (!lockedCounts.has(sheet)) result.warnings.push(text.protectedSheetClear(sheet));

  if (caps.conditionalFormats) {
    removal.fills.forEach(queueFill);
    await ctx.sync();
    for (const batch of chunks(todo, BATCH)) {
      for (const m of batch) {
        const cf = s.sheets.get(m.sheet)!.ws.getRange(m.cell).conditionalFormats.add('Custom');
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = `#${LEVEL_COLOURS[m.level]}`;
        cf.priority = 0;
        addTo(record.cf, m.sheet, m.cell);
      }
      await ctx.sync();
    }
  } else {
    todo = await writeFills(ctx, text, s, old, todo, removal, result, save);
  }

  const noted = await writeNotes(ctx, caps, text, s, todo, record, result.warnings);
  for (const m of todo) {
    if (noted.has(key(m.sheet, m.cell))) result.marked += m.findings.length;
    else result.summaryOnly += m.findings.length;
  }
  return { result, record };
}

/**
 * Static fills (before ExcelApi 1.6): puts back the colours of the old marks and fills the new
 * ones, after saving a record that covers every cell about to change (the old entries and the new
 * ones), so that a failure part-way never leaves a fill 清除标注 does not know. Completes
 * `removal.kept` into the new record and returns the marks that were written.
 */
async function writeFills(
  ctx: XContext,
  text: HostStrings,
  s: Survey,
  old: MarkRecord,
  todo: readonly CellMark[],
  removal: Removal,
  result: MarkResult,
  save: SaveRecord,
): Promise<CellMark[]> {
  const entries: FillRecord = {};
  const writes = [...removal.fills];
  for (const m of todo) {
    const fill = s.fills.get(key(m.sheet, m.cell));
    if (!fill) continue;
    const before = old.fills[m.sheet]?.[m.cell] ?? fill.color;
    (entries[m.sheet] ??= {})[m.cell] = OUR_COLOURS.has(hex(before)) ? '' : before;
    writes.push({ sheet: m.sheet, cell: m.cell, fill, colour: `#${LEVEL_COLOURS[m.level]}` });
  }

  // Everything that may change, recorded first: the old entries, and the new ones over them.
  const intended: MarkRecord = { ...old, fills: { ...old.fills } };
  for (const [sheet, cells] of Object.entries(entries)) intended.fills[sheet] = { ...intended.fills[sheet], ...cells };
  if (JSON.stringify(intended) !== JSON.stringify(old)) await save(intended);

  const refused = await applyFills(ctx, writes);
  const written = todo.filter((m) => !refused.has(m.sheet));
  for (const m of written) {
    const original = entries[m.sheet]?.[m.cell];
    if (original !== undefined) (removal.kept.fills[m.sheet] ??= {})[m.cell] = original;
  }
  Object.assign(removal.kept.fills, await stillMarked(ctx, s, intended.fills, refused.keys()));

  for (const [sheet, e] of refused) {
    const findings = todo.filter((m) => m.sheet === sheet).reduce((n, m) => n + m.findings.length, 0);
    result.summaryOnly += findings;
    result.warnings.push(refusal(text, sheet, e, findings));
  }
  if (written.length) result.warnings.push(text.staticFills);
  return written;
}

/** Adds the messages as comments, or notes when comments fail; returns the cells that got one. */
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
  if (free.length < todo.length) warnings.push(text.occupiedCells(todo.length - free.length));
  if (!free.length) return noted;
  if (!caps.comments && !caps.notes) {
    warnings.push(text.noComments);
    return noted;
  }

  let kind: 'comments' | 'notes' | null = caps.comments && s.notesReadable ? 'comments' : caps.notes ? 'notes' : null;
  let rest = free;
  if (kind === 'comments') {
    // One comment on its own tells whether this workbook takes comments at all.
    const probe = free[0]!;
    try {
      ctx.workbook.comments.add(qualified(probe.sheet, probe.cell), probe.text);
      await ctx.sync();
      noted.add(key(probe.sheet, probe.cell));
      addTo(record.comments, probe.sheet, probe.cell);
      rest = free.slice(1);
    } catch {
      kind = caps.notes ? 'notes' : null;
      warnings.push(kind ? text.notesInstead : text.commentsFailed);
    }
  }
  if (!kind) return noted;

  for (const batch of chunks(rest, BATCH)) {
    for (const m of batch) ctx.workbook[kind].add(qualified(m.sheet, m.cell), m.text);
    try {
      await ctx.sync();
    } catch {
      warnings.push(text.commentsFailed);
      break;
    }
    for (const m of batch) {
      noted.add(key(m.sheet, m.cell));
      addTo(record[kind], m.sheet, m.cell);
    }
  }
  return noted;
}
