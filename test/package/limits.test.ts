/**
 * What opening a package checks, and where: DTDs in the head of every part that is read (and
 * only there), parts nothing reads left deflated (copied as they are), rows, cells and addresses
 * counted by the sheet reader with the same reasons, whichever codec inflates.
 */
import JSZip from 'jszip';
import { FFLATE_CODEC, codec, installCodec } from '../../src/hosts/file/package/codec';
import { LIMITS, REASONS, UnreadableError } from '../../src/hosts/file/package/limits';
import { NODE_ZLIB_CODEC } from '../../src/hosts/file/package/nodeCodec';
import { openPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { checkDoctype } from '../../src/hosts/file/package/scan';
import { readDirectory } from '../../src/hosts/file/package/zip';
import { district, xlsxOf } from '../fixtures/workbooks';
import { refusal } from './refusal';

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const DTD = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>';

describe.each([FFLATE_CODEC, NODE_ZLIB_CODEC])('opening a package with $name', (c) => {
  const before = codec();
  const saved = { ...LIMITS };
  let good: Uint8Array;
  let sheets: { name: string; part: string }[];
  beforeAll(async () => {
    installCodec(c);
    good = await xlsxOf(district());
    sheets = workbookSheets(openPackage(good)).map((s) => ({ name: s.name, part: s.part! }));
  });
  afterAll(() => installCodec(before));
  afterEach(() => Object.assign(LIMITS, saved));

  const inSheet = (name: string, edit: (xml: string) => string) => (zip: JSZip) =>
    (async () => {
      const part = sheets.find((s) => s.name === name)!.part;
      zip.file(part, edit(await zip.file(part)!.async('string')));
    })();

  it('refuses a DTD in the head of any part it reads, after comments and processing instructions', async () => {
    for (const part of ['xl/sharedStrings.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']) {
      const bytes = await edited(good, async (zip) => {
        const xml = await zip.file(part)!.async('string');
        zip.file(part, xml.replace(/^(<\?xml[^>]*\?>)?/, `$1\n<!-- a comment -->\n<?pi x?>\n${DTD}`));
      });
      expect(refusal(bytes)).toBe(REASONS.doctype(part));
    }
    expect(() => checkDoctype('x.xml', `\uFEFF<?xml version="1.0"?><!doctype r>`)).toThrow(UnreadableError);
    expect(() => checkDoctype('x.xml', '<r><![CDATA[<!DOCTYPE r>]]></r>')).not.toThrow();
  });

  it('refuses a part in UTF-16, read whole or in pieces, naming it', async () => {
    const utf16 = (xml: string, bom: number[]) => {
      const body = Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), 'utf16le');
      if (bom[0] === 0xfe) body.swap16();
      return new Uint8Array([...bom, ...body]);
    };
    const sheet = sheets.find((x) => x.name === '基本信息')!.part;
    for (const [part, bom] of [
      ['xl/workbook.xml', [0xff, 0xfe]],
      ['xl/sharedStrings.xml', [0xfe, 0xff]],
      [sheet, [0xff, 0xfe]],
    ] as const) {
      const bytes = await edited(good, async (zip) => {
        zip.file(part, utf16(await zip.file(part)!.async('string'), [...bom]));
      });
      expect(refusal(bytes)).toBe(REASONS.utf16(part));
    }
  });

  it('leaves a part nothing reads deflated: a bomb or a DTD there is copied, not inflated', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bytes = await edited(good, async (zip) => {
      zip.file('xl/media/bomb.bin', zeros);
      zip.file('xl/theme/theme1.xml', `<?xml version="1.0"?>${DTD}<a:theme/>`);
    });
    // the bomb declares its size honestly: beyond the limit it is refused without inflating
    LIMITS.partBytes = 2 * 1024 * 1024;
    expect(refusal(bytes)).toBe(REASONS.unzipped('xl/media/bomb.bin', LIMITS.partBytes));
    // within the limit, it is not inflated: the total counts only what is read
    LIMITS.partBytes = saved.partBytes;
    const read = readDirectory(bytes)
      .filter((e) => !/bomb|theme/.test(e.name))
      .reduce((n, e) => n + e.declaredSize, 0);
    LIMITS.totalBytes = read + zeros.length + 4096;
    const pkg = openPackage(bytes);
    expect(pkg.has('xl/media/bomb.bin')).toBe(true);
    expect(() => pkg.text('xl/theme/theme1.xml')).toThrow(UnreadableError);
  });

  it('counts rows and cells over all sheets as it reads them, with the same reasons', async () => {
    const rows = (n: number) =>
      inSheet('学校明细', (xml) => xml.replace('</sheetData>', `${'<row/>'.repeat(n)}</sheetData>`));
    LIMITS.rows = 5000;
    expect(refusal(await edited(good, rows(5000)))).toBe(REASONS.tooManyRows());
    LIMITS.rows = saved.rows;
    const cells = inSheet('学校明细', (xml) =>
      xml.replace('</sheetData>', `<row r="900">${'<c/>'.repeat(3000)}</row></sheetData>`),
    );
    LIMITS.cells = 3000;
    expect(refusal(await edited(good, cells))).toBe(REASONS.tooManyCells());
    LIMITS.cells = saved.cells;
    expect(refusal(await edited(good, cells))).toBeNull();
  });

  it('says the sheet and the address beyond Excel, in a row, a cell or the dimension', async () => {
    const far = inSheet('学校明细', (xml) =>
      xml.replace('</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'),
    );
    expect(refusal(await edited(good, far))).toBe(REASONS.rowNumber('学校明细', 2_000_000));
    const column = inSheet('学校明细', (xml) =>
      xml.replace('</sheetData>', '<row r="900"><c r="XFE900"><v>1</v></c></row></sheetData>'),
    );
    expect(refusal(await edited(good, column))).toBe(REASONS.cellAddress('学校明细', 'XFE900'));
    const dimension = inSheet('学校明细', (xml) =>
      /<dimension\b/.test(xml)
        ? xml.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:ZZZZ9"')
        : xml.replace(/<sheetViews|<sheetFormatPr|<sheetData/, (m) => `<dimension ref="A1:ZZZZ9"/>${m}`),
    );
    expect(refusal(await edited(good, dimension))).toBe(REASONS.cellAddress('学校明细', 'A1:ZZZZ9'));
    const last = inSheet('学校明细', (xml) =>
      xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    expect(refusal(await edited(good, last))).toBeNull();
  });
});
