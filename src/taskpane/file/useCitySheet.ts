/**
 * In Excel, the reviewer's city-wide draft: read the district workbooks chosen in the pane (in
 * the browser, nothing uploaded), draft the city-wide feedback, write it into a sheet of the open
 * workbook (全市反馈意见（初稿）).
 */
import { useCallback, useRef, useState } from 'react';
import type { Ruleset } from '../../core/params';
import type { Report } from '../../core/types';
import { CITY_DRAFT_SHEET, type WorkbookHost } from '../../hosts/host';
import type { Strings } from '../../i18n';
import { UserError, describeError } from '../errors';
import { ModuleLoadError, breathe, loadWorkbookEngine, readOne, type FileLike } from './readFiles';
import type { BatchEntry, Engines, WorkbookEngine } from './types';
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
  opts: { ruleset: Ruleset; now: () => Date },
) {
  const [state, setState] = useState<CitySheetState>(IDLE);
  const running = useRef(false);
  const { ruleset, now } = opts;

  const run = useCallback(
    async (files: readonly FileLike[]) => {
      if (running.current || !files.length) return;
      running.current = true;
      const bad: BatchEntry[] = [];
      setState({ ...IDLE, busy: { done: 0, total: files.length, current: files[0]!.name } });
      try {
        let engine: Promise<WorkbookEngine> | null = null;
        const load = () => (engine ??= loadWorkbookEngine(engines));
        const reports: Report[] = [];
        for (const [i, file] of files.entries()) {
          setState((s) => ({ ...s, busy: { done: i, total: files.length, current: file.name } }));
          const outcome = await readOne(file, load, { ruleset, now, annotate: false, strings });
          if (outcome.status === 'checked') reports.push(outcome.report);
          else bad.push({ id: i + 1, file: file.name, outcome });
          await breathe();
        }
        if (reports.length < 2) throw new UserError(strings.city.tooFew(reports.length));
        let drafts;
        try {
          drafts = await engines.drafts();
        } catch {
          throw new ModuleLoadError();
        }
        setState((s) => ({ ...s, busy: 'writing', bad }));
        await host.writeDraft(drafts.cityDraft(reports, ruleset), CITY_DRAFT_SHEET);
        setState({ ...IDLE, bad, done: strings.city.done(reports.length) });
      } catch (e) {
        const error = e instanceof ModuleLoadError ? strings.file.moduleFailed : describeError(e, strings);
        setState({ ...IDLE, bad, error });
      } finally {
        running.current = false;
      }
    },
    [host, engines, strings, ruleset, now],
  );

  return { state, run };
}
