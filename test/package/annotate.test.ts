/**
 * Annotated copies patch the original package. A returned workbook is given what ExcelJS cannot
 * carry (a chart and its drawing, a pivot cache, a threaded comment, the user's own notes with
 * their author, custom properties, workbook and sheet protection with password hashes, a constant
 * and a formula defined name, an internal hyperlink, a table, x14 extensions); it is checked,
 * marked and given its sheets, and then compared part by part with the original.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { strFromU8 } from 'fflate';
import { MARK_PREFIX } from '../../src/core/marks';
import { DRAFT_SHEET, LEVEL_COLOURS, SUMMARY_SHEET } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { FileHost } from '../../src/hosts/file/fileHost';
import { openPackage, type XlsxPackage } from '../../src/hosts/file/package/open';
import { RECORD_SHEET } from '../../src/hosts/file/package/record';
import { workbookSheets } from '../../src/hosts/file/package/parts';
import { TODAY, district, xlsxOf } from '../fixtures/workbooks';

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const USER_NOTE = '请核对：这是填报人自己的批注';
const OTHER_NOTE = '另一处填报人批注';

async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
}

const addType = (types: string, part: string, type: string) =>
  types.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
const addRel = (rels: string, id: string, type: string, target: string) =>
  rels.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/></Relationships>`,
  );
const relsOf = (xml: string | undefined) =>
  xml ??
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The district's workbook with everything ExcelJS would lose, written into its XML by hand. */
async function richWorkbook(bytes: Uint8Array, marked: { sheet: string; cell: string }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const sheet = await sheetPath(zip, marked.sheet);
  const sheetRelsPath = sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  let sheetRels = relsOf(await zip.file(sheetRelsPath)?.async('string'));
  let xml = await zip.file(sheet)!.async('string');
  expect(xml).not.toContain('legacyDrawing');

  // a chart in a drawing
  zip.file(
    'xl/charts/chart1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
  );
  zip.file(
    'xl/drawings/drawing1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  zip.file('xl/drawings/_rels/drawing1.xml.rels', addRel(relsOf(undefined), 'rId1', 'chart', '../charts/chart1.xml'));
  types = addType(types, 'xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  types = addType(types, 'xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  sheetRels = addRel(sheetRels, 'rIdChart', 'drawing', '../drawings/drawing1.xml');

  // the user's own notes, one on the cell the check will mark, with their author
  const noteCell = 'A1';
  zip.file(
    'xl/comments1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张三（区教育局）</author></authors><commentList>' +
      `<comment ref="${marked.cell}" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>张三：</t></r><r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">${USER_NOTE}</t></r></text></comment>` +
      `<comment ref="${noteCell}" authorId="0" shapeId="0"><text><t>${OTHER_NOTE}</t></text></comment>` +
      '</commentList></comments>',
  );
  const shape = (row: number, col: number, id: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 3, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  const m = /^([A-Z]+)(\d+)$/.exec(marked.cell)!;
  const col = m[1]!.charCodeAt(0) - 65;
  zip.file(
    'xl/drawings/vmlDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      shape(Number(m[2]) - 1, col, 1025) +
      shape(0, 0, 1026) +
      '</xml>',
  );
  types = types.replace(
    '<Default Extension="xml"',
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml"',
  );
  types = addType(
    types,
    'xl/comments1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  );
  sheetRels = addRel(sheetRels, 'rIdNotes', 'comments', '../comments1.xml');
  sheetRels = addRel(sheetRels, 'rIdVml', 'vmlDrawing', '../drawings/vmlDrawing1.vml');

  // a threaded comment (opaque to the product)
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B2" dT="2026-03-01T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>讨论：这一项请再确认</text></threadedComment></ThreadedComments>',
  );
  types = addType(types, 'xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
  sheetRels = sheetRels.replace(
    '</Relationships>',
    '<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
  );

  // a table
  zip.file(
    'xl/tables/table1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="表9" displayName="表9" ref="Q1:R3"><autoFilter ref="Q1:R3"/><tableColumns count="2"><tableColumn id="1" name="甲"/><tableColumn id="2" name="乙"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
  );
  types = addType(
    types,
    'xl/tables/table1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  );
  sheetRels = addRel(sheetRels, 'rIdTable', 'table', '../tables/table1.xml');

  // the sheet: protection with a hash, an internal hyperlink, the drawing, notes, table, x14 extension
  const protection =
    '<sheetProtection algorithmName="SHA-512" hashValue="c2hlZXQtaGFzaA==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>';
  xml = xml.replace(/<\/sheetData>/, `</sheetData>${protection}`);
  xml = xml.replace(/<sheetProtection\b[^>]*\/>(?=[\s\S]*<sheetProtection)/, '');
  const tail =
    `<hyperlinks><hyperlink ref="A2" location="'基本信息'!A1" display="回到基本信息"/></hyperlinks>` +
    '<drawing r:id="rIdChart"/><legacyDrawing r:id="rIdVml"/><tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>' +
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>经费投入!C5:D5</xm:f><xm:sqref>P5</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
  xml = xml.replace(
    /(<pageMargins[^>]*\/>|<pageSetup[^>]*\/>|<headerFooter[\s\S]*?<\/headerFooter>)*<\/worksheet>$/,
    (end) => end.replace('</worksheet>', `${tail}</worksheet>`),
  );
  if (!xml.includes('xmlns:r=')) xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${RELS}" `);
  zip.file(sheet, xml);
  zip.file(sheetRelsPath, sheetRels);

  // the workbook: protection, defined names, a pivot cache
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  wb = wb.replace(
    /(<workbookPr[^>]*\/>)/,
    '$1<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="d2ItaGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>',
  );
  const names =
    '<definedName name="税率">0.13</definedName><definedName name="经费合计">SUM(经费投入!$C$5:$C$9)</definedName>';
  wb = wb.includes('<definedNames>')
    ? wb.replace('<definedNames>', `<definedNames>${names}`)
    : wb.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  wb = wb.replace('</workbook>', '<pivotCaches><pivotCache cacheId="7" r:id="rIdPivot"/></pivotCaches></workbook>');
  zip.file('xl/workbook.xml', wb);
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshOnLoad="1"><cacheSource type="worksheet"><worksheetSource ref="Q1:R3" sheet="经费投入"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>',
  );
  types = addType(
    types,
    'xl/pivotCache/pivotCacheDefinition1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  );
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    addRel(wbRels, 'rIdPivot', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'),
  );

  // custom document properties
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>西城区教育局</vt:lpwstr></property></Properties>',
  );
  types = addType(types, 'docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
  const rootRels = await zip.file('_rels/.rels')!.async('string');
  zip.file(
    '_rels/.rels',
    rootRels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A part's raw zip entry (local header and compressed data). */
function raw(pkg: XlsxPackage, name: string): Uint8Array {
  const e = pkg.entry(name)!;
  return pkg.bytes.subarray(e.localOffset, e.localEnd);
}

const text = (pkg: XlsxPackage, name: string) => pkg.text(name) ?? '';

/** Every comments part of a package, one after the other. */
const notesOf = (pkg: XlsxPackage) =>
  pkg.entries
    .filter((e) => /^xl\/comments\d*\.xml$/.test(e.name))
    .map((e) => text(pkg, e.name))
    .join('');

async function annotated(bytes: Uint8Array): Promise<{ copy: Uint8Array; report: Report }> {
  const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
  if (c.status !== 'checked') throw new Error(c.status);
  await c.host.markFindings(c.report);
  await c.host.writeSummary(c.report);
  await c.host.writeDraft({ title: '反馈意见', blocks: [{ style: 'title', text: '关于西城区的反馈意见（初稿）' }] });
  return { copy: await c.host.toBytes(), report: c.report };
}

describe('an annotated copy is the original package with the marks patched in', () => {
  let original: Uint8Array;
  let copy: Uint8Array;
  let report: Report;
  let marked: { sheet: string; cell: string };
  let sheetPart: string;

  beforeAll(async () => {
    const plain = await xlsxOf(
      district((d) => {
        d.values.JF01 = { last: 52000, current: '约56000' };
        d.values.JF02 = { last: 60000, current: 63720, explanation: '土地出让收入下降' };
      }),
    );
    const first = await checkBytes(plain, [bundledRuleset()], TODAY);
    if (first.status !== 'checked') throw new Error(first.status);
    const f = first.report.findings.find((x) => x.sheet === '经费投入' && x.level === 'error')!;
    marked = { sheet: f.sheet, cell: f.cell };
    original = await richWorkbook(plain, marked);
    ({ copy, report } = await annotated(original));
    sheetPart = workbookSheets(openPackage(original)).find((s) => s.name === marked.sheet)!.part!;
  });

  it('copies every part it does not touch byte for byte, and only touches what carries a mark', () => {
    const before = openPackage(original);
    const after = openPackage(copy);
    const markedParts = new Set(
      report.findings.map((f) => workbookSheets(before).find((s) => s.name === f.sheet)?.part).filter(Boolean),
    );
    const touched: string[] = [];
    for (const e of before.entries) {
      expect(after.has(e.name)).toBe(true);
      if (Buffer.compare(raw(before, e.name), raw(after, e.name)) !== 0) touched.push(e.name);
    }
    for (const name of touched) {
      const allowed =
        markedParts.has(name) ||
        /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|docProps\/app\.xml|xl\/styles\.xml|xl\/comments1\.xml|xl\/drawings\/vmlDrawing1\.vml)$/.test(
          name,
        ) ||
        /^xl\/worksheets\/_rels\//.test(name) ||
        // the sheet that was selected is no longer: 校验结果 is
        /tabSelected/.test(text(before, name));
      expect({ name, allowed }).toEqual({ name, allowed: true });
    }
    for (const kept of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/tables/table1.xml',
      'docProps/custom.xml',
      '_rels/.rels',
      'xl/sharedStrings.xml',
    ]) {
      expect(touched).not.toContain(kept);
    }
  });

  it('keeps the user’s things in the parts it touches', () => {
    const after = openPackage(copy);
    const wb = text(after, 'xl/workbook.xml');
    expect(wb).toContain('workbookHashValue="d2ItaGFzaA=="');
    expect(wb).toContain('<definedName name="税率">0.13</definedName>');
    expect(wb).toContain('<definedName name="经费合计">SUM(经费投入!$C$5:$C$9)</definedName>');
    expect(wb).toContain('<pivotCache cacheId="7" r:id="rIdPivot"/>');
    const sheet = text(after, sheetPart);
    for (const s of [
      'hashValue="c2hlZXQtaGFzaA=="',
      'location="\'基本信息\'!A1"',
      '<drawing r:id="rIdChart"/>',
      '<legacyDrawing r:id="rIdVml"/>',
      '<tablePart r:id="rIdTable"/>',
      '<xm:sqref>P5</xm:sqref>',
    ]) {
      expect(sheet).toContain(s);
    }
    const comments = text(after, 'xl/comments1.xml');
    expect(comments).toContain('<author>张三（区教育局）</author>');
    expect(comments).toContain(USER_NOTE);
    expect(comments).toContain(OTHER_NOTE);
    const vml = text(after, 'xl/drawings/vmlDrawing1.vml');
    expect(vml).toContain('_x0000_s1025');
    expect(vml).toContain('_x0000_s1026');
    // the copy's sheets: the original ones, then the record and the product's
    const names = workbookSheets(after).map((s) => s.name);
    expect(names.slice(-3)).toEqual([RECORD_SHEET, SUMMARY_SHEET, DRAFT_SHEET]);
    expect(/activeTab="(\d+)"/.exec(wb)?.[1]).toBe(String(names.indexOf(SUMMARY_SHEET)));
  });

  it('marks open in ExcelJS: the level’s fill, the user’s note first and the product’s after it, values as typed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    for (const f of report.findings) {
      const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
      expect(cell.value).toEqual(before.getWorksheet(f.sheet)!.getCell(f.cell).value);
      const fill = cell.fill as ExcelJS.FillPattern;
      const colours = report.findings
        .filter((x) => x.sheet === f.sheet && x.cell === f.cell)
        .map((x) => `FF${LEVEL_COLOURS[x.level]}`);
      expect(colours).toContain(fill.fgColor?.argb);
      // the rest of the cell's look is its own
      expect(cell.font).toEqual(before.getWorksheet(f.sheet)!.getCell(f.cell).font);
      const note = typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((x) => x.text).join('');
      expect(note).toContain(f.message);
    }
    const own = wb.getWorksheet(marked.sheet)!.getCell(marked.cell).note as ExcelJS.Comment;
    const ownText = (own.texts ?? []).map((x) => x.text).join('');
    expect(ownText.startsWith(`张三：${USER_NOTE}\n\n${MARK_PREFIX}`)).toBe(true);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value).toBeTruthy();
  });

  it('clearing gives back the original cells and notes, and removes the record', async () => {
    const host = await FileHost.open(copy);
    await host.clearMarks();
    const cleared = openPackage(await host.toBytes());
    const before = openPackage(original);
    for (const s of workbookSheets(before)) expect(text(cleared, s.part!)).toBe(text(before, s.part!));
    expect(text(cleared, 'xl/comments1.xml')).toBe(text(before, 'xl/comments1.xml'));
    expect(text(cleared, 'xl/drawings/vmlDrawing1.vml')).toBe(text(before, 'xl/drawings/vmlDrawing1.vml'));
    expect(workbookSheets(cleared).map((s) => s.name)).not.toContain(RECORD_SHEET);
    // notes the product created on sheets without any are gone with their parts
    const created = cleared.entries.filter((e) => /comments|vmlDrawing/.test(e.name)).map((e) => e.name);
    expect(created.sort()).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    for (const s of workbookSheets(cleared)) {
      expect(text(cleared, s.part!)).not.toMatch(/<legacyDrawing r:id="rId\d+"/);
    }
  });

  it('re-checking the copy replaces its marks: no second note, no empty comment, the same sheets', async () => {
    const again = await annotated(copy);
    const pkg = openPackage(again.copy);
    const names = workbookSheets(pkg).map((s) => s.name);
    expect(names.filter((n) => n === SUMMARY_SHEET)).toHaveLength(1);
    expect(names.filter((n) => n === RECORD_SHEET)).toHaveLength(1);
    const notes = pkg.entries.filter((e) => /^xl\/comments\d*\.xml$/.test(e.name)).map((e) => text(pkg, e.name));
    const all = notes.join('');
    const markedCells = new Set(again.report.findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(all.split(MARK_PREFIX).length - 1).toBe(markedCells.size);
    expect(all.split(USER_NOTE).length - 1).toBe(1);
    expect(all).not.toMatch(/<text>\s*<\/text>|<t\/>|<t><\/t>/);
    // styles do not grow with each re-check
    const s1 = text(openPackage(copy), 'xl/styles.xml');
    const s2 = text(pkg, 'xl/styles.xml');
    expect(s2.length).toBe(s1.length);
  });

  it('a reply the district writes into a marked note stays when the marks go, and when re-checked', async () => {
    // the district opens the copy and answers in two notes: one of its own, one the product made
    const zip = await JSZip.loadAsync(copy);
    const replies: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/comments\d*\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      const edited = xml.replace(/<comment\b[\s\S]*?<\/comment>/g, (c) => {
        if (!c.includes(MARK_PREFIX) || replies.length >= 2) return c;
        const reply = `区县回复：第${replies.length + 1}条已核实`;
        replies.push(reply);
        return c.replace('</text>', `<r><t xml:space="preserve">\n${reply}</t></r></text>`);
      });
      zip.file(name, edited);
    }
    expect(replies).toHaveLength(2);
    const answered = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const host = await FileHost.open(answered);
    await host.clearMarks();
    const clearedPkg = openPackage(await host.toBytes());
    const cleared = notesOf(clearedPkg);
    // every note left has its shape, so that Excel shows it
    const shapes = clearedPkg.entries
      .filter((e) => /\.vml$/.test(e.name))
      .map((e) => text(clearedPkg, e.name).split('ObjectType="Note"').length - 1)
      .reduce((a, b) => a + b, 0);
    expect(shapes).toBe(cleared.split(/<comment\b/).length - 1);
    for (const reply of replies) expect(cleared).toContain(reply);
    expect(cleared).not.toContain(MARK_PREFIX);
    expect(cleared.split(USER_NOTE).length - 1).toBe(1);

    const again = notesOf(openPackage((await annotated(answered)).copy));
    for (const reply of replies) expect(again.split(reply).length - 1).toBe(1);
    expect(again.split(USER_NOTE).length - 1).toBe(1);
  });

  it('without its record (the sheet deleted, the sheets copied elsewhere) the product’s text still goes', async () => {
    const zip = await JSZip.loadAsync(copy);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wb.replace(new RegExp(`<sheet [^>]*name="${RECORD_SHEET}"[^>]*/>`), ''));
    const orphaned = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const host = await FileHost.open(orphaned);
    await host.clearMarks();
    const cleared = notesOf(openPackage(await host.toBytes()));
    expect(cleared).not.toContain(MARK_PREFIX);
    expect(cleared.split(USER_NOTE).length - 1).toBe(1);
    expect(cleared).not.toMatch(/<text>\s*<\/text>|<t\/>|<t><\/t>/);

    const again = await annotated(orphaned);
    const notes = notesOf(openPackage(again.copy));
    const markedCells = new Set(again.report.findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(notes.split(MARK_PREFIX).length - 1).toBe(markedCells.size);
    expect(notes.split(USER_NOTE).length - 1).toBe(1);
  });

  it('an unchanged workbook is written back as the same bytes', async () => {
    const host = await FileHost.open(original);
    expect(Buffer.compare(await host.toBytes(), original)).toBe(0);
  });

  it('a sheet without notes gets its notes parts, and loses them all on clearing', async () => {
    const plain = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
    const { copy: c } = await annotated(plain);
    const pkg = openPackage(c);
    expect(pkg.entries.some((e) => /^xl\/comments\d+\.xml$/.test(e.name))).toBe(true);
    expect(text(pkg, '[Content_Types].xml')).toMatch(/PartName="\/xl\/comments\d+\.xml"/);
    const host = await FileHost.open(c);
    await host.clearMarks();
    const cleared = openPackage(await host.toBytes());
    const before = openPackage(plain);
    expect(cleared.entries.some((e) => /comments|vmlDrawing/.test(e.name))).toBe(false);
    for (const s of workbookSheets(before)) expect(text(cleared, s.part!)).toBe(text(before, s.part!));
    expect(text(cleared, '[Content_Types].xml')).not.toMatch(/comments\d+\.xml/);
    for (const e of before.entries.filter((x) => /worksheets\/_rels/.test(x.name))) {
      expect(cleared.has(e.name)).toBe(true);
    }
    expect(strFromU8(cleared.data('xl/workbook.xml')!)).not.toContain(RECORD_SHEET);
  });
});
