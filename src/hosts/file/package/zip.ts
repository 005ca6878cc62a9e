/**
 * The zip container of an .xlsx: its central directory read within the limits, one entry inflated
 * with its real size counted as it is inflated (stopped at the limit, whatever the zip declares),
 * and a package written back where every entry not changed is copied as its original bytes
 * (local header, compressed data, CRC) and only the changed or added parts are deflated.
 * Inflating and deflating are the installed codec's (codec.ts: fflate unless the command installed
 * node:zlib's).
 */
import { codec } from './codec';
import { LIMITS, REASONS, UnreadableError } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** the uncompressed size the zip declares (not trusted: inflating counts) */
  declaredSize: number;
  /** offset of the local header */
  localOffset: number;
  /** offset of the compressed data */
  dataOffset: number;
  /** offset just after the entry's data (and data descriptor, if any) */
  localEnd: number;
  /** the entry's central directory record as it is in the file */
  central: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

function corrupt(): never {
  throw new UnreadableError(REASONS.corrupt);
}

/** Entry names are UTF-8 (Excel sets the flag; others write ASCII names, which read the same). */
function entryName(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function findEndRecord(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (u32(bytes, i) === EOCD) return i;
  return corrupt();
}

/** The package's entries in central directory order (folders left out). */
export function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const end = findEndRecord(bytes);
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  // ZIP64 is never needed for a workbook within the limits
  if (count === 0xffff || offset === 0xffffffff) corrupt();
  if (count > LIMITS.entries) throw new UnreadableError(REASONS.tooManyEntries(count));
  if (offset + size > end) corrupt();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL) corrupt();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const declaredSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const recordLength = 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = entryName(bytes.subarray(p + 46, p + 46 + nameLength));
    const central = bytes.subarray(p, p + recordLength);
    p += recordLength;
    if (flags & 1) throw new UnreadableError(REASONS.zipEncrypted);
    if (name.endsWith('/')) continue;
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) corrupt();
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    let localEnd = dataOffset + compressedSize;
    if (localEnd > bytes.length) corrupt();
    if (flags & 8) localEnd += localEnd + 4 <= bytes.length && u32(bytes, localEnd) === DESCRIPTOR ? 16 : 12;
    if (method !== 0 && method !== 8) throw new UnreadableError(REASONS.unknown);
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      declaredSize,
      localOffset,
      dataOffset,
      localEnd: Math.min(localEnd, bytes.length),
      central,
    });
  }
  return entries;
}

/** What has been inflated so far, over all entries. */
export interface Budget {
  total: number;
}

/**
 * One entry's bytes, inflated whole by the installed codec, and refused with the reason as soon
 * as the entry, or all entries together, would exceed the limits (whatever the zip declares: the
 * codec stops at the limit, so memory stays bounded). Counted in `budget`.
 */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry, budget: Budget = { total: 0 }): Uint8Array {
  const tooBig = () => new UnreadableError(REASONS.unzipped(entry.name, LIMITS.partBytes));
  const tooBigAll = () => new UnreadableError(REASONS.unzipped('全部部件合计', LIMITS.totalBytes));
  if (entry.declaredSize > LIMITS.partBytes) throw tooBig();
  if (budget.total + entry.declaredSize > LIMITS.totalBytes) throw tooBigAll();
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const left = LIMITS.totalBytes - budget.total;
  const limit = Math.min(LIMITS.partBytes, left);
  let out: Uint8Array | null;
  if (entry.method === 0) out = data.length > limit ? null : data;
  else if (data.length === 0) out = new Uint8Array(0);
  else {
    try {
      out = codec().inflate(data, limit, entry.declaredSize);
    } catch {
      corrupt();
    }
  }
  if (out === null) throw limit < LIMITS.partBytes ? tooBigAll() : tooBig();
  budget.total += out.length;
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** What goes into a written package, in order. */
export type OutEntry = { kind: 'copy'; entry: ZipEntry } | { kind: 'data'; name: string; data: Uint8Array };

class Writer {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

function header(size: number): { b: Uint8Array; v: DataView } {
  const b = new Uint8Array(size);
  return { b, v: new DataView(b.buffer) };
}

/** 1980-01-01 00:00, as Excel dates the parts it writes */
const DOS_TIME = 0;
const DOS_DATE = 0x21;

/**
 * Writes a package: copied entries keep their local header, data and CRC byte for byte; new data
 * is deflated. The central directory follows in the same order.
 */
export function writeZip(source: Uint8Array, out: readonly OutEntry[]): Uint8Array {
  const w = new Writer();
  const central: Uint8Array[] = [];
  for (const item of out) {
    const offset = w.length;
    if (item.kind === 'copy') {
      const e = item.entry;
      w.push(source.subarray(e.localOffset, e.localEnd));
      // a copy (a Node Buffer's slice would share its memory)
      const record = new Uint8Array(e.central);
      new DataView(record.buffer, record.byteOffset, record.byteLength).setUint32(42, offset, true);
      central.push(record);
      continue;
    }
    const name = new TextEncoder().encode(item.name);
    const { deflate, crc32: fastCrc } = codec();
    const deflated = deflate(item.data);
    const crc = fastCrc ? fastCrc(item.data) : crc32(item.data);
    const local = header(30 + name.length);
    local.v.setUint32(0, LOCAL, true);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, 0x0800, true);
    local.v.setUint16(8, 8, true);
    local.v.setUint16(10, DOS_TIME, true);
    local.v.setUint16(12, DOS_DATE, true);
    local.v.setUint32(14, crc, true);
    local.v.setUint32(18, deflated.length, true);
    local.v.setUint32(22, item.data.length, true);
    local.v.setUint16(26, name.length, true);
    local.b.set(name, 30);
    w.push(local.b);
    w.push(deflated);
    const record = header(46 + name.length);
    record.v.setUint32(0, CENTRAL, true);
    record.v.setUint16(4, 20, true);
    record.v.setUint16(6, 20, true);
    record.v.setUint16(8, 0x0800, true);
    record.v.setUint16(10, 8, true);
    record.v.setUint16(12, DOS_TIME, true);
    record.v.setUint16(14, DOS_DATE, true);
    record.v.setUint32(16, crc, true);
    record.v.setUint32(20, deflated.length, true);
    record.v.setUint32(24, item.data.length, true);
    record.v.setUint16(28, name.length, true);
    record.v.setUint32(42, offset, true);
    record.b.set(name, 46);
    central.push(record.b);
  }
  const directoryOffset = w.length;
  for (const c of central) w.push(c);
  const end = header(22);
  end.v.setUint32(0, EOCD, true);
  end.v.setUint16(8, central.length, true);
  end.v.setUint16(10, central.length, true);
  end.v.setUint32(12, w.length - directoryOffset, true);
  end.v.setUint32(16, directoryOffset, true);
  w.push(end.b);
  return w.bytes();
}
