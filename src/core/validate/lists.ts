/**
 * 清单 sheets: header by text in the first rows, data rows until the first fully empty row; each
 * cell checked against its 清单字段 (type, options, required, unique).
 */
import { fmtNum } from '../format';
import { ROW_NUMBER_HEADER } from '../layout';
import { MSG } from '../messages';
import { cellText, isBlank, normalizeLabel, parseDate, parseNumber, parseYesNo, typeBreach, YES, NO } from '../parse';
import { tryEvaluate, type Scope, type Value } from '../ruleset/expr';
import type { ListDef, ListFieldDef } from '../ruleset/model';
import type { Context, Sheet } from './context';

export interface ListRow {
  row: number;
  /** values by header; undefined when empty or unreadable */
  values: Map<string, Value>;
  /** headers of cells that were filled but unreadable, or required and empty */
  bad: Set<string>;
}

export interface ListSheet {
  def: ListDef;
  sheet: Sheet;
  headerRow: number;
  /** column of each header */
  cols: Map<string, number>;
  rows: ListRow[];
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

type Read = { value: Value } | { error: 'invalid' | 'enum' | 'text'; message: string; value?: Value };

function readCell(sheet: Sheet, r: number, col: number, f: ListFieldDef): Read | null {
  const cell = sheet.cell(r, col);
  if (isBlank(cell)) return null;
  const what = `第 ${r} 行“${f.header}”`;
  const invalid = (kind: string, text = cellText(cell)): Read => ({
    error: 'invalid',
    message: MSG.listInvalid(r, f.header, text, kind),
  });
  if (cell?.err) return { error: 'invalid', message: MSG.invalid(what, { code: 'excelError', error: cell.err }, '') };
  switch (f.type) {
    case 'text':
      return { value: cellText(cell) };
    case 'enum': {
      const word = normalizeLabel(cell?.v);
      const hit = f.options.find((o) => normalizeLabel(o) === word);
      return hit !== undefined
        ? { value: hit }
        : { error: 'enum', message: MSG.listEnum(r, f.header, cellText(cell), f.options) };
    }
    case 'yesno': {
      const p = parseYesNo(cell);
      return p.kind === 'value' ? { value: p.value ? YES : NO } : invalid(MSG.kindYesNo);
    }
    case 'date': {
      const p = parseDate(cell);
      // a date reads as an official text writes it: 2025年12月31日
      return p.kind === 'value' ? { value: chineseDate(p.value.iso) } : invalid(MSG.kindDate);
    }
    default: {
      const p = parseNumber(cell, f.type);
      const kind = f.type === 'count' ? MSG.kindCount : f.type === 'money' ? MSG.kindMoney : MSG.kindNumber;
      if (p.kind !== 'value') return invalid(kind);
      const v = p.value;
      if (typeBreach(v, f.type)) return invalid(kind, fmtNum(v, 6));
      if (p.textStored !== undefined) {
        return { error: 'text', message: MSG.textStored(what, p.textStored, fmtNum(v)), value: v };
      }
      return { value: v };
    }
  }
}

/** A scope that reads one row of a list (and everything else from `base`). */
export function rowScope(base: Scope, row: ListRow): Scope {
  return { ...base, column: (h) => (row.bad.has(h) ? undefined : row.values.get(h)) };
}

/**
 * Reads a 清单 sheet and checks each cell against its field; null (with an integrity error) when
 * the header cannot be found. `base` evaluates 必填 conditions.
 */
export function readList(ctx: Context, def: ListDef, base: Scope): ListSheet | null {
  const sheet = ctx.sheet(def.sheet);
  if (!sheet) return null;
  const headers = def.fields.map((f) => normalizeLabel(f.header));
  let headerRow: number | null = null;
  for (let r = 1; r <= Math.min(5, sheet.rowCount) && headerRow === null; r++) {
    const labels = new Set((sheet.snap.rows[r - 1] ?? []).map((c) => normalizeLabel(c?.v)));
    if (headers.filter((h) => labels.has(h)).length >= Math.max(1, Math.ceil(headers.length / 2))) headerRow = r;
  }
  const key = def.fields.find((f) => f.required === true) ?? def.fields[0]!;
  if (headerRow === null) {
    ctx.engine(
      'TPL.missingHeader',
      null,
      { sheet: sheet.name, row: 1, col: 1 },
      MSG.missingHeader(sheet.name, key.header),
    );
    return null;
  }
  const found = new Map<string, number>();
  (sheet.snap.rows[headerRow - 1] ?? []).forEach((c, i) => {
    const label = normalizeLabel(c?.v);
    if (label && !found.has(label)) found.set(label, i + 1);
  });
  const cols = new Map(def.fields.map((f, i) => [f.header, found.get(normalizeLabel(f.header)) ?? i + 1]));
  const rows: ListRow[] = [];
  const unique = new Map<string, Map<string, number>>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const raw = sheet.snap.rows[r - 1] ?? [];
    if (raw.every((c) => isBlank(c))) break;
    // a pre-numbered row with nothing else in it is a blank row waiting to be filled
    if (def.fields.every((f) => f.header === ROW_NUMBER_HEADER || isBlank(sheet.cell(r, cols.get(f.header)!))))
      continue;
    const row: ListRow = { row: r, values: new Map(), bad: new Set() };
    const empty: ListFieldDef[] = [];
    for (const f of def.fields) {
      const col = cols.get(f.header)!;
      const at = { sheet: sheet.name, row: r, col };
      const got = readCell(sheet, r, col, f);
      if (got === null) {
        empty.push(f);
        continue;
      }
      if ('error' in got) {
        ctx.engine(`*.${got.error}`, def.code, at, got.message, { values: { text: cellText(sheet.cell(r, col)) } });
        if (got.value === undefined) {
          row.bad.add(f.header);
          continue;
        }
        row.bad.add(f.header);
      }
      row.values.set(f.header, got.value!);
      if (f.unique && typeof got.value === 'string') {
        const seen = unique.get(f.header) ?? new Map<string, number>();
        const k = got.value.replace(/\s/g, '');
        const first = seen.get(k);
        if (first !== undefined)
          ctx.engine('*.duplicate', def.code, at, MSG.duplicateValue(f.header, got.value, first));
        else seen.set(k, r);
        unique.set(f.header, seen);
      }
    }
    const scope = rowScope(base, row);
    for (const f of empty) {
      const required = f.required === true || (f.required !== false && tryEvaluate(f.required, scope) === true);
      if (!required) continue;
      row.bad.add(f.header);
      const at = { sheet: sheet.name, row: r, col: cols.get(f.header)! };
      ctx.engine('*.required', def.code, at, MSG.listRequired(r, f.header));
    }
    rows.push(row);
  }
  return { def, sheet, headerRow, cols, rows };
}
