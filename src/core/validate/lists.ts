/** List sheets (学校明细, 问题整改): header by text, data rows until the first fully empty row. */
import type { ListColumn } from '../catalogue';
import { fmtNum } from '../format';
import { MSG } from '../messages';
import { cellText, isBlank, normalizeLabel, parseDate, parseNumber, parseYesNo, type DateValue } from '../parse';
import type { Context, Sheet } from './context';

export type ListValue = string | number | boolean | DateValue | null;

export interface ListRow {
  row: number;
  /** parsed values by column key; null when empty or unreadable */
  values: Record<string, ListValue>;
  /** keys of cells that were filled but unreadable */
  bad: Set<string>;
}

export interface ListSheet {
  sheet: Sheet;
  headerRow: number;
  cols: Record<string, number>;
  rows: ListRow[];
}

function readCell(
  ctx: Context,
  sheet: Sheet,
  rule: string,
  indicator: string | null,
  r: number,
  col: number,
  c: ListColumn,
): { value: ListValue; bad: boolean } {
  const cell = sheet.cell(r, col);
  const err = (name: string, message: string) => {
    ctx.add('error', `${rule}.${name}`, indicator, sheet.name, r, col, message, { values: { text: cellText(cell) } });
    return { value: null, bad: true };
  };
  if (isBlank(cell)) {
    return c.required ? { ...err('required', MSG.listRequired(r, c.header)), bad: false } : { value: null, bad: false };
  }
  switch (c.type) {
    case 'text':
      if (cell?.err) {
        return err('invalid', MSG.invalid(`第 ${r} 行“${c.header}”`, { code: 'excelError', error: cell.err }, ''));
      }
      return { value: cellText(cell), bad: false };
    case 'enum': {
      const word = normalizeLabel(cell?.v);
      const hit = c.options?.find((o) => o === word);
      return hit ? { value: hit, bad: false } : err('enum', MSG.listEnum(r, c.header, cellText(cell), c.options ?? []));
    }
    case 'yesno': {
      const p = parseYesNo(cell);
      return p.kind === 'value'
        ? { value: p.value, bad: false }
        : err('invalid', MSG.listInvalid(r, c.header, cellText(cell), MSG.kindYesNo));
    }
    case 'date': {
      const p = parseDate(cell);
      return p.kind === 'value'
        ? { value: p.value, bad: false }
        : err('invalid', MSG.listInvalid(r, c.header, cellText(cell), MSG.kindDate));
    }
    case 'integer':
    case 'count': {
      const p = parseNumber(cell, 'count');
      const kind = c.type === 'count' ? MSG.kindCount : MSG.kindInteger;
      if (p.kind !== 'value') return err('invalid', MSG.listInvalid(r, c.header, cellText(cell), kind));
      if (!Number.isInteger(p.value) || (c.type === 'count' && p.value < 0)) {
        return err('invalid', MSG.listInvalid(r, c.header, fmtNum(p.value, 6), kind));
      }
      if (p.textStored !== undefined) {
        ctx.add(
          'error',
          `${rule}.text`,
          indicator,
          sheet.name,
          r,
          col,
          MSG.textStored(`第 ${r} 行“${c.header}”`, p.textStored, fmtNum(p.value)),
          {
            values: { text: p.textStored, value: p.value },
          },
        );
      }
      return { value: p.value, bad: false };
    }
  }
}

/**
 * Reads a list sheet and checks each cell against its column's type; returns null (with an
 * integrity error) when the header cannot be found.
 */
export function readList(
  ctx: Context,
  sheetName: string,
  columns: readonly ListColumn[],
  headerKey: string,
  rule: string,
  indicator: string | null,
): ListSheet | null {
  const sheet = ctx.sheet(sheetName);
  if (!sheet) return null;
  const header = columns.find((c) => c.key === headerKey)!.header;
  const headerRow = sheet.findHeaderRow(header);
  if (headerRow === null) {
    ctx.add('error', 'TPL.missingHeader', null, sheet.name, 1, 1, MSG.missingHeader(sheet.name, header));
    return null;
  }
  const spec = Object.fromEntries(columns.map((c, i) => [c.key, { header: c.header, col: i + 1 }]));
  const cols = sheet.mapColumns(headerRow, spec);
  const rows: ListRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const raw = sheet.snap.rows[r - 1] ?? [];
    if (raw.every((c) => isBlank(c))) break;
    // a pre-numbered row with nothing else in it is a blank row waiting to be filled
    if (columns.every((c) => c.key === 'no' || isBlank(sheet.cell(r, cols[c.key]!)))) continue;
    const values: Record<string, ListValue> = {};
    const bad = new Set<string>();
    for (const c of columns) {
      const got = readCell(ctx, sheet, rule, indicator, r, cols[c.key]!, c);
      values[c.key] = got.value;
      if (got.bad) bad.add(c.key);
    }
    rows.push({ row: r, values, bad });
  }
  return { sheet, headerRow, cols, rows };
}
