/**
 * Cells changed in a worksheet's XML in place (sheetCells.ts): rows with nothing to change are
 * passed over whole and the scan stops after the last row asked for, so the cases that depend on
 * where a row or cell goes are checked here against the exact XML.
 */
import { editCells, type CellEdit } from '../../src/hosts/file/package/sheetCells';

const sheet = (rows: string, prefix = '') =>
  `<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="main"><${prefix}cols><${prefix}col min="3" max="3" style="7"/></${prefix}cols><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}pageMargins/></${prefix}worksheet>`;

const styled =
  (s: string): CellEdit =>
  (current, ctx) =>
    current === null
      ? `<c r="@" s="${s}" inherited="${ctx.inheritedStyle}" row="${ctx.rowExists}"/>`
      : current.replace('<c ', `<c s="${s}" `);

function edits(entries: Record<string, string>): Map<string, CellEdit> {
  return new Map(
    Object.entries(entries).map(([ref, s]) => [
      ref,
      ((current, ctx) => styled(s)(current, ctx)?.replace('r="@"', `r="${ref}"`) ?? null) as CellEdit,
    ]),
  );
}

const ROWS =
  '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>' +
  '<row r="2" s="5" customFormat="1"><c r="A2" t="inlineStr"><is><t>&lt;row r="9"&gt;</t></is></c></row>' +
  '<row r="4"/>' +
  '<row r="6"><c r="B6"><v>6</v></c></row>';

describe('editCells', () => {
  it('changes a cell in place and leaves every other byte', () => {
    const xml = sheet(ROWS);
    expect(editCells(xml, edits({ C1: '9' }))).toBe(xml.replace('<c r="C1">', '<c s="9" r="C1">'));
  });

  it('inserts a cell in column order into its row, with the row’s style when it has one', () => {
    const xml = sheet(ROWS);
    expect(editCells(xml, edits({ B1: '9' }))).toBe(
      xml.replace('<c r="C1">', '<c r="B1" s="9" inherited="0" row="true"/><c r="C1">'),
    );
    expect(editCells(xml, edits({ C2: '9' }))).toBe(
      xml.replace('</is></c></row>', '</is></c><c r="C2" s="9" inherited="5" row="true"/></row>'),
    );
  });

  it('fills an empty row element, and adds a missing row between rows and after the last', () => {
    const xml = sheet(ROWS);
    expect(editCells(xml, edits({ A4: '9' }))).toBe(
      xml.replace('<row r="4"/>', '<row r="4"><c r="A4" s="9" inherited="0" row="true"/></row>'),
    );
    expect(editCells(xml, edits({ C5: '9' }))).toBe(
      xml.replace('<row r="6">', '<row r="5"><c r="C5" s="9" inherited="7" row="false"/></row><row r="6">'),
    );
    expect(editCells(xml, edits({ A9: '9', B3: '8' }))).toBe(
      xml
        .replace('<row r="4"/>', '<row r="3"><c r="B3" s="8" inherited="0" row="false"/></row><row r="4"/>')
        .replace('</sheetData>', '<row r="9"><c r="A9" s="9" inherited="0" row="false"/></row></sheetData>'),
    );
  });

  it('changes a cell in a row after rows it passes over', () => {
    const xml = sheet(ROWS);
    expect(editCells(xml, edits({ B6: '9' }))).toBe(xml.replace('<c r="B6">', '<c s="9" r="B6">'));
  });

  it('drops a row the product added when it is left empty', () => {
    const xml = sheet(ROWS);
    const remove = new Map<string, CellEdit>([['B6', () => null]]);
    expect(editCells(xml, remove, new Set([6]))).toBe(xml.replace('<row r="6"><c r="B6"><v>6</v></c></row>', ''));
    expect(editCells(xml, remove)).toBe(xml.replace('<c r="B6"><v>6</v></c>', ''));
  });

  it('works the same with prefixed elements', () => {
    const xml = sheet(ROWS.replace(/<(\/?)(row|c|v|is|t)\b/g, '<$1x:$2'), 'x:');
    expect(editCells(xml, edits({ C5: '9' }))).toBe(
      xml.replace('<x:row r="6">', '<x:row r="5"><x:c r="C5" s="9" inherited="7" row="false"/></x:row><x:row r="6">'),
    );
    expect(editCells(xml, edits({ A9: '9' }))).toBe(
      xml.replace('</x:sheetData>', '<x:row r="9"><x:c r="A9" s="9" inherited="0" row="false"/></x:row></x:sheetData>'),
    );
  });
});
