/**
 * Additions to a workbook's styles.xml, appended after what is there (existing indexes never
 * move): a cell style cloned from a cell's own with only its fill changed, and the styles of
 * sheets built elsewhere merged in. An identical entry already present is reused, so that
 * re-checking a copy does not grow its styles.
 */
import type { PackageEdit } from './edit';
import { CONTENT_TYPE, addOverride, addRelationship } from './opc';
import { REL_TYPE, WORKBOOK, workbookPart } from './parts';
import { attribute, setAttribute, tags, type Tag } from './xml';

const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type Section = (typeof SECTIONS)[number];

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

interface Child {
  start: number;
  end: number;
  xml: string;
}

interface Located {
  open: Tag;
  /** where children end: the closing tag's start (or the open tag's end when empty) */
  inner: number;
  children: Child[];
}

/** A top-level section of a styles part and its child elements. */
export function section(xml: string, name: string): Located | null {
  let open: Tag | null = null;
  for (const t of tags(xml)) {
    if (!t.close && t.name === name) {
      open = t;
      break;
    }
    // sections only at the top: dxfs and extLst hold fonts and fills of their own
    if (!t.close && (t.name === 'dxfs' || t.name === 'extLst' || t.name === 'cellStyles')) return null;
  }
  if (!open) return null;
  const children: Child[] = [];
  if (open.empty) return { open, inner: open.end, children };
  let depth = 0;
  let inner = xml.length;
  let childStart = -1;
  for (const t of tags(xml, open.end)) {
    if (t.close) {
      if (depth === 0) {
        inner = t.start;
        break;
      }
      if (--depth === 0) children.push({ start: childStart, end: t.end, xml: xml.slice(childStart, t.end) });
      continue;
    }
    if (depth === 0) childStart = t.start;
    if (t.empty) {
      if (depth === 0) children.push({ start: t.start, end: t.end, xml: xml.slice(t.start, t.end) });
    } else depth++;
  }
  return { open, inner, children };
}

export class StyleSheet {
  readonly part: string;

  constructor(private readonly edit: PackageEdit) {
    let part = workbookPart(edit, REL_TYPE.styles);
    if (!part) {
      part = 'xl/styles.xml';
      edit.set(part, MINIMAL_STYLES);
      addOverride(edit, part, CONTENT_TYPE.styles);
      addRelationship(edit, WORKBOOK, REL_TYPE.styles, 'styles.xml');
    }
    this.part = part;
  }

  private get xml(): string {
    return this.edit.text(this.part) ?? MINIMAL_STYLES;
  }

  children(name: Section): string[] {
    return section(this.xml, name)?.children.map((c) => c.xml) ?? [];
  }

  /** Appends a child to a section (created when absent); an identical child is reused. */
  add(name: Section, child: string): number {
    let xml = this.xml;
    let located = section(xml, name);
    if (!located) {
      xml = this.insertSection(xml, name);
      located = section(xml, name)!;
    }
    const same = located.children.findIndex((c) => c.xml === child);
    if (same >= 0) return same;
    const count = located.children.length + 1;
    const open = located.open;
    const attrs = setAttribute(open.attrs, 'count', String(count));
    if (open.empty) {
      const whole = `<${open.qname}${attrs.replace(/\s*$/, '')}>${child}</${open.qname}>`;
      this.edit.set(this.part, xml.slice(0, open.start) + whole + xml.slice(open.end));
      return 0;
    }
    const opening = `<${open.qname}${attrs}>`;
    const prefix = open.qname.includes(':') ? open.qname.slice(0, open.qname.indexOf(':') + 1) : '';
    const qualified = prefix ? child.replace(/<(\/?)(?![\w.-]+:)([A-Za-z])/g, `<$1${prefix}$2`) : child;
    this.edit.set(
      this.part,
      xml.slice(0, open.start) + opening + xml.slice(open.end, located.inner) + qualified + xml.slice(located.inner),
    );
    return count - 1;
  }

  private insertSection(xml: string, name: Section): string {
    const order = SECTIONS.indexOf(name);
    // before the first later section present, else before cellStyles/dxfs/the end
    let at = -1;
    for (const later of [...SECTIONS.slice(order + 1), 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']) {
      const found = section(xml, later);
      if (found) {
        at = found.open.start;
        break;
      }
    }
    if (at < 0) at = xml.search(/<\/(?:[\w.-]+:)?styleSheet>/);
    return `${xml.slice(0, at)}<${name} count="0"/>${xml.slice(at)}`;
  }

  /** The cell style `xf` cloned with a solid fill of `argb`; returns its index. */
  withFill(xf: number, argb: string): number {
    const xfs = this.children('cellXfs');
    const base = xfs[xf] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
    const fillId = this.add('fills', fill);
    return this.add('cellXfs', withAttributes(base, { fillId: String(fillId), applyFill: '1' }));
  }

  /** The cell style `xf` cloned with the fill `fill` (a `<fill>` element; null: no fill). */
  withFillElement(xf: number, fill: string | null): number {
    const xfs = this.children('cellXfs');
    const base = xfs[xf] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fillId = fill ? this.add('fills', fill) : 0;
    return this.add('cellXfs', withAttributes(base, { fillId: String(fillId) }));
  }

  /** The format code of a custom number format id, or undefined. */
  numberFormat(id: number): string | undefined {
    for (const c of this.children('numFmts')) {
      if (Number(attrOf(c, 'numFmtId')) === id) return attrOf(c, 'formatCode');
    }
    return undefined;
  }

  /** The id of a format code, added as a custom format when the workbook has none with that code. */
  numberFormatId(code: string): number {
    let max = 163;
    for (const c of this.children('numFmts')) {
      const id = Number(attrOf(c, 'numFmtId'));
      if (attrOf(c, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    const numFmt = `<numFmt numFmtId="${max + 1}" formatCode="${escapeCode(code)}"/>`;
    this.add('numFmts', numFmt);
    return max + 1;
  }
}

function escapeCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attrOf(element: string, name: string): string | undefined {
  const open = /^<[^>]*>/.exec(element)?.[0] ?? '';
  return attribute(open, name);
}

/** An element with attributes of its open tag set. */
export function withAttributes(element: string, values: Record<string, string>): string {
  const m = /^<([\w.:-]+)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/.exec(element);
  if (!m) return element;
  let attrs = m[2]!;
  for (const [k, v] of Object.entries(values)) attrs = setAttribute(attrs, k, v);
  return `<${m[1]}${attrs}${m[3]}>${element.slice(m[0].length)}`;
}

/** The styles of a sheet built in another workbook, merged in: its xf indexes → this workbook's. */
export function mergeStyles(target: StyleSheet, sourceXml: string): number[] {
  const src = (name: Section) => section(sourceXml, name)?.children.map((c) => c.xml) ?? [];
  const fonts = src('fonts');
  const fills = src('fills');
  const borders = src('borders');
  const codes = new Map<number, string>();
  for (const c of src('numFmts')) codes.set(Number(attrOf(c, 'numFmtId')), attrOf(c, 'formatCode') ?? 'General');
  const fontIds = new Map<number, number>();
  const fillIds = new Map<number, number>();
  const borderIds = new Map<number, number>();
  const mapId = (ids: Map<number, number>, list: string[], section: Section, id: number) => {
    if (!ids.has(id)) ids.set(id, list[id] === undefined ? 0 : target.add(section, list[id]!));
    return ids.get(id)!;
  };
  return src('cellXfs').map((xf) => {
    const numFmtId = Number(attrOf(xf, 'numFmtId') ?? 0);
    const values: Record<string, string> = {
      fontId: String(mapId(fontIds, fonts, 'fonts', Number(attrOf(xf, 'fontId') ?? 0))),
      fillId: String(mapId(fillIds, fills, 'fills', Number(attrOf(xf, 'fillId') ?? 0))),
      borderId: String(mapId(borderIds, borders, 'borders', Number(attrOf(xf, 'borderId') ?? 0))),
      xfId: '0',
    };
    const code = codes.get(numFmtId);
    if (numFmtId >= 164 && code !== undefined) values.numFmtId = String(target.numberFormatId(code));
    return target.add('cellXfs', withAttributes(xf, values));
  });
}
