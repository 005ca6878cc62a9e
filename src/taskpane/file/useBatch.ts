/**
 * The files the user gave in file mode and what became of each. Files are read one after the
 * other (files given while others are being read wait their turn), in a Web Worker where the
 * browser has one; each result is shown as soon as it is known. A file given again under the same name replaces the earlier one. When the
 * rulesets change, `recheck` reads every file again with the new ones; `remove` drops one file.
 */
import { startTransition, useCallback, useRef, useState } from 'react';
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

/** `entries` with `entry` in place of the one of the same file name, or added at the end. */
export function upsert(entries: readonly BatchEntry[], entry: BatchEntry): BatchEntry[] {
  const at = entries.findIndex((e) => e.file === entry.file);
  if (at < 0) return [...entries, entry];
  const next = [...entries];
  next[at] = { ...entry, id: entries[at]!.id };
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
  const { rulesets, now } = opts;

  const add = useCallback(
    (given: readonly FileLike[]) => {
      if (!given.length) return;
      for (const f of given) files.current.set(f.name, f);
      // the list as it is now: a later change of `files` is not this round's
      const list = [...given];
      const gen = generation.current;
      round.current.total += list.length;
      setError(null);
      setProgress({ ...round.current, current: list[0]!.name });
      let engine: Promise<WorkbookEngine> | null = null;
      // a Web Worker where the browser has one: the page stays responsive, keeps no workbook's bytes
      const load = () => (engine ??= loadBatchEngine(engines));
      queue.current = queue.current.then(async () => {
        try {
          for (const file of list) {
            if (gen !== generation.current) return;
            setProgress({ ...round.current, current: file.name });
            const outcome = await readOne(file, load, { rulesets, now, annotate: true, strings });
            if (gen !== generation.current) return;
            round.current.done++;
            const entry: BatchEntry = { id: nextId.current++, file: file.name, outcome };
            if (file.lastModified !== undefined) entry.modified = file.lastModified;
            // a render the page may interrupt: a long table never blocks it while files come in
            startTransition(() => setEntries((prev) => upsert(prev, entry)));
            // checked on the page's thread: let it paint between two files
            if (!(await load()).checkFile) await breathe();
          }
        } catch (e) {
          round.current.done = round.current.total;
          setError(e instanceof ModuleLoadError ? strings.file.moduleFailed : describeError(e, strings));
        } finally {
          if (gen === generation.current && round.current.done >= round.current.total) {
            round.current = { done: 0, total: 0 };
            setProgress(null);
          }
        }
      });
    },
    [engines, strings, rulesets, now],
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
    files.current.clear();
    round.current = { done: 0, total: 0 };
    setEntries([]);
    setProgress(null);
    setError(null);
  }, []);

  return { entries, progress, error, add, recheck, remove, clear };
}
