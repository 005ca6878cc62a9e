/**
 * Indicator sheets: find the header and each indicator row by its id, read 上年值 and 本年值,
 * and apply the checks that hold for every row (G1–G4). Rows whose column A is not an id are ignored.
 */
import { INDICATOR_COLUMNS } from '../layout';
import { fmtNum } from '../format';
import { MSG } from '../messages';
import { cellText, typeBreach, isBlank, normalizeLabel, parseNumber, parseYesNo, type Parsed } from '../parse';
import type { IndicatorDef, SheetDef } from '../ruleset/model';
import type { Year } from '../ruleset/expr';
import type { Context, Sheet } from './context';

export interface IndicatorRow {
  def: IndicatorDef;
  sheet: string;
  row: number;
  cols: Record<keyof typeof INDICATOR_COLUMNS, number>;
  /** the values read: null when the cell is empty, unreadable or out of range */
  last: number | boolean | string | null;
  current: number | boolean | string | null;
  /** values read but carrying an error (a number stored as text): shown, never judged */
  doubtful: Set<Year>;
  explanation: string;
  evidence: string;
}

/** Explanations and evidence: one merged cell may serve several rows. */
function textOf(sheet: Sheet, row: number, col: number): string {
  const cell = sheet.mergedCell(row, col);
  return isBlank(cell) ? '' : cellText(cell);
}

function readValue(ctx: Context, sheet: Sheet, ind: IndicatorRow, year: Year): number | boolean | string | null {
  const { def } = ind;
  const col = year === 'last' ? ind.cols.last : ind.cols.current;
  const cell = sheet.cell(ind.row, col);
  const what = `${def.id} ${year === 'last' ? MSG.yearLast : MSG.yearCurrent}`;
  const at = { sheet: sheet.name, row: ind.row, col };
  const err = (code: 'G1' | 'G2' | 'G2.text' | 'G3', message: string, values = {}) =>
    ctx.engine(code, def.id, at, message, { values });

  if (def.type === 'text') {
    if (isBlank(cell)) {
      err('G1', MSG.required(what));
      return null;
    }
    if (cell?.err) {
      err('G2', MSG.invalid(what, { code: 'excelError', error: cell.err }, ''));
      return null;
    }
    return cellText(cell);
  }
  const parsed: Parsed<number | boolean> = def.type === 'yesno' ? parseYesNo(cell) : parseNumber(cell, def.type);
  if (parsed.kind === 'empty') {
    err('G1', MSG.required(what));
    return null;
  }
  if (parsed.kind === 'invalid') {
    err('G2', MSG.invalid(what, parsed.reason, def.unit), { text: cellText(cell) });
    return null;
  }
  const value = parsed.value;
  if (parsed.textStored !== undefined && typeof value === 'number') {
    ind.doubtful.add(year);
    err('G2.text', MSG.textStored(what, parsed.textStored, fmtNum(value, 6)), { text: parsed.textStored, value });
  }
  const breach = typeof value === 'number' ? typeBreach(value, def.type) : null;
  if (breach) {
    err('G3', MSG.breach(what, fmtNum(value as number, 6), breach), { value });
    return null;
  }
  return value;
}

/** G4: a tenfold jump or fall between 上年值 and 本年值 of money, yuan and count indicators. */
function checkOutlier(ctx: Context, ind: IndicatorRow): void {
  const { def, last, current } = ind;
  if (typeof last !== 'number' || typeof current !== 'number' || last <= 0 || ind.doubtful.size) return;
  if (def.type === 'count' && Math.max(last, current) < 100) return;
  if (def.type !== 'count' && def.type !== 'money' && def.type !== 'yuan') return;
  const factor = ctx.params[OUTLIER_FACTOR] ?? DEFAULT_OUTLIER_FACTOR;
  const k = current / last;
  if (k >= factor || k <= 1 / factor) {
    const message = current === 0 ? MSG.outlierZero(fmtNum(last)) : MSG.outlier(fmtNum(k, k < 1 ? 3 : 1));
    ctx.engine('G4', def.id, { sheet: ind.sheet, row: ind.row, col: ind.cols.current }, message, {
      values: { current, last, ratio: k, factor },
    });
  }
}

/** The parameter of the plausibility notice G4, and its value when a ruleset has none. */
export const OUTLIER_FACTOR = 'outlier.factor';
const DEFAULT_OUTLIER_FACTOR = 10;

/** Reads one indicator sheet; reports integrity problems (header, missing or repeated ids). */
export function readIndicatorSheet(ctx: Context, def: SheetDef, out: Map<string, IndicatorRow>): void {
  const sheet = ctx.sheet(def.name);
  if (!sheet) return;
  const headerRow = sheet.findHeaderRow(INDICATOR_COLUMNS.id.header);
  if (headerRow === null) {
    ctx.engine(
      'TPL.missingHeader',
      null,
      { sheet: sheet.name, row: 1, col: 1 },
      MSG.missingHeader(sheet.name, INDICATOR_COLUMNS.id.header),
    );
    return;
  }
  const cols = sheet.mapColumns(headerRow, INDICATOR_COLUMNS);
  const defs = new Map(ctx.ruleset.indicatorsOf(def.name).map((d) => [normalizeLabel(d.id).toUpperCase(), d]));
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const key = normalizeLabel(sheet.cell(r, cols.id)?.v).toUpperCase();
    const ind = defs.get(key);
    if (!ind) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      const at = { sheet: sheet.name, row: r, col: cols.id };
      ctx.engine('TPL.duplicateIndicator', ind.id, at, MSG.duplicateIndicator(ind.id, first));
      continue;
    }
    seen.set(key, r);
    const row: IndicatorRow = {
      def: ind,
      sheet: sheet.name,
      row: r,
      cols,
      last: null,
      current: null,
      doubtful: new Set(),
      explanation: textOf(sheet, r, cols.explanation),
      evidence: textOf(sheet, r, cols.evidence),
    };
    if (ind.hasLast) row.last = readValue(ctx, sheet, row, 'last');
    row.current = readValue(ctx, sheet, row, 'current');
    checkOutlier(ctx, row);
    out.set(ind.id, row);
  }
  for (const [key, ind] of defs) {
    if (!seen.has(key)) {
      ctx.engine(
        'TPL.missingIndicator',
        ind.id,
        { sheet: sheet.name, row: 1, col: 1 },
        MSG.missingIndicator(ind.id, ind.shortName, sheet.name),
      );
    }
  }
}
