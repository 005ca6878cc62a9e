/**
 * A small XML scanner for the parts of an .xlsx package: tags with their offsets (so that a part
 * can be patched in place), attributes, text decoding and encoding. Parts with a DTD never get
 * here (the package is refused when opened), so no entity is ever expanded beyond the five
 * predefined ones and character references.
 */

export interface Tag {
  /** local name, without its namespace prefix */
  name: string;
  /** the qualified name as written (`x:c`, `c`) */
  qname: string;
  /** true for `</c>` */
  close: boolean;
  /** true for `<c/>` */
  empty: boolean;
  /** the raw attributes text, between the name and `>` */
  attrs: string;
  /** offset of `<` */
  start: number;
  /** offset just after `>` */
  end: number;
}

/** Elements, comments, processing instructions and CDATA; attribute values may hold `>`. */
const TOKEN =
  /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;

/** The element tags of `xml` from `from` to `to`, in document order. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const qname = m[2];
    if (qname === undefined) continue;
    const colon = qname.indexOf(':');
    yield {
      name: colon < 0 ? qname : qname.slice(colon + 1),
      qname,
      close: m[1] === '/',
      empty: m[4] === '/',
      attrs: m[3] ?? '',
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

/** The first tag named `name` (open or empty) at or after `from`. */
export function findTag(xml: string, name: string, from = 0, to = xml.length): Tag | null {
  for (const t of tags(xml, from, to)) if (!t.close && t.name === name) return t;
  return null;
}

/** The closing tag matching the open tag `open` (nested elements of the same name counted). */
export function closingTag(xml: string, open: Tag): Tag | null {
  if (open.empty) return null;
  let depth = 0;
  for (const t of tags(xml, open.end)) {
    if (t.name !== open.name) continue;
    if (!t.close) {
      if (!t.empty) depth++;
    } else if (depth-- === 0) return t;
  }
  return null;
}

/** An element's extent: [start of its open tag, end of its closing tag (or of itself when empty)). */
export function elementEnd(xml: string, open: Tag): number {
  return open.empty ? open.end : (closingTag(xml, open)?.end ?? xml.length);
}

const ATTR = /([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attribute values by qualified name, decoded. */
export function attributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attrs.matchAll(ATTR)) out.set(m[1]!, decodeAttribute(m[2] ?? m[3] ?? ''));
  return out;
}

const BY_NAME = new Map<string, RegExp>();

/** One attribute's decoded value, by local name (any prefix), or undefined. */
export function attribute(attrs: string, local: string): string | undefined {
  if (!attrs.includes(local)) return undefined;
  let re = BY_NAME.get(local);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${local.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    BY_NAME.set(local, re);
  }
  const m = re.exec(attrs);
  return m ? decodeAttribute(m[1] ?? m[2] ?? '') : undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const HEX = /^[0-9a-f]+$/i;
const DECIMAL = /^\d+$/;

/** The character(s) of the reference between `&` and `;` (s[from, to)), or null when it is none. */
function reference(s: string, from: number, to: number): string | null {
  if (s.charCodeAt(from) === 0x23 /* # */) {
    const hex = (s.charCodeAt(from + 1) | 0x20) === 0x78; /* x or X */
    const digits = s.slice(from + (hex ? 2 : 1), to);
    if (!(hex ? HEX : DECIMAL).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  const length = to - from;
  if (length === 4 && s.startsWith('quot', from)) return '"';
  if (length === 3 && s.startsWith('amp', from)) return '&';
  if (length === 2 && s.startsWith('lt', from)) return '<';
  if (length === 2 && s.startsWith('gt', from)) return '>';
  return length >= 2 && length <= 4 ? (NAMED[s.slice(from, to).toLowerCase()] ?? null) : null;
}

const isNameChar = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/**
 * The five predefined entities and character references; anything else is left as written. One
 * pass from `&` to `&`, the text between copied as slices (no regular expression, no callback).
 */
export function decodeXml(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    let end = amp + 1;
    if (s.charCodeAt(end) === 0x23) end++;
    while (end < s.length && isNameChar(s.charCodeAt(end))) end++;
    const ref = s.charCodeAt(end) === 0x3b /* ; */ ? reference(s, amp + 1, end) : null;
    if (ref === null) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(last, amp) + ref;
    last = end + 1;
    amp = s.indexOf('&', last);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Element text as an XML parser hands it over: line ends normalized, then references decoded. */
export function decodeText(s: string): string {
  return decodeXml(s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);
}

/** Attribute values are normalized too: white space characters become spaces. */
function decodeAttribute(s: string): string {
  return decodeXml(/[\r\n\t]/.test(s) ? s.replace(/\r\n|[\r\n\t]/g, ' ') : s);
}

/** The text content of an element's inner XML: CDATA kept, tags dropped. */
export function innerText(inner: string): string {
  if (!inner.includes('<')) return decodeText(inner);
  let out = '';
  let last = 0;
  for (const m of inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>/g)) {
    out += decodeText(inner.slice(last, m.index));
    if (m[1] !== undefined) out += m[1];
    last = m.index + m[0].length;
  }
  return out + decodeText(inner.slice(last));
}

/** Text escaped for an element's content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Text escaped for a double-quoted attribute value (line breaks kept as references). */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, '&amp;');
}

/** Characters XML 1.0 cannot carry, dropped from text the product writes. */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** Excel's `_xHHHH_` escapes in cell text (how it stores characters XML cannot). */
export function decodeExcelEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Sets (or adds) an attribute in an attribute text, keeping the others as written. */
export function setAttribute(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const text = `${name}="${escapeAttribute(value)}"`;
  if (re.test(attrs)) return attrs.replace(re, (_m, space: string) => `${space}${text}`);
  const trailing = /\s*$/.exec(attrs)![0];
  return `${attrs.slice(0, attrs.length - trailing.length)} ${text}${trailing}`;
}

/** Removes an attribute from an attribute text. */
export function removeAttribute(attrs: string, name: string): string {
  const re = new RegExp(`\\s+${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  return attrs.replace(re, '');
}
