/**
 * Number formats of a workbook's cell styles (styles.xml): each cellXfs entry's format code, from
 * the workbook's own numFmts or, for built-in ids, the code Excel means by it (as ExcelJS names
 * them, so that both readings of a workbook agree).
 */
import { attribute, tags } from './xml';

/** Excel's built-in format ids that have one code whatever the locale. */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The format code of every cellXfs index (undefined for General or unknown ids). */
export function cellFormats(stylesXml: string | null): (string | undefined)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let section: 'numFmts' | 'cellXfs' | null = null;
  for (const t of tags(stylesXml)) {
    if (t.name === 'numFmts' || t.name === 'cellXfs') {
      section = t.close || t.empty ? null : t.name;
      continue;
    }
    if (t.close) continue;
    if (section === 'numFmts' && t.name === 'numFmt') {
      const id = Number(attribute(t.attrs, 'numFmtId'));
      const code = attribute(t.attrs, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (section === 'cellXfs' && t.name === 'xf') {
      const id = Number(attribute(t.attrs, 'numFmtId') ?? 0);
      out.push(id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined);
    } else if (t.name === 'cellStyles' || t.name === 'dxfs') {
      break;
    }
  }
  return out;
}

/** Whether a format shows a date or time (ExcelJS's and Excel's reading: y m d h s outside quotes and brackets). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
