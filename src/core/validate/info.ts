/** 基本信息: each field found by its label in column A, its value in column B. */
import { INFO_FIELDS, type InfoField } from '../layout';
import { MSG } from '../messages';
import { cellText, infoLabel, isBlank, normalizeLabel, parseCode, parseDate, parsePhone, parseYear } from '../parse';
import type { District } from '../types';
import type { Context } from './context';

type InfoCode = 'required' | 'invalid' | 'code' | 'year' | 'phone' | 'date' | 'version';

const LABEL_COL = 1;
const VALUE_COL = 2;

function todayIso(now: Date): string {
  const y = now.getFullYear();
  return `${y}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function checkInfo(ctx: Context): District {
  const district: District = { name: '', code: '', year: null, city: '' };
  const infoSheet = ctx.ruleset.sheets.find((s) => s.kind === 'info');
  const sheet = infoSheet && ctx.sheet(infoSheet.name);
  if (!sheet) return district;
  const rowOf = new Map<string, number>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const label = infoLabel(sheet.cell(r, LABEL_COL)?.v);
    if (label && !rowOf.has(label)) rowOf.set(label, r);
  }
  const dateFields: { field: InfoField; row: number }[] = [];
  for (const field of INFO_FIELDS) {
    const row = rowOf.get(normalizeLabel(field.label));
    if (row === undefined) {
      ctx.engine('INFO.missing', null, { sheet: sheet.name, row: 1, col: LABEL_COL }, MSG.missingLabel(field.label));
      continue;
    }
    const cell = sheet.cell(row, VALUE_COL);
    const text = cellText(cell);
    const err = (rule: InfoCode, message: string) =>
      ctx.engine(`INFO.${rule}`, null, { sheet: sheet.name, row, col: VALUE_COL }, message, { values: { text } });
    if (isBlank(cell) && !cell?.err) {
      if (field.key === 'version') err('version', MSG.wrongVersion('', ctx.ruleset.version));
      else err('required', MSG.required(field.label));
      continue;
    }
    switch (field.type) {
      case 'text':
        // an Excel error is not a name: it is reported like any unreadable value
        if (cell?.err) err('invalid', MSG.invalid(field.label, { code: 'excelError', error: cell.err }, ''));
        else if (field.key === 'name') district.name = text;
        else if (field.key === 'city') district.city = text;
        break;
      case 'code': {
        const code = parseCode(cell);
        if (code) district.code = code;
        else err('code', MSG.badCode(text));
        break;
      }
      case 'year': {
        const y = parseYear(cell);
        if (y.kind === 'value') district.year = y.value;
        else if (y.kind === 'invalid') err('year', MSG.invalid(field.label, y.reason, ''));
        break;
      }
      case 'phone':
        if (!parsePhone(cell)) err('phone', MSG.badPhone(text));
        break;
      case 'date':
        dateFields.push({ field, row });
        break;
      case 'version':
        if (normalizeLabel(text) !== normalizeLabel(ctx.ruleset.version)) {
          err('version', MSG.wrongVersion(text, ctx.ruleset.version));
        }
        break;
    }
  }
  // the date is judged against 评价年度, so after the loop
  for (const { field, row } of dateFields) {
    const cell = sheet.cell(row, VALUE_COL);
    const d = parseDate(cell);
    const at = (rule: InfoCode, message: string) =>
      ctx.engine(`INFO.${rule}`, null, { sheet: sheet.name, row, col: VALUE_COL }, message, {
        values: { text: cellText(cell) },
      });
    if (d.kind === 'invalid') at('date', MSG.invalid(field.label, d.reason, ''));
    if (d.kind !== 'value') continue;
    district.date = d.value.iso;
    if (district.year !== null && d.value.year < district.year)
      at('date', MSG.dateBeforeYear(d.value.iso, district.year));
    if (d.value.iso > todayIso(ctx.options.now ?? new Date())) at('date', MSG.dateInFuture(d.value.iso));
  }
  return district;
}
