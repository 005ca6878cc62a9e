/**
 * A big part's bytes cut into pieces of about PIECE bytes, each cut just after an end tag
 * `</local>` (whatever its prefix), so that no element of that name straddles two pieces. A
 * reader that goes through a part once (rows of a sheet, items of the shared strings) reads the
 * pieces one after the other and never needs the part as one long string: V8 makes strings
 * over 128 KB in their own pages of memory, several times slower than the decoding itself.
 */

/** bytes a piece holds at least (the last one excepted); its text stays well under 128 KB */
export const PIECE = 32 * 1024;

const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;
const GT = 0x3e;

/** A letter, digit, `_`, `-` or `.`: what a namespace prefix is made of here. */
function nameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x5f ||
    b === 0x2d ||
    b === 0x2e
  );
}

/** Whether `local>` at `at` ends an end tag: `</local>` or `</prefix:local>`. */
function endTagAt(bytes: Uint8Array, at: number): boolean {
  let i = at - 1;
  if (bytes[i] === COLON) {
    i--;
    while (i >= 0 && nameByte(bytes[i]!)) i--;
  }
  return i >= 1 && bytes[i] === SLASH && bytes[i - 1] === LT;
}

/** Where `local>` next starts at or after `from` as the end of an end tag, or -1. */
function nextEndTag(bytes: Uint8Array, name: readonly number[], from: number): number {
  const first = name[0]!;
  const last = bytes.length - name.length;
  for (let i = from; i < last; i++) {
    if (bytes[i] !== first) continue;
    let k = 1;
    while (k < name.length && bytes[i + k] === name[k]) k++;
    if (k === name.length && bytes[i + k] === GT && endTagAt(bytes, i)) return i;
  }
  return -1;
}

/** The offsets to cut `bytes` at (`count` at most): each just after a `</local>`, `size` bytes or more apart. */
export function cuts(bytes: Uint8Array, local: string, size = PIECE, count = Infinity): number[] {
  const name = [...local].map((c) => c.charCodeAt(0));
  const out: number[] = [];
  for (let from = size; from < bytes.length && out.length < count;) {
    const at = nextEndTag(bytes, name, from);
    if (at < 0) break;
    const cut = at + name.length + 1;
    if (cut >= bytes.length) break;
    out.push(cut);
    from = cut + size;
  }
  return out;
}

/** `bytes` decoded piece by piece, cut where `cuts` says; only the first `count` pieces when given. */
export function decodePieces(
  bytes: Uint8Array,
  local: string,
  decode: (bytes: Uint8Array) => string,
  count = Infinity,
  size = PIECE,
): string[] {
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts(bytes, local, size, count), bytes.length]) {
    if (out.length >= count) break;
    out.push(decode(bytes.subarray(from, cut)));
    from = cut;
  }
  return out;
}
