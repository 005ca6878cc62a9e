/** The file host: the WorkbookHost interface over an .xlsx held in memory (CLI and file mode). */
import type ExcelJS from 'exceljs';
import type { Draft, Report, WorkbookSnapshot } from '../../core/types';
import type { MarkResult, WorkbookHost } from '../host';
import { openWorkbook } from './load';
import { clearFileMarks, markFileFindings } from './marks';
import { writeDraftSheet, writeSummarySheet } from './sheets';
import { workbookSnapshot } from './snapshot';

export class FileHost implements WorkbookHost {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static async open(bytes: Uint8Array): Promise<FileHost> {
    return new FileHost(await openWorkbook(bytes));
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return workbookSnapshot(this.workbook);
  }

  async markFindings(report: Report): Promise<MarkResult> {
    return markFileFindings(this.workbook, report);
  }

  async clearMarks(): Promise<void> {
    clearFileMarks(this.workbook);
  }

  async writeSummary(report: Report): Promise<void> {
    const ws = writeSummarySheet(this.workbook, report, this.now());
    this.workbook.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: this.workbook.worksheets.indexOf(ws),
        visibility: 'visible',
      },
    ];
  }

  async writeDraft(draft: Draft, sheetName?: string): Promise<void> {
    writeDraftSheet(this.workbook, draft, sheetName);
  }

  async goTo(): Promise<void> {
    // a file has no selection to move; the file-mode UI shows the address instead
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
