/** Writing text so that Excel keeps it as the text it is. */
import { looksLikeFormula } from '../../core/summary';

/**
 * A leading apostrophe makes Excel store the rest as text: a formula-like string is never run,
 * and `1,234` or `2025-1` does not turn into a number or a date. Excel does not show the apostrophe.
 */
export function asText(s: string): string {
  if (s === '') return s;
  return looksLikeFormula(s) || /^[\s\d'.,:/%(（$¥]/.test(s) || /^(true|false)$/i.test(s) ? `'${s}` : s;
}

export function cellValue(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? asText(v) : v;
}
