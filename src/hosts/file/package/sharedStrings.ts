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

/**
 * Long items already read, by their XML: the template's long texts (the carried ruleset's JSON,
 * 30,000 characters a piece, full of `&quot;`) are the same in every returned workbook.
 */
const LONG = 2048;
const longItems = new Map<string, string>();
let longChars = 0;

function itemText(inner: string): string {
  if (inner.length < LONG) return stringItemText(inner);
  let text = longItems.get(inner);
  if (text === undefined) {
    text = stringItemText(inner);
    if (longChars > 4_000_000) {
      longItems.clear();
      longChars = 0;
    }
    longItems.set(inner, text);
    longChars += inner.length + text.length;
  }
  return text;
}

/** The items of a shared strings part, whole or in pieces that each end after a `</si>`. */
export function sharedStrings(xml: string | readonly string[] | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const piece of typeof xml === 'string' ? [xml] : xml) {
    for (const m of piece.matchAll(SI)) out.push(itemText(m[1] ?? ''));
  }
  return out;
}
