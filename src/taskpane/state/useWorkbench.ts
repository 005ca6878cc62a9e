/**
 * The pane's work: validate, mark, write the sheets, clear, go to a cell. One task at a time;
 * every failure ends as a readable message. A workbook is checked with the ruleset of its
 * 模板版本 among those given (the user's, then the bundled), or with the one it carries; when the
 * rulesets change, a workbook already validated is validated again.
 *
 * 清除标注 pauses live validation: the next edit must not bring the marks straight back. Clicking
 * 校验 resumes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Finding, Report } from '../../core/types';
import type { MarkResult, WorkbookHost } from '../../hosts/host';
import type { Strings } from '../../i18n';
import type { DraftMaker } from '../draft';
import { UserError, describeError, isWarning } from '../errors';
import type { RulesetEngine } from '../rulesets/types';

export type Task = 'validate' | 'live' | 'summary' | 'draft' | 'clear';

export interface WorkbenchState {
  busy: Task | null;
  report: Report | null;
  /** the ruleset that checked the report; null when none could */
  ruleset: Ruleset | null;
  marks: MarkResult | null;
  /** the last failure, in words */
  error: string | null;
  /** a failure that is only a warning (e.g. a protected sheet kept its marks) */
  warning: string | null;
  /** what the last action achieved */
  done: string | null;
}

export interface WorkbenchOptions {
  engine: RulesetEngine;
  /** in order of preference: the user's, then the bundled */
  rulesets: readonly Ruleset[];
  loadDraftMaker: () => Promise<DraftMaker>;
  now?: () => Date;
}

const IDLE: WorkbenchState = {
  busy: null,
  report: null,
  ruleset: null,
  marks: null,
  error: null,
  warning: null,
  done: null,
};

export function useWorkbench(host: WorkbookHost, strings: Strings, opts: WorkbenchOptions) {
  const [state, setState] = useState<WorkbenchState>(IDLE);
  const busy = useRef(false);
  /** set by 清除标注, cleared by 校验: live validation waits meanwhile */
  const livePaused = useRef(false);
  const { engine, rulesets, loadDraftMaker, now } = opts;

  /** Runs one task; returns false when another is running. */
  const run = useCallback(
    async (task: Task, work: () => Promise<Partial<WorkbenchState>>): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setState((s) => ({ ...s, busy: task, error: null, warning: null, done: task === 'live' ? s.done : null }));
      try {
        const result = await work();
        setState((s) => ({ ...s, ...result, busy: null }));
      } catch (e) {
        const message = describeError(e, strings);
        setState((s) => ({ ...s, busy: null, ...(isWarning(e) ? { warning: message } : { error: message }) }));
      } finally {
        busy.current = false;
      }
      return true;
    },
    [strings],
  );

  const check = useCallback(async () => {
    const snapshot = await host.readSnapshot();
    const { report, ruleset } = engine.check(snapshot, rulesets, now?.());
    const marks = await host.markFindings(report);
    return { report, ruleset, marks };
  }, [host, engine, rulesets, now]);

  const validateNow = useCallback(() => {
    livePaused.current = false;
    return run('validate', check);
  }, [run, check]);
  // true (handled) while paused: nothing to run, nothing to retry
  const revalidate = useCallback(() => (livePaused.current ? Promise.resolve(true) : run('live', check)), [run, check]);

  // other rulesets (one loaded or removed): the workbook on screen is validated again with them
  const validated = state.report !== null;
  const checkedWith = useRef(rulesets);
  useEffect(() => {
    if (checkedWith.current === rulesets) return;
    checkedWith.current = rulesets;
    if (validated && !livePaused.current) void run('validate', check);
  }, [rulesets, validated, run, check]);

  const needReport = useCallback(
    (task: Task, work: (report: Report) => Promise<Partial<WorkbenchState>>) =>
      run(task, async () => {
        if (!state.report) throw new Error(strings.errors.needValidation);
        return work(state.report);
      }),
    [run, state.report, strings],
  );

  const writeSummary = useCallback(
    () =>
      needReport('summary', async (report) => {
        await host.writeSummary(report);
        return { done: strings.done.summary };
      }),
    [needReport, host, strings],
  );

  const writeDraft = useCallback(
    () =>
      needReport('draft', async (report) => {
        const ruleset = state.ruleset;
        if (!ruleset) throw new UserError(strings.errors.noRuleset);
        let make: DraftMaker;
        try {
          make = await loadDraftMaker();
        } catch {
          throw new Error(strings.errors.draftModule);
        }
        await host.writeDraft(make(report, ruleset));
        return { done: strings.done.draft };
      }),
    [needReport, host, strings, loadDraftMaker, state.ruleset],
  );

  const clearMarks = useCallback(
    () =>
      run('clear', async () => {
        livePaused.current = true;
        await host.clearMarks();
        return { done: `${strings.done.clear}${strings.done.livePaused}`, marks: null };
      }),
    [run, host, strings],
  );

  const goTo = useCallback(
    async (f: Finding) => {
      try {
        await host.goTo(f.sheet, f.cell);
      } catch (e) {
        setState((s) => ({ ...s, error: describeError(e, strings) }));
      }
    },
    [host, strings],
  );

  return { state, validate: validateNow, revalidate, writeSummary, writeDraft, clearMarks, goTo };
}
