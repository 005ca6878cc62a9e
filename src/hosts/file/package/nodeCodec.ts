/**
 * node:zlib's inflater, deflater and CRC-32, for the command and its worker threads (never imported by
 * the page: its bundle has no node:zlib). `maxOutputLength` stops inflating at the limit, so a
 * zip bomb is refused with the same reason, and memory bounded, as with fflate.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Codec } from './codec';

/** zlib's output buffer: a part's declared size (one buffer for most parts), within these bounds */
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 4 * 1024 * 1024;

/**
 * Level 3 deflates the parts a copy writes about 2× faster than 6 for a few percent more bytes
 * (a 150 KB shared strings part: 26 KB instead of 23.5 KB).
 */
const LEVEL = 3;

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const NODE_ZLIB_CODEC: Codec = {
  name: 'node:zlib',
  inflate(data, limit, sizeHint) {
    if (limit < 1) return data.length === 0 ? new Uint8Array(0) : null;
    const chunkSize = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.min(sizeHint + 1, limit + 1)));
    try {
      return asBytes(inflateRawSync(data, { maxOutputLength: limit, chunkSize }));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw e;
    }
  },
  deflate: (data) => asBytes(deflateRawSync(data, { level: LEVEL, strategy: constants.Z_DEFAULT_STRATEGY })),
  crc32: (data) => crc32(data),
};
