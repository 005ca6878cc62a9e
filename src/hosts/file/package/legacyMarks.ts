/**
 * Marks of copies annotated by the product's earlier writer (ExcelJS), whose record kept each
 * cell's fill (as ExcelJS's JSON) and note text: re-checking or clearing such a copy takes them
 * away too — the fill put back, the product's note removed or the cell's own note text restored.
 */
import { MARK_PREFIX } from '../../../core/marks';
import type { PackageEdit } from './edit';
import { commentText, noteRun } from './notes';
import { REL_TYPE, isType, parseRelationships, relsPath } from './parts';
import type { LegacyLine } from './record';
import { editCells, type CellEdit } from './sheetCells';
import { columnNumber } from './sheetReader';
import { StyleSheet, withAttributes } from './styleSheet';
import { currentSheets } from './workbookSheets';
import { attribute, escapeAttribute } from './xml';

interface ExcelJsColour {
  argb?: string;
  indexed?: number;
  theme?: number;
  tint?: number;
}

function colour(tag: string, c: ExcelJsColour | undefined): string {
  if (!c) return '';
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(c.argb)) return `<${tag} rgb="${c.argb}"/>`;
  if (typeof c.theme === 'number')
    return `<${tag} theme="${c.theme}"${typeof c.tint === 'number' ? ` tint="${c.tint}"` : ''}/>`;
  if (typeof c.indexed === 'number') return `<${tag} indexed="${c.indexed}"/>`;
  return '';
}

/** ExcelJS's JSON of a pattern fill as a `<fill>`; undefined for what cannot be told (left as it is). */
function fillElement(json: string | null): string | null | undefined {
  if (json === null) return null;
  try {
    const f = JSON.parse(json) as { type?: string; pattern?: string; fgColor?: ExcelJsColour; bgColor?: ExcelJsColour };
    if (f.type !== 'pattern' || typeof f.pattern !== 'string' || !/^\w+$/.test(f.pattern)) return undefined;
    return `<fill><patternFill patternType="${escapeAttribute(f.pattern)}">${colour('fgColor', f.fgColor)}${colour('bgColor', f.bgColor)}</patternFill></fill>`;
  } catch {
    return undefined;
  }
}

const cellOf = (row: string, col: string) => {
  let letters = '';
  for (let k = Number(col) + 1; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return `${letters}${Number(row) + 1}`;
};

function clearLegacyNotes(edit: PackageEdit, sheetPart: string, lines: readonly LegacyLine[]): void {
  const rels = parseRelationships(edit.text(relsPath(sheetPart)) ?? '', sheetPart);
  const commentsPart = rels.find((r) => isType(r.type, REL_TYPE.comments))?.part;
  if (!commentsPart || !edit.has(commentsPart)) return;
  const byCell = new Map(lines.map((l) => [l.cell, l]));
  const removed = new Set<string>();
  const comments = (edit.text(commentsPart) ?? '').replace(
    /<((?:[\w.-]+:)?)comment\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1comment>)/g,
    (whole, p: string, attrs: string, inner: string | undefined) => {
      const ref = attribute(attrs, 'ref')?.toUpperCase() ?? '';
      const line = byCell.get(ref);
      if (!line || !commentText(whole).includes(MARK_PREFIX)) return whole;
      if (line.note === null) {
        removed.add(ref);
        return '';
      }
      const text = `<${p}text>${noteRun(line.note).replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`)}</${p}text>`;
      return `<${p}comment${attrs}>${(inner ?? '').replace(/<((?:[\w.-]+:)?)text\b[\s\S]*<\/\1text>/, text)}</${p}comment>`;
    },
  );
  edit.set(commentsPart, comments);
  const vmlRel = rels.find((r) => isType(r.type, REL_TYPE.vmlDrawing));
  if (!removed.size || !vmlRel?.part || !edit.has(vmlRel.part)) return;
  const vml = (edit.text(vmlRel.part) ?? '').replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
    const col = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
    return row !== undefined && col !== undefined && removed.has(cellOf(row, col)) ? '' : shape;
  });
  edit.set(vmlRel.part, vml);
}

/** Takes away the marks the earlier writer recorded. */
export function clearLegacyMarks(edit: PackageEdit, lines: readonly LegacyLine[]): void {
  if (!lines.length) return;
  const sheets = currentSheets(edit);
  const styles = new StyleSheet(edit);
  const bySheet = new Map<string, LegacyLine[]>();
  for (const l of lines) bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l]);
  for (const [name, sheetLines] of bySheet) {
    const part = sheets.find((s) => s.name === name)?.part;
    if (!part) continue;
    const edits = new Map<string, CellEdit>();
    for (const line of sheetLines) {
      const fill = fillElement(line.fill);
      if (fill === undefined || !/^[A-Z]+\d+$/.test(line.cell) || columnNumber(line.cell.replace(/\d+$/, '')) > 16384)
        continue;
      edits.set(line.cell, (current) => {
        if (current === null) return null;
        const s = attribute(/^<[^>]*>/.exec(current)?.[0] ?? '', 's');
        return withAttributes(current, { s: String(styles.withFillElement(s === undefined ? 0 : Number(s), fill)) });
      });
    }
    edit.set(part, editCells(edit.text(part) ?? '', edits));
    clearLegacyNotes(edit, part, sheetLines);
  }
}
