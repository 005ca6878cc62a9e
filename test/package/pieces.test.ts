/**
 * Big parts read in pieces (pieces.ts): cut only just after a real end tag, never inside a row,
 * a shared string item or a character, and read exactly as the whole text is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPackage } from '../../src/hosts/file/package/open';
import { cuts, decodePieces } from '../../src/hosts/file/package/pieces';
import { sharedStrings } from '../../src/hosts/file/package/sharedStrings';
import { readSheet, type SheetContext } from '../../src/hosts/file/package/sheetReader';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A sheet of `n` rows with a `x:` prefix, Chinese inline strings, shared strings, numbers and a merge after the data. */
function sheetXml(n: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) {
    rows.push(
      `<x:row r="${r}"><x:c r="A${r}" t="inlineStr"><x:is><x:t>学校${r}号 arrow&gt; narrow></x:t></x:is></x:c>` +
        `<x:c r="B${r}"><x:v>${r * 1.5}</x:v></x:c><x:c r="C${r}" t="s"><x:v>${r % 2}</x:v></x:c><x:c r="D${r}" s="1"/></x:row>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<x:dimension ref="A1:D${n}"/><x:sheetViews><x:sheetView tabSelected="1" workbookViewId="0"/></x:sheetViews>` +
    `<x:sheetData>${rows.join('')}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E1:F2"/></x:mergeCells>` +
    '<x:dataValidations count="1"><x:dataValidation type="list" sqref="C1:C9" error="只能选是或否"/></x:dataValidations></x:worksheet>'
  );
}

const CTX: SheetContext = { strings: ['否', '是'], formats: [], date1904: false };

describe('cutting a part into pieces', () => {
  const bytes = encode(sheetXml(300));

  test('every piece but the last ends just after a </row>, with any prefix, and the pieces make the whole', () => {
    const pieces = decodePieces(bytes, 'row', decode, Infinity, 500);
    expect(pieces.length).toBeGreaterThan(20);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('</x:row>')).toBe(true);
    expect(pieces.join('')).toBe(decode(bytes));
    // each piece decodes on its own: no character is cut
    for (const p of pieces) expect(p).not.toContain('\uFFFD');
  });

  test('`row>` inside a text (narrow>) or a start tag is never taken for an end tag', () => {
    const xml = encode(`<a><t>narrow></t><row>x</row><t>arrow></t><row/><row>y</row></a>`);
    const at = cuts(xml, 'row', 1);
    expect(at.map((i) => decode(xml.subarray(0, i)).slice(-6))).toEqual(['</row>', '</row>']);
  });

  test('a byte order mark before the XML is left out, as when the part is read whole', () => {
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const pieces = decodePieces(withMark, 'row', decode, Infinity, 500);
    expect(pieces[0]!.startsWith('<?xml')).toBe(true);
    expect(readSheet('学校明细', pieces, CTX)).toEqual(readSheet('学校明细', decode(bytes), CTX));
  });

  test('only the first pieces are decoded when asked for', () => {
    expect(decodePieces(bytes, 'row', decode, 1, 500)).toEqual([decodePieces(bytes, 'row', decode, Infinity, 500)[0]]);
  });

  test('a sheet read in pieces is the sheet read whole', () => {
    const whole = readSheet('学校明细', decode(bytes), CTX);
    for (const size of [1, 200, 5000]) {
      expect(readSheet('学校明细', decodePieces(bytes, 'row', decode, Infinity, size), CTX)).toEqual(whole);
    }
    expect(whole.rows[299]![0]!.v).toBe('学校300号 arrow> narrow>');
    expect(whole.merges).toEqual(['E1:F2']);
  });

  test('shared strings read in pieces are the strings read whole', () => {
    const items = Array.from(
      { length: 500 },
      (_, i) => `<si><r><t>第${i}项</t></r><r><t xml:space="preserve"> 说明</t></r></si>`,
    );
    const xml = encode(`<sst count="500">${items.join('')}</sst>`);
    const whole = sharedStrings(decode(xml));
    expect(whole[499]).toBe('第499项 说明');
    expect(sharedStrings(decodePieces(xml, 'si', decode, Infinity, 300))).toEqual(whole);
  });
});

describe('a returned workbook read in pieces', () => {
  test('its 学校明细 (more than one piece) reads as the whole text does', () => {
    const pkg = openPackage(readFileSync(join(__dirname, '..', '..', 'examples', '东城区.xlsx')));
    const part = pkg.opened!.parts.find((p) => (pkg.pieces(p, 'row') ?? []).length > 1)!;
    expect(part).toMatch(/^xl\/worksheets\//);
    const pieces = pkg.pieces(part, 'row')!;
    expect(readSheet('学校明细', pieces, CTX)).toEqual(readSheet('学校明细', pkg.text(part)!, CTX));
    expect(pieces.join('')).toBe(pkg.text(part));
  });
});
