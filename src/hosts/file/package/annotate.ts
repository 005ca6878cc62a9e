/**
 * Marks patched into a package: each finding's cell gets a cell style cloned from its own with
 * the level's fill, and the product's note (after the cell's own note, if it has one). What each
 * cell had is written to the record sheet, so that clearing gives back the cell elements and notes
 * as they were and removes what the product added. A value the user typed is never changed: a
 * cell the user restyled or filled in since is left as the user left it.
 */
import { cellMarks } from '../../../core/marks';
import type { Report } from '../../../core/types';
import type { MarkResult } from '../../host';
import type { PackageEdit } from './edit';
import { clearLegacyMarks } from './legacyMarks';
import { addNotes, removeNotes, sweepLeftoverNotes, type NoteParts } from './notes';
import {
  RECORD_SHEET,
  readRecord,
  recordSheetXml,
  type CellLine,
  type RecordLine,
  type SheetLine,
  type StylesLine,
} from './record';
import { editCells, type CellEdit } from './sheetCells';
import { StyleSheet, withAttributes, type AddedStyles } from './styleSheet';
import { currentSheets, putSheet, removeSheet } from './workbookSheets';
import { attribute, removeAttribute } from './xml';

function openTagAttrs(cell: string): string {
  return /^<[\w.:-]+((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)\/?>/.exec(cell)?.[1] ?? '';
}

/** `<c r="B5"/>`: a cell element that holds nothing but its address. */
function bare(cell: string): boolean {
  return /^<(?:[\w.-]+:)?c\s+r\s*=\s*["'][A-Z]+\d+["']\s*\/>$/.test(cell);
}

/**
 * Takes the marks recorded in the package away; nothing happens when it has no record. The styles
 * the marks appended go too when nothing uses them any more; those still in use (by 校验结果, or
 * by cells the user styled with them) are returned, for the next record to carry.
 */
export function clearPackageMarks(edit: PackageEdit): AddedStyles {
  const { lines, legacy } = readRecord(edit);
  clearLegacyMarks(edit, legacy);
  const sheets = currentSheets(edit);
  const bySheet = new Map<string, { cells: CellLine[]; parts: NoteParts }>();
  const added: AddedStyles = { added: [], created: [] };
  for (const line of lines) {
    if ('styles' in line) {
      added.added.push(...line.styles.added);
      added.created.push(...line.styles.created);
      continue;
    }
    const entry = bySheet.get(line.sheet) ?? { cells: [], parts: {} };
    if ('parts' in line) entry.parts = line.parts;
    else entry.cells.push(line);
    bySheet.set(line.sheet, entry);
  }
  for (const [name, { cells, parts }] of bySheet) {
    const part = sheets.find((s) => s.name === name)?.part;
    if (!part) continue;
    const edits = new Map<string, CellEdit>();
    for (const line of cells) {
      edits.set(line.cell, (current) => {
        if (current === null) return null;
        const attrs = openTagAttrs(current);
        // restyled by the user since: left as the user left it
        if (attribute(attrs, 's') !== line.markS) return current;
        const restored =
          line.s === null
            ? current.replace(attrs, removeAttribute(attrs, 's'))
            : withAttributes(current, { s: line.s });
        return !line.existed && bare(restored) ? null : restored;
      });
    }
    const rows = new Set(cells.filter((l) => l.rowAdded).map((l) => Number(/\d+$/.exec(l.cell)![0])));
    const xml = edit.text(part);
    if (xml !== null) edit.set(part, editCells(xml, edits, rows));
    removeNotes(
      edit,
      part,
      cells.map((l) => ({ cell: l.cell, original: l.note, ...(l.marked === undefined ? {} : { marked: l.marked }) })),
      parts,
    );
  }
  // what no record accounts for: the product's text in notes, known by its mark
  for (const s of sheets) if (s.part) sweepLeftoverNotes(edit, s.part);
  removeSheet(edit, RECORD_SHEET);
  if (!added.added.length) return added;
  const texts = currentSheets(edit).map((s) => (s.part ? (edit.text(s.part) ?? '') : ''));
  return new StyleSheet(edit).remove(added, texts);
}

/** Clears earlier marks, then marks the report's findings. */
export function markPackage(edit: PackageEdit, report: Report): MarkResult {
  const kept = clearPackageMarks(edit);
  const sheets = currentSheets(edit);
  const marks = cellMarks(report.findings);
  const bySheet = new Map<string, typeof marks>();
  let summaryOnly = 0;
  for (const mark of marks) {
    const sheet = sheets.find((s) => s.name === mark.sheet);
    if (!sheet?.part || mark.sheet === RECORD_SHEET) {
      summaryOnly += mark.findings.length;
      continue;
    }
    const list = bySheet.get(mark.sheet);
    if (list) list.push(mark);
    else bySheet.set(mark.sheet, [mark]);
  }
  if (!bySheet.size) {
    // styles of earlier marks still in use stay on the record, to go when they no longer are
    if (kept.added.length) putSheet(edit, RECORD_SHEET, recordSheetXml([{ v: 2, styles: kept }]), 'veryHidden');
    return { marked: report.findings.length - summaryOnly, summaryOnly, warnings: [] };
  }
  const styles = new StyleSheet(edit);
  const lines: RecordLine[] = [];
  for (const [name, sheetMarks] of bySheet) {
    const part = sheets.find((s) => s.name === name)!.part!;
    const cellLines = new Map<string, CellLine>();
    const edits = new Map<string, CellEdit>();
    for (const mark of sheetMarks) {
      edits.set(mark.cell, (current, ctx) => {
        const own = current === null ? undefined : attribute(openTagAttrs(current), 's');
        const base = own !== undefined ? Number(own) : current === null ? ctx.inheritedStyle : 0;
        const markS = String(styles.withFill(Number.isFinite(base) ? base : 0, `FF${mark.colour}`));
        cellLines.set(mark.cell, {
          v: 2,
          sheet: name,
          cell: mark.cell,
          s: current === null ? null : (own ?? null),
          markS,
          existed: current !== null,
          rowAdded: !ctx.rowExists,
          note: null,
        });
        return current === null ? `<c r="${mark.cell}" s="${markS}"/>` : withAttributes(current, { s: markS });
      });
    }
    edit.set(part, editCells(edit.text(part) ?? '', edits));
    const { records, parts } = addNotes(
      edit,
      part,
      sheetMarks.map((m) => ({ cell: m.cell, text: m.text })),
    );
    for (const r of records) {
      const line = cellLines.get(r.cell);
      if (!line) continue;
      line.note = r.original;
      if (r.marked !== undefined) line.marked = r.marked;
    }
    for (const line of cellLines.values()) lines.push(line);
    if (Object.keys(parts).length) lines.push({ v: 2, sheet: name, parts } satisfies SheetLine);
  }
  const appended = styles.added();
  const all: AddedStyles = {
    added: [...kept.added, ...appended.added],
    created: [...new Set([...kept.created, ...appended.created])],
  };
  if (all.added.length) lines.push({ v: 2, styles: all } satisfies StylesLine);
  putSheet(edit, RECORD_SHEET, recordSheetXml(lines), 'veryHidden');
  return { marked: report.findings.length - summaryOnly, summaryOnly, warnings: [] };
}
