/**
 * Package bookkeeping when parts are added or removed: [Content_Types].xml overrides and
 * defaults, and the relationships of a part.
 */
import type { PackageEdit } from './edit';
import { parseRelationships, relsPath } from './parts';
import { attribute, escapeAttribute, tags } from './xml';

export const CONTENT_TYPES = '[Content_Types].xml';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Adds an Override for a new part. */
export function addOverride(edit: PackageEdit, part: string, type: string): void {
  const xml = edit.text(CONTENT_TYPES) ?? '';
  const name = `/${part}`;
  for (const t of tags(xml)) {
    if (t.name === 'Override' && attribute(t.attrs, 'PartName')?.toLowerCase() === name.toLowerCase()) return;
  }
  const tag = `<Override PartName="${escapeAttribute(name)}" ContentType="${type}"/>`;
  edit.set(
    CONTENT_TYPES,
    xml.replace(/<\/(?:[\w.-]+:)?Types>\s*$/, (end) => `${tag}${end}`),
  );
}

/** Adds a Default for an extension when the package has none (`vml`); true when it was added. */
export function addDefault(edit: PackageEdit, extension: string, type: string): boolean {
  const xml = edit.text(CONTENT_TYPES) ?? '';
  for (const t of tags(xml)) {
    if (t.name === 'Default' && attribute(t.attrs, 'Extension')?.toLowerCase() === extension) return false;
  }
  const tag = `<Default Extension="${extension}" ContentType="${type}"/>`;
  // Defaults come before Overrides
  const at = xml.search(/<(?:[\w.-]+:)?(?:Default|Override)\b/);
  const end = xml.search(/<\/(?:[\w.-]+:)?Types>/);
  const pos = at >= 0 ? at : end;
  edit.set(CONTENT_TYPES, xml.slice(0, pos) + tag + xml.slice(pos));
  return true;
}

export function removeDefault(edit: PackageEdit, extension: string): void {
  const xml = edit.text(CONTENT_TYPES) ?? '';
  for (const t of tags(xml)) {
    if (t.name === 'Default' && attribute(t.attrs, 'Extension')?.toLowerCase() === extension) {
      edit.set(CONTENT_TYPES, xml.slice(0, t.start) + xml.slice(t.end));
      return;
    }
  }
}

/** Removes the Override of a part. */
export function removeOverride(edit: PackageEdit, part: string): void {
  const xml = edit.text(CONTENT_TYPES) ?? '';
  const name = `/${part}`.toLowerCase();
  for (const t of tags(xml)) {
    if (t.name === 'Override' && attribute(t.attrs, 'PartName')?.toLowerCase() === name) {
      edit.set(CONTENT_TYPES, xml.slice(0, t.start) + xml.slice(t.end));
      return;
    }
  }
}

/** Adds a relationship from `source` to `target` (relative to the source's folder); returns its id. */
export function addRelationship(edit: PackageEdit, source: string, type: string, target: string): string {
  const path = relsPath(source);
  const xml =
    edit.text(path) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const ids = new Set(parseRelationships(xml, source).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const tag = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(target)}"/>`;
  const empty = /<((?:[\w.-]+:)?Relationships)\b([^>]*)\/>/;
  const next = empty.test(xml)
    ? xml.replace(empty, (_m, q: string, a: string) => `<${q}${a}>${tag}</${q}>`)
    : xml.replace(/<\/(?:[\w.-]+:)?Relationships>\s*$/, (end) => `${tag}${end}`);
  edit.set(path, next);
  return id;
}

/** Removes a relationship by id; the .rels part goes when it is left empty and was not there before. */
export function removeRelationship(edit: PackageEdit, source: string, id: string, dropEmpty: boolean): void {
  const path = relsPath(source);
  const xml = edit.text(path);
  if (xml === null) return;
  for (const t of tags(xml)) {
    if (t.name === 'Relationship' && !t.close && attribute(t.attrs, 'Id') === id) {
      const next = xml.slice(0, t.start) + xml.slice(t.end);
      if (dropEmpty && !/<(?:[\w.-]+:)?Relationship\b/.test(next)) edit.remove(path);
      else edit.set(path, next);
      return;
    }
  }
}
