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
 * Round trips: at most three reads (sheets, protection and comments; conditional formats and
 * locations; custom rules), one to unprotect, one write for the removals, one write per BATCH
 * cells, one to protect again.
 */
import { LEVEL_COLOURS, LEVEL_NAMES } from '../../core/summary';
import { LEVELS, type Finding, type Level } from '../../core/types';
import type { HostStrings } from '../../i18n';
import { COMMENT_PREFIX, type MarkResult } from '../host';
import type { XCellNote, XConditionalFormat, XContext, XRange, XRangeFill } from './api';
import { qualified, splitAddress } from './addresses';
import type { Capabilities } from './capabilities';
import { withUnlocked, type SheetEntry } from './protection';
import { addTo, emptyRecord, type MarkRecord } from './record';

export const MARK_TAG = 'duty-review';
/** Always true, and carries the product's name: that is how its conditional formats are recognised. */
export const MARK_FORMULA = `=ISTEXT("${MARK_TAG}")`;
export const BATCH = 400;

const OUR_COLOURS = new Set(LEVELS.map((l) => LEVEL_COLOURS[l]));

/** One cell to mark: the most severe level of its findings and one message line per finding. */
export interface CellMark {
  sheet: string;
  cell: string;
  level: Level;
  text: string;
  findings: number;
}

const key = (sheet: string, cell: string) => `${sheet}!${cell.toUpperCase()}`;
const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

export function cellMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, { sheet: string; cell: string; items: Finding[] }>();
  for (const f of findings) {
    const k = key(f.sheet, f.cell);
    const entry = byCell.get(k) ?? { sheet: f.sheet, cell: f.cell.toUpperCase(), items: [] };
    entry.items.push(f);
    byCell.set(k, entry);
  }
  return [...byCell.values()].map(({ sheet, cell, items }) => ({
    sheet,
    cell,
    level: LEVELS.find((l) => items.some((f) => f.level === l)) ?? 'notice',
    text: COMMENT_PREFIX + items.map((f) => `${LEVEL_NAMES[f.level]}：${f.message}`).join('\n'),
    findings: items.length,
  }));
}

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
  if (caps.reprotect) props.push('items/protection/options');
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
    const entry: SheetEntry = { ws, locked: caps.protection && ws.protection.protected };
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
  const fills = new Map<string, XRangeFill>();
  if (!caps.conditionalFormats) {
    const cells = [
      ...Object.entries(record.fills).flatMap(([sheet, cells]) => Object.keys(cells).map((cell) => ({ sheet, cell }))),
      ...targets,
    ];
    for (const { sheet, cell } of cells) {
      const st = sheets.get(sheet);
      if (st && !fills.has(key(sheet, cell)))
        fills.set(key(sheet, cell), st.ws.getRange(cell).format.fill.load('color'));
    }
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

/**
 * Queues the deletion of the product's marks (not yet synced). `keepFills` are cells about to be
 * filled again, whose recorded original must survive. Returns the protected sheets whose marks
 * had to stay, and the record entries that therefore remain.
 */
export function queueRemoval(s: Survey, record: MarkRecord): { lockedSheets: Set<string>; kept: MarkRecord } {
  const lockedSheets = new Set<string>();
  const kept = emptyRecord();
  const writable = (sheet: string) => {
    const st = s.sheets.get(sheet);
    if (st?.locked) lockedSheets.add(sheet);
    return !!st && !st.locked;
  };
  for (const { sheet, cf } of s.ownFormats) if (writable(sheet)) cf.delete();
  for (const n of s.ownNotes) if (writable(n.sheet)) n.item.delete();
  for (const [sheet, cells] of Object.entries(record.fills)) {
    for (const [cell, original] of Object.entries(cells)) {
      const fill = s.fills.get(key(sheet, cell));
      if (!fill) continue;
      if (!writable(sheet)) {
        (kept.fills[sheet] ??= {})[cell] = original;
        continue;
      }
      if (!OUR_COLOURS.has(hex(fill.color))) continue;
      if (original === '' || hex(original) === 'FFFFFF') fill.clear();
      else fill.color = original;
    }
  }
  return { lockedSheets, kept };
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
    const removal = queueRemoval(s, record);
    await ctx.sync();
    return removal;
  });
  return { ...value, warnings };
}

/**
 * Replaces the product's marks with marks for `marks`, opening sheets protected without a
 * password for the moment (see protection.ts). Returns what was done and the new record.
 */
export async function writeMarks(
  ctx: XContext,
  caps: Capabilities,
  text: HostStrings,
  s: Survey,
  old: MarkRecord,
  marks: readonly CellMark[],
): Promise<{ result: MarkResult; record: MarkRecord }> {
  const { value, warnings } = await withUnlocked(ctx, text, s.sheets, sheetsToWrite(s, old, marks), () =>
    writeUnlocked(ctx, caps, text, s, old, marks),
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
): Promise<{ result: MarkResult; record: MarkRecord }> {
  const result: MarkResult = { marked: 0, summaryOnly: 0, warnings: [] };
  const { lockedSheets, kept: record } = queueRemoval(s, old);
  await ctx.sync();

  const lockedCounts = new Map<string, number>();
  const todo = marks.filter((m) => {
    const st = s.sheets.get(m.sheet);
    if (st && !st.locked) return true;
    result.summaryOnly += m.findings;
    if (st) lockedCounts.set(m.sheet, (lockedCounts.get(m.sheet) ?? 0) + m.findings);
    return false;
  });
  for (const [sheet, n] of lockedCounts) result.warnings.push(text.protectedSheet(sheet, n));
  for (const sheet of lockedSheets) if (!lockedCounts.has(sheet)) result.warnings.push(text.protectedSheetClear(sheet));

  if (!caps.conditionalFormats && todo.length) result.warnings.push(text.staticFills);
  for (const batch of chunks(todo, BATCH)) {
    for (const m of batch) {
      const range = s.sheets.get(m.sheet)!.ws.getRange(m.cell);
      const colour = `#${LEVEL_COLOURS[m.level]}`;
      if (caps.conditionalFormats) {
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = colour;
        cf.priority = 0;
        addTo(record.cf, m.sheet, m.cell);
      } else {
        const before = old.fills[m.sheet]?.[m.cell] ?? s.fills.get(key(m.sheet, m.cell))?.color ?? '';
        (record.fills[m.sheet] ??= {})[m.cell] = OUR_COLOURS.has(hex(before)) ? '' : before;
        range.format.fill.color = colour;
      }
    }
    await ctx.sync();
  }

  const noted = await writeNotes(ctx, caps, text, s, todo, record, result.warnings);
  for (const m of todo) {
    if (noted.has(key(m.sheet, m.cell))) result.marked += m.findings;
    else result.summaryOnly += m.findings;
  }
  return { result, record };
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
