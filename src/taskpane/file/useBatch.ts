/**
 * The files the user gave in file mode and what became of each. Files are read one after the
 * other (files given while others are being read wait their turn), in a Web Worker where the
 * browser has one. Results and progress reach the page together, at most every `flushMs` (100 ms,
 * longer as the list grows, up to a second; at once when a round ends): a batch of 1,000 files is
 * a few hundred renders of the page, not two per file. A file given again under the same name replaces the earlier one. When the
 * rulesets change, `recheck` reads every file again with the new ones; `remove` drops one file.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { ModuleLoadError, breathe, loadBatchEngine, readOne, type FileLike } from './readFiles';
import type { BatchEntry, Engines, WorkbookEngine } from './types';

export interface BatchProgress {
  /** files finished in this round */
  done: number;
  total: number;
  current: string;
}

export interface BatchOptions {
  rulesets: readonly Ruleset[];
  now: () => Date;
}

/** How often, at most, results read meanwhile are shown (ms): every 100 ms, up to once a second for a long list. */
export function flushMs(shown: number): number {
  return Math.min(1000, Math.max(100, shown));
}

/** `entries` with `entry` in place of the one of the same file name, or added at the end. */
export function upsert(entries: readonly BatchEntry[], entry: BatchEntry): BatchEntry[] {
  return upsertAll(entries, [entry]);
}

/** `entries` with each of `given` in place of the one of its file name, or added at the end, in one pass. */
export function upsertAll(entries: readonly BatchEntry[], given: readonly BatchEntry[]): BatchEntry[] {
  if (!given.length) return entries as BatchEntry[];
  const next = [...entries];
  const at = new Map(next.map((e, i) => [e.file, i]));
  for (const entry of given) {
    const i = at.get(entry.file);
    if (i === undefined) {
      at.set(entry.file, next.length);
      next.push(entry);
    } else next[i] = { ...entry, id: next[i]!.id };
  }
  return next;
}

export function useBatch(engines: Engines, strings: Strings, opts: BatchOptions) {
  const [entries, setEntries] = useState<BatchEntry[]>([]);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const round = useRef({ done: 0, total: 0 });
  const nextId = useRef(1);
  const generation = useRef(0);
  /** every file given since the last clear, by name (the last one of a name) */
  const files = useRef(new Map<string, FileLike>());
  /** results not yet shown, and the file being read, until the next flush */
  const pending = useRef<BatchEntry[]>([]);
  const current = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** how many entries the page shows (the longer the list, the rarer its renders) */
  const shownCount = useRef(0);
  const lastFlush = useRef(0);
  shownCount.current = entries.length;
  const { rulesets, now } = opts;

  /** Shows the results read since the last flush and where the round is, in one render the page may interrupt. */
  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    lastFlush.current = Date.now();
    const results = pending.current;
    pending.current = [];
    const shown: BatchProgress | null = round.current.total ? { ...round.current, current: current.current } : null;
    const apply = () => {
      if (results.length) setEntries((prev) => upsertAll(prev, results));
      setProgress(shown);
    };
    // a render the page may interrupt (a long table never blocks it), the end of the round too
    // (a batch of 1,000 ends with a render of all of it)
    startTransition(apply);
  }, []);

  // no flush after the page is gone
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  /** A flush now when the last was long enough ago, else when it will have been; none if one is due. */
  const later = useCallback(() => {
    if (timer.current !== null) return;
    const wait = lastFlush.current + flushMs(shownCount.current) - Date.now();
    if (wait <= 0) flush();
    else timer.current = setTimeout(flush, wait);
  }, [flush]);

  const add = useCallback(
    (given: readonly FileLike[]) => {
      if (!given.length) return;
      for (const f of given) files.current.set(f.name, f);
      // the list as it is now: a later change of `files` is not this round's
      const list = [...given];
      const gen = generation.current;
      round.current.total += list.length;
      current.current = list[0]!.name;
      setError(null);
      setProgress({ ...round.current, current: current.current });
      let engine: Promise<WorkbookEngine> | null = null;
      // a Web Worker where the browser has one: the page stays responsive, keeps no workbook's bytes
      const load = () => (engine ??= loadBatchEngine(engines));
      queue.current = queue.current.then(async () => {
        try {
          for (const file of list) {
            if (gen !== generation.current) return;
            current.current = file.name;
            later();
            const outcome = await readOne(file, load, { rulesets, now, annotate: true, strings });
            if (gen !== generation.current) return;
            round.current.done++;
            const entry: BatchEntry = { id: nextId.current++, file: file.name, outcome };
            if (file.lastModified !== undefined) entry.modified = file.lastModified;
            pending.current.push(entry);
            later();
            // checked on the page's thread: let it paint between two files
            if (!(await load()).checkFile) await breathe();
          }
        } catch (e) {
          round.current.done = round.current.total;
          setError(e instanceof ModuleLoadError ? strings.file.moduleFailed : describeError(e, strings));
        } finally {
          if (gen === generation.current && round.current.done >= round.current.total) {
            round.current = { done: 0, total: 0 };
            // the last results and the end of the round, at once
            flush();
          }
        }
      });
    },
    [engines, strings, rulesets, now, later, flush],
  );

  /** Every file again (after the rulesets changed); the files wait for any round under way. */
  const recheck = useCallback(() => add([...files.current.values()]), [add]);

  /** One file less: it is no longer shown, counted or read again. */
  const remove = useCallback((id: number) => {
    setEntries((prev) => {
      const gone = prev.find((e) => e.id === id);
      if (!gone) return prev;
      files.current.delete(gone.file);
      return prev.filter((e) => e.id !== id);
    });
  }, []);

  const clear = useCallback(() => {
    generation.current++;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = [];
    files.current.clear();
    round.current = { done: 0, total: 0 };
    setEntries([]);
    setProgress(null);
    setError(null);
  }, []);

  return { entries, progress, error, add, recheck, remove, clear };
}
