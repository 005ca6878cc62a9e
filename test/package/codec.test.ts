/**
 * The codec seam (package/codec.ts): fflate (the page's) and node:zlib (the command's) read the
 * same package into the same snapshot and texts, refuse the same zip bomb with the same reason
 * before it fills memory, and write copies the other reads back.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { FFLATE_CODEC, codec, installCodec, type Codec } from '../../src/hosts/file/package/codec';
import { LIMITS, REASONS } from '../../src/hosts/file/package/limits';
import { NODE_ZLIB_CODEC } from '../../src/hosts/file/package/nodeCodec';
import { openPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { packageSnapshot } from '../../src/hosts/file/package/snapshot';
import { readDirectory, writeZip } from '../../src/hosts/file/package/zip';
import { district, xlsxOf } from '../fixtures/workbooks';
import { refusal } from './refusal';

const CODECS: readonly Codec[] = [FFLATE_CODEC, NODE_ZLIB_CODEC];

function withCodec<T>(c: Codec, read: () => T): T {
  const before = codec();
  installCodec(c);
  try {
    return read();
  } finally {
    installCodec(before);
  }
}

/** The zip with the uncompressed size its directory and local header declare for `name` set to `size`. */
function declaring(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const entry = readDirectory(out).find((e) => e.name === name)!;
  view.setUint32(entry.localOffset + 22, size, true);
  const central = entry.central.byteOffset - bytes.byteOffset;
  view.setUint32(central + 24, size, true);
  return out;
}

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('fflate and node:zlib', () => {
  let filled: Uint8Array;
  beforeAll(async () => {
    filled = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: 56000 })));
  });

  it('read the same package into the same snapshot and the same texts', () => {
    const example = new Uint8Array(readFileSync('examples/东城区.xlsx'));
    for (const bytes of [filled, example]) {
      const [a, b] = CODECS.map((c) =>
        withCodec(c, () => {
          const pkg = openPackage(bytes);
          const texts = pkg.entries.map((e) => (/\.(xml|rels|vml)$/.test(e.name) ? pkg.text(e.name) : null));
          return { snapshot: packageSnapshot(pkg), texts };
        }),
      );
      expect(a!.snapshot.sheets.length).toBeGreaterThan(5);
      expect(a!.snapshot).toEqual(b!.snapshot);
      expect(a!.texts).toEqual(b!.texts);
    }
  });

  it('inflate to the limit exactly, and say null beyond it, whatever the data', () => {
    const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(10_000));
    const random = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
    const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b));
    for (const data of [text, random]) {
      const deflated = deflateRawSync(data);
      for (const c of CODECS) {
        // far from the limit (fflate inflates it whole) and at it (fflate streams it in slices)
        expect(same(c.inflate(deflated, deflated.length * 2000, data.length), data)).toBe(true);
        expect(same(c.inflate(deflated, data.length, 0), data)).toBe(true);
        expect(c.inflate(deflated, data.length - 1, data.length)).toBeNull();
        expect(c.inflate(deflated, 1000, 1000)).toBeNull();
        expect(() => c.inflate(deflated.subarray(0, deflated.length >> 1), data.length, data.length)).toThrow();
      }
    }
  });

  it('deflate what the other inflates: a copy written by one is read by the other', () => {
    const source = filled;
    const entries = readDirectory(source);
    const sheet = withCodec(FFLATE_CODEC, () => workbookSheets(openPackage(source))[2]!.part!);
    for (const [writer, reader] of [CODECS, [...CODECS].reverse()] as const) {
      const text = new TextEncoder().encode(withCodec(reader!, () => openPackage(source).text(sheet)!));
      const copy = withCodec(writer!, () =>
        writeZip(
          source,
          entries.map((entry) =>
            entry.name === sheet ? { kind: 'data', name: sheet, data: text } : { kind: 'copy', entry },
          ),
        ),
      );
      const back = withCodec(reader!, () => openPackage(copy));
      expect(new TextEncoder().encode(back.text(sheet)!)).toEqual(text);
      expect(withCodec(reader!, () => packageSnapshot(back))).toEqual(
        withCodec(reader!, () => packageSnapshot(openPackage(source))),
      );
    }
  });

  describe('a zip bomb', () => {
    const saved = { ...LIMITS };
    afterEach(() => Object.assign(LIMITS, saved));

    it('in a sheet that lies about its size is refused by both with the same reason', async () => {
      const bytes = await edited(filled, async (zip) => {
        const part = workbookSheets(openPackage(filled))[1]!.part!;
        const xml = await zip.file(part)!.async('string');
        zip.file(part, xml.replace('</worksheet>', `<!--${' '.repeat(3 * 1024 * 1024)}--></worksheet>`));
      });
      const part = workbookSheets(openPackage(bytes))[1]!.part!;
      const lying = declaring(bytes, part, 4000);
      LIMITS.partBytes = 2 * 1024 * 1024;
      for (const c of CODECS) {
        expect(withCodec(c, () => refusal(lying))).toBe(REASONS.unzipped(part, LIMITS.partBytes));
      }
    });

    it('spread over the parts is refused by both beyond the total', async () => {
      const strings = 'xl/sharedStrings.xml';
      const bytes = await edited(filled, async (zip) => {
        const xml = await zip.file(strings)!.async('string');
        zip.file(strings, xml.replace('</sst>', `<!--${' '.repeat(1024 * 1024)}--></sst>`));
      });
      const lying = declaring(bytes, strings, 100);
      // what the zip declares is within the total: only inflating finds the part's real size
      LIMITS.totalBytes = readDirectory(lying).reduce((n, e) => n + e.declaredSize, 0) + 512 * 1024;
      for (const c of CODECS) {
        expect(withCodec(c, () => refusal(lying))).toBe(REASONS.unzipped('全部部件合计', LIMITS.totalBytes));
      }
    });

    it('of damaged data is refused by both as damaged', async () => {
      const part = 'xl/styles.xml';
      const bytes = new Uint8Array(filled);
      const entry = readDirectory(bytes).find((e) => e.name === part)!;
      bytes.fill(0xff, entry.dataOffset, entry.dataOffset + Math.min(64, entry.compressedSize));
      for (const c of CODECS) expect(withCodec(c, () => refusal(bytes))).toBe(REASONS.corrupt);
    });
  });
});
