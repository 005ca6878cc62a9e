/**
 * In Excel, the reviewer's city-wide draft: read the district workbooks chosen in the pane (in
 * the browser, nothing uploaded), draft the city-wide feedback, write it into a sheet of the open
 * workbook (全市反馈意见（初稿）).
 */
import { useCallback, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import { CITY_DRAFT_SHEET, type WorkbookHost } from '../../hosts/host';
import type { Strings } from '../../i18n';
import { UserError, describeError } from '../errors';
import { ModuleLoadError, breathe, loadWorkbookEngine, readOne, type FileLike } from './readFiles';
import { classifyBatch } from '../../core/batch';
import type { BatchEntry, CheckedOutcome, Engines, WorkbookEngine } from './types';
import type { BatchProgress } from './useBatch';

export interface CitySheetState {
  /** reading files, or writing the sheet */
  busy: BatchProgress | 'writing' | null;
  /** the files that could not be checked, each with why */
  bad: BatchEntry[];
  error: string | null;
  done: string | null;
}

const IDLE: CitySheetState = { busy: null, bad: [], error: null, done: null };

export function useCitySheet(
  host: WorkbookHost,
  engines: Engines,
  strings: Strings,
  opts: { rulesets: readonly Ruleset[]; now: () => Date },
) {
  const [state, setState] = useState<CitySheetState>(IDLE);
  const running = useRef(false);
  const { rulesets, now } = opts;

  const run = useCallback(
    async (files: readonly FileLike[]) => {
      if (running.current || !files.length) return;
      running.current = true;
      const bad: BatchEntry[] = [];
      setState({ ...IDLE, busy: { done: 0, total: files.length, current: files[0]!.name } });
      try {
        let engine: Promise<WorkbookEngine> | null = null;
        const load = () => (engine ??= loadWorkbookEngine(engines));
        const checked: { file: string; modified?: number; outcome: CheckedOutcome }[] = [];
        for (const [i, file] of files.entries()) {
          setState((s) => ({ ...s, busy: { done: i, total: files.length, current: file.name } }));
          const outcome = await readOne(file, load, { rulesets, now, annotate: false, strings });
          if (outcome.status === 'checked') checked.push({ file: file.name, modified: file.lastModified, outcome });
          else bad.push({ id: i + 1, file: file.name, outcome });
          await breathe();
        }
        // the batch as the command decides it: one workbook per district, of the city, year and ruleset of most
        const statuses = classifyBatch(checked.map((c) => ({ ...c, report: c.outcome.report })));
        const included = checked.filter((_, k) => statuses[k]!.included).map((c) => c.outcome);
        const others = checked
          .map((c, k) => {
            const s = statuses[k]!;
            return s.included ? '' : strings.city.leftOut(c.file, s.detail);
          })
          .filter(Boolean)
          .join('\n');
        const group = included[0] ? { ruleset: included[0].ruleset, reports: included.map((o) => o.report) } : null;
        if (!group || group.reports.length < 2) {
          throw new UserError([strings.city.tooFew(group?.reports.length ?? 0), others].filter(Boolean).join('\n'));
        }
        let drafts;
        try {
          drafts = await engines.drafts();
        } catch {
          throw new ModuleLoadError();
        }
        setState((s) => ({ ...s, busy: 'writing', bad }));
        await host.writeDraft(drafts.cityDraft(group.reports, group.ruleset), CITY_DRAFT_SHEET);
        const charts = await writeCharts(host, group, strings);
        setState({
          ...IDLE,
          bad,
          done: [strings.city.done(group.reports.length), charts, others].filter(Boolean).join('\n'),
        });
      } catch (e) {
        const error = e instanceof ModuleLoadError ? strings.file.moduleFailed : describeError(e, strings);
        setState({ ...IDLE, bad, error });
      } finally {
        running.current = false;
      }
    },
    [host, engines, strings, rulesets, now],
  );

  return { state, run };
}

/**
 * The batch's charts on a sheet of their own, when the host draws charts (Excel): what was
 * written, or why not. The chart data loads as a chunk of its own; a failure here leaves the
 * draft written and is said in a sentence.
 */
async function writeCharts(
  host: WorkbookHost,
  group: { reports: readonly Report[]; ruleset: Ruleset },
  strings: Strings,
): Promise<string> {
  if (!host.writeCharts) return '';
  try {
    const { batchCharts } = await import(/* webpackChunkName: "charts" */ '../../core/charts/data');
    const r = await host.writeCharts(batchCharts(group.reports, group.ruleset));
    if (r.charts === 0) return strings.charts.noCharts;
    return [strings.charts.sheetWritten(r.sheet, r.charts), r.lines ? '' : strings.charts.sheetNoLines]
      .filter(Boolean)
      .join('\n');
  } catch (e) {
    return describeError(e, strings);
  }
}
