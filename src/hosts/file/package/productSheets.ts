/**
 * The product's own sheets (校验结果, drafts, 修改对照) in a patched package: built by the same
 * code as always (sheets.ts, ExcelJS) in a scratch workbook, then transplanted — the sheet's XML
 * with its texts inline and its styles merged into the workbook's styles.xml. Writing a sheet
 * again replaces it.
 */
import type ExcelJS from 'exceljs';
import type { PackageEdit } from './edit';
import { openPackage } from './open';
import { REL_TYPE, workbookPart, workbookSheets } from './parts';
import { StyleSheet, mergeStyles } from './styleSheet';
import { putSheet } from './workbookSheets';

const SI = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;

/** Builds a sheet with `build` in a scratch workbook and puts it into the package under its name. */
export async function putBuiltSheet(
  edit: PackageEdit,
  build: (wb: ExcelJS.Workbook) => ExcelJS.Worksheet,
): Promise<string> {
  // ExcelJS is loaded when a sheet is first built: reading and marking need none of it
  const { default: Excel } = await import('exceljs');
  const scratch = new Excel.Workbook();
  const ws = build(scratch);
  const built = openPackage(new Uint8Array(await scratch.xlsx.writeBuffer()));
  const sheet = workbookSheets(built).find((s) => s.name === ws.name);
  const stylesPart = workbookPart(built, REL_TYPE.styles);
  const stringsPart = workbookPart(built, REL_TYPE.sharedStrings);
  const items = [...(stringsPart ? (built.text(stringsPart) ?? '') : '').matchAll(SI)].map((m) => m[1] ?? '');
  const xfs = mergeStyles(new StyleSheet(edit), stylesPart ? (built.text(stylesPart) ?? '') : '');
  const restyle = (n: string) => String(xfs[Number(n)] ?? 0);
  let xml = built.text(sheet!.part!) ?? '';
  xml = xml
    // shared strings become inline strings: the sheet carries its own texts
    .replace(/<c\b([^>]*?)\bt="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
      return `<c${a}t="inlineStr"${b}><is>${items[Number(i)] ?? ''}</is></c>`;
    })
    .replace(
      /<(c|row)\b([^>]*?)\bs="(\d+)"/g,
      (_m, tag: string, a: string, n: string) => `<${tag}${a}s="${restyle(n)}"`,
    )
    .replace(/<col\b([^>]*?)\bstyle="(\d+)"/g, (_m, a: string, n: string) => `<col${a}style="${restyle(n)}"`)
    // which sheet is selected is the workbook's business (activateSheet)
    .replace(/\s+tabSelected="1"/g, '');
  return putSheet(edit, ws.name, xml);
}
