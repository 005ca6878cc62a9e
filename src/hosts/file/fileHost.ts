/** The file host: the WorkbookHost interface over an .xlsx held in memory (CLI and file mode). */
import type ExcelJS from 'exceljs';
import type { Draft, Report, WorkbookSnapshot } from '../../core/types';
import type { MarkResult, WorkbookHost } from '../host';
import { openWorkbook } from './load';
import { clearFileMarks, markFileFindings } from './marks';
import { XlsxPackage, openPackage } from './package/open';
import { packageSnapshot } from './package/snapshot';
import { writeDraftSheet, writeSummarySheet } from './sheets';
import { workbookSnapshot } from './snapshot';

export class FileHost implements WorkbookHost {
  private loaded: ExcelJS.Workbook | null;
  private readonly pkg: XlsxPackage | null;

  /** Over a package opened from bytes (read from its XML), or over a workbook built in memory. */
  constructor(
    source: XlsxPackage | ExcelJS.Workbook,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.pkg = source instanceof XlsxPackage ? source : null;
    this.loaded = source instanceof XlsxPackage ? null : source;
  }

  static async open(bytes: Uint8Array): Promise<FileHost> {
    return new FileHost(openPackage(bytes));
  }

  /** The workbook as ExcelJS holds it, loaded when first written to. */
  private async workbook(): Promise<ExcelJS.Workbook> {
    this.loaded ??= await openWorkbook(this.pkg!.bytes);
    return this.loaded;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    if (this.loaded || !this.pkg) return workbookSnapshot(await this.workbook());
    return packageSnapshot(this.pkg);
  }

  async markFindings(report: Report): Promise<MarkResult> {
    return markFileFindings(await this.workbook(), report);
  }

  async clearMarks(): Promise<void> {
    clearFileMarks(await this.workbook());
  }

  async writeSummary(report: Report): Promise<void> {
    const wb = await this.workbook();
    const ws = writeSummarySheet(wb, report, this.now());
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

  async writeDraft(draft: Draft, sheetName?: string): Promise<void> {
    writeDraftSheet(await this.workbook(), draft, sheetName);
  }

  async goTo(): Promise<void> {
    // a file has no selection to move; the file-mode UI shows the address instead
  }

  async toBytes(): Promise<Uint8Array> {
    if (!this.loaded && this.pkg) return this.pkg.bytes.slice();
    return new Uint8Array(await (await this.workbook()).xlsx.writeBuffer());
  }
}
