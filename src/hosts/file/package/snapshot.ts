/** A package's (or an edited package's) WorkbookSnapshot, read from its XML: every worksheet in tab order, hidden ones too. */
import type { WorkbookSnapshot } from '../../../core/types';
import { cellFormats } from './numberFormats';
import {
  REL_TYPE,
  WORKBOOK,
  date1904,
  relsPath,
  workbookPart,
  workbookSheets,
  type OpenedSnapshot,
  type PartReader,
} from './parts';
import type { Tally } from './scan';
import { sharedStrings } from './sharedStrings';
import { readSheet, type SheetContext } from './sheetReader';

/** A part's text in pieces ending after `</local>` where the reader can give them, else whole. */
function piecesOf(pkg: PartReader, part: string, local: string): readonly string[] | null {
  if (pkg.pieces) return pkg.pieces(part, local);
  const text = pkg.text(part);
  return text === null ? null : [text];
}

/** Reads the snapshot; with a tally, rows and cells are counted and held to the limits as they are read. */
export function readSnapshot(pkg: PartReader, tally?: Tally): OpenedSnapshot {
  const parts = [WORKBOOK, relsPath(WORKBOOK)];
  const stylesPart = workbookPart(pkg, REL_TYPE.styles);
  const stringsPart = workbookPart(pkg, REL_TYPE.sharedStrings);
  if (stylesPart) parts.push(stylesPart);
  if (stringsPart) parts.push(stringsPart);
  const ctx: SheetContext = {
    strings: sharedStrings(stringsPart ? piecesOf(pkg, stringsPart, 'si') : null),
    formats: cellFormats(stylesPart ? pkg.text(stylesPart) : null),
    date1904: date1904(pkg),
  };
  const sheets = [];
  for (const sheet of workbookSheets(pkg)) {
    if (!sheet.part) continue;
    parts.push(sheet.part);
    sheets.push(readSheet(sheet.name, piecesOf(pkg, sheet.part, 'row') ?? [], ctx, tally));
  }
  return { snapshot: { sheets }, parts };
}

/** The snapshot read when the package was opened, while none of the parts it was read from changed. */
function openedSnapshot(pkg: PartReader): WorkbookSnapshot | null {
  if (pkg.opened) return pkg.opened.snapshot;
  const opened = pkg.pkg?.opened;
  if (!opened || !pkg.touched) return null;
  for (const part of opened.parts) if (pkg.touched(part)) return null;
  return opened.snapshot;
}

export function packageSnapshot(pkg: PartReader): WorkbookSnapshot {
  return openedSnapshot(pkg) ?? readSnapshot(pkg).snapshot;
}
