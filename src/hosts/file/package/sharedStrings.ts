/**
 * The shared string table (sharedStrings.xml) as plain texts: rich text runs joined, phonetic
 * guides (rPh) left out, Excel's `_xHHHH_` escapes decoded.
 */
import { decodeExcelEscapes, innerText } from './xml';

const SI = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>|<(?:[\w.-]+:)?phoneticPr\b[^>]*>/g;
const T = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;

/** The plain text of a string item's inner XML (`<t>` or `<r><t>` runs). */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') || inner.includes('phoneticPr') ? inner.replace(PHONETIC, '') : inner;
  let text = '';
  for (const m of body.matchAll(T)) text += decodeExcelEscapes(innerText(m[1] ?? ''));
  return text;
}

export function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(SI)) out.push(stringItemText(m[1] ?? ''));
  return out;
}
