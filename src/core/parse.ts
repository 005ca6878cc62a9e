/**
 * Reading cell values (spec/TEMPLATE.md, "Reading cell values"): one parser for every check.
 * It never throws; what it cannot read comes back as `invalid` with the reason.
 */
import type { IndicatorType, SnapshotCell } from './types';

export type Invalid =
  | { code: 'excelError'; error: string }
  | { code: 'notNumber'; text: string }
  | { code: 'notYesNo'; text: string }
  | { code: 'notDate'; text: string }
  | { code: 'notYear'; text: string }
  | { code: 'isDate'; text: string }
  /** a percentage typed as a fraction (0.985 for 98.5%) in a cell without a percent format */
  | { code: 'fraction'; text: string; percent: number };

export type Parsed<T> =
  | { kind: 'empty' }
  | { kind: 'value'; value: T; /** the text it was read from, when a number was stored as text */ textStored?: string }
  | { kind: 'invalid'; reason: Invalid };

const EMPTY_MARKS = /^[—–\-/]+$/;

/** The error a formula cell stands for when the file holds no result of it (never calculated). */
export const NO_RESULT = '#无计算结果';

/** Full-width digits, letters, punctuation and spaces become their ASCII forms. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** A 基本信息 label as typed (`* 地区名称：`) as the label it is (`地区名称`). */
export function infoLabel(value: unknown): string {
  return normalizeLabel(value).replace(/[:：*＊]/g, '');
}

/** Labels, ids and enum words compare without any spaces. */
export function normalizeLabel(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '');
}

export function isBlank(cell: SnapshotCell | null | undefined): boolean {
  if (!cell) return true;
  if (cell.err) return false;
  const v = cell.v;
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    // a long text that starts with a character of its own is no empty mark: not read through
    const trimmed = v.trim();
    if (trimmed.length > 16 && !EMPTY_MARKS.test(trimmed[0]!.normalize('NFKC'))) return false;
    const t = normalizeText(trimmed);
    return t === '' || EMPTY_MARKS.test(t);
  }
  return false;
}

/** The cell as text, for quoting in messages and reading text fields. */
export function cellText(cell: SnapshotCell | null | undefined): string {
  if (!cell) return '';
  if (cell.err) return cell.err;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(v) : v.trim();
}

const CLEAN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** A text that is a clean number (`1,234.5`, `１２３４`, ` 12 `), or null. */
export function textNumber(text: string): number | null {
  const t = normalizeText(text).replace(/\s/g, '');
  if (!CLEAN_NUMBER.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

const isPct = (type: IndicatorType) => type === 'pct' || type === 'pct200';

/**
 * Whether a number format shows the value times 100: a `%` outside quoted text and not escaped
 * (`0.0%`, not `0.0"%"` or `0.0\%`, which only append the sign to a value already in percent).
 */
export function isPercentFormat(fmt: string | undefined): boolean {
  return (
    fmt !== undefined &&
    fmt
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .includes('%')
  );
}

/** A date or time number format (`yyyy-mm-dd`, `m/d/yy`, `[$-F800]dddd…`): its numbers are dates. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

/**
 * A percentage typed as a fraction: strictly between 0 and 1 (0.985 meant as 98.5%). Read as
 * 0.985% it would pass or fail a threshold silently, so it is an error asking which was meant.
 * 0 and a whole 1 stay accepted (0% and 1% are plain readings); 0.985% typed with its sign, or in
 * a cell with a percent format, is read as it shows.
 */
export function looksLikeFraction(v: number): boolean {
  return v > 0 && v < 1;
}

function fraction(text: string, v: number): Parsed<number> {
  return { kind: 'invalid', reason: { code: 'fraction', text, percent: round(v * 100) } };
}

export function parseNumber(cell: SnapshotCell | null | undefined, type: IndicatorType): Parsed<number> {
  if (cell?.err) return { kind: 'invalid', reason: { code: 'excelError', error: cell.err } };
  if (isBlank(cell)) return { kind: 'empty' };
  const v = cell!.v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', reason: { code: 'notNumber', text: String(v) } };
    if (isDateFormat(cell!.fmt)) {
      const d = parseDate(cell);
      return { kind: 'invalid', reason: { code: 'isDate', text: d.kind === 'value' ? d.value.iso : String(v) } };
    }
    if (isPct(type) && isPercentFormat(cell!.fmt)) return { kind: 'value', value: round(v * 100) };
    if (isPct(type) && looksLikeFraction(v)) return fraction(String(v), v);
    return { kind: 'value', value: v };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', reason: { code: 'notNumber', text: v ? 'TRUE' : 'FALSE' } };
  const text = String(v).trim();
  const plain = textNumber(text);
  if (plain !== null && isPct(type) && looksLikeFraction(plain)) return fraction(text, plain);
  if (plain !== null) return { kind: 'value', value: plain, textStored: text };
  if (isPct(type)) {
    const m = /^(.*)%$/.exec(normalizeText(text).replace(/\s/g, ''));
    const pct = m ? textNumber(m[1]!) : null;
    if (pct !== null) return { kind: 'value', value: pct, textStored: text };
  }
  return { kind: 'invalid', reason: { code: 'notNumber', text } };
}

/** The largest value of a percentage and of a gross rate (TEMPLATE.md, G3). */
const RANGE_MAX = { pct: 100, pct200: 200 } as const;

/**
 * Whether a 万元 figure has at most two decimals (money is kept to the 百元). A sum Excel worked
 * out (0.1 + 0.2) carries binary noise far below a cent, which is not a third decimal.
 */
function hasAtMostTwoDecimals(v: number): boolean {
  const cents = v * 100;
  return Math.abs(cents - Math.round(cents)) <= 1e-6 * Math.max(1, Math.abs(cents));
}

/** What a number breaks of its type (TEMPLATE.md, "Types"; G3), for indicators and 清单 columns alike. */
export type TypeBreach = { code: 'outOfRange'; max: number } | { code: 'negative' | 'notWhole' | 'decimals' };

export function typeBreach(v: number, type: IndicatorType): TypeBreach | null {
  if (type === 'pct' || type === 'pct200') {
    const max = RANGE_MAX[type];
    return v < 0 || v > max ? { code: 'outOfRange', max } : null;
  }
  if (v < 0) return { code: 'negative' };
  if (type === 'count' && !Number.isInteger(v)) return { code: 'notWhole' };
  if (type === 'money' && !hasAtMostTwoDecimals(v)) return { code: 'decimals' };
  return null;
}

export const YES = '是';
export const NO = '否';

export function parseYesNo(cell: SnapshotCell | null | undefined): Parsed<boolean> {
  if (cell?.err) return { kind: 'invalid', reason: { code: 'excelError', error: cell.err } };
  if (isBlank(cell)) return { kind: 'empty' };
  const word = normalizeLabel(cell!.v);
  if (word === YES) return { kind: 'value', value: true };
  if (word === NO) return { kind: 'value', value: false };
  return { kind: 'invalid', reason: { code: 'notYesNo', text: cellText(cell) } };
}

/** A calendar date, as `YYYY-MM-DD` and as its Excel serial number. */
export interface DateValue {
  iso: string;
  year: number;
  serial: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * DAY));
}

function dateValue(y: number, m: number, d: number): DateValue | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, year: y, serial: (t - EXCEL_EPOCH) / DAY };
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

export function parseDate(cell: SnapshotCell | null | undefined): Parsed<DateValue> {
  if (cell?.err) return { kind: 'invalid', reason: { code: 'excelError', error: cell.err } };
  if (isBlank(cell)) return { kind: 'empty' };
  const v = cell!.v;
  if (typeof v === 'number' && v >= 1 && v < 2958466) {
    const d = serialToDate(Math.floor(v));
    const value = dateValue(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (value) return { kind: 'value', value };
  }
  if (typeof v === 'string') {
    const m = TEXT_DATE.exec(normalizeText(v));
    const value = m ? dateValue(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (value) return { kind: 'value', value };
  }
  return { kind: 'invalid', reason: { code: 'notDate', text: cellText(cell) } };
}

export function parseYear(cell: SnapshotCell | null | undefined): Parsed<number> {
  if (cell?.err) return { kind: 'invalid', reason: { code: 'excelError', error: cell.err } };
  if (isBlank(cell)) return { kind: 'empty' };
  const v = cell!.v;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? textNumber(normalizeText(v).replace(/年$/, '')) : null;
  if (n !== null && Number.isInteger(n) && n >= 2015 && n <= 2099) return { kind: 'value', value: n };
  return { kind: 'invalid', reason: { code: 'notYear', text: cellText(cell) } };
}

/** 行政区划代码: exactly 6 digits; a number cell 371002 is accepted. */
export function parseCode(cell: SnapshotCell | null | undefined): string | null {
  const t = normalizeText(cellText(cell));
  return /^\d{6}$/.test(t) ? t : null;
}

/** A mobile number (11 digits starting with 1) or a landline with its area code. */
export function parsePhone(cell: SnapshotCell | null | undefined): string | null {
  const t = normalizeText(cellText(cell)).replace(/\s/g, '');
  if (/^1\d{10}$/.test(t)) return t;
  const land = /^(?:\((0\d{2,3})\)|(0\d{2,3})-?)(\d{7,8})$/.exec(t);
  return land ? `${land[1] ?? land[2]}-${land[3]}` : null;
}
