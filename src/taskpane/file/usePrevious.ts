/**
 * Last year's returned workbooks on the page (issue 13), as `check --previous` takes them: each
 * read with its own ruleset (the one of its 模板版本 among the page's, or the one it carries),
 * matched to this year's by 行政区划代码; this year's reports then get the notices of the
 * comparison (core/years), and their annotated copies and drafts with them. This year's files are
 * not read again when the check kept what it read; a file that cannot be used is one line.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ruleset } from '../../core/ruleset/model';
import type { Candidate } from '../../core/years/match';
import type { LastYear } from '../../core/years/previous';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { ModuleLoadError, breathe, loadWorkbookEngine, readOne, type FileLike } from './readFiles';
import { isChecked, type BatchEntry, type CheckedOutcome, type Engines, type WorkbookEngine } from './types';
import { upsert } from './useBatch';
import { bytesOf, candidatesOf, lastYearFor, lastYearLines, loadYearsEngine, sourceOf } from './years';

/** The files given on the page by name (the last one of a name), to read again when needed. */
export function useGivenFiles() {
  const files = useRef(new Map<string, FileLike>());
  const remember = useCallback((given: readonly FileLike[]) => {
    for (const f of given) files.current.set(f.name, f);
  }, []);
  const fileOf = useCallback((name: string) => files.current.get(name), []);
  const forget = useCallback(() => files.current.clear(), []);
  return { remember, fileOf, forget };
}

export interface PreviousOptions {
  rulesets: readonly Ruleset[];
  now: () => Date;
}

/** Last year's files: read one after the other, each an entry; read again when the rulesets change. */
export function usePrevious(engines: Engines, strings: Strings, opts: PreviousOptions) {
  const [entries, setEntries] = useState<BatchEntry[]>([]);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const files = useRef(new Map<string, FileLike>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const nextId = useRef(1);
  const generation = useRef(0);
  const { rulesets, now } = opts;

  const add = useCallback(
    (given: readonly FileLike[]) => {
      if (!given.length) return;
      for (const f of given) files.current.set(f.name, f);
      const list = [...given];
      const gen = generation.current;
      setError(null);
      setReading(list[0]!.name);
      let engine: Promise<WorkbookEngine> | null = null;
      const load = () => (engine ??= loadWorkbookEngine(engines));
      queue.current = queue.current.then(async () => {
        try {
          for (const file of list) {
            if (gen !== generation.current) return;
            setReading(file.name);
            const outcome = await readOne(file, load, { rulesets, now, annotate: false, strings });
            if (gen !== generation.current) return;
            setEntries((prev) => upsert(prev, { id: nextId.current++, file: file.name, outcome }));
            await breathe();
          }
        } catch (e) {
          setError(e instanceof ModuleLoadError ? strings.file.moduleFailed : describeError(e, strings));
        } finally {
          if (gen === generation.current) setReading(null);
        }
      });
    },
    [engines, strings, rulesets, now],
  );

  // read again with the page's rulesets when they change
  const readWith = useRef(rulesets);
  useEffect(() => {
    if (readWith.current === rulesets) return;
    readWith.current = rulesets;
    if (files.current.size) add([...files.current.values()]);
  }, [rulesets, add]);

  const remove = useCallback((id: number) => {
    setEntries((prev) => {
      const gone = prev.find((e) => e.id === id);
      if (gone) files.current.delete(gone.file);
      return prev.filter((e) => e.id !== id);
    });
  }, []);

  const clear = useCallback(() => {
    generation.current++;
    files.current.clear();
    setEntries([]);
    setReading(null);
    setError(null);
  }, []);

  const candidates = useMemo(() => candidatesOf(entries), [entries]);
  return { entries, candidates, reading, error, add, remove, clear };
}

interface Applied {
  /** the workbook of last year it was compared with */
  last: Candidate<LastYear>;
  /** this year's outcome with the notices, or null when the comparison failed */
  outcome: CheckedOutcome | null;
  error?: string;
}

/**
 * This year's entries with last year's notices added to the reports of the districts that have a
 * workbook of last year (computed in the years chunk, one at a time, as soon as both are read),
 * and what was not used, one line each.
 */
export function useLastYearNotices(
  engines: Engines,
  strings: Strings,
  thisYear: readonly BatchEntry[],
  previous: readonly BatchEntry[],
  candidates: readonly Candidate<LastYear>[],
  fileOf: (name: string) => FileLike | undefined,
) {
  const done = useRef(new WeakMap<CheckedOutcome, Applied>());
  const pending = useRef(new Set<CheckedOutcome>());
  const latest = useRef(candidates);
  latest.current = candidates;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [version, setVersion] = useState(0);
  const [comparing, setComparing] = useState(0);

  useEffect(() => {
    for (const e of thisYear) {
      if (!isChecked(e)) continue;
      const base = e.outcome;
      const last = lastYearFor(base.report.district, candidates);
      if (!last || done.current.get(base)?.last === last || pending.current.has(base)) continue;
      pending.current.add(base);
      setComparing((n) => n + 1);
      queue.current = queue.current.then(async () => {
        // the candidates as they are now: a file of last year may have come or gone meanwhile
        const now = lastYearFor(base.report.district, latest.current);
        try {
          if (now) done.current.set(base, await compare(base, e.file, now));
        } catch (err) {
          if (now) done.current.set(base, { last: now, outcome: null, error: describeError(err, strings) });
        } finally {
          pending.current.delete(base);
          setComparing((n) => n - 1);
          setVersion((v) => v + 1);
        }
      });
    }

    async function compare(base: CheckedOutcome, file: string, last: Candidate<LastYear>): Promise<Applied> {
      const years = await loadYearsEngine(engines);
      const source = await sourceOf({ id: 0, file, outcome: base }, fileOf(file));
      if (!source) throw new Error(strings.file.readFailed);
      const notices = await years.lastYearNotices(source, base.report, base.ruleset, last, {});
      const report = years.withFindings(base.report, notices, base.ruleset);
      let copy: Promise<Uint8Array> | null = null;
      const annotated = async () => {
        if (base.annotatedWith) return base.annotatedWith(notices);
        const bytes = 'bytes' in source ? source.bytes : await bytesOf(fileOf(file));
        if (!bytes) throw new Error(strings.file.readFailed);
        return years.annotated(bytes, report);
      };
      const outcome: CheckedOutcome = { ...base, report, annotated: () => (copy ??= annotated()) };
      return { last, outcome };
    }
  }, [engines, strings, thisYear, candidates, fileOf, version]);

  const entries = useMemo(
    () =>
      thisYear.map((e) => {
        if (!isChecked(e)) return e;
        const last = lastYearFor(e.outcome.report.district, candidates);
        const applied = last ? done.current.get(e.outcome) : undefined;
        return applied?.outcome && applied.last === last ? { ...e, outcome: applied.outcome } : e;
      }),
    // version: a comparison finished
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [thisYear, candidates, version],
  );

  const lines = useMemo(() => {
    const current = thisYear.filter(isChecked);
    const { unused, without } = lastYearLines(
      previous,
      current.map((e) => e.outcome.report.district),
      strings,
    );
    const failed = current.flatMap((e) => {
      const applied = done.current.get(e.outcome);
      return applied?.error ? [`${e.file}${strings.file.colon}${strings.years.compareFailed(applied.error)}`] : [];
    });
    return { unused, without, failed };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thisYear, previous, strings, version]);

  return { entries, comparing: comparing > 0, lines };
}
