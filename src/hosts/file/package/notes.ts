/**
 * The product's notes in a worksheet's legacy comments: a cell's own note keeps its text and
 * author and gets the product's text after it; a cell without one gets a note (comments part,
 * VML drawing, relationships, <legacyDrawing> and content types created when the sheet has none).
 * What was there is recorded so that removing the notes gives back the parts as they were.
 */
import { a1 } from '../../../core/address';
import { MARK_PREFIX, cutText } from '../../../core/marks';
import { LEVEL_NAMES } from '../../../core/summary';
import type { PackageEdit } from './edit';
import {
  CONTENT_TYPE,
  addDefault,
  addOverride,
  addRelationship,
  removeDefault,
  removeOverride,
  removeRelationship,
} from './opc';
import { REL_TYPE, isType, parseRelationships, relsPath, type Relationship } from './parts';
import { columnNumber } from './sheetReader';
import { applySplices } from './sheetCells';
import { attribute, escapeText, innerText, tags, xmlSafe, type Tag } from './xml';

export const NOTE_AUTHOR = '履职评价校验';
/** marks the VML shapes of the product's notes */
const SHAPE_MARK = 'alt="duty-review"';

export interface NoteRecord {
  cell: string;
  /** the cell's own `<comment>` element before marking, or null when it had none */
  original: string | null;
  /** the note's text as the marking left it (absent in records of older copies) */
  marked?: string;
}

/** What the product added to a sheet for its notes, so that it can be taken away again. */
export interface NoteParts {
  comments?: string;
  vml?: string;
  legacyDrawing?: boolean;
  author?: boolean;
  /** the package had no content type for .vml */
  vmlDefault?: boolean;
  /** the sheet had no .rels part */
  rels?: boolean;
}

const COMMENTS_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface CommentAt {
  start: number;
  end: number;
  xml: string;
}

function commentsOf(xml: string): Map<string, CommentAt> {
  const out = new Map<string, CommentAt>();
  for (const m of xml.matchAll(/<((?:[\w.-]+:)?)comment\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1comment>)/g)) {
    const ref = attribute(m[2]!, 'ref')?.toUpperCase();
    if (ref) out.set(ref, { start: m.index, end: m.index + m[0].length, xml: m[0] });
  }
  return out;
}

/** The plain text of a `<comment>` element. */
export function commentText(comment: string): string {
  const text = /<(?:[\w.-]+:)?text\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?text>/.exec(comment)?.[1] ?? '';
  let out = '';
  for (const m of text
    .replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '')
    .matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) {
    out += innerText(m[1] ?? '');
  }
  return out;
}

/** A note's text as a run (in the product's note font). */
export const noteRun = (text: string) =>
  `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">${escapeText(xmlSafe(text))}</t></r>`;

/** A cell's own note with the product's text after it (the note's runs kept as they are). */
function appended(comment: string, text: string): string {
  const old = commentText(comment);
  const added = cutText(`${old}\n\n${text}`).slice(old.length);
  if (!added) return comment;
  const close = /<\/((?:[\w.-]+:)?)text>/.exec(comment);
  if (!close) return comment;
  const p = close[1]!;
  const body = comment.slice(0, close.index);
  if (/<(?:[\w.-]+:)?r\b/.test(body)) {
    return body + noteRun(added).replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) + comment.slice(close.index);
  }
  // a plain `<t>`: the text goes on inside it
  const t = /<((?:[\w.-]+:)?)t\b([^>]*?)(\/?)>(?:([\s\S]*?)<\/\1t>)?(?![\s\S]*<(?:[\w.-]+:)?t\b)/.exec(body);
  if (!t) return body + noteRun(added).replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) + comment.slice(close.index);
  const attrs = /xml:space/.test(t[2]!) ? t[2]! : `${t[2]} xml:space="preserve"`;
  const inner = `${t[4] ?? ''}${escapeText(xmlSafe(added))}`;
  return `${body.slice(0, t.index)}<${t[1]}t${attrs}>${inner}</${t[1]}t>${body.slice(t.index + t[0].length)}${comment.slice(close.index)}`;
}

function newComment(cell: string, authorId: number, text: string): string {
  return `<comment ref="${cell}" authorId="${authorId}" shapeId="0"><text>${noteRun(text)}</text></comment>`;
}

const VML_HEAD = (idmap: number) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>`;
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = columnNumber(m[1]!) - 1;
  const row = Number(m[2]) - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" ${SHAPE_MARK} style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The first child of the worksheet element among `names` (all of which come after sheetData), to
 * insert before it. The scan starts where sheetData ends: its rows are not looked at.
 */
function topLevel(xml: string, names: readonly string[]): Tag | null {
  const from = sheetDataEnd(xml);
  let depth = from > 0 ? 1 : 0;
  for (const t of tags(xml, from)) {
    if (t.close) {
      depth--;
      continue;
    }
    if (depth === 1 && names.includes(t.name)) return t;
    if (!t.empty) depth++;
  }
  return null;
}

/** Where a worksheet's sheetData ends (0 when it has none): what follows are the sheet's other parts. */
function sheetDataEnd(xml: string): number {
  const data = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!data) return 0;
  if (data[2]) return data.index + data[0].length;
  const close = `</${data[1]}sheetData>`;
  const end = xml.indexOf(close, data.index);
  return end < 0 ? 0 : end + close.length;
}

/** The first match of `pattern` after sheetData (where legacyDrawing and the sheet's end are). */
function afterRows(xml: string, pattern: RegExp): RegExpExecArray | null {
  const re = new RegExp(pattern.source, 'g');
  re.lastIndex = sheetDataEnd(xml);
  return re.exec(xml);
}

const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function sheetPrefix(sheetXml: string): string {
  return /<((?:[\w.-]+:)?)worksheet\b/.exec(sheetXml)?.[1] ?? '';
}

/** The sheet's comments and VML parts, from its relationships. */
/** The sheet's comments part, from its relationships alone (the sheet itself is not read). */
function commentsPartOf(edit: PackageEdit, sheetPart: string): string | null {
  const comments = currentRelationships(edit, sheetPart).find((r) => isType(r.type, REL_TYPE.comments))?.part;
  return comments && edit.has(comments) ? comments : null;
}

function notePartsOf(
  edit: PackageEdit,
  sheetPart: string,
): { comments: string | null; vml: string | null; vmlId: string | null } {
  const sheetXml = edit.text(sheetPart) ?? '';
  const legacy = afterRows(sheetXml, /<(?:[\w.-]+:)?legacyDrawing\b([^>]*)>/);
  const vmlId = legacy ? (attribute(legacy[1]!, 'id') ?? null) : null;
  const vml = vmlId ? currentRelationships(edit, sheetPart).find((r) => r.id === vmlId)?.part : undefined;
  return { comments: commentsPartOf(edit, sheetPart), vml: vml && edit.has(vml) ? vml : null, vmlId };
}

function nextIdmap(edit: PackageEdit): number {
  let max = 0;
  for (const name of edit.names()) {
    if (!/\.vml$/i.test(name)) continue;
    for (const m of (edit.text(name) ?? '').matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) {
      for (const n of m[1]!.split(/[ ,]+/)) if (Number(n) > max) max = Number(n);
    }
  }
  return max + 1;
}

/** Adds the product's notes to a sheet; returns what each cell had and what was created. */
export function addNotes(
  edit: PackageEdit,
  sheetPart: string,
  notes: readonly { cell: string; text: string }[],
): { records: NoteRecord[]; parts: NoteParts } {
  const parts: NoteParts = {};
  if (!notes.length) return { records: [], parts };
  const found = notePartsOf(edit, sheetPart);
  if (edit.text(relsPath(sheetPart)) === null) parts.rels = true;
  const folder = sheetPart.slice(0, sheetPart.lastIndexOf('/') + 1);
  const up = folder.split('/').length - 2;
  const relative = (part: string) => `${'../'.repeat(up)}${part.replace(/^xl\//, '')}`;

  let commentsPart = found.comments;
  if (!commentsPart) {
    commentsPart = edit.freeName('xl/comments', '.xml');
    edit.set(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${COMMENTS_NS}"><authors></authors><commentList></commentList></comments>`,
    );
    addOverride(edit, commentsPart, CONTENT_TYPE.comments);
    addRelationship(edit, sheetPart, REL_TYPE.comments, relative(commentsPart));
    parts.comments = commentsPart;
  }
  let vmlPart = found.vml;
  if (!vmlPart) {
    vmlPart = edit.freeName('xl/drawings/vmlDrawing', '.vml');
    edit.set(vmlPart, `${VML_HEAD(nextIdmap(edit))}${SHAPETYPE}</xml>`);
    if (addDefault(edit, 'vml', CONTENT_TYPE.vml)) parts.vmlDefault = true;
    const id = addRelationship(edit, sheetPart, REL_TYPE.vmlDrawing, relative(vmlPart));
    parts.vml = vmlPart;
    const sheetXml = edit.text(sheetPart) ?? '';
    const p = sheetPrefix(sheetXml);
    const existing = afterRows(sheetXml, /<(?:[\w.-]+:)?legacyDrawing\b[^>]*>/);
    const tag = `<${p}legacyDrawing r:id="${id}"/>`;
    const rNs = /xmlns:r=/.test(sheetXml)
      ? ''
      : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const element = rNs ? tag.replace('/>', `${rNs}/>`) : tag;
    if (existing) {
      edit.set(
        sheetPart,
        sheetXml.slice(0, existing.index) + element + sheetXml.slice(existing.index + existing[0].length),
      );
    } else {
      const before = topLevel(sheetXml, AFTER_LEGACY_DRAWING);
      const at = before ? before.start : (afterRows(sheetXml, /<\/(?:[\w.-]+:)?worksheet>\s*$/)?.index ?? -1);
      edit.set(sheetPart, sheetXml.slice(0, at) + element + sheetXml.slice(at));
      parts.legacyDrawing = true;
    }
  }

  // the product's author
  let comments = edit.text(commentsPart) ?? '';
  const authorsTag = /<((?:[\w.-]+:)?)authors\b[^>]*?(\/?)>([\s\S]*?)(?:<\/\1authors>|$)/.exec(comments);
  const authorNames =
    authorsTag && !authorsTag[2]
      ? [...authorsTag[3]!.matchAll(/<(?:[\w.-]+:)?author\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g)].map((m) =>
          innerText(m[1]!),
        )
      : [];
  let authorId = authorNames.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authorNames.length;
    const p = authorsTag?.[1] ?? '';
    const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsTag && !authorsTag[2]) {
      const end = authorsTag.index + authorsTag[0].length - `</${p}authors>`.length;
      comments = comments.slice(0, end) + author + comments.slice(end);
    } else if (authorsTag) {
      comments = comments.replace(authorsTag[0], `<${p}authors>${author}</${p}authors>`);
    } else {
      comments = comments.replace(/(<(?:[\w.-]+:)?comments\b[^>]*>)/, `$1<authors>${author}</authors>`);
    }
    if (!parts.comments) parts.author = true;
  }

  const existing = commentsOf(comments);
  const records: NoteRecord[] = [];
  const splices: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  const cp = /<((?:[\w.-]+:)?)commentList\b/.exec(comments)?.[1] ?? '';
  for (const note of notes) {
    const own = existing.get(note.cell);
    if (own) {
      const xml = appended(own.xml, note.text);
      records.push({ cell: note.cell, original: own.xml, marked: commentText(xml) });
      splices.push({ start: own.start, end: own.end, text: xml });
    } else {
      const xml = newComment(note.cell, authorId, note.text);
      records.push({ cell: note.cell, original: null, marked: commentText(xml) });
      added.push(xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${cp}`));
    }
  }
  comments = applySplices(comments, splices);
  if (added.length) {
    const emptyList = /<((?:[\w.-]+:)?)commentList\b([^>]*)\/>/.exec(comments);
    if (emptyList) {
      comments = comments.replace(
        emptyList[0],
        `<${emptyList[1]}commentList${emptyList[2]}>${added.join('')}</${emptyList[1]}commentList>`,
      );
    } else if (/<\/(?:[\w.-]+:)?commentList>/.test(comments)) {
      comments = comments.replace(/<\/(?:[\w.-]+:)?commentList>/, (end) => added.join('') + end);
    } else {
      comments = comments.replace(
        /<\/(?:[\w.-]+:)?comments>\s*$/,
        (end) => `<commentList>${added.join('')}</commentList>${end}`,
      );
    }
    // shapes for the new notes
    let vml = edit.text(vmlPart) ?? '';
    let id = Math.max(1024 * nextIdmapOf(vml), ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
    const shapes = records.filter((r) => r.original === null).map((r) => shape(++id, r.cell));
    if (!/id="_x0000_t202"/.test(vml)) shapes.unshift(SHAPETYPE);
    vml = vml.replace(/<\/xml>\s*$/, (end) => shapes.join('') + end);
    edit.set(vmlPart, vml);
  }
  edit.set(commentsPart, comments);
  return { records, parts };
}

function nextIdmapOf(vml: string): number {
  const data = /<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml);
  return data ? Number(data[1]) : 1;
}

/**
 * A marked note without the product's text: the cell's own note as it was ('' when it had none)
 * when nobody wrote into it since; when the district added a reply, the note with its reply and
 * without the product's text (as plain text); null when the product's text itself was edited
 * (the note is left as it is: nothing the district wrote is lost).
 */
function withoutMark(now: string, r: NoteRecord): string | null {
  const original = r.original ?? '';
  const text = commentText(now);
  if (r.marked === undefined || text === r.marked) return original;
  const before = r.original === null ? '' : commentText(r.original);
  const ours = r.marked.slice(before.length);
  const at = text.indexOf(ours);
  if (!ours || at < 0) return null;
  const rest = (text.slice(0, at) + text.slice(at + ours.length)).replace(/^\n+/, '');
  return rest === before ? original : plainComment(now, rest);
}

/** A line of the product's text in a note: its first line starts with the mark, the others with a level. */
const PRODUCT_LINE = new RegExp(`^(?:${MARK_PREFIX})?(?:${Object.values(LEVEL_NAMES).join('|')})：`);

/**
 * The product's text left in notes that no record accounts for (the record sheet deleted or
 * damaged, the sheets copied into another workbook): the lines it wrote are taken out of each
 * note by their mark, the district's own lines stay; a note left empty goes with its shape.
 */
export function sweepLeftoverNotes(edit: PackageEdit, sheetPart: string): void {
  // every sheet is looked at on each marking: the sheet itself is read only when its notes hold a mark
  const part = commentsPartOf(edit, sheetPart);
  const comments = part ? (edit.text(part) ?? '') : '';
  if (!comments.includes(MARK_PREFIX)) return;
  const found = notePartsOf(edit, sheetPart);
  if (!found.comments) return;
  const splices: { start: number; end: number; text: string }[] = [];
  const gone = new Set<string>();
  for (const [cell, at] of commentsOf(comments)) {
    const text = commentText(at.xml);
    const from = text.indexOf(MARK_PREFIX);
    if (from < 0) continue;
    const after = text.slice(from).split('\n');
    const theirs = after.filter((line) => !PRODUCT_LINE.test(line));
    const rest = [text.slice(0, from).replace(/\s+$/, ''), ...theirs].filter(Boolean).join('\n');
    if (rest === '') gone.add(cell);
    splices.push({ start: at.start, end: at.end, text: rest === '' ? '' : (plainComment(at.xml, rest) ?? at.xml) });
  }
  edit.set(found.comments, applySplices(comments, splices));
  if (!gone.size || !found.vml) return;
  const vml = (edit.text(found.vml) ?? '').replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) =>
    gone.has(shapeCell(shape) ?? '') ? '' : shape,
  );
  edit.set(found.vml, vml);
}

/** The cell a VML note shape belongs to, from its row and column. */
function shapeCell(shape: string): string | null {
  const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
  const col = /<x:Column>(\d+)<\/x:Column>/.exec(shape);
  // VML counts rows and columns from 0
  return row && col ? a1(Number(row[1]) + 1, Number(col[1]) + 1) : null;
}

/** A `<comment>` with the same attributes holding `text` as one plain run; null when it is no comment. */
function plainComment(comment: string, text: string): string | null {
  const open = /^<((?:[\w.-]+:)?)comment\b[^>]*>/.exec(comment);
  if (!open) return null;
  const p = open[1]!;
  return `${open[0]}<${p}text><${p}t xml:space="preserve">${escapeText(xmlSafe(text))}</${p}t></${p}text></${p}comment>`;
}

/** Takes the product's notes away again: cells' own notes as they were, added ones and parts removed. */
export function removeNotes(
  edit: PackageEdit,
  sheetPart: string,
  records: readonly NoteRecord[],
  parts: NoteParts,
): void {
  const found = notePartsOf(edit, sheetPart);
  // notes the district wrote into since: they stay, with their shapes
  const kept = new Set<string>();
  if (found.comments) {
    let comments = edit.text(found.comments) ?? '';
    const current = commentsOf(comments);
    const splices: { start: number; end: number; text: string }[] = [];
    for (const r of records) {
      const now = current.get(r.cell);
      if (!now || !commentText(now.xml).includes(MARK_PREFIX)) continue;
      const text = withoutMark(now.xml, r);
      if (text === null) {
        kept.add(r.cell);
        continue;
      }
      if (r.original === null && text !== '') kept.add(r.cell);
      splices.push({ start: now.start, end: now.end, text });
    }
    comments = applySplices(comments, splices);
    if (parts.author || parts.comments) {
      const authors = [...comments.matchAll(/<(?:[\w.-]+:)?author\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g)];
      const last = authors[authors.length - 1];
      const id = authors.length - 1;
      const used = new RegExp(`authorId="${id}"`).test(comments);
      if (last && innerText(last[1]!) === NOTE_AUTHOR && !used) {
        comments = comments.slice(0, last.index) + comments.slice(last.index + last[0].length);
      }
    }
    if (parts.comments === found.comments && !/<(?:[\w.-]+:)?comment\b/.test(comments)) {
      edit.remove(found.comments);
      removeOverride(edit, found.comments);
      const rel = currentRelationships(edit, sheetPart).find((x) => x.part === found.comments);
      if (rel) removeRelationship(edit, sheetPart, rel.id, !!parts.rels);
    } else edit.set(found.comments, comments);
  }
  if (found.vml) {
    let vml = edit.text(found.vml) ?? '';
    const cells = new Set(records.filter((r) => r.original === null && !kept.has(r.cell)).map((r) => r.cell));
    vml = vml.replace(/<v:shape\b[^>]*alt="duty-review"[\s\S]*?<\/v:shape>/g, (s) =>
      cells.has(shapeCell(s) ?? '') ? '' : s,
    );
    if (parts.vml === found.vml && !/<v:shape\b/.test(vml)) {
      edit.remove(found.vml);
      const id = found.vmlId;
      const sheetXml = edit.text(sheetPart) ?? '';
      if (parts.legacyDrawing) {
        edit.set(sheetPart, sheetXml.replace(/<(?:[\w.-]+:)?legacyDrawing\b[^>]*\/>/, ''));
      }
      if (id) removeRelationship(edit, sheetPart, id, !!parts.rels);
      if (parts.vmlDefault) removeDefault(edit, 'vml');
    } else edit.set(found.vml, vml);
  }
}

function currentRelationships(edit: PackageEdit, source: string): Relationship[] {
  const xml = edit.text(relsPath(source));
  return xml === null ? [] : parseRelationships(xml, source);
}
