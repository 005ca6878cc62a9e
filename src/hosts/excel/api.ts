/**
 * The part of the Excel JavaScript API this host uses, as small structural types. Product code
 * talks to these, so that an in-memory fake can stand in for Excel in tests. The `Check*` types
 * at the end make the compiler prove that the real `@types/office-js` classes satisfy them: the
 * host can only call what Excel really has.
 */

export interface Loadable<T> {
  load(propertyNames: string): T;
}

export interface XRuntime {
  /** ExcelApi 1.8 */
  enableEvents: boolean;
}

export interface XRangeFill extends Loadable<XRangeFill> {
  color: string;
  clear(): void;
}

export interface XRangeFont {
  bold: boolean;
  size: number;
  color: string;
}

export interface XRangeFormat {
  fill: XRangeFill;
  font: XRangeFont;
  wrapText: boolean;
  columnWidth: number;
  verticalAlignment: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';
  autofitRows(): void;
}

export interface XConditionalRule extends Loadable<XConditionalRule> {
  formula: string;
}

export interface XCustomConditionalFormat {
  rule: XConditionalRule;
  format: { fill: { color: string } };
}

export interface XConditionalFormat extends Loadable<XConditionalFormat> {
  readonly type: string;
  priority: number;
  readonly custom: XCustomConditionalFormat;
  delete(): void;
  /** ExcelApi 1.6: the one range it applies to, or a null object when it applies to several */
  getRangeOrNullObject(): XRange;
  /** ExcelApi 1.9: every area it applies to */
  getRanges(): XAreas;
}

export interface XConditionalFormatCollection extends Loadable<XConditionalFormatCollection> {
  readonly items: XConditionalFormat[];
  add(type: 'Custom'): XConditionalFormat;
}

export interface XHyperlink {
  documentReference?: string;
  textToDisplay?: string;
}

export interface XRange extends Loadable<XRange> {
  /** set by the sync that follows a `*OrNullObject` call */
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: (string | number | boolean)[][];
  numberFormat: string[][];
  readonly valueTypes: string[][];
  readonly formulas: (string | number | boolean)[][];
  /** ExcelApi 1.7 */
  hyperlink: XHyperlink;
  readonly format: XRangeFormat;
  /** ExcelApi 1.6 */
  readonly conditionalFormats: XConditionalFormatCollection;
  select(): void;
  /** Clears values, formats and hyperlinks (ExcelApi 1.1): an own sheet is emptied this way, never deleted. */
  clear(): void;
  /**
   * ExcelApi 1.13. The merged areas whose top-left cell is in this range, or a null object when
   * there are none (read `isNullObject` after the sync). Fails with more than 512 merged areas.
   */
  getMergedAreasOrNullObject(): XRangeAreas;
}

/**
 * Several areas of one sheet as one range (ExcelApi 1.9): one conditional format laid over all of
 * them is one rule in Excel's rule manager, whatever the number of cells.
 */
export interface XAreas extends Loadable<XAreas> {
  /** every area with its sheet, comma-separated: `Sheet1!A1:B4, Sheet1!D1` */
  readonly address: string;
  readonly conditionalFormats: XConditionalFormatCollection;
}

/** ExcelApi 1.9 */
export interface XRangeCollection extends Loadable<XRangeCollection> {
  readonly items: XRange[];
}

/** Several rectangular ranges of one sheet. ExcelApi 1.9. */
export interface XRangeAreas extends Loadable<XRangeAreas> {
  /** set by the sync that follows a `*OrNullObject` call; the other properties mean nothing when true */
  readonly isNullObject: boolean;
  /** every area with its sheet, comma-separated: `Sheet1!A1:B4, Sheet1!D1:D4` */
  readonly address: string;
  /** the areas one by one, each with an address such as `Sheet1!A1:B4` */
  readonly areas: XRangeCollection;
}

export interface XWorksheetChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
}

export interface XEventResult {
  remove(): void;
  readonly context: OfficeExtension.ClientRequestContext;
}

export interface XEventHandlers<A> {
  add(handler: (args: A) => Promise<void>): XEventResult;
}

/**
 * Which edits a protected sheet still allows. ExcelApi 1.2; `allowEditObjects`,
 * `allowEditScenarios` and `selectionMode` only from 1.7.
 */
export type XProtectionOptions = Excel.WorksheetProtectionOptions;

export interface XWorksheetProtection extends Loadable<XWorksheetProtection> {
  /** ExcelApi 1.2 */
  readonly protected: boolean;
  /** ExcelApi 1.2 (complete from 1.7, see XProtectionOptions) */
  readonly options: XProtectionOptions;
  /**
   * ExcelApiOnline 1.1 only (Excel on the web; preview elsewhere): in no numbered ExcelApi set
   * up to 1.21. Load it only when `isSetSupported('ExcelApiOnline', '1.1')`.
   */
  readonly isPasswordProtected: boolean;
  /** ExcelApi 1.2. Fails on a sheet that is already protected. (Excel's password argument, 1.7, is never used.) */
  protect(options?: XProtectionOptions): void;
  /** ExcelApi 1.2. Never called with a password: the add-in only lifts protection that has none. */
  unprotect(): void;
}

/** A chart series' line (ExcelApi 1.1: color; 1.7: lineStyle, weight). */
export interface XChartLineFormat {
  color: string;
  /** ExcelApi 1.7 */
  lineStyle: Excel.ChartLineFormat['lineStyle'];
  /** ExcelApi 1.7 */
  weight: number;
}

export interface XChartFill {
  /** ExcelApi 1.1 */
  setSolidColor(color: string): void;
}

export interface XChartSeriesFormat {
  readonly fill: XChartFill;
  readonly line: XChartLineFormat;
}

/** One series of a chart. ExcelApi 1.1 (`chartType` and `markerStyle` 1.7). */
export interface XChartSeries {
  name: string;
  /** ExcelApi 1.7: a series drawn otherwise than the chart, e.g. a line over columns */
  chartType: Excel.ChartSeries['chartType'];
  /** ExcelApi 1.7 */
  markerStyle: Excel.ChartSeries['markerStyle'];
  readonly format: XChartSeriesFormat;
}

export interface XChartSeriesCollection {
  /** ExcelApi 1.1 */
  getItemAt(index: number): XChartSeries;
}

export interface XChart {
  /** ExcelApi 1.1 */
  name: string;
  readonly title: { text: string };
  readonly legend: { position: Excel.ChartLegend['position']; visible: boolean };
  readonly series: XChartSeriesCollection;
  /** ExcelApi 1.1: the chart covers these cells */
  setPosition(startCell: string, endCell?: string): void;
  /** ExcelApi 1.1 */
  delete(): void;
}

export interface XChartCollection extends Loadable<XChartCollection> {
  readonly items: XChart[];
  /** ExcelApi 1.1: a chart of the range, one series per column (`Columns`) */
  add(type: 'ColumnClustered' | 'ColumnStacked', sourceData: XRange, seriesBy?: 'Columns'): XChart;
}

export interface XWorksheet extends Loadable<XWorksheet> {
  readonly name: string;
  readonly id: string;
  readonly protection: XWorksheetProtection;
  /** ExcelApi 1.7 */
  readonly onChanged: XEventHandlers<XWorksheetChangedArgs>;
  getRange(address?: string): XRange;
  getUsedRange(valuesOnly?: boolean): XRange;
  /** ExcelApi 1.1 */
  readonly charts: XChartCollection;
  /** ExcelApi 1.9: `A1:A3, C5` as one multi-area range */
  getRanges(address?: string): XAreas;
  activate(): void;
  delete(): void;
}

export interface XWorksheetCollection extends Loadable<XWorksheetCollection> {
  readonly items: XWorksheet[];
  getItem(key: string): XWorksheet;
  add(name?: string): XWorksheet;
  /** ExcelApi 1.9 */
  readonly onChanged: XEventHandlers<XWorksheetChangedArgs>;
}

/** A threaded comment (ExcelApi 1.10) or a note (ExcelApi 1.18). */
export interface XCellNote extends Loadable<XCellNote> {
  content: string;
  delete(): void;
  getLocation(): XRange;
}

export interface XCellNoteCollection extends Loadable<XCellNoteCollection> {
  readonly items: XCellNote[];
  add(cellAddress: string, content: string): XCellNote;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  /** ExcelApi 1.10 */
  readonly comments: XCellNoteCollection;
  /** ExcelApi 1.18 */
  readonly notes: XCellNoteCollection;
}

export interface XContext {
  readonly workbook: XWorkbook;
  readonly runtime: XRuntime;
  sync(): Promise<void>;
}

/** The document's settings bag (Office common API, every Excel version that runs add-ins). */
export interface XSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

type Assert<T extends U, U> = T;
export type CheckRange = Assert<Excel.Range, XRange>;
export type CheckRangeAreas = Assert<Excel.RangeAreas, XRangeAreas>;
export type CheckAreas = Assert<Excel.RangeAreas, XAreas>;
export type CheckWorksheet = Assert<Excel.Worksheet, XWorksheet>;
export type CheckConditionalFormat = Assert<Excel.ConditionalFormat, XConditionalFormat>;
export type CheckWorksheets = Assert<Excel.WorksheetCollection, XWorksheetCollection>;
export type CheckProtection = Assert<Excel.WorksheetProtection, XWorksheetProtection>;
export type CheckComments = Assert<Excel.CommentCollection, XCellNoteCollection>;
export type CheckNotes = Assert<Excel.NoteCollection, XCellNoteCollection>;
export type CheckContext = Assert<Excel.RequestContext, XContext>;
export type CheckSettings = Assert<Office.Settings, XSettings>;
export type CheckCharts = Assert<Excel.ChartCollection, XChartCollection>;
export type CheckChart = Assert<Excel.Chart, XChart>;
export type CheckChartSeries = Assert<Excel.ChartSeries, XChartSeries>;
export type CheckChartLine = Assert<Excel.ChartLineFormat, XChartLineFormat>;
