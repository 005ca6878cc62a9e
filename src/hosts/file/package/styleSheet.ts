/**
 * Additions to a workbook's styles.xml, appended after what is there (existing indexes never
 * move): a cell style cloned from a cell's own with only its fill changed, and the looks of the
 * product's sheets merged in. An identical entry already present is reused, so that re-checking a
 * copy does not grow its styles; what the marks appended is taken away again when unused.
 */
import type { PackageEdit } from './edit';
import { CONTENT_TYPE, addOverride, addRelationship } from './opc';
import { REL_TYPE, WORKBOOK, workbookPart } from './parts';
import { attribute, elementEnd, setAttribute, tags, type Tag } from './xml';

const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
export type Section = (typeof SECTIONS)[number];

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

/** A top-level section of the styles part as read: its open tag, where its children end, its children. */
interface Located {
  open: Tag;
  /** where children end: the closing tag's start (or the open tag's end when empty) */
  inner: number;
  children: { start: number; end: number; xml: string }[];
}

/** What the product appended to styles.xml: enough to take it away again. */
export interface AddedStyles {
  /** each appended entry: its section, index and XML */
  added: { section: Section; index: number; xml: string }[];
  /** sections the styles part did not have */
  created: Section[];
}

const EMPTY_ADDED = (): AddedStyles => ({ added: [], created: [] });

/** The top-level sections of a styles part and their children, in one pass over its tags. */
function readSections(xml: string): Map<string, Located> {
  const out = new Map<string, Located>();
  let depth = 0;
  let current: Located | null = null;
  let childStart = -1;
  for (const t of tags(xml)) {
    if (t.close) {
      depth--;
      if (!current) continue;
      if (depth === 1) {
        current.inner = t.start;
        current = null;
      } else if (depth === 2)
        current.children.push({ start: childStart, end: t.end, xml: xml.slice(childStart, t.end) });
      continue;
    }
    if (depth === 1 && (SECTIONS as readonly string[]).includes(t.name) && !out.has(t.name)) {
      // only top-level sections: dxfs and extLst hold fonts and fills of their own
      const located: Located = { open: t, inner: t.end, children: [] };
      out.set(t.name, located);
      if (!t.empty) current = located;
    } else if (depth === 2 && current) {
      childStart = t.start;
      if (t.empty) current.children.push({ start: t.start, end: t.end, xml: xml.slice(t.start, t.end) });
    }
    if (!t.empty) depth++;
  }
  return out;
}

/** A section now: the children read (up to `kept`), then those appended; an index of their XML. */
interface SectionNow {
  located: Located | null;
  children: string[];
  byXml: Map<string, number>;
  /** how many of the read children are left (the others were taken off the end) */
  kept: number;
}

/**
 * styles.xml read once into its sections; additions and removals are kept in memory and the part
 * is written from the text read and them in one splice pass, after each change.
 */
export class StyleSheet {
  readonly part: string;
  /** the text the sections were read from, and the text last written */
  private base = '';
  private written: string | null = null;
  private sections = new Map<Section, SectionNow>();
  /** what this sheet appended, for the record */
  private appended: AddedStyles = EMPTY_ADDED();

  constructor(private readonly edit: PackageEdit) {
    let part = workbookPart(edit, REL_TYPE.styles);
    if (!part) {
      part = 'xl/styles.xml';
      edit.set(part, MINIMAL_STYLES);
      addOverride(edit, part, CONTENT_TYPE.styles);
      addRelationship(edit, WORKBOOK, REL_TYPE.styles, 'styles.xml');
    }
    this.part = part;
    this.read();
  }

  /** Reads the part again when it was changed by other means since it was read or last written. */
  private current(): void {
    const now = this.edit.text(this.part) ?? MINIMAL_STYLES;
    if (now !== this.written && now !== this.base) this.read();
  }

  private read(): void {
    this.base = this.edit.text(this.part) ?? MINIMAL_STYLES;
    this.written = null;
    this.sections.clear();
    const found = readSections(this.base);
    for (const name of SECTIONS) {
      const located = found.get(name) ?? null;
      const children = located?.children.map((c) => c.xml) ?? [];
      const byXml = new Map<string, number>();
      children.forEach((c, i) => {
        if (!byXml.has(c)) byXml.set(c, i);
      });
      this.sections.set(name, { located, children, byXml, kept: children.length });
    }
  }

  private section(name: Section): SectionNow {
    this.current();
    return this.sections.get(name)!;
  }

  children(name: Section): readonly string[] {
    return this.section(name).children;
  }

  /** What this sheet appended since it was made (and was not taken away again). */
  added(): AddedStyles {
    return { added: [...this.appended.added], created: [...this.appended.created] };
  }

  /** Appends a child to a section (created when absent); an identical child is reused. */
  add(name: Section, child: string): number {
    const index = this.append(name, child);
    this.write();
    return index;
  }

  private append(name: Section, child: string): number {
    const s = this.section(name);
    const same = s.byXml.get(child);
    if (same !== undefined) return same;
    const index = s.children.length;
    s.children.push(child);
    s.byXml.set(child, index);
    if (!s.located && !this.appended.created.includes(name)) this.appended.created.push(name);
    this.appended.added.push({ section: name, index, xml: child });
    return index;
  }

  /** The part's text from the text read and the changes: one pass of splices. */
  private write(): void {
    const xml = this.base;
    const out: string[] = [];
    let last = 0;
    const missing: { at: number; text: string }[] = [];
    const edits: { start: number; end: number; text: string }[] = [];
    for (const name of SECTIONS) {
      const s = this.sections.get(name)!;
      const read = s.located?.children.length ?? 0;
      if (s.kept === read && s.children.length === read) continue;
      const extra = s.children.slice(s.kept);
      if (!s.located) {
        if (!extra.length) continue;
        missing.push({
          at: this.insertAt(name),
          text: `<${name} count="${s.children.length}">${extra.join('')}</${name}>`,
        });
        continue;
      }
      const { open, inner, children } = s.located;
      const attrs = setAttribute(open.attrs, 'count', String(s.children.length));
      const prefix = open.qname.includes(':') ? open.qname.slice(0, open.qname.indexOf(':') + 1) : '';
      const added = extra
        .map((c) => (prefix ? c.replace(/<(\/?)(?![\w.-]+:)([A-Za-z])/g, `<$1${prefix}$2`) : c))
        .join('');
      if (open.empty) {
        const text = added
          ? `<${open.qname}${attrs.replace(/\s*$/, '')}>${added}</${open.qname}>`
          : `<${open.qname}${attrs}/>`;
        edits.push({ start: open.start, end: open.end, text });
        continue;
      }
      edits.push({ start: open.start, end: open.end, text: `<${open.qname}${attrs}>` });
      const cut = s.kept < read ? children[s.kept]!.start : inner;
      edits.push({ start: cut, end: inner, text: added });
    }
    for (const m of missing) edits.push({ start: m.at, end: m.at, text: m.text });
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const e of edits) {
      out.push(xml.slice(last, e.start), e.text);
      last = Math.max(last, e.end);
    }
    out.push(xml.slice(last));
    const text = out.join('');
    this.written = text;
    this.edit.set(this.part, text);
  }

  /** Where a section the part lacks goes: before the first later section present, else before cellStyles/dxfs/the end. */
  private insertAt(name: Section): number {
    const order = SECTIONS.indexOf(name);
    for (const later of SECTIONS.slice(order + 1)) {
      const found = this.sections.get(later)?.located;
      if (found) return found.open.start;
    }
    for (const later of ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']) {
      const found = findTopLevel(this.base, later);
      if (found >= 0) return found;
    }
    return this.base.search(/<\/(?:[\w.-]+:)?styleSheet>/);
  }

  /** The cell style `xf` cloned with a solid fill of `argb`; returns its index. */
  withFill(xf: number, argb: string): number {
    const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
    return this.withFillElement(xf, fill, true);
  }

  /** The cell style `xf` cloned with the fill `fill` (a `<fill>` element; null: no fill). */
  withFillElement(xf: number, fill: string | null, applyFill = false): number {
    const xfs = this.children('cellXfs');
    const base = xfs[xf] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fillId = fill ? this.append('fills', fill) : 0;
    const values: Record<string, string> = { fillId: String(fillId) };
    if (applyFill) values.applyFill = '1';
    const index = this.append('cellXfs', withAttributes(base, values));
    this.write();
    return index;
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
    const id = this.formatId(code);
    this.write();
    return id;
  }

  private formatId(code: string): number {
    let max = 163;
    for (const c of this.children('numFmts')) {
      const id = Number(attrOf(c, 'numFmtId'));
      if (attrOf(c, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    this.append('numFmts', `<numFmt numFmtId="${max + 1}" formatCode="${escapeCode(code)}"/>`);
    return max + 1;
  }

  /**
   * The cell styles of `xfs` (each a set of font, fill, border, number format and the xf's other
   * attributes, as XML) merged in: their indexes here. Written once for them all.
   */
  mergeXfs(xfs: readonly MergedXf[]): number[] {
    const out = xfs.map((x) => {
      const values: Record<string, string> = {
        fontId: String(x.font === null ? 0 : this.append('fonts', x.font)),
        fillId: String(x.fill === null ? 0 : this.append('fills', x.fill)),
        borderId: String(x.border === null ? 0 : this.append('borders', x.border)),
        xfId: '0',
      };
      if (x.numFmt !== undefined) values.numFmtId = String(this.formatId(x.numFmt));
      return this.append('cellXfs', withAttributes(x.xf, values));
    });
    this.write();
    return out;
  }

  /**
   * Takes away what the product appended (its record), from the end of each section and only what
   * is still there as written and used by nothing: no cell, row or column of `sheets` (their XML)
   * has the style, no style left uses the font, fill, border or number format. Returns what stays.
   */
  remove(what: AddedStyles, sheets: readonly string[]): AddedStyles {
    this.current();
    const usedXfs = new Set<number>();
    const xfIndexes = what.added.filter((a) => a.section === 'cellXfs').map((a) => a.index);
    if (xfIndexes.length) {
      const first = Math.min(...xfIndexes);
      for (const xml of sheets) {
        for (const m of xml.matchAll(/\s(?:s|style)\s*=\s*["'](\d+)["']/g)) {
          const n = Number(m[1]);
          if (n >= first) usedXfs.add(n);
        }
      }
    }
    const stays: AddedStyles = { added: [], created: [] };
    for (const name of ['cellXfs', 'fonts', 'fills', 'borders', 'numFmts'] as const) {
      const s = this.section(name);
      const entries = what.added.filter((a) => a.section === name).sort((a, b) => b.index - a.index);
      let blocked = false;
      for (const a of entries) {
        blocked ||=
          a.index !== s.children.length - 1 || s.children[a.index] !== a.xml || this.usedElsewhere(name, a, usedXfs);
        if (blocked) {
          // an entry of the same place seen twice is kept once
          if (!stays.added.some((x) => x.section === name && x.index === a.index)) stays.added.push(a);
          continue;
        }
        s.children.pop();
        if (s.byXml.get(a.xml) === a.index) s.byXml.delete(a.xml);
        s.kept = Math.min(s.kept, s.children.length);
      }
    }
    this.write();
    // a section the product created goes when it is left empty
    for (const name of new Set(what.created)) {
      const s = this.section(name);
      if (s.children.length) {
        stays.created.push(name);
        continue;
      }
      const xml = this.edit.text(this.part) ?? '';
      const located = readSections(xml).get(name);
      if (!located) continue;
      const end = located.open.empty ? located.open.end : elementEnd(xml, located.open);
      this.edit.set(this.part, xml.slice(0, located.open.start) + xml.slice(end));
      this.read();
    }
    stays.added.sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.index - b.index);
    return stays;
  }

  private usedElsewhere(name: Section, a: { index: number; xml: string }, usedXfs: ReadonlySet<number>): boolean {
    if (name === 'cellXfs') return usedXfs.has(a.index);
    const key =
      name === 'fonts' ? 'fontId' : name === 'fills' ? 'fillId' : name === 'borders' ? 'borderId' : 'numFmtId';
    const id = name === 'numFmts' ? attrOf(a.xml, 'numFmtId') : String(a.index);
    for (const list of ['cellXfs', 'cellStyleXfs'] as const) {
      for (const xf of this.section(list).children) if (attrOf(xf, key) === id) return true;
    }
    return false;
  }
}

/** A cell style to merge in: its `<xf>` and the XML of what it uses (null: the workbook's default). */
export interface MergedXf {
  xf: string;
  font: string | null;
  fill: string | null;
  border: string | null;
  /** a custom number format's code */
  numFmt?: string;
}

/** The offset of a top-level element of a styles part, or -1. */
function findTopLevel(xml: string, name: string): number {
  let depth = 0;
  for (const t of tags(xml)) {
    if (t.close) {
      depth--;
      continue;
    }
    if (depth === 1 && t.name === name) return t.start;
    if (!t.empty) depth++;
  }
  return -1;
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
