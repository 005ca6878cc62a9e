/**
 * Text a workbook brings in, kept to a size every output can hold: a message quoting a cell of a
 * million characters, a 地区名称 made a file name. The cell itself is never changed.
 */

/** Longest a finding's message or a string it carries is kept, in characters. */
export const MESSAGE_MAX = 1000;
/** Longest a 情况说明 is kept with its finding (the letters quote it). */
export const EXPLANATION_MAX = 2000;

const ELLIPSIS = '……';

/**
 * Text cut in the middle to at most `max` characters, so that both its start (what is quoted) and
 * its end (what the message says of it: “…与第3行重复”) remain.
 */
export function clipMiddle(text: string, max = MESSAGE_MAX): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - ELLIPSIS.length) / 3);
  return `${text.slice(0, max - ELLIPSIS.length - tail)}${ELLIPSIS}${text.slice(text.length - tail)}`;
}

/** Longest a file name made of workbook text is, in UTF-8 bytes (file systems allow 255). */
const NAME_BYTES = 150;

// eslint-disable-next-line no-control-regex -- control characters are what is matched
const NOT_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Workbook text as part of a file name: characters Windows and macOS refuse and control
 * characters become `_`, and it is cut (whole characters) to leave room for what follows it.
 */
export function safeName(s: string, fallback = '未命名地区'): string {
  let out = '';
  let bytes = 0;
  for (const ch of s.replace(NOT_IN_NAMES, '_').trim()) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > NAME_BYTES) break;
    out += ch;
  }
  return out.trim() || fallback;
}

// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text for a plain-text file: control characters (but tabs and line breaks) left out. */
export function printable(text: string): string {
  return text.replace(CONTROL, '');
}
