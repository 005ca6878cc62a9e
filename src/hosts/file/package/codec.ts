/**
 * Inflating and deflating a package's entries, behind one seam. fflate is the default: the same
 * code in Node and the browser (the page uses this folder too and must not pull node:zlib into
 * its bundle). The command and its worker threads install node:zlib's (nodeCodec.ts), several
 * times faster, through `installCodec`.
 *
 * `inflate` never makes more than `limit` bytes: beyond it, it says so (null) instead of going on,
 * so a zip bomb costs at most the limit in memory whatever the zip declares.
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';

export interface Codec {
  /** what the codec is (said in tests and measurements) */
  readonly name: string;
  /**
   * Raw DEFLATE data inflated, or null as soon as it would exceed `limit` bytes. Throws when the
   * data is not valid DEFLATE. `sizeHint` is what the zip declares (not trusted, only a hint).
   */
  inflate(data: Uint8Array, limit: number, sizeHint: number): Uint8Array | null;
  /** Raw DEFLATE data of `data` (a part the copy writes). */
  deflate(data: Uint8Array): Uint8Array;
  /** The CRC-32 of `data`, when the codec has a faster one than zip.ts's own. */
  crc32?(data: Uint8Array): number;
}

/**
 * DEFLATE cannot expand more than 1032 to 1 (a 258-byte match in under two bits, zlib's
 * "technical details"): data this short cannot inflate beyond the limit, so it is inflated whole.
 */
const MAX_RATIO = 1032;
/** compressed bytes pushed at a time when the whole could exceed the limit */
const SLICE = 64 * 1024;

class TooBig extends Error {}

/** fflate's inflater and deflater (level 6, as Excel's own). */
export const FFLATE_CODEC: Codec = {
  name: 'fflate',
  inflate(data, limit) {
    if (data.length * MAX_RATIO + MAX_RATIO <= limit) return inflateSync(data);
    // streamed in slices, each slice's output counted: stopped at the limit, memory bounded
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (size > limit) throw new TooBig();
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    } catch (e) {
      if (e instanceof TooBig) return null;
      throw e;
    }
    return joined(chunks, size);
  },
  deflate: (data) => deflateSync(data, { level: 6 }),
};

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

let current: Codec = FFLATE_CODEC;

/** The codec packages are read and written with now. */
export function codec(): Codec {
  return current;
}

/** Installs a codec for every package read or written from now on (in this thread). */
export function installCodec(next: Codec): void {
  current = next;
}
