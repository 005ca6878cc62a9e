/**
 * Sheets added to, replaced in and removed from a package, with workbook.xml (sheets, defined
 * names' sheet indexes, the active tab), its relationships, [Content_Types].xml and
 * docProps/app.xml kept consistent. Other sheets are not touched, except that the sheet that was
 * selected stops being selected when another becomes the active one.
 */
import type { PackageEdit } from './edit';
import { CONTENT_TYPE, addOverride, addRelationship, removeOverride, removeRelationship } from './opc';
import { REL_TYPE, WORKBOOK, relsPath, workbookSheets, type SheetEntry } from './parts';
import { attribute, escapeAttribute, escapeText, removeAttribute, setAttribute, tags } from './xml';

const APP = 'docProps/app.xml';

const known = new WeakMap<
  PackageEdit,
  { workbook: string; rels: string | null; structure: number; sheets: SheetEntry[] }
>();

/** The workbook's sheets as they are now (edits included); read again only when what they come from changed. */
export function currentSheets(edit: PackageEdit): SheetEntry[] {
  const workbook = edit.text(WORKBOOK) ?? '';
  const rels = edit.text(relsPath(WORKBOOK));
  const last = known.get(edit);
  if (last && last.workbook === workbook && last.rels === rels && last.structure === edit.structure) {
    return last.sheets.map((s) => ({ ...s }));
  }
  const sheets = workbookSheets(edit);
  known.set(edit, { workbook, rels, structure: edit.structure, sheets: sheets.map((s) => ({ ...s })) });
  return sheets;
}

/** Whether a sheet's view is selected: looked for before sheetData, where sheetViews is. */
function tabSelected(sheetXml: string): boolean {
  const data = sheetXml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const head = data < 0 ? sheetXml : sheetXml.slice(0, data);
  return /<(?:[\w.-]+:)?sheetView\b[^>]*\btabSelected\s*=\s*["'](1|true)["']/.test(head);
}

function sheetTags(xml: string) {
  return [...tags(xml)].filter((t) => !t.close && t.name === 'sheet');
}

/** Adds a worksheet part and its `<sheet>` at the end; returns the part name. */
export function addSheet(edit: PackageEdit, name: string, sheetXml: string, state?: 'veryHidden'): string {
  const part = edit.freeName('xl/worksheets/sheet', '.xml');
  edit.set(part, sheetXml);
  addOverride(edit, part, CONTENT_TYPE.worksheet);
  const rid = addRelationship(edit, WORKBOOK, REL_TYPE.worksheet, part.replace(/^xl\//, ''));
  const xml = edit.text(WORKBOOK) ?? '';
  const existing = sheetTags(xml);
  const rPrefix = /([\w.-]+):id\s*=/.exec(existing[0]?.attrs ?? '')?.[1] ?? 'r';
  const sheetId = Math.max(0, ...existing.map((t) => Number(attribute(t.attrs, 'sheetId')) || 0)) + 1;
  const p = existing[0]?.qname.includes(':') ? existing[0].qname.slice(0, existing[0].qname.indexOf(':') + 1) : '';
  const tag = `<${p}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ''} ${rPrefix}:id="${rid}"/>`;
  const end = /<\/(?:[\w.-]+:)?sheets>/.exec(xml);
  if (end) edit.set(WORKBOOK, xml.slice(0, end.index) + tag + xml.slice(end.index));
  addTitle(edit, name);
  return part;
}

/** Writes a sheet's XML under `name`: its part replaced when the workbook has that sheet, else added. */
export function putSheet(edit: PackageEdit, name: string, sheetXml: string, state?: 'veryHidden'): string {
  const existing = currentSheets(edit).find((s) => s.name === name && s.part);
  let part: string;
  if (existing?.part) {
    edit.set(existing.part, sheetXml);
    part = existing.part;
  } else part = addSheet(edit, name, sheetXml, state);
  filterName(edit, name, sheetXml);
  return part;
}

/** Excel's hidden name for the range of a sheet's autoFilter (one per sheet, localSheetId its index). */
export const FILTER_DATABASE = '_xlnm._FilterDatabase';

/** The range of a sheet's own autoFilter (the first after sheetData; a custom view's come later). */
function autoFilterRef(sheetXml: string): string | null {
  const data = sheetXml.search(/<\/(?:[\w.-]+:)?sheetData>|<(?:[\w.-]+:)?sheetData\s*\/>/);
  if (data < 0) return null;
  const m = /<(?:[\w.-]+:)?autoFilter\b([^>]*)>/.exec(sheetXml.slice(data));
  const ref = m ? attribute(m[1]!, 'ref') : undefined;
  return ref && /^[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?$/.test(ref) ? ref : null;
}

const DEFINED_NAME = /<((?:[\w.-]+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g;

/**
 * Keeps the `_xlnm._FilterDatabase` name of sheet `name` as Excel keeps it: the range of the
 * sheet's autoFilter, hidden, local to the sheet; removed when the sheet has no autoFilter.
 */
export function filterName(edit: PackageEdit, name: string, sheetXml: string): void {
  const index = currentSheets(edit).findIndex((s) => s.name === name);
  if (index < 0) return;
  const ref = autoFilterRef(sheetXml);
  const target = ref
    ? `'${name.replace(/'/g, "''")}'!${ref
        .split(':')
        .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
        .join(':')}`
    : null;
  let xml = edit.text(WORKBOOK) ?? '';
  let found = false;
  let dropped = false;
  xml = xml.replace(DEFINED_NAME, (whole, p: string, attrs: string, body: string) => {
    if (attribute(attrs, 'name') !== FILTER_DATABASE || attribute(attrs, 'localSheetId') !== String(index))
      return whole;
    if (found || target === null) {
      dropped = true;
      return '';
    }
    found = true;
    return body === escapeText(target) ? whole : `<${p}definedName${attrs}>${escapeText(target)}</${p}definedName>`;
  });
  if (!found && target !== null) {
    const p = /<((?:[\w.-]+:)?)sheets\b/.exec(xml)?.[1] ?? '';
    const tag = `<${p}definedName name="${FILTER_DATABASE}" localSheetId="${index}" hidden="1">${escapeText(target)}</${p}definedName>`;
    const names = /<\/(?:[\w.-]+:)?definedNames>/.exec(xml);
    const emptyNames = /<((?:[\w.-]+:)?)definedNames\b([^>]*?)\/>/.exec(xml);
    if (names) xml = xml.slice(0, names.index) + tag + xml.slice(names.index);
    else if (emptyNames) {
      const whole = `<${emptyNames[1]}definedNames${emptyNames[2]}>${tag}</${emptyNames[1]}definedNames>`;
      xml = xml.replace(emptyNames[0], whole);
    } else {
      // after sheets, functionGroups and externalReferences, as the schema orders them
      const after = /<\/(?:[\w.-]+:)?externalReferences>|<\/(?:[\w.-]+:)?sheets>/g;
      let at = -1;
      for (const m of xml.matchAll(after)) at = Math.max(at, m.index + m[0].length);
      if (at < 0) return;
      xml = `${xml.slice(0, at)}<${p}definedNames>${tag}</${p}definedNames>${xml.slice(at)}`;
    }
  }
  if (dropped) xml = xml.replace(/<((?:[\w.-]+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, '');
  edit.set(WORKBOOK, xml);
}

/** Removes a sheet, its part and relationships; sheet indexes after it move down by one. */
export function removeSheet(edit: PackageEdit, name: string): void {
  const sheets = currentSheets(edit);
  const index = sheets.findIndex((s) => s.name === name);
  if (index < 0) return;
  const sheet = sheets[index]!;
  let xml = edit.text(WORKBOOK) ?? '';
  const tag = sheetTags(xml)[index]!;
  xml = xml.slice(0, tag.start) + xml.slice(tag.end);
  // defined names that belong to later sheets move with them; those of this sheet go
  xml = xml.replace(
    /<((?:[\w.-]+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g,
    (whole, _p: string, attrs: string) => {
      const local = attribute(attrs, 'localSheetId');
      if (local === undefined) return whole;
      const n = Number(local);
      if (n === index) return '';
      return n > index ? whole.replace(attrs, setAttribute(attrs, 'localSheetId', String(n - 1))) : whole;
    },
  );
  xml = xml.replace(
    /<((?:[\w.-]+:)?)workbookView\b([^>]*?)(\/?)>/g,
    (whole, p: string, attrs: string, slash: string) => {
      let a = attrs;
      for (const key of ['activeTab', 'firstSheet']) {
        const v = attribute(a, key);
        if (v !== undefined && Number(v) >= index && Number(v) > 0) {
          a = setAttribute(a, key, String(Math.min(Number(v) - (Number(v) > index ? 1 : 0), sheets.length - 2)));
        }
      }
      return a === attrs ? whole : `<${p}workbookView${a}${slash}>`;
    },
  );
  xml = xml.replace(/<((?:[\w.-]+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, '');
  edit.set(WORKBOOK, xml);
  removeRelationship(edit, WORKBOOK, sheet.rid, false);
  if (sheet.part) {
    edit.remove(sheet.part);
    edit.remove(relsPath(sheet.part));
    removeOverride(edit, sheet.part);
  }
  removeTitle(edit, name);
}

/** Makes `name` the active, selected sheet (the others not selected). */
export function activateSheet(edit: PackageEdit, name: string): void {
  const sheets = currentSheets(edit);
  const index = sheets.findIndex((s) => s.name === name);
  if (index < 0) return;
  const xml = edit.text(WORKBOOK) ?? '';
  const view = /<((?:[\w.-]+:)?)workbookView\b([^>]*?)(\/?)>/.exec(xml);
  if (view) {
    const attrs = setAttribute(view[2]!, 'activeTab', String(index));
    edit.set(WORKBOOK, xml.replace(view[0], `<${view[1]}workbookView${attrs}${view[3]}>`));
  } else {
    const p = /<((?:[\w.-]+:)?)sheets\b/.exec(xml);
    if (p) {
      const views = `<${p[1]}bookViews><${p[1]}workbookView activeTab="${index}"/></${p[1]}bookViews>`;
      edit.set(WORKBOOK, xml.slice(0, p.index) + views + xml.slice(p.index));
    }
  }
  sheets.forEach((s, i) => {
    if (!s.part) return;
    // the sheet views come before the rows: the first piece holds them
    const selected = tabSelected(edit.pieces(s.part, 'row', 1)?.[0] ?? '');
    if (selected === (i === index)) return;
    const sheetXml = edit.text(s.part) ?? '';
    if (i === index) {
      const view = /<((?:[\w.-]+:)?)sheetView\b([^>]*?)(\/?)>/.exec(sheetXml);
      if (view) {
        const tag = `<${view[1]}sheetView${setAttribute(view[2]!, 'tabSelected', '1')}${view[3]}>`;
        edit.set(s.part, sheetXml.slice(0, view.index) + tag + sheetXml.slice(view.index + view[0].length));
      }
      return;
    }
    edit.set(
      s.part,
      sheetXml.replace(/<((?:[\w.-]+:)?)sheetView\b([^>]*?)(\/?)>/g, (_w, p: string, a: string, slash: string) => {
        return `<${p}sheetView${removeAttribute(a, 'tabSelected')}${slash}>`;
      }),
    );
  });
}

/** docProps/app.xml lists the worksheets' names; a missing or unusual list is left alone. */
function editTitles(
  edit: PackageEdit,
  change: (names: string[], count: number) => { names: string[]; count: number } | null,
): void {
  const xml = edit.text(APP);
  if (!xml) return;
  const pairs = /<((?:[\w.-]+:)?)HeadingPairs>[\s\S]*?<\/\1HeadingPairs>/.exec(xml);
  const titles = /<((?:[\w.-]+:)?)TitlesOfParts>([\s\S]*?)<\/\1TitlesOfParts>/.exec(xml);
  if (!pairs || !titles) return;
  const first =
    /<((?:[\w.-]+:)?)lpstr>([^<]*)<\/\1lpstr>\s*<\/(?:[\w.-]+:)?variant>\s*<(?:[\w.-]+:)?variant>\s*<((?:[\w.-]+:)?)i4>(\d+)<\/\3i4>/.exec(
      pairs[0],
    );
  if (!first || !/工作表|Worksheets/i.test(first[2]!)) return;
  const count = Number(first[4]);
  const vector = /<((?:[\w.-]+:)?)vector\b([^>]*)>([\s\S]*?)<\/\1vector>/.exec(titles[2]!);
  if (!vector) return;
  const items = [...vector[3]!.matchAll(/<((?:[\w.-]+:)?)lpstr>([\s\S]*?)<\/\1lpstr>/g)].map((m) => m[2]!);
  const result = change(items.slice(0, count), count);
  if (!result) return;
  const all = [...result.names, ...items.slice(count)];
  const vp = vector[1]!;
  const lp = /<((?:[\w.-]+:)?)lpstr>/.exec(vector[3]!)?.[1] ?? vp;
  const newVector = `<${vp}vector${setAttribute(vector[2]!, 'size', String(all.length))}>${all.map((n) => `<${lp}lpstr>${n}</${lp}lpstr>`).join('')}</${vp}vector>`;
  const newTitles = titles[0].replace(vector[0], newVector);
  const newPairs = pairs[0].replace(first[0], first[0].replace(/(<(?:[\w.-]+:)?i4>)\d+/, `$1${result.count}`));
  edit.set(APP, xml.replace(titles[0], newTitles).replace(pairs[0], newPairs));
}

function addTitle(edit: PackageEdit, name: string): void {
  editTitles(edit, (names, count) => ({ names: [...names, escapeText(name)], count: count + 1 }));
}

function removeTitle(edit: PackageEdit, name: string): void {
  editTitles(edit, (names, count) => {
    const i = names.indexOf(escapeText(name));
    if (i < 0) return null;
    return { names: names.filter((_n, k) => k !== i), count: count - 1 };
  });
}
