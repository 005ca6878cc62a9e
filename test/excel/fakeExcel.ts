/**
 * An in-memory stand-in for the part of Excel's JavaScript API the Excel host uses, typed
 * against the host's API subset (src/hosts/excel/api.ts), which the compiler checks against
 * @types/office-js. It behaves like Office where it matters to the host:
 *
 * - commands are queued and run at `context.sync()`, which is counted; a failing command
 *   rejects the sync and drops the commands after it;
 * - reading a property that was not loaded (and synced) throws `PropertyNotLoaded`;
 * - comments and notes go on one cell only, one per cell;
 * - requirement sets can be capped (`version`), sheets (or the workbook) protected, comments
 *   made to fail;
 * - cells are locked unless unlocked (`unlocked` option, `unlock()`), as in Excel, and a protected
 *   sheet refuses with `AccessDenied` what its options do not allow (see `guard`): cell formats
 *   (fills, fonts, number formats) only with `allowFormatCells`, locked or not; values only in
 *   unlocked cells; comments and notes only with `allowEditObjects`; conditional formats never;
 * - sheet protection has options and maybe a password: `protect()` fails on a protected sheet,
 *   `unprotect()` without the password fails (or, with `passwordUnprotect: 'ignored'`, does
 *   nothing), `options` reads Excel's "everything allowed" while a sheet is unprotected (so the
 *   host must read them before), and the 1.7 options are missing below 1.7; `isPasswordProtected`
 *   needs ExcelApiOnline (`online`);
 * - change events fire for value writes unless `runtime.enableEvents` is off;
 * - cells can be merged (`SheetState.merge`); `getMergedAreasOrNullObject()` (ExcelApi 1.13) gives
 *   the merges whose top-left cell is in the range, a null object when there are none (its
 *   `isNullObject` readable only after a sync), and fails beyond 512 merges, as documented;
 * - charts (ExcelApi 1.1): `worksheet.charts.add(type, range, 'Columns')` reads the range at sync as
 *   Excel does (first row: series names, first column: categories, one series per other column),
 *   needs "Edit objects" on a protected sheet, and takes only a range of its own sheet; series
 *   `chartType`, `markerStyle`, line style and weight need ExcelApi 1.7; `getItemAt` past the
 *   last series fails at sync; a chart's properties are read only once loaded.
 *
 * No imports except types, and no Node APIs: the e2e test transpiles this file and runs it in
 * the browser before the task pane loads.
 */
import type {
  XChart,
  XChartCollection,
  XChartLineFormat,
  XChartSeries,
  XChartSeriesCollection,
  XCellNote,
  XCellNoteCollection,
  XConditionalFormat,
  XConditionalFormatCollection,
  XConditionalRule,
  XContext,
  XCustomConditionalFormat,
  XEventHandlers,
  XEventResult,
  XHyperlink,
  XRange,
  XRangeFill,
  XRangeFont,
  XRangeFormat,
  XRuntime,
  XSettings,
  XWorkbook,
  XWorksheet,
  XWorksheetChangedArgs,
  XWorksheetCollection,
  XProtectionOptions,
  XRangeAreas,
  XAreas,
  XRangeCollection,
  XWorksheetProtection,
} from '../../src/hosts/excel/api';
import type { ExcelEnv } from '../../src/hosts/excel/env';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

type Value = string | number | boolean;
type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface CellState {
  v: Value;
  type: ValueType;
  fmt: string;
  formula?: string;
  /** static fill, '' when none */
  fill: string;
  bold: boolean;
  size: number;
  fontColor: string;
  wrap: boolean;
  valign: string;
  link?: XHyperlink;
}

const DEFAULT_CELL: CellState = {
  v: '',
  type: 'Empty',
  fmt: 'General',
  fill: '',
  bold: false,
  size: 11,
  fontColor: '#000000',
  wrap: false,
  valign: 'Bottom',
};

export interface CfState {
  /** the areas the format applies to (several when added over a multi-area range, ExcelApi 1.9) */
  areas: Area[];
  type: string;
  formula: string;
  fill: string;
}

export interface ChartSeriesState {
  name: string;
  values: (string | number | boolean)[];
  /** the chart's own type unless set on the series (ExcelApi 1.7) */
  chartType: string;
  marker: string;
  fill: string;
  lineColor: string;
  lineStyle: string;
  lineWeight: number;
}

export interface ChartState {
  name: string;
  type: string;
  /** the source range, as `A3:D7` */
  source: string;
  title: string;
  legend: { position: string; visible: boolean };
  /** the cells it covers (setPosition), null where Excel put it */
  position: { start: string; end?: string } | null;
  categories: (string | number | boolean)[];
  series: ChartSeriesState[];
}

export interface NoteState {
  id: string;
  kind: 'comments' | 'notes';
  sheet: SheetState;
  r: number;
  c: number;
  content: string;
  author: string;
}

type Handler = (args: XWorksheetChangedArgs) => Promise<void>;

export type ProtectionState = Required<XProtectionOptions>;

/** What `protect()` without options allows: nothing but selecting cells. */
export const DEFAULT_PROTECTION: ProtectionState = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** What protectTemplate (src/hosts/file/template.ts) allows, in Office.js terms. */
export const TEMPLATE_PROTECTION: ProtectionState = {
  ...DEFAULT_PROTECTION,
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: true,
  allowInsertHyperlinks: true,
  allowSort: true,
  allowAutoFilter: true,
  allowEditObjects: true,
};

/** What Excel reports as `options` while a sheet is not protected. */
const UNPROTECTED_OPTIONS: ProtectionState = {
  allowAutoFilter: true,
  allowDeleteColumns: true,
  allowDeleteRows: true,
  allowEditObjects: true,
  allowEditScenarios: true,
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertColumns: true,
  allowInsertHyperlinks: true,
  allowInsertRows: true,
  allowPivotTables: true,
  allowSort: true,
  selectionMode: 'Normal',
};

/** Writes per sheet, kept out of the sheet's own state (which tests compare whole). */
const WRITES = new WeakMap<object, number>();

export class SheetState {
  cells = new Map<string, CellState>();
  cfs: CfState[] = [];
  charts: ChartState[] = [];
  widths = new Map<number, number>();
  handlers = new Set<Handler>();
  protected = false;
  /** the protection's password, '' when it has none */
  password = '';
  /** what the protection allows (kept while unprotected, as Excel does for the next protection) */
  protection: ProtectionState = { ...DEFAULT_PROTECTION };
  /** areas whose cells are not locked (every other cell is, as in Excel) */
  unlocked: Area[] = [];
  /** merged areas (see `merge`) */
  merges: Area[] = [];
  /**
   * When set, every change to this sheet fails with this error: an Excel whose protection error is
   * not the documented `AccessDenied`, or a sheet that fails for reasons of its own.
   */
  refuseWith?: FakeOfficeError;
  /** commands that tried to change this sheet (cells, formats, conditional formats, comments, notes) */
  get writes(): number {
    return WRITES.get(this) ?? 0;
  }
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  cell(r: number, c: number): CellState {
    return this.cells.get(`${r},${c}`) ?? DEFAULT_CELL;
  }
  edit(r: number, c: number, change: Partial<CellState>): void {
    this.cells.set(`${r},${c}`, { ...this.cell(r, c), ...change });
  }
  isLocked(r: number, c: number): boolean {
    return !this.unlocked.some((a) => intersects(a, { r0: r, c0: c, rows: 1, cols: 1 }));
  }
  /**
   * The user merging cells (Home → Merge Cells), e.g. `merge('I5:I6')`: as in Excel, the top-left
   * cell keeps its value and the other cells are emptied. Overlapping an existing merge fails.
   */
  merge(address: string): void {
    const area = parseArea(address);
    if (area.rows * area.cols < 2) throw new FakeOfficeError('InvalidArgument', `${address} is a single cell.`);
    if (this.merges.some((m) => intersects(m, area)))
      throw new FakeOfficeError('InvalidOperation', `${address} overlaps a merged area.`);
    for (let r = area.r0; r < area.r0 + area.rows; r++)
      for (let c = area.c0; c < area.c0 + area.cols; c++)
        if (r !== area.r0 || c !== area.c0) this.edit(r, c, { v: '', type: 'Empty', formula: undefined });
    this.merges.push(area);
  }
}

/** A cell as tests give it: a plain value, or a value with a number format, an error or a formula. */
export type CellInput = Value | null | { v?: Value | null; fmt?: string; err?: string; f?: string; fill?: string };

export interface FakeOptions {
  /** highest ExcelApi version supported, e.g. "1.9"; default "1.18" */
  version?: string;
  /** sheets in order, rows of cells from A1 */
  sheets?: [name: string, rows: CellInput[][]][];
  /** sheets protected without a password, with the template's options (or `protection`) */
  protectedSheets?: string[];
  /** the options of `protectedSheets` and `passwordSheets`; the template's by default */
  protection?: XProtectionOptions;
  /** sheet → addresses of its unlocked cells (every other cell is locked, as in Excel) */
  unlocked?: Record<string, string[]>;
  /** sheets protected with a password (sheet → password), with the template's options */
  passwordSheets?: Record<string, string>;
  /** what `unprotect()` without the password does: fail (default) or leave the sheet protected */
  passwordUnprotect?: 'throws' | 'ignored';
  /** ExcelApiOnline 1.1 is there (Excel on the web) */
  online?: boolean;
  workbookProtected?: boolean;
  /** the comments API is there, but adding a comment fails (as in files that cannot hold threaded comments) */
  commentsFail?: boolean;
}

// ------------------------------------------------------------------ addresses

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

interface Area {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** `A1`, `$A$1:B2`, `A:C`, optionally after `Sheet!` (0-based result). */
export function parseArea(address: string): Area {
  const ref = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
    return { c: m[1] ? colNumber(m[1]) - 1 : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = one(parts[0]!);
  const b = parts[1] ? one(parts[1]) : a;
  const r0 = a.r ?? 0;
  const c0 = a.c ?? 0;
  const r1 = b.r ?? (a.r === null ? MAX_ROWS - 1 : r0);
  const c1 = b.c ?? (a.c === null ? MAX_COLS - 1 : c0);
  return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

function areaAddress(a: Area): string {
  const tl = `${colName(a.c0 + 1)}${a.r0 + 1}`;
  return a.rows === 1 && a.cols === 1 ? tl : `${tl}:${colName(a.c0 + a.cols)}${a.r0 + a.rows}`;
}

function sheetPrefix(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Area, b: Area): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

function cfCovers(cf: CfState, area: Area): boolean {
  return cf.areas.some((a) => intersects(a, area));
}

function versionNumber(v: string): number {
  const [major, minor] = v.split('.').map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
}

// ------------------------------------------------------------------ the workbook

export class FakeSettings implements XSettings {
  values = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  failSave = false;
  get(name: string): unknown {
    return this.values.has(name) ? this.values.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  remove(name: string): void {
    this.values.delete(name);
  }
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void {
    setTimeout(() => {
      this.saves++;
      if (this.failSave) return callback?.({ status: 'failed', error: { message: 'save failed' } });
      this.saved = new Map(this.values);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
}

export class FakeWorkbook {
  sheets: SheetState[] = [];
  comments: NoteState[] = [];
  notes: NoteState[] = [];
  settings = new FakeSettings();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** context.sync() calls, including the implicit one at the end of a run */
  syncs = 0;
  runs = 0;
  eventsEnabled = true;
  workbookHandlers = new Set<Handler>();
  workbookProtected: boolean;
  commentsFail: boolean;
  passwordUnprotect: 'throws' | 'ignored';
  /** sheets whose `protect()` fails: with options only, or always */
  protectFails = new Map<string, 'withOptions' | 'always'>();
  /** protect() and unprotect() calls that ran, in order, as "sheet:protect" / "sheet:unprotect" */
  protectionLog: string[] = [];
  /**
   * The calls that cleared the user's undo stack, as "Worksheet.delete:校验结果". Excel's documented
   * list of APIs without undo support ("Undo support with the Excel JavaScript API") and the
   * office-js issues (#6170, #3778) say worksheet deletion and protection changes are among them.
   */
  undoClearedBy: string[] = [];
  /**
   * Excel on the web fails a sync whose response is larger than 5 MB
   * (`ResponsePayloadSizeLimitExceeded`); the fake counts the JSON of what a sync loads.
   */
  responseLimit = 5 * 1024 * 1024;
  /** the largest response of any sync that succeeded so far, in bytes */
  largestResponse = 0;
  /** called as each sync starts; if it throws, the sync fails and its commands are dropped */
  onSync?: () => void;
  /** functions registered with Office.actions.associate */
  actions = new Map<string, (event: { completed(): void }) => unknown>();
  private nextId = 1;
  private readonly version: number;
  private readonly online: boolean;

  constructor(opts: FakeOptions = {}) {
    this.version = versionNumber(opts.version ?? '1.18');
    this.online = !!opts.online;
    this.workbookProtected = !!opts.workbookProtected;
    this.commentsFail = !!opts.commentsFail;
    this.passwordUnprotect = opts.passwordUnprotect ?? 'throws';
    for (const [name, rows] of opts.sheets ?? [['Sheet1', []]]) this.addSheet(name, rows);
    for (const [name, areas] of Object.entries(opts.unlocked ?? {})) for (const a of areas) this.unlock(name, a);
    const options = opts.protection;
    for (const name of opts.protectedSheets ?? []) this.protect(name, { options });
    for (const [name, password] of Object.entries(opts.passwordSheets ?? {})) this.protect(name, { password, options });
  }

  supports(version: string): boolean {
    return versionNumber(version) <= this.version;
  }

  /** Office.context.requirements.isSetSupported */
  supportsSet(name: string, version = '1.1'): boolean {
    if (name === 'ExcelApi') return this.supports(version);
    return name === 'ExcelApiOnline' && this.online && versionNumber(version) <= versionNumber('1.1');
  }

  need(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  async run<T>(batch: (ctx: XContext) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync();
    return result;
  }

  env(): ExcelEnv {
    return {
      run: (batch) => this.run(batch),
      supports: (v) => this.supports(v),
      settings: this.settings,
      supportsOnline: () => this.supportsSet('ExcelApiOnline', '1.1'),
      release: async (handler) => handler.remove(),
    };
  }

  // ---------------------------------------------------------------- helpers for tests

  addSheet(name: string, rows: CellInput[][] = []): SheetState {
    const s = new SheetState(this.newId('sheet'), name);
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input === null || input === undefined || input === '') return;
        if (typeof input !== 'object') return s.edit(r, c, coerce(input));
        const change: Partial<CellState> = {};
        if (input.err) Object.assign(change, { v: input.err, type: 'Error' });
        else if (input.v !== undefined && input.v !== null) Object.assign(change, coerce(input.v));
        if (input.f) change.formula = input.f;
        if (input.fmt) change.fmt = input.fmt;
        if (input.fill) change.fill = input.fill;
        s.edit(r, c, change);
      }),
    );
    this.sheets.push(s);
    return s;
  }

  /** The user protecting a sheet (Review → Protect Sheet); the template's options unless told. */
  protect(sheet: string, how: { password?: string; options?: XProtectionOptions } = {}): void {
    const s = this.sheet(sheet);
    s.protected = true;
    s.password = how.password ?? '';
    s.protection = { ...DEFAULT_PROTECTION, ...(how.options ?? TEMPLATE_PROTECTION) };
  }

  /** Clears the Locked box of some cells (Format Cells → Protection), as the template does for its input cells. */
  unlock(sheet: string, address: string): void {
    this.sheet(sheet).unlocked.push(parseArea(address));
  }

  /** A sheet's protection as the user would find it in Excel's dialog. */
  protectionOf(sheet: string): { protected: boolean; password: string; options: ProtectionState } {
    const s = this.sheet(sheet);
    return { protected: s.protected, password: s.password, options: { ...s.protection } };
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
    return s;
  }

  /** What a user sees in a cell: its value, the fill that shows (conditional format first), its comment or note. */
  look(sheet: string, address: string) {
    const s = this.sheet(sheet);
    const { r0, c0 } = parseArea(address);
    const cell = s.cell(r0, c0);
    const cfs = s.cfs.filter((cf) => cfCovers(cf, { r0, c0, rows: 1, cols: 1 }));
    const shown = cfs.find((cf) => cf.type === 'Custom' && cf.fill);
    const at = (n: NoteState) => n.sheet === s && n.r === r0 && n.c === c0;
    return {
      value: cell.v,
      type: cell.type,
      formula: cell.formula,
      staticFill: cell.fill,
      fill: shown ? shown.fill.toUpperCase() : cell.fill,
      conditionalFormats: cfs.length,
      comment: this.comments.find(at)?.content,
      note: this.notes.find(at)?.content,
      bold: cell.bold,
      link: cell.link,
      width: s.widths.get(c0),
    };
  }

  setFill(sheet: string, address: string, colour: string): void {
    const { r0, c0 } = parseArea(address);
    this.sheet(sheet).edit(r0, c0, { fill: colour });
  }

  addUserConditionalFormat(sheet: string, address: string, fill: string, formula = '=A1>0', type = 'Custom'): void {
    this.sheet(sheet).cfs.push({ areas: [parseArea(address)], type, formula, fill });
  }

  addUserComment(sheet: string, address: string, content: string, kind: 'comments' | 'notes' = 'comments'): void {
    const { r0, c0 } = parseArea(address);
    this[kind].push({ id: this.newId('c'), kind, sheet: this.sheet(sheet), r: r0, c: c0, content, author: '张老师' });
  }

  /** A user typing into a cell: the value changes and change events fire. */
  userEdit(sheet: string, address: string, value: Value): void {
    const s = this.sheet(sheet);
    const { r0, c0 } = parseArea(address);
    s.edit(r0, c0, coerce(value));
    this.emitChanged(s, address, true);
  }

  emitChanged(sheet: SheetState, address: string, byUser = false): void {
    if (!this.eventsEnabled && !byUser) return;
    const args: XWorksheetChangedArgs = { worksheetId: sheet.id, address };
    for (const h of [...sheet.handlers, ...this.workbookHandlers]) setTimeout(() => void h(args), 0);
  }

  /** Everything a user could see or lose: values, formats, conditional formats, comments, notes, widths. */
  dump(): string {
    const sheets = this.sheets.map((s) => ({
      name: s.name,
      protected: s.protected,
      password: s.password,
      protection: s.protection,
      unlocked: s.unlocked,
      merges: s.merges,
      cells: [...s.cells.entries()]
        .filter(([, c]) => JSON.stringify(c) !== JSON.stringify(DEFAULT_CELL))
        .sort(([a], [b]) => a.localeCompare(b)),
      cfs: s.cfs,
      widths: [...s.widths.entries()],
    }));
    const notes = (list: NoteState[]) => list.map((n) => ({ ...n, sheet: n.sheet.name }));
    return JSON.stringify({ sheets, comments: notes(this.comments), notes: notes(this.notes) });
  }

  /** Row-major values of a sheet's used area, for reading what the host wrote. */
  values(sheet: string): Value[][] {
    const s = this.sheet(sheet);
    const area = usedArea(s, true);
    const out: Value[][] = [];
    for (let r = 0; r < area.r0 + area.rows; r++) {
      const row: Value[] = [];
      for (let c = 0; c < area.c0 + area.cols; c++) row.push(s.cell(r, c).v);
      out.push(row);
    }
    return out;
  }
}

function coerce(v: Value): Partial<CellState> {
  if (typeof v === 'number') return { v, type: 'Double', formula: undefined };
  if (typeof v === 'boolean') return { v, type: 'Boolean', formula: undefined };
  if (v === '') return { v: '', type: 'Empty', formula: undefined };
  if (v.startsWith("'")) return { v: v.slice(1), type: 'String', formula: undefined };
  // Excel runs what starts with "=", and reads clean numbers as numbers.
  if (v.startsWith('=')) return { v: 0, type: 'Double', formula: v };
  if (/^[-+]?\d+(\.\d+)?$/.test(v.trim())) return { v: Number(v), type: 'Double', formula: undefined };
  return { v, type: 'String', formula: undefined };
}

function usedArea(s: SheetState, valuesOnly: boolean): Area {
  let r1 = -1;
  let c1 = -1;
  let r0 = Infinity;
  let c0 = Infinity;
  for (const [k, cell] of s.cells) {
    if (valuesOnly ? cell.type === 'Empty' : JSON.stringify(cell) === JSON.stringify(DEFAULT_CELL)) continue;
    const [r, c] = k.split(',').map(Number) as [number, number];
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? { r0: 0, c0: 0, rows: 1, cols: 1 } : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

// ------------------------------------------------------------------ the request context and client objects

class FakeContext implements XContext {
  private queue: (() => void)[] = [];
  readonly workbook: FakeWorkbookApi;
  readonly runtime: FakeRuntime;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookApi(this);
    this.runtime = new FakeRuntime(this);
  }
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  pending(): boolean {
    return this.queue.length > 0;
  }
  /** bytes loaded by the sync under way */
  response = 0;
  /** which sync of this context is running (or ran last) */
  syncNo = 0;
  async sync(): Promise<void> {
    this.wb.syncs++;
    this.syncNo++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.wb.onSync?.();
    this.response = 0;
    for (const op of ops) op();
    this.wb.largestResponse = Math.max(this.wb.largestResponse, this.response);
  }
  /** Counts a loaded value against the response limit. */
  loaded(value: unknown): void {
    this.response += JSON.stringify(value ?? null).length;
    if (this.response > this.wb.responseLimit)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
  }
}

abstract class FakeObject {
  private readonly cache = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected get wb(): FakeWorkbook {
    return this.ctx.wb;
  }
  /** the property's value in the workbook now (called at sync) */
  protected abstract fetch(prop: string): unknown;
  protected nav(_name: string): FakeObject | undefined {
    return undefined;
  }
  protected loaded<T>(prop: string): T {
    if (!this.cache.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.cache.get(prop) as T;
  }
  protected remember(prop: string, value: unknown): void {
    this.ctx.loaded(value);
    this.cache.set(prop, value);
  }
  protected queueLoad(paths: string): void {
    for (const p of paths
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean))
      this.ctx.enqueue(() => this.resolve(p));
  }
  resolve(path: string): void {
    const [head, ...rest] = path.split('/') as [string, ...string[]];
    if (!rest.length) return this.remember(head, this.fetch(head));
    const child = this.nav(head);
    if (!child) throw new FakeOfficeError('InvalidArgument', `Cannot load '${path}'`);
    child.resolve(rest.join('/'));
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private list: T[] | null = null;
  protected abstract current(): T[];
  protected fetch(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Collections load 'items/…', not '${prop}'`);
  }
  /** the sync whose loads made `list`: a load in a later sync reads the collection afresh, as Excel does */
  private listAt = -1;
  override resolve(path: string): void {
    const [head, ...rest] = path.split('/');
    if (head !== 'items') return super.resolve(path);
    if (!this.list || this.listAt !== this.ctx.syncNo) {
      this.list = this.current();
      this.listAt = this.ctx.syncNo;
    }
    if (rest.length) for (const item of this.list) item.resolve(rest.join('/'));
  }
  get items(): T[] {
    if (!this.list) return this.loaded<T[]>('items');
    return this.list;
  }
}

class FakeRuntime extends FakeObject implements XRuntime {
  protected fetch(): unknown {
    return this.wb.eventsEnabled;
  }
  get enableEvents(): boolean {
    return this.loaded('enableEvents');
  }
  set enableEvents(on: boolean) {
    this.wb.need('1.8', 'runtime.enableEvents');
    this.ctx.enqueue(() => (this.wb.eventsEnabled = on));
  }
}

/** Navigation properties return the same object every time, as in Office.js. */
class FakeWorkbookApi implements XWorkbook {
  private sheets?: FakeWorksheetCollection;
  private commentList?: FakeNoteCollection;
  private noteList?: FakeNoteCollection;
  constructor(private readonly ctx: FakeContext) {}
  get worksheets(): FakeWorksheetCollection {
    return (this.sheets ??= new FakeWorksheetCollection(this.ctx));
  }
  get comments(): FakeNoteCollection {
    this.ctx.wb.need('1.10', 'comments');
    return (this.commentList ??= new FakeNoteCollection(this.ctx, 'comments'));
  }
  get notes(): FakeNoteCollection {
    this.ctx.wb.need('1.18', 'notes');
    return (this.noteList ??= new FakeNoteCollection(this.ctx, 'notes'));
  }
}

class FakeEvents implements XEventHandlers<XWorksheetChangedArgs> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly set: () => Set<Handler>,
  ) {}
  add(handler: Handler): XEventResult {
    this.ctx.enqueue(() => this.set().add(handler));
    return {
      remove: () => void this.set().delete(handler),
      context: this.ctx as unknown as OfficeExtension.ClientRequestContext,
    };
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XWorksheetCollection {
  protected current(): FakeWorksheet[] {
    return this.wb.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }
  load(props: string): FakeWorksheetCollection {
    this.queueLoad(props);
    return this;
  }
  /** by name or by id, as Excel's */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.wb.sheets.find((x) => x.id === key) ?? this.wb.sheet(key));
  }
  add(name?: string): FakeWorksheet {
    const state = new SheetState(this.wb.newId('sheet'), name ?? `Sheet${this.wb.sheets.length + 1}`);
    this.ctx.enqueue(() => {
      if (this.wb.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook is protected.');
      if (this.wb.sheets.some((s) => s.name === state.name)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${state.name} exists.`);
      }
      this.wb.sheets.push(state);
    });
    return new FakeWorksheet(this.ctx, () => state);
  }
  get onChanged(): FakeEvents {
    this.wb.need('1.9', 'worksheets.onChanged');
    return new FakeEvents(this.ctx, () => this.wb.workbookHandlers);
  }
}

const OPTIONS_17: (keyof XProtectionOptions)[] = ['allowEditObjects', 'allowEditScenarios', 'selectionMode'];

class FakeProtection extends FakeObject implements XWorksheetProtection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    const s = this.sheet();
    switch (prop) {
      case 'protected':
        return s.protected;
      case 'options': {
        const options: XProtectionOptions = { ...(s.protected ? s.protection : UNPROTECTED_OPTIONS) };
        if (!this.wb.supports('1.7')) for (const k of OPTIONS_17) delete options[k];
        return options;
      }
      case 'isPasswordProtected':
        if (!this.wb.supportsSet('ExcelApiOnline', '1.1'))
          throw new FakeOfficeError('ApiNotFound', 'isPasswordProtected needs ExcelApiOnline 1.1');
        return s.protected && s.password !== '';
      default:
        throw new FakeOfficeError('InvalidArgument', `WorksheetProtection has no property ${prop}`);
    }
  }
  load(props: string): FakeProtection {
    this.queueLoad(props);
    return this;
  }
  get protected(): boolean {
    return this.loaded('protected');
  }
  get options(): XProtectionOptions {
    return this.loaded('options');
  }
  get isPasswordProtected(): boolean {
    return this.loaded('isPasswordProtected');
  }
  protect(options?: XProtectionOptions, password?: string): void {
    if (password !== undefined) this.wb.need('1.7', 'protect(options, password)');
    this.ctx.enqueue(() => {
      const s = this.sheet();
      this.wb.protectionLog.push(`${s.name}:protect`);
      this.wb.undoClearedBy.push(`WorksheetProtection.protect:${s.name}`);
      if (s.protected) throw new FakeOfficeError('InvalidOperation', `The sheet ${s.name} is already protected.`);
      const fails = this.wb.protectFails.get(s.name);
      if (fails === 'always' || (fails === 'withOptions' && options))
        throw new FakeOfficeError('GeneralException', `The sheet ${s.name} could not be protected.`);
      s.protected = true;
      s.password = password ?? '';
      s.protection = { ...DEFAULT_PROTECTION, ...options };
    });
  }
  unprotect(password?: string): void {
    if (password !== undefined) this.wb.need('1.7', 'unprotect(password)');
    this.ctx.enqueue(() => {
      const s = this.sheet();
      this.wb.protectionLog.push(`${s.name}:unprotect`);
      this.wb.undoClearedBy.push(`WorksheetProtection.unprotect:${s.name}`);
      if (!s.protected) return;
      if (s.password !== '' && password !== s.password) {
        if (this.wb.passwordUnprotect === 'ignored') return;
        throw new FakeOfficeError('InvalidArgument', 'The password is incorrect.');
      }
      s.protected = false;
    });
  }
}

class FakeWorksheet extends FakeObject implements XWorksheet {
  private prot?: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly state: () => SheetState,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    const s = this.state();
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    throw new FakeOfficeError('InvalidArgument', `Worksheet has no property ${prop}`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
  load(props: string): FakeWorksheet {
    this.queueLoad(props);
    return this;
  }
  get name(): string {
    return this.loaded('name');
  }
  get id(): string {
    return this.loaded('id');
  }
  get protection(): FakeProtection {
    this.wb.need('1.2', 'worksheet.protection');
    return (this.prot ??= new FakeProtection(this.ctx, this.state));
  }
  get onChanged(): FakeEvents {
    this.wb.need('1.7', 'worksheet.onChanged');
    return new FakeEvents(this.ctx, () => this.state().handlers);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.state, address ? parseArea(address) : parseArea('A:XFD'));
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this.state);
  }
  getRanges(address?: string): FakeAreas {
    this.wb.need('1.9', 'worksheet.getRanges');
    const list = (address ?? '').split(',').map((a) => a.trim());
    if (!address || list.some((a) => !a)) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
    if (address.length > MAX_ADDRESS_CHARS)
      throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return new FakeAreas(this.ctx, this.state, list.map(parseArea));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.wb.need('1.2', 'getUsedRange(valuesOnly)');
    return new FakeRange(this.ctx, this.state, usedArea(this.state(), !!valuesOnly));
  }
  activate(): void {
    this.ctx.enqueue(() => (this.wb.activeSheet = this.state().name));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (this.wb.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook is protected.');
      const s = this.state();
      this.wb.undoClearedBy.push(`Worksheet.delete:${s.name}`);
      this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
      this.wb.comments = this.wb.comments.filter((n) => n.sheet !== s);
      this.wb.notes = this.wb.notes.filter((n) => n.sheet !== s);
    });
  }
}

// ---------------------------------------------------------------- charts (ExcelApi 1.1; series types 1.7)

class FakeChartCollection extends FakeCollection<FakeChart> implements XChartCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected current(): FakeChart[] {
    const s = this.sheet();
    return s.charts.map((c) => new FakeChart(this.ctx, s, () => c));
  }
  load(props: string): FakeChartCollection {
    this.queueLoad(props);
    return this;
  }
  add(type: 'ColumnClustered' | 'ColumnStacked', sourceData: XRange, seriesBy?: 'Columns'): FakeChart {
    if (!(sourceData instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'sourceData is not a range');
    const state: ChartState = {
      name: this.wb.newId('Chart '),
      type,
      source: areaAddress(sourceData.area),
      title: '',
      legend: { position: 'Right', visible: true },
      position: null,
      categories: [],
      series: [],
    };
    this.ctx.enqueue(() => {
      const s = guard(this.sheet(), 'objects');
      if (sourceData.sheet() !== s)
        throw new FakeOfficeError('InvalidArgument', 'The source data is on another sheet.');
      if (seriesBy !== undefined && seriesBy !== 'Columns') throw new FakeOfficeError('InvalidArgument', 'seriesBy');
      const { r0, c0, rows, cols } = sourceData.area;
      if (rows < 2 || cols < 2)
        throw new FakeOfficeError('InvalidArgument', 'The source data is too small for a chart.');
      state.categories = Array.from({ length: rows - 1 }, (_, i) => s.cell(r0 + 1 + i, c0).v);
      for (let c = c0 + 1; c < c0 + cols; c++) {
        state.series.push({
          name: String(s.cell(r0, c).v),
          values: Array.from({ length: rows - 1 }, (_, i) => s.cell(r0 + 1 + i, c).v),
          chartType: type,
          marker: 'Automatic',
          fill: '',
          lineColor: '',
          lineStyle: 'Automatic',
          lineWeight: 0,
        });
      }
      s.charts.push(state);
    });
    return new FakeChart(this.ctx, this.sheet, () => state);
  }
}

class FakeChart extends FakeObject implements XChart {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: SheetState | (() => SheetState),
    readonly state: () => ChartState,
  ) {
    super(ctx);
  }
  private get sheetState(): SheetState {
    return typeof this.sheetOf === 'function' ? this.sheetOf() : this.sheetOf;
  }
  protected fetch(prop: string): unknown {
    if (prop === 'name') return this.state().name;
    throw new FakeOfficeError('InvalidArgument', `Chart has no property ${prop}`);
  }
  /** a change to the chart at sync: on a protected sheet only with "Edit objects" */
  change(op: (c: ChartState) => void): void {
    this.ctx.enqueue(() => {
      guard(this.sheetState, 'objects');
      op(this.state());
    });
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.change((c) => (c.name = v));
  }
  get title(): FakeChartTitle {
    return new FakeChartTitle(this);
  }
  get legend(): FakeChartLegend {
    return new FakeChartLegend(this);
  }
  get series(): XChartSeriesCollection {
    return { getItemAt: (i: number) => new FakeSeries(this, i) };
  }
  setPosition(startCell: string, endCell?: string): void {
    parseArea(startCell);
    if (endCell) parseArea(endCell);
    this.change((c) => (c.position = { start: startCell, ...(endCell ? { end: endCell } : {}) }));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = guard(this.sheetState, 'objects');
      s.charts = s.charts.filter((c) => c !== this.state());
    });
  }
  need(version: string, what: string): void {
    this.wb.need(version, what);
  }
}

class FakeSeries implements XChartSeries {
  constructor(
    readonly chart: FakeChart,
    private readonly index: number,
  ) {}
  set(op: (s: ChartSeriesState) => void): void {
    this.chart.change((c) => {
      const s = c.series[this.index];
      if (!s) throw new FakeOfficeError('ItemNotFound', `The chart has no series ${this.index}.`);
      op(s);
    });
  }
  private notLoaded(prop: string): never {
    return notLoaded(prop);
  }
  get name(): string {
    return this.notLoaded('name');
  }
  set name(v: string) {
    this.set((s) => (s.name = v));
  }
  get chartType(): Excel.ChartSeries['chartType'] {
    return this.notLoaded('chartType');
  }
  set chartType(v: Excel.ChartSeries['chartType']) {
    this.chart.need('1.7', 'ChartSeries.chartType');
    this.set((s) => (s.chartType = String(v)));
  }
  get markerStyle(): Excel.ChartSeries['markerStyle'] {
    return this.notLoaded('markerStyle');
  }
  set markerStyle(v: Excel.ChartSeries['markerStyle']) {
    this.chart.need('1.7', 'ChartSeries.markerStyle');
    this.set((s) => (s.marker = String(v)));
  }
  get format(): { fill: { setSolidColor(color: string): void }; line: XChartLineFormat } {
    return {
      fill: { setSolidColor: (color: string) => this.set((s) => (s.fill = color)) },
      line: new FakeLineFormat(this),
    };
  }
}

function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

class FakeChartTitle {
  constructor(private readonly chart: FakeChart) {}
  get text(): string {
    return notLoaded('text');
  }
  set text(v: string) {
    this.chart.change((c) => (c.title = v));
  }
}

class FakeChartLegend {
  constructor(private readonly chart: FakeChart) {}
  get position(): Excel.ChartLegend['position'] {
    return notLoaded('position');
  }
  set position(v: Excel.ChartLegend['position']) {
    this.chart.change((c) => (c.legend.position = String(v)));
  }
  get visible(): boolean {
    return notLoaded('visible');
  }
  set visible(v: boolean) {
    this.chart.change((c) => (c.legend.visible = v));
  }
}

class FakeLineFormat implements XChartLineFormat {
  constructor(private readonly series: FakeSeries) {}
  get color(): string {
    return notLoaded('color');
  }
  set color(v: string) {
    this.series.set((s) => (s.lineColor = v));
  }
  get lineStyle(): Excel.ChartLineFormat['lineStyle'] {
    return notLoaded('lineStyle');
  }
  set lineStyle(v: Excel.ChartLineFormat['lineStyle']) {
    this.series.chart.need('1.7', 'ChartLineFormat.lineStyle');
    this.series.set((s) => (s.lineStyle = String(v)));
  }
  get weight(): number {
    return notLoaded('weight');
  }
  set weight(v: number) {
    this.series.chart.need('1.7', 'ChartLineFormat.weight');
    this.series.set((s) => (s.lineWeight = v));
  }
}

/**
 * What a command changes, for the protection check:
 * - `format`: cell formats (fill, font, alignment, number format): the protection's "Format cells",
 *   on locked and unlocked cells alike;
 * - `values`: cell contents: unlocked cells only;
 * - `hyperlinks`: a link is contents too, and needs "Insert hyperlinks" even in unlocked cells;
 * - `columns` / `rows`: column widths / row heights ("Format columns" / "Format rows");
 * - `objects`: comments and notes ("Edit objects");
 * - `conditionalFormats`: with "Format cells", which in Excel's protection dialog covers
 *   Conditional Formatting;
 * - `sheet`: anything else that changes the sheet.
 */
type EditKind = 'format' | 'values' | 'hyperlinks' | 'columns' | 'rows' | 'objects' | 'conditionalFormats' | 'sheet';

function allowed(s: SheetState, kind: EditKind, area?: Area): boolean {
  const p = s.protection;
  const unlocked = () => {
    if (!area) return false;
    for (let r = area.r0; r < area.r0 + area.rows; r++)
      for (let c = area.c0; c < area.c0 + area.cols; c++) if (s.isLocked(r, c)) return false;
    return true;
  };
  switch (kind) {
    case 'format':
    case 'conditionalFormats':
      return p.allowFormatCells;
    case 'values':
      return unlocked();
    case 'hyperlinks':
      return p.allowInsertHyperlinks && unlocked();
    case 'columns':
      return p.allowFormatColumns;
    case 'rows':
      return p.allowFormatRows;
    case 'objects':
      return p.allowEditObjects;
    default:
      return false;
  }
}

/** Commands fail on a protected sheet unless its options allow them, as in Excel (see EditKind). */
function guard(s: SheetState, kind: EditKind = 'sheet', area?: Area): SheetState {
  WRITES.set(s, s.writes + 1);
  if (s.refuseWith) throw s.refuseWith;
  if (s.protected && !allowed(s, kind, area)) {
    throw new FakeOfficeError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet (${s.name}). To make a change, unprotect the sheet.`,
    );
  }
  return s;
}

class FakeRange extends FakeObject implements XRange {
  private fmt: FakeRangeFormat | null = null;
  private cfs: FakeCfCollection | null = null;
  constructor(
    ctx: FakeContext,
    readonly sheet: () => SheetState,
    readonly area: Area,
    /** a null object (from a `*OrNullObject` method): its loads do nothing, only isNullObject is read */
    private readonly nullObject = false,
  ) {
    super(ctx);
    if (nullObject) ctx.enqueue(() => this.remember('isNullObject', true));
  }
  override resolve(path: string): void {
    if (this.nullObject) return;
    this.remember('isNullObject', false);
    super.resolve(path);
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const s = guard(this.sheet(), 'values', this.area);
      for (const key of [...s.cells.keys()]) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        if (intersects(this.area, { r0: r, c0: c, rows: 1, cols: 1 })) s.cells.delete(key);
      }
    });
  }
  private grid<T>(f: (c: CellState) => T): T[][] {
    const { r0, c0, rows, cols } = this.area;
    if (rows * cols > 5_000_000) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'Too many cells.');
    const s = this.sheet();
    const out: T[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < cols; c++) row.push(f(s.cell(r0 + r, c0 + c)));
      out.push(row);
    }
    return out;
  }
  protected fetch(prop: string): unknown {
    switch (prop) {
      case 'address':
        return `${sheetPrefix(this.sheet().name)}!${areaAddress(this.area)}`;
      case 'rowIndex':
        return this.area.r0;
      case 'columnIndex':
        return this.area.c0;
      case 'rowCount':
        return this.area.rows;
      case 'columnCount':
        return this.area.cols;
      case 'values':
        return this.grid((c) => c.v);
      case 'numberFormat':
        return this.grid((c) => c.fmt);
      case 'valueTypes':
        return this.grid((c) => c.type);
      case 'formulas':
        return this.grid((c) => c.formula ?? c.v);
      default:
        throw new FakeOfficeError('InvalidArgument', `Range has no property ${prop}`);
    }
  }
  protected override nav(name: string): FakeObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }
  load(props: string): FakeRange {
    this.queueLoad(props);
    return this;
  }
  forEachCell(kind: EditKind, f: (s: SheetState, r: number, c: number) => void): void {
    const s = guard(this.sheet(), kind, this.area);
    for (let r = 0; r < this.area.rows; r++)
      for (let c = 0; c < this.area.cols; c++) f(s, this.area.r0 + r, this.area.c0 + c);
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get values(): Value[][] {
    return this.loaded('values');
  }
  set values(values: Value[][]) {
    if (values.length !== this.area.rows || values.some((row) => row.length !== this.area.cols)) {
      throw new FakeOfficeError('InvalidArgument', `The values do not fit ${areaAddress(this.area)}`);
    }
    this.ctx.enqueue(() => {
      this.forEachCell('values', (s, r, c) => s.edit(r, c, coerce(values[r - this.area.r0]![c - this.area.c0]!)));
      this.wb.emitChanged(this.sheet(), areaAddress(this.area));
    });
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.ctx.enqueue(() =>
      this.forEachCell('format', (s, r, c) => s.edit(r, c, { fmt: formats[r - this.area.r0]![c - this.area.c0]! })),
    );
  }
  get valueTypes(): string[][] {
    return this.loaded('valueTypes');
  }
  get formulas(): Value[][] {
    return this.loaded('formulas');
  }
  get hyperlink(): XHyperlink {
    return this.loaded('hyperlink');
  }
  set hyperlink(link: XHyperlink) {
    this.wb.need('1.7', 'range.hyperlink');
    this.ctx.enqueue(() =>
      this.forEachCell('hyperlinks', (s, r, c) => s.edit(r, c, { link, v: link.textToDisplay ?? '', type: 'String' })),
    );
  }
  get format(): FakeRangeFormat {
    return (this.fmt ??= new FakeRangeFormat(this.ctx, this));
  }
  get conditionalFormats(): FakeCfCollection {
    this.wb.need('1.6', 'conditionalFormats');
    return (this.cfs ??= new FakeCfCollection(this.ctx, this.sheet, [this.area]));
  }
  select(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      this.wb.activeSheet = s.name;
      this.wb.selection = { sheet: s.name, address: areaAddress(this.area) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.wb.need('1.13', 'range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.ctx, this.sheet, this.area);
  }
}

/** What Excel's documentation says getMergedAreasOrNullObject cannot return more than. */
const MAX_MERGED_AREAS = 512;
/**
 * The longest multi-area address the fake takes in `getRanges` (Excel's limit on a reference, as on
 * a formula's 8,192 characters; not documented for the API: the host stays far below it).
 */
export const MAX_ADDRESS_CHARS = 8192;

class FakeRangeCollection extends FakeCollection<FakeRange> implements XRangeCollection {
  constructor(
    ctx: FakeContext,
    private readonly ranges: () => FakeRange[],
  ) {
    super(ctx);
  }
  protected current(): FakeRange[] {
    return this.ranges();
  }
  load(props: string): FakeRangeCollection {
    this.queueLoad(props);
    return this;
  }
}

/**
 * The merged areas whose top-left cell is in `range` (as Excel: issue OfficeDev/office-js#3611),
 * found when the next sync runs; a null object when there are none, whose loads do nothing and
 * whose properties cannot be read.
 */
class FakeRangeAreas extends FakeObject implements XRangeAreas {
  /** the merged areas, once a sync has found them */
  private found: Area[] | null = null;
  private collection?: FakeRangeCollection;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
    range: Area,
  ) {
    super(ctx);
    ctx.enqueue(() => {
      const found = this.sheet().merges.filter((m) => intersects(range, { r0: m.r0, c0: m.c0, rows: 1, cols: 1 }));
      if (found.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError('GeneralException', `More than ${MAX_MERGED_AREAS} merged areas.`);
      this.found = found;
      this.remember('isNullObject', found.length === 0);
    });
  }
  private areasNow(): Area[] {
    if (!this.found?.length) throw new FakeOfficeError('InvalidOperation', 'The object is a null object.');
    return this.found;
  }
  override resolve(path: string): void {
    if (this.found?.length === 0) return; // a null object: loading it does nothing
    super.resolve(path);
  }
  protected fetch(prop: string): unknown {
    if (prop !== 'address') throw new FakeOfficeError('InvalidArgument', `RangeAreas has no property ${prop}`);
    const prefix = sheetPrefix(this.sheet().name);
    return this.areasNow()
      .map((a) => `${prefix}!${areaAddress(a)}`)
      .join(', ');
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
  load(props: string): FakeRangeAreas {
    this.queueLoad(props);
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get address(): string {
    return this.loaded('address');
  }
  get areas(): FakeRangeCollection {
    return (this.collection ??= new FakeRangeCollection(this.ctx, () =>
      this.areasNow().map((a) => new FakeRange(this.ctx, this.sheet, a)),
    ));
  }
}

class FakeRangeFill extends FakeObject implements XRangeFill {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    if (prop !== 'color') throw new FakeOfficeError('InvalidArgument', prop);
    const { r0, c0 } = this.range.area;
    return this.range.sheet().cell(r0, c0).fill || '#FFFFFF';
  }
  load(props: string): FakeRangeFill {
    this.queueLoad(props);
    return this;
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(colour: string) {
    this.ctx.enqueue(() => this.range.forEachCell('format', (s, r, c) => s.edit(r, c, { fill: colour.toUpperCase() })));
  }
  clear(): void {
    this.ctx.enqueue(() => this.range.forEachCell('format', (s, r, c) => s.edit(r, c, { fill: '' })));
  }
}

class FakeRangeFont implements XRangeFont {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}
  private setAll(change: Partial<CellState>) {
    this.ctx.enqueue(() => this.range.forEachCell('format', (s, r, c) => s.edit(r, c, change)));
  }
  get bold(): boolean {
    throw new FakeOfficeError('PropertyNotLoaded', 'font.bold');
  }
  set bold(bold: boolean) {
    this.setAll({ bold });
  }
  get size(): number {
    throw new FakeOfficeError('PropertyNotLoaded', 'font.size');
  }
  set size(size: number) {
    this.setAll({ size });
  }
  get color(): string {
    throw new FakeOfficeError('PropertyNotLoaded', 'font.color');
  }
  set color(fontColor: string) {
    this.setAll({ fontColor });
  }
}

class FakeRangeFormat extends FakeObject implements XRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
  }
  protected fetch(prop: string): unknown {
    const { r0, c0 } = this.range.area;
    const cell = this.range.sheet().cell(r0, c0);
    if (prop === 'wrapText') return cell.wrap;
    if (prop === 'verticalAlignment') return cell.valign;
    if (prop === 'columnWidth') return this.range.sheet().widths.get(c0) ?? 48;
    throw new FakeOfficeError('InvalidArgument', prop);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
  private setAll(change: Partial<CellState>) {
    this.ctx.enqueue(() => this.range.forEachCell('format', (s, r, c) => s.edit(r, c, change)));
  }
  get wrapText(): boolean {
    return this.loaded('wrapText');
  }
  set wrapText(wrap: boolean) {
    this.setAll({ wrap });
  }
  get verticalAlignment(): XRangeFormat['verticalAlignment'] {
    return this.loaded('verticalAlignment');
  }
  set verticalAlignment(valign: XRangeFormat['verticalAlignment']) {
    this.setAll({ valign: String(valign) });
  }
  get columnWidth(): number {
    return this.loaded('columnWidth');
  }
  set columnWidth(width: number) {
    this.wb.need('1.2', 'format.columnWidth');
    this.ctx.enqueue(() => {
      const s = guard(this.range.sheet(), 'columns');
      for (let c = 0; c < this.range.area.cols; c++) s.widths.set(this.range.area.c0 + c, width);
    });
  }
  autofitRows(): void {
    this.wb.need('1.2', 'format.autofitRows');
    this.ctx.enqueue(() => void guard(this.range.sheet(), 'rows'));
  }
}

class FakeCfCollection extends FakeCollection<FakeCf> implements XConditionalFormatCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
    private readonly areas: Area[],
  ) {
    super(ctx);
  }
  protected current(): FakeCf[] {
    const s = this.sheet();
    return s.cfs.filter((cf) => this.areas.some((a) => cfCovers(cf, a))).map((cf) => new FakeCf(this.ctx, s, cf));
  }
  load(props: string): FakeCfCollection {
    this.queueLoad(props);
    return this;
  }
  add(type: 'Custom'): FakeCf {
    const s = this.sheet();
    const state: CfState = { areas: this.areas.map((a) => ({ ...a })), type, formula: '', fill: '' };
    this.ctx.enqueue(() => void guard(s, 'conditionalFormats').cfs.push(state));
    return new FakeCf(this.ctx, s, state);
  }
}

class FakeRule extends FakeObject implements XConditionalRule {
  constructor(
    ctx: FakeContext,
    private readonly cf: CfState,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    if (this.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'Not a custom conditional format.');
    if (prop !== 'formula') throw new FakeOfficeError('InvalidArgument', prop);
    return this.cf.formula;
  }
  load(props: string): FakeRule {
    this.queueLoad(props);
    return this;
  }
  get formula(): string {
    return this.loaded('formula');
  }
  set formula(formula: string) {
    this.ctx.enqueue(() => (this.cf.formula = formula));
  }
}

class FakeCf extends FakeObject implements XConditionalFormat {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetState,
    private readonly cf: CfState,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    if (prop === 'type') return this.cf.type;
    if (prop === 'priority') return this.sheet.cfs.indexOf(this.cf);
    throw new FakeOfficeError('InvalidArgument', prop);
  }
  protected override nav(name: string): FakeObject | undefined {
    if (name === 'custom') throw new FakeOfficeError('InvalidArgument', 'Load custom properties through custom.rule.');
    return undefined;
  }
  load(props: string): FakeCf {
    this.queueLoad(props);
    return this;
  }
  get type(): string {
    return this.loaded('type');
  }
  get priority(): number {
    return this.loaded('priority');
  }
  set priority(p: number) {
    this.ctx.enqueue(() => {
      const list = guard(this.sheet, 'conditionalFormats').cfs.filter((x) => x !== this.cf);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, this.cf);
      this.sheet.cfs = list;
    });
  }
  private customFormat?: XCustomConditionalFormat;
  get custom(): XCustomConditionalFormat {
    const cf = this.cf;
    const ctx = this.ctx;
    return (this.customFormat ??= {
      rule: new FakeRule(ctx, cf),
      format: {
        fill: {
          get color(): string {
            throw new FakeOfficeError('PropertyNotLoaded', 'custom.format.fill.color');
          },
          set color(colour: string) {
            ctx.enqueue(() => (cf.fill = colour.toUpperCase()));
          },
        },
      },
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      guard(this.sheet, 'conditionalFormats').cfs = this.sheet.cfs.filter((x) => x !== this.cf);
    });
  }
  getRangeOrNullObject(): FakeRange {
    const single = this.cf.areas.length === 1;
    return new FakeRange(this.ctx, () => this.sheet, this.cf.areas[0]!, !single);
  }
  getRanges(): FakeAreas {
    this.wb.need('1.9', 'conditionalFormat.getRanges');
    return new FakeAreas(this.ctx, () => this.sheet, this.cf.areas);
  }
}

/** A multi-area range (ExcelApi 1.9): `worksheet.getRanges('A1, C3:C5')`, or the areas of a conditional format. */
class FakeAreas extends FakeObject implements XAreas {
  private cfs?: FakeCfCollection;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
    readonly areas: Area[],
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    if (prop !== 'address') throw new FakeOfficeError('InvalidArgument', `RangeAreas has no property ${prop}`);
    const prefix = sheetPrefix(this.sheet().name);
    return this.areas.map((a) => `${prefix}!${areaAddress(a)}`).join(', ');
  }
  load(props: string): FakeAreas {
    this.queueLoad(props);
    return this;
  }
  get address(): string {
    return this.loaded('address');
  }
  get conditionalFormats(): FakeCfCollection {
    this.wb.need('1.9', 'rangeAreas.conditionalFormats');
    return (this.cfs ??= new FakeCfCollection(this.ctx, this.sheet, this.areas));
  }
}

class FakeNoteCollection extends FakeCollection<FakeNote> implements XCellNoteCollection {
  constructor(
    ctx: FakeContext,
    private readonly kind: 'comments' | 'notes',
  ) {
    super(ctx);
  }
  protected current(): FakeNote[] {
    return this.wb[this.kind].map((n) => new FakeNote(this.ctx, n));
  }
  load(props: string): FakeNoteCollection {
    this.queueLoad(props);
    return this;
  }
  add(cellAddress: string, content: string): FakeNote {
    const wb = this.wb;
    const state: NoteState = {
      id: wb.newId('c'),
      kind: this.kind,
      sheet: wb.sheets[0]!,
      r: 0,
      c: 0,
      content,
      author: '加载项',
    };
    this.ctx.enqueue(() => {
      if (!cellAddress.includes('!')) throw new FakeOfficeError('InvalidArgument', 'The address must name the sheet.');
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(cellAddress);
      const sheet = wb.sheet(m?.[1]?.replace(/''/g, "'") ?? m?.[2] ?? '');
      const area = parseArea(cellAddress);
      if (area.rows !== 1 || area.cols !== 1)
        throw new FakeOfficeError('InvalidArgument', 'A comment goes on one cell.');
      if (this.kind === 'comments' && wb.commentsFail)
        throw new FakeOfficeError('GeneralException', 'Comments failed.');
      guard(sheet, 'objects');
      const taken = [...wb.comments, ...wb.notes].some((n) => n.sheet === sheet && n.r === area.r0 && n.c === area.c0);
      if (taken) throw new FakeOfficeError('InvalidOperation', 'The cell already has a comment or a note.');
      Object.assign(state, { sheet, r: area.r0, c: area.c0 });
      wb[this.kind].push(state);
    });
    return new FakeNote(this.ctx, state);
  }
}

class FakeNote extends FakeObject implements XCellNote {
  constructor(
    ctx: FakeContext,
    private readonly note: NoteState,
  ) {
    super(ctx);
  }
  protected fetch(prop: string): unknown {
    if (prop === 'content') return this.note.content;
    if (prop === 'id') return this.note.id;
    throw new FakeOfficeError('InvalidArgument', prop);
  }
  load(props: string): FakeNote {
    this.queueLoad(props);
    return this;
  }
  get content(): string {
    return this.loaded('content');
  }
  set content(content: string) {
    this.ctx.enqueue(() => (this.note.content = content));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      guard(this.note.sheet, 'objects');
      this.wb[this.note.kind] = this.wb[this.note.kind].filter((n) => n !== this.note);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => this.note.sheet, { r0: this.note.r, c0: this.note.c, rows: 1, cols: 1 });
  }
}

// ------------------------------------------------------------------ Office and Excel globals for the browser

export interface OfficeGlobalsOptions {
  displayLanguage?: string;
  /** Office.context.platform / onReady's platform: "PC" (default), "Mac", "OfficeOnline" */
  platform?: string;
  /** office.js loaded, but its own scripts never arrive: onReady never resolves */
  neverReady?: boolean;
}

/** Puts `Office` and `Excel` on `target` (a window), backed by `wb`. */
export function installOfficeGlobals(
  target: Record<string, unknown>,
  wb: FakeWorkbook,
  opts: OfficeGlobalsOptions = {},
): void {
  const info = { host: 'Excel', platform: opts.platform ?? 'PC' };
  target.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (callback?: (i: typeof info) => void) =>
      opts.neverReady
        ? new Promise<never>(() => undefined)
        : Promise.resolve(info).then((i) => {
            callback?.(i);
            return i;
          }),
    context: {
      platform: info.platform,
      displayLanguage: opts.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported: (name: string, version?: string) => wb.supportsSet(name, version),
      },
      document: { settings: wb.settings },
    },
    actions: { associate: (name: string, fn: (event: { completed(): void }) => unknown) => wb.actions.set(name, fn) },
  };
  target.Excel = {
    run: <T>(first: unknown, second?: (ctx: XContext) => Promise<T>) =>
      wb.run(typeof first === 'function' ? (first as (ctx: XContext) => Promise<T>) : second!),
  };
}

export function createFakeExcel(opts: FakeOptions = {}): FakeWorkbook {
  return new FakeWorkbook(opts);
}
