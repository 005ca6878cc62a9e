/**
 * A sheet the product lays out (sheets.ts: SheetLayout) written straight as worksheet XML into a
 * package, its looks merged into the workbook's styles.xml: no scratch workbook, no ExcelJS. The
 * same layout is what ExcelJS writes into the workbooks the product builds itself.
 */
import type { CellLook, LaidValue, SheetLayout } from '../sheets';
import type { PackageEdit } from './edit';
import { StyleSheet, type MergedXf } from './styleSheet';
import { putSheet } from './workbookSheets';
import { escapeAttribute, escapeText, xmlSafe } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** the product's border: thin, light grey (style.ts) */
const EDGE = (side: string) => `<${side} style="thin"><color rgb="FFBFBFBF"/></${side}>`;
const BORDER = `<border>${EDGE('left')}${EDGE('right')}${EDGE('top')}${EDGE('bottom')}<diagonal/></border>`;
/** number formats Excel knows by id (those the product's sheets use) */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '@': 49 };

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const ref = (row: number, col: number) => `${columnLetters(col)}${row}`;

function fontXml(font: NonNullable<CellLook['font']>): string {
  return (
    '<font>' +
    (font.bold ? '<b/>' : '') +
    (font.underline ? '<u/>' : '') +
    (font.size !== undefined ? `<sz val="${font.size}"/>` : '') +
    (font.color ? `<color rgb="${escapeAttribute(font.color.argb)}"/>` : '') +
    (font.name ? `<name val="${escapeAttribute(font.name)}"/>` : '') +
    '</font>'
  );
}

/** The look as a cell style to merge: its `<xf>` and what it uses. */
function mergedXf(look: CellLook): MergedXf {
  const builtIn = look.numFmt === undefined ? 0 : BUILT_IN_FORMATS[look.numFmt];
  const a = look.alignment;
  const alignment = a
    ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`
    : '';
  const applies =
    (look.font ? ' applyFont="1"' : '') +
    (look.fill ? ' applyFill="1"' : '') +
    (look.border ? ' applyBorder="1"' : '') +
    (look.numFmt !== undefined ? ' applyNumberFormat="1"' : '') +
    (alignment ? ' applyAlignment="1"' : '');
  const open = `<xf numFmtId="${builtIn ?? 0}" fontId="0" fillId="0" borderId="0" xfId="0"${applies}`;
  return {
    xf: alignment ? `${open}>${alignment}</xf>` : `${open}/>`,
    font: look.font ? fontXml(look.font) : null,
    fill: look.fill
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttribute(look.fill)}"/></patternFill></fill>`
      : null,
    border: look.border ? BORDER : null,
    ...(look.numFmt !== undefined && builtIn === undefined ? { numFmt: look.numFmt } : {}),
  };
}

function textXml(text: string): string {
  return `<is><t xml:space="preserve">${escapeText(xmlSafe(text))}</t></is>`;
}

function cellXml(at: string, style: string, value: LaidValue | null): string {
  // an empty text is an empty cell, as Excel keeps it
  if (value === null || value === '') return `<c r="${at}"${style}/>`;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? `<c r="${at}"${style}><v>${value}</v></c>`
      : `<c r="${at}"${style} t="inlineStr">${textXml(String(value))}</c>`;
  }
  if (typeof value === 'string') return `<c r="${at}"${style} t="inlineStr">${textXml(value)}</c>`;
  if ('richText' in value) {
    const runs = value.richText.map(({ text, font }) => {
      const rPr =
        (font.bold ? '<b/>' : '') +
        (font.underline ? '<u/>' : '') +
        (font.size !== undefined ? `<sz val="${font.size}"/>` : '') +
        (font.color ? `<color rgb="${escapeAttribute(font.color.argb)}"/>` : '') +
        (font.name ? `<rFont val="${escapeAttribute(font.name)}"/>` : '');
      return `<r>${rPr ? `<rPr>${rPr}</rPr>` : ''}<t xml:space="preserve">${escapeText(xmlSafe(text))}</t></r>`;
    });
    return `<c r="${at}"${style} t="inlineStr"><is>${runs.join('')}</is></c>`;
  }
  return `<c r="${at}"${style} t="str"><f>${escapeText(xmlSafe(value.formula))}</f><v>${escapeText(xmlSafe(value.result))}</v></c>`;
}

/** The worksheet XML of a layout, with its looks' indexes in `styles`. */
export function layoutXml(layout: SheetLayout, styles: StyleSheet): string {
  const keys = new Map<string, number>();
  const looks: CellLook[] = [];
  const styleKey = layout.cells.map(({ look }) => {
    if (!Object.keys(look).length) return -1;
    const key = JSON.stringify(look);
    let i = keys.get(key);
    if (i === undefined) {
      i = looks.length;
      keys.set(key, i);
      looks.push(look);
    }
    return i;
  });
  const xfs = styles.mergeXfs(looks.map(mergedXf));
  const byRow = new Map<number, string[]>();
  const order = layout.cells
    .map((c, i) => i)
    .sort((a, b) => {
      const x = layout.cells[a]!;
      const y = layout.cells[b]!;
      return x.row - y.row || x.col - y.col;
    });
  let maxRow = 1;
  let maxCol = 1;
  for (const i of order) {
    const { row, col, value } = layout.cells[i]!;
    const k = styleKey[i]!;
    const style = k < 0 ? '' : ` s="${xfs[k]}"`;
    const cells = byRow.get(row) ?? [];
    cells.push(cellXml(ref(row, col), style, value));
    byRow.set(row, cells);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }
  const rows = [...byRow]
    .map(([r, cells]) => {
      const height = layout.heights.get(r);
      const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
      return `<row r="${r}"${ht}>${cells.join('')}</row>`;
    })
    .join('');
  const cols = layout.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const frozen = layout.frozenRows;
  const view = frozen
    ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const filter = layout.autoFilter
    ? `<autoFilter ref="${ref(layout.autoFilter.from.row, layout.autoFilter.from.column)}:${ref(layout.autoFilter.to.row, layout.autoFilter.to.column)}"/>`
    : '';
  const merges = layout.merges.length
    ? `<mergeCells count="${layout.merges.length}">${layout.merges.map(([t, l, b, r]) => `<mergeCell ref="${ref(t, l)}:${ref(b, r)}"/>`).join('')}</mergeCells>`
    : '';
  const p = layout.pageSetup;
  const m = p.margins;
  const margins = m
    ? `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`
    : '';
  const setup = [
    p.paperSize !== undefined ? ` paperSize="${p.paperSize}"` : '',
    p.orientation ? ` orientation="${p.orientation}"` : '',
    p.fitToWidth !== undefined ? ` fitToWidth="${p.fitToWidth}"` : '',
    p.fitToHeight !== undefined ? ` fitToHeight="${p.fitToHeight}"` : '',
  ].join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (p.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${ref(maxRow, maxCol)}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    filter +
    merges +
    (p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    margins +
    (setup ? `<pageSetup${setup}/>` : '') +
    '</worksheet>'
  );
}

/** Writes a laid-out sheet into the package under its name (a sheet of that name is replaced). */
export function putLayoutSheet(edit: PackageEdit, layout: SheetLayout): string {
  return putSheet(edit, layout.name, layoutXml(layout, new StyleSheet(edit)));
}
