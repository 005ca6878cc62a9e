/** A package's (or an edited package's) WorkbookSnapshot, read from its XML: every worksheet in tab order, hidden ones too. */
import type { WorkbookSnapshot } from '../../../core/types';
import { cellFormats } from './numberFormats';
import { REL_TYPE, date1904, workbookPart, workbookSheets, type PartReader } from './parts';
import { sharedStrings } from './sharedStrings';
import { readSheet, type SheetContext } from './sheetReader';

export function packageSnapshot(pkg: PartReader): WorkbookSnapshot {
  const stylesPart = workbookPart(pkg, REL_TYPE.styles);
  const stringsPart = workbookPart(pkg, REL_TYPE.sharedStrings);
  const ctx: SheetContext = {
    strings: sharedStrings(stringsPart ? pkg.text(stringsPart) : null),
    formats: cellFormats(stylesPart ? pkg.text(stylesPart) : null),
    date1904: date1904(pkg),
  };
  const sheets = [];
  for (const sheet of workbookSheets(pkg)) {
    if (!sheet.part) continue;
    sheets.push(readSheet(sheet.name, pkg.text(sheet.part) ?? '', ctx));
  }
  return { sheets };
}
