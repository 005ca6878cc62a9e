/**
 * Clearing is exact and names stay right (issue 14, item 4): marks cleared give back every part of
 * the original, styles.xml included; checking a copy again and again does not grow its styles;
 * 校验结果's autoFilter has Excel's hidden `_xlnm._FilterDatabase` name, local to its sheet; the
 * user's sheet-local names keep pointing at their sheets while sheets come and go.
 */
import JSZip from 'jszip';
import { SUMMARY_SHEET } from '../../src/core/summary';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { FileHost } from '../../src/hosts/file/fileHost';
import { PackageEdit } from '../../src/hosts/file/package/edit';
import { openPackage, type XlsxPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { RECORD_SHEET } from '../../src/hosts/file/package/record';
import { FILTER_DATABASE, putSheet, removeSheet } from '../../src/hosts/file/package/workbookSheets';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

const WORKBOOK = 'xl/workbook.xml';

/** A returned workbook with findings, and names local to sheets as a district's Excel writes them. */
async function withLocalNames(): Promise<Uint8Array> {
  const plain = await xlsxOf(
    district((d) => {
      d.values.JF01 = { last: 52000, current: '约56000' };
      d.values.JF02 = { last: 60000, current: 63720 };
    }),
  );
  const zip = await JSZip.loadAsync(plain);
  let wb = await zip.file(WORKBOOK)!.async('string');
  const sheets = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const last = sheets.length - 1;
  const names =
    `<definedName name="_xlnm.Print_Area" localSheetId="1">'${sheets[1]}'!$A$1:$H$20</definedName>` +
    `<definedName name="本表小计" localSheetId="${last}">'${sheets[last]}'!$B$2</definedName>` +
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheets[0]}'!$A$1:$B$3</definedName>` +
    '<definedName name="税率">0.13</definedName>';
  wb = wb.includes('<definedNames>')
    ? wb.replace('<definedNames>', `<definedNames>${names}`)
    : wb.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file(WORKBOOK, wb);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const text = (pkg: XlsxPackage, name: string) => pkg.text(name) ?? '';

/** Each local name with the sheet it belongs to (by its localSheetId). */
function localNames(pkg: XlsxPackage): string[] {
  const sheets = workbookSheets(pkg).map((s) => s.name);
  return [...text(pkg, WORKBOOK).matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)]
    .filter((m) => /localSheetId="(\d+)"/.test(m[1]!))
    .map((m) => {
      const id = Number(/localSheetId="(\d+)"/.exec(m[1]!)![1]);
      return `${/name="([^"]+)"/.exec(m[1]!)![1]} @ ${sheets[id]} = ${m[2]}`;
    })
    .sort();
}

async function checked(bytes: Uint8Array, summary = true): Promise<Uint8Array> {
  const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
  if (c.status !== 'checked') throw new Error(c.status);
  await c.host.markFindings(c.report);
  if (summary) await c.host.writeSummary(c.report);
  return c.host.toBytes();
}

async function cleared(bytes: Uint8Array): Promise<Uint8Array> {
  const host = await FileHost.open(bytes);
  await host.clearMarks();
  return host.toBytes();
}

function expectSameParts(a: XlsxPackage, b: XlsxPackage): void {
  expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
  for (const e of a.entries)
    expect({ part: e.name, text: text(b, e.name) }).toEqual({ part: e.name, text: text(a, e.name) });
}

describe('marks cleared give back the original, part for part', () => {
  let original: Uint8Array;
  beforeAll(async () => {
    original = await withLocalNames();
  });

  it('mark → clear: every part as it was, styles.xml included', async () => {
    const marked = openPackage(await checked(original, false));
    const before = openPackage(original);
    // the marks did add styles, and a record
    expect(text(marked, 'xl/styles.xml')).not.toBe(text(before, 'xl/styles.xml'));
    expect(workbookSheets(marked).map((s) => s.name)).toContain(RECORD_SHEET);
    const after = openPackage(await cleared(await checked(original, false)));
    expectSameParts(before, after);
  });

  it('a copy checked three times: styles.xml does not grow after the first', async () => {
    const one = await checked(original);
    const two = await checked(one);
    const three = await checked(two);
    const styles = [one, two, three].map((b) => text(openPackage(b), 'xl/styles.xml'));
    expect(styles[0]!.length).toBeGreaterThan(text(openPackage(original), 'xl/styles.xml').length);
    expect(styles[1]).toBe(styles[0]);
    expect(styles[2]).toBe(styles[0]);
  });

  it('mark → clear → mark → clear: still the original', async () => {
    const again = await cleared(await checked(await cleared(await checked(original, false)), false));
    expectSameParts(openPackage(original), openPackage(again));
  });
});

describe('defined names local to sheets', () => {
  let original: Uint8Array;
  let copy: XlsxPackage;
  beforeAll(async () => {
    original = await withLocalNames();
    copy = openPackage(await checked(original));
  });

  it('校验结果 has Excel’s hidden filter name over its autoFilter, local to its sheet', () => {
    const sheets = workbookSheets(copy);
    const index = sheets.findIndex((s) => s.name === SUMMARY_SHEET);
    const ref = /<autoFilter ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(text(copy, sheets[index]!.part!))!;
    expect(ref).not.toBeNull();
    const wb = text(copy, WORKBOOK);
    expect(wb).toContain(
      `<definedName name="${FILTER_DATABASE}" localSheetId="${index}" hidden="1">'${SUMMARY_SHEET}'!$${ref[1]}$${ref[2]}:$${ref[3]}$${ref[4]}</definedName>`,
    );
    expect(wb.split(FILTER_DATABASE).length - 1).toBe(2); // the user's own on sheet 0, and 校验结果's
  });

  it('the user’s local names point at the same sheets after check, re-check and clear', async () => {
    const before = localNames(openPackage(original));
    // the template's print titles, and the three added
    expect(before.length).toBeGreaterThan(3);
    expect(before.filter((n) => /^(_xlnm\.Print_Area|本表小计|_xlnm\._FilterDatabase) /.test(n))).toHaveLength(3);
    const user = (pkg: XlsxPackage) => localNames(pkg).filter((n) => !n.includes(`@ ${SUMMARY_SHEET} `));
    expect(user(copy)).toEqual(before);
    const again = openPackage(await checked(await checked(original)));
    // the record went and came back: 校验结果 moved down one place, then the record after it
    const names = workbookSheets(again).map((s) => s.name);
    expect(names.slice(-2)).toEqual([SUMMARY_SHEET, RECORD_SHEET]);
    expect(user(again)).toEqual(before);
    expect(localNames(again)).toContain(
      localNames(copy).find((n) => n.startsWith(`${FILTER_DATABASE} @ ${SUMMARY_SHEET}`)),
    );
    const clear = openPackage(await cleared(await checked(original)));
    expect(user(clear)).toEqual(before);
    expect(localNames(clear).filter((n) => n.includes(`@ ${SUMMARY_SHEET} `))).toHaveLength(1);
  });

  it('the filter name goes with 校验结果’s autoFilter, and with the sheet', async () => {
    const edit = new PackageEdit(copy);
    const part = workbookSheets(copy).find((s) => s.name === SUMMARY_SHEET)!.part!;
    putSheet(edit, SUMMARY_SHEET, text(copy, part).replace(/<autoFilter\b[^>]*\/>/, ''));
    expect(localNames(openPackage(edit.toBytes())).filter((n) => n.includes(SUMMARY_SHEET))).toEqual([]);

    const removing = new PackageEdit(openPackage(await cleared(copy.bytes)));
    removeSheet(removing, SUMMARY_SHEET);
    const after = openPackage(removing.toBytes());
    const definedNames = (pkg: XlsxPackage) => /<definedNames>[\s\S]*<\/definedNames>/.exec(text(pkg, WORKBOOK))?.[0];
    expect(definedNames(after)).toBe(definedNames(openPackage(original)));
    expect(localNames(after)).toEqual(localNames(openPackage(original)));
  });
});
