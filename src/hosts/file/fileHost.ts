/**
 * The file host: the WorkbookHost interface over an .xlsx held in memory (CLI and file mode).
 *
 * A returned workbook is the district's document: it is read from its package's XML and its
 * annotated copy is that package with the marks and the product's sheets patched in (every part
 * not touched copied byte for byte). A workbook built in memory with ExcelJS is written by ExcelJS.
 */
import type ExcelJS from 'exceljs';
import { DRAFT_SHEET, SUMMARY_SHEET } from '../../core/summary';
import type { Draft, Report, WorkbookSnapshot } from '../../core/types';
import type { MarkResult, WorkbookHost } from '../host';
import { clearFileMarks, markFileFindings } from './marks';
import { clearPackageMarks, markPackage } from './package/annotate';
import { PackageEdit } from './package/edit';
import { XlsxPackage, openPackage } from './package/open';
import { putLayoutSheet } from './package/sheetXml';
import { packageSnapshot } from './package/snapshot';
import { activateSheet, currentSheets } from './package/workbookSheets';
import { draftLayout, summaryLayout, writeDraftSheet, writeSummarySheet } from './sheets';
import { workbookSnapshot } from './snapshot';

export class FileHost implements WorkbookHost {
  private readonly edit: PackageEdit | null;
  private readonly built: ExcelJS.Workbook | null;

  /** Over a package opened from bytes, or over a workbook built in memory. */
  constructor(
    source: XlsxPackage | ExcelJS.Workbook,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.edit = source instanceof XlsxPackage ? new PackageEdit(source) : null;
    this.built = source instanceof XlsxPackage ? null : source;
  }

  static async open(bytes: Uint8Array): Promise<FileHost> {
    return new FileHost(openPackage(bytes));
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.edit ? packageSnapshot(this.edit) : workbookSnapshot(this.built!);
  }

  async markFindings(report: Report): Promise<MarkResult> {
    return this.edit ? markPackage(this.edit, report) : markFileFindings(this.built!, report);
  }

  async clearMarks(): Promise<void> {
    if (this.edit) clearPackageMarks(this.edit);
    else clearFileMarks(this.built!);
  }

  async writeSummary(report: Report): Promise<void> {
    const now = this.now();
    if (this.edit) {
      const names = currentSheets(this.edit).map((s) => s.name);
      putLayoutSheet(this.edit, summaryLayout(report, now, names));
      activateSheet(this.edit, SUMMARY_SHEET);
      return;
    }
    const wb = this.built!;
    const ws = writeSummarySheet(wb, report, now);
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: wb.worksheets.indexOf(ws),
        visibility: 'visible',
      },
    ];
  }

  async writeDraft(draft: Draft, sheetName: string = DRAFT_SHEET): Promise<void> {
    if (this.edit) putLayoutSheet(this.edit, draftLayout(draft, sheetName));
    else writeDraftSheet(this.built!, draft, sheetName);
  }

  async goTo(): Promise<void> {
    // a file has no selection to move; the file-mode UI shows the address instead
  }

  async toBytes(): Promise<Uint8Array> {
    if (this.edit) return this.edit.toBytes();
    return new Uint8Array(await this.built!.xlsx.writeBuffer());
  }
}
