/**
 * Where things are in a package: relationships of a part, the workbook's sheets in order (name,
 * state, part), part paths resolved as OPC resolves them.
 */
import type { WorkbookSnapshot } from '../../../core/types';
import { attribute, attributes, tags } from './xml';

/** What reading needs of a package: an opened one, or one being edited. */
export interface PartReader {
  text(name: string): string | null;
  /** a part's text in pieces, each ending just after a `</local>` (open.ts); else its text is read */
  pieces?(name: string, local: string, count?: number): string[] | null;
  has(name: string): boolean;
  /** the stored name of a part (part names are case-insensitive) */
  entry(name: string): { name: string } | undefined;
  /** an opened package: the snapshot read when it was opened */
  readonly opened?: OpenedSnapshot | null;
  /** an edit: the package it edits, and whether it changed a part */
  readonly pkg?: { readonly opened: OpenedSnapshot | null };
  touched?(name: string): boolean;
}

/** The snapshot read when a package was opened, and the parts it was read from. */
export interface OpenedSnapshot {
  snapshot: WorkbookSnapshot;
  parts: readonly string[];
}

export interface Relationship {
  id: string;
  type: string;
  /** the target as written */
  target: string;
  /** the target resolved to a part name (no leading slash); null for external targets */
  part: string | null;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rid: string;
  /** the worksheet part, or null when the sheet is not a worksheet (a chart sheet) or has none */
  part: string | null;
}

export const WORKBOOK = 'xl/workbook.xml';
export const REL_TYPE = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
} as const;

/** A relationship type, transitional or strict (the strict schema ends the same way). */
export function isType(type: string, wanted: string): boolean {
  return type === wanted || type.endsWith(wanted.slice(wanted.lastIndexOf('/')));
}

/** The .rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return normalize(target.slice(1));
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return normalize(folder + target);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** A part's relationships (none when it has no .rels part). */
export function relationships(pkg: PartReader, source: string): Relationship[] {
  const xml = pkg.text(relsPath(source));
  if (xml === null) return [];
  return parseRelationships(xml, source);
}

/** The last relationship parts parsed: the workbook's is asked for several times per reading and writing. */
const parsed: { xml: string; source: string; rels: readonly Relationship[] }[] = [];

export function parseRelationships(xml: string, source: string): Relationship[] {
  const known = parsed.find((p) => p.source === source && p.xml === xml);
  if (known) return known.rels.map((r) => ({ ...r }));
  const rels = readRelationships(xml, source);
  if (parsed.unshift({ xml, source, rels: rels.map((r) => ({ ...r })) }) > 8) parsed.pop();
  return rels;
}

function readRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  for (const t of tags(xml)) {
    if (t.close || t.name !== 'Relationship') continue;
    const a = attributes(t.attrs);
    const target = a.get('Target') ?? '';
    const external = a.get('TargetMode') === 'External';
    out.push({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target,
      part: external ? null : resolvePart(source, decodeURI(safeUri(target))),
    });
  }
  return out;
}

function safeUri(s: string): string {
  try {
    decodeURI(s);
    return s;
  } catch {
    return s.replace(/%/g, '%25');
  }
}

/** The workbook's sheets, in the order of its tabs. */
export function workbookSheets(pkg: PartReader): SheetEntry[] {
  const xml = pkg.text(WORKBOOK) ?? '';
  const rels = new Map(relationships(pkg, WORKBOOK).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const t of tags(xml)) {
    if (t.close || t.name !== 'sheet') continue;
    const rid = attribute(t.attrs, 'id') ?? '';
    const rel = rels.get(rid);
    const state = attribute(t.attrs, 'state');
    const part = rel && isType(rel.type, REL_TYPE.worksheet) && rel.part && pkg.has(rel.part) ? rel.part : null;
    out.push({
      name: attribute(t.attrs, 'name') ?? '',
      sheetId: attribute(t.attrs, 'sheetId') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      rid,
      part: part ? (pkg.entry(part)?.name ?? part) : null,
    });
  }
  return out;
}

/** Whether the workbook counts dates from 1904 (old Mac workbooks). */
export function date1904(pkg: PartReader): boolean {
  const xml = pkg.text(WORKBOOK) ?? '';
  for (const t of tags(xml)) {
    if (t.name === 'workbookPr') {
      const v = attribute(t.attrs, 'date1904');
      return v === '1' || v === 'true';
    }
    if (t.name === 'sheets') break;
  }
  return false;
}

/** The workbook's part related by `type` (styles, shared strings), or null. */
export function workbookPart(pkg: PartReader, type: string): string | null {
  const rel = relationships(pkg, WORKBOOK).find((r) => isType(r.type, type));
  return rel?.part && pkg.has(rel.part) ? (pkg.entry(rel.part)?.name ?? rel.part) : null;
}
