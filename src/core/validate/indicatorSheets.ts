/**
 * Indicator sheets: find the header and each indicator row by its id, read 上年值 and 本年值,
 * and apply the rules that hold for every row (G1–G4). Rows whose column A is not an id are ignored.
 */
import { INDICATOR_COLUMNS, indicatorsOf, shortName, type IndicatorDef, type SheetDef } from '../catalogue';
import { fmtNum } from '../format';
import { MSG } from '../messages';
import { cellText, isBlank, normalizeLabel, parseNumber, parseYesNo, type Parsed } from '../parse';
import type { Context, Sheet } from './context';

export type Year = 'last' | 'current';

export interface IndicatorRow {
  def: IndicatorDef;
  sheet: string;
  row: number;
  cols: Record<keyof typeof INDICATOR_COLUMNS, number>;
  /** the values read: null when the cell is empty, unreadable or out of range */
  last: number | boolean | null;
  current: number | boolean | null;
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

const RANGE_MAX = { pct: 100, pct200: 200 } as const;

function readValue(ctx: Context, sheet: Sheet, ind: IndicatorRow, year: Year): number | boolean | null {
  const { def } = ind;
  const col = year === 'last' ? ind.cols.last : ind.cols.current;
  const cell = sheet.cell(ind.row, col);
  const what = `${def.id} ${year === 'last' ? MSG.yearLast : MSG.yearCurrent}`;
  const at = (rule: string, message: string, values = {}) =>
    ctx.add('error', rule, def.id, sheet.name, ind.row, col, message, { values });

  const parsed: Parsed<number | boolean> = def.type === 'yesno' ? parseYesNo(cell) : parseNumber(cell, def.type);
  if (parsed.kind === 'empty') {
    at('G1', MSG.required(what));
    return null;
  }
  if (parsed.kind === 'invalid') {
    at('G2', MSG.invalid(what, parsed.reason, def.unit), { text: cellText(cell) });
    return null;
  }
  const value = parsed.value;
  if (parsed.textStored !== undefined && typeof value === 'number') {
    ind.doubtful.add(year);
    at('G2.text', MSG.textStored(what, parsed.textStored, fmtNum(value, 6)), { text: parsed.textStored, value });
  }
  if (typeof value === 'number') {
    const shown = fmtNum(value, 6);
    if (def.type === 'pct' || def.type === 'pct200') {
      const max = RANGE_MAX[def.type];
      if (value < 0 || value > max) {
        at('G3', MSG.outOfRange(what, shown, max), { value });
        return null;
      }
    } else if (value < 0) {
      at('G3', MSG.negative(what, shown), { value });
      return null;
    } else if (def.type === 'count' && !Number.isInteger(value)) {
      at('G3', MSG.notWhole(what, shown), { value });
      return null;
    }
  }
  return value;
}

/** G4: a tenfold jump or fall between 上年值 and 本年值 of money, yuan and count indicators. */
function checkOutlier(ctx: Context, ind: IndicatorRow): void {
  const { def, last, current } = ind;
  if (typeof last !== 'number' || typeof current !== 'number' || last <= 0 || ind.doubtful.size) return;
  if (def.type === 'count' && Math.max(last, current) < 100) return;
  if (def.type !== 'count' && def.type !== 'money' && def.type !== 'yuan') return;
  const factor = ctx.params['outlier.factor'];
  const k = current / last;
  if (k >= factor || k <= 1 / factor) {
    ctx.add(
      'notice',
      'G4',
      def.id,
      ind.sheet,
      ind.row,
      ind.cols.current,
      current === 0 ? MSG.outlierZero(fmtNum(last)) : MSG.outlier(fmtNum(k, k < 1 ? 3 : 1)),
      {
        values: { current, last, ratio: k, factor },
      },
    );
  }
}

/** Reads one indicator sheet; reports integrity problems (header, missing or repeated ids). */
export function readIndicatorSheet(ctx: Context, def: SheetDef, out: Map<string, IndicatorRow>): void {
  const sheet = ctx.sheet(def.name);
  if (!sheet) return;
  const headerRow = sheet.findHeaderRow(INDICATOR_COLUMNS.id.header);
  if (headerRow === null) {
    ctx.add(
      'error',
      'TPL.missingHeader',
      null,
      sheet.name,
      1,
      1,
      MSG.missingHeader(sheet.name, INDICATOR_COLUMNS.id.header),
    );
    return;
  }
  const cols = sheet.mapColumns(headerRow, INDICATOR_COLUMNS);
  const defs = new Map(indicatorsOf(def.name).map((d) => [d.id, d]));
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const id = normalizeLabel(sheet.cell(r, cols.id)?.v).toUpperCase();
    const ind = defs.get(id);
    if (!ind) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.add('error', 'TPL.duplicateIndicator', id, sheet.name, r, cols.id, MSG.duplicateIndicator(id, first));
      continue;
    }
    seen.set(id, r);
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
    out.set(id, row);
  }
  for (const [id, ind] of defs) {
    if (!seen.has(id)) {
      ctx.add(
        'error',
        'TPL.missingIndicator',
        id,
        sheet.name,
        1,
        1,
        MSG.missingIndicator(id, shortName(ind, ctx.params), sheet.name),
      );
    }
  }
}
