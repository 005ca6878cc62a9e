/**
 * WorkbookHost on Office.js. Every write switches Excel's events off (ExcelApi 1.8) and raises
 * an internal "writing" flag, so that live validation never reacts to the add-in's own writes.
 */
import { DRAFT_SHEET, SUMMARY_SHEET } from '../../core/summary';
import type { Draft, Report, WorkbookSnapshot } from '../../core/types';
import type { HostStrings } from '../../i18n';
import type { BatchCharts } from '../../core/charts/data';
import { CHARTS_SHEET, CITY_DRAFT_SHEET, type ChartSheetResult, type MarkResult, type WorkbookHost } from '../host';
import type { XContext } from './api';
import { detectCapabilities, type Capabilities } from './capabilities';
import { subscribeChanges } from './changes';
import type { ExcelEnv } from './env';
import { HostError, hostError } from './errors';
import { cellMarks, clearAll, sortedRecord, survey, writeMarks } from './marks';
import { readSnapshot } from './read';
import { loadRecord, saveRecord, type MarkRecord } from './record';
import { writeDraftSheet, writeSummarySheet } from './sheets';

const OWN_SHEETS: ReadonlySet<string> = new Set([SUMMARY_SHEET, DRAFT_SHEET, CITY_DRAFT_SHEET, CHARTS_SHEET]);
/** Change events that arrive this soon after a write are taken as echoes of it. */
const QUIET_MS = 400;

export class ExcelHost implements WorkbookHost {
  readonly caps: Capabilities;
  private writing = 0;
  private quietUntil = 0;

  constructor(
    private readonly env: ExcelEnv,
    private readonly text: HostStrings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.caps = detectCapabilities((v) => env.supports(v), env.supportsOnline);
  }

  /** True while the add-in writes, and shortly after. */
  get busyWriting(): boolean {
    return this.writing > 0 || Date.now() < this.quietUntil;
  }

  private async read<T>(batch: (ctx: XContext) => Promise<T>, sheet?: string): Promise<T> {
    try {
      return await this.env.run(batch);
    } catch (e) {
      throw hostError(e, this.text, sheet);
    }
  }

  private async write<T>(batch: (ctx: XContext) => Promise<T>, sheet?: string): Promise<T> {
    this.writing++;
    try {
      return await this.env.run(async (ctx) => {
        if (this.caps.enableEvents) ctx.runtime.enableEvents = false;
        try {
          return await batch(ctx);
        } finally {
          if (this.caps.enableEvents) {
            ctx.runtime.enableEvents = true;
            await ctx.sync();
          }
        }
      });
    } catch (e) {
      throw hostError(e, this.text, sheet);
    } finally {
      this.writing--;
      this.quietUntil = Date.now() + QUIET_MS;
    }
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.read((ctx) => readSnapshot(ctx, this.caps, { skip: OWN_SHEETS }));
  }

  async markFindings(report: Report): Promise<MarkResult> {
    const old = loadRecord(this.env.settings);
    let stored = JSON.stringify(sortedRecord(old));
    const save = async (r: MarkRecord) => {
      stored = JSON.stringify(sortedRecord(r));
      return saveRecord(this.env.settings, r);
    };
    const marks = cellMarks(report.findings);
    const { result, record } = await this.write(async (ctx) => {
      const found = await survey(ctx, this.caps, old, marks);
      // Static fills (ExcelApi < 1.6) are recorded before they are written: see writeMarks.
      return writeMarks(ctx, this.caps, this.text, found, old, marks, save);
    });
    // Saving the settings is a write of its own (and the common API's writes are not undoable):
    // a record that did not change is not saved again.
    if (JSON.stringify(record) !== stored && !(await save(record))) result.warnings.push(this.text.recordNotSaved);
    return result;
  }

  async clearMarks(): Promise<void> {
    const old = loadRecord(this.env.settings);
    const { lockedSheets, kept, warnings } = await this.write(async (ctx) => {
      const found = await survey(ctx, this.caps, old, []);
      return clearAll(ctx, this.caps, this.text, found, old);
    });
    const unchanged = JSON.stringify(sortedRecord(kept)) === JSON.stringify(sortedRecord(old));
    const saved = unchanged || (await saveRecord(this.env.settings, kept));
    const problems = [...lockedSheets].map((s) => this.text.protectedSheetClear(s));
    problems.push(...warnings);
    if (!saved && Object.keys(kept.fills).length) problems.push(this.text.recordNotSaved);
    if (problems.length) throw new HostError(problems.join('\n'), 'warning');
  }

  writeSummary(report: Report): Promise<void> {
    return this.write((ctx) => writeSummarySheet(ctx, this.caps, this.text, report, this.clock()), SUMMARY_SHEET);
  }

  writeDraft(draft: Draft, sheetName: string = DRAFT_SHEET): Promise<void> {
    return this.write((ctx) => writeDraftSheet(ctx, this.caps, this.text, draft, sheetName), sheetName);
  }

  /**
   * The 全市比较图表 sheet: the charts' numbers and native charts over them (ExcelApi 1.1); the city
   * figure and the requirement drawn as lines over the columns from ExcelApi 1.7 (see charts.ts).
   */
  async writeCharts(charts: BatchCharts): Promise<ChartSheetResult> {
    let lines = false;
    try {
      lines = this.env.supports('1.7');
    } catch {
      lines = false;
    }
    const opts = { lines, widths: this.caps.protection };
    const { writeChartSheet } = await import(/* webpackChunkName: "charts" */ './charts');
    return this.write((ctx) => writeChartSheet(ctx, this.text, charts, opts), CHARTS_SHEET);
  }

  goTo(sheet: string, cell: string): Promise<void> {
    return this.read(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    }, sheet);
  }

  /**
   * Calls `listener` when the user changes a cell (ExcelApi 1.7+), never for the add-in's own
   * writes, nor for changes on the product's own sheets (校验结果 and the drafts): the ribbon's
   * 生成反馈 writes from a runtime of its own, whose writes this pane sees as events, and a user
   * typing a remark into 校验结果 is not an edit of the workbook's data. Returns a function that
   * stops listening, or null when this Excel has no change events.
   */
  async watchChanges(listener: () => void): Promise<(() => Promise<void>) | null> {
    let handlers;
    try {
      handlers = await subscribeChanges(this.env, this.caps, (args) => {
        if (this.busyWriting) return;
        void this.sheetName(args.worksheetId).then((name) => {
          if (name !== null && OWN_SHEETS.has(name)) return;
          if (!this.busyWriting) listener();
        });
      });
    } catch (e) {
      throw hostError(e, this.text);
    }
    if (!handlers) return null;
    return async () => {
      await Promise.all(handlers.map((h) => this.env.release(h).catch(() => undefined)));
    };
  }

  /** The name of the sheet with this id now (sheets can be renamed), or null when it cannot be read. */
  private sheetName(id: string): Promise<string | null> {
    return this.env
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(id).load('name');
        await ctx.sync();
        return ws.name;
      })
      .catch(() => null);
  }
}
