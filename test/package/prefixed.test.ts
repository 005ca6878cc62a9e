/**
 * Sheets written with a namespace prefix (`<x:c>`, as the Open XML SDK writes them) are read and
 * patched as well: values as they were, marks and notes in, elements carrying the sheet's prefix.
 */
import JSZip from 'jszip';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { FileHost } from '../../src/hosts/file/fileHost';
import { openPackage } from '../../src/hosts/file/package/open';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { packageSnapshot } from '../../src/hosts/file/package/snapshot';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function prefixed(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const s of workbookSheets(openPackage(bytes))) {
    const xml = await zip.file(s.part!)!.async('string');
    zip.file(
      s.part!,
      xml.replace(/<(\/?)(?![?!])(?![\w.-]+:)([A-Za-z])/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

test('a prefixed workbook is read as the plain one and annotated with prefixed elements', async () => {
  const plain = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
  const bytes = await prefixed(plain);
  expect(new TextDecoder().decode(openPackage(bytes).data(workbookSheets(openPackage(bytes))[2]!.part!)!)).toContain(
    '<x:sheetData>',
  );
  expect(packageSnapshot(openPackage(bytes))).toEqual(packageSnapshot(openPackage(plain)));
  const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
  if (c.status !== 'checked') throw new Error(c.status);
  await c.host.markFindings(c.report);
  await c.host.writeSummary(c.report);
  const copy = await c.host.toBytes();
  const pkg = openPackage(copy);
  // values as they were, in every sheet of the original
  const before = packageSnapshot(openPackage(bytes)).sheets;
  const after = packageSnapshot(pkg).sheets;
  for (const s of before) {
    const rows = after.find((x) => x.name === s.name)!.rows;
    s.rows.forEach((row, r) => row?.forEach((cell, col) => cell && expect(rows[r]![col]!.v).toEqual(cell.v)));
  }
  const f = c.report.findings.find((x) => x.level === 'error')!;
  const part = workbookSheets(pkg).find((s) => s.name === f.sheet)!.part!;
  const xml = pkg.text(part)!;
  expect(xml).toMatch(new RegExp(`<x:c r="${f.cell}"[^>]* s="\\d+"`));
  expect(xml).toMatch(/<x:legacyDrawing r:id="rId\d+"/);
  expect(xml).not.toMatch(/<(?!x:|\/x:|\?)[a-z]/i);
  // and cleared back to the original sheet
  const host = await FileHost.open(copy);
  await host.clearMarks();
  const cleared = openPackage(await host.toBytes());
  expect(cleared.text(part)).toBe(openPackage(bytes).text(part));
});
