/**
 * 修改对照 on the page: two returns of one district (the earlier one superseded by the later),
 * every input cell changed (before → after) and the findings resolved, new and remaining — the
 * same as `duty-review diff` (core/years) — and the later one's annotated copy with the 修改对照 sheet.
 */
import { useCallback, useRef, useState } from 'react';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { MIME, saveBytes, type Saver } from './download';
import { checkedName } from './names';
import type { FileLike } from './readFiles';
import type { CheckedEntry, Engines } from './types';
import { bytesOf, loadYearsEngine, sourceOf, type ReturnPair } from './years';
import type { Changes, Return } from './yearsTypes';

export type PairState = { status: 'busy' } | { status: 'done'; changes: Changes } | { status: 'failed'; error: string };

/** A comparison, with the two results it was made of: a file read again is compared again. */
interface Shown {
  before: CheckedEntry['outcome'];
  after: CheckedEntry['outcome'];
  state: PairState;
}

export interface CopyState {
  busy: string | null;
  error: string | null;
  done: string | null;
}

export function useDiff(
  engines: Engines,
  strings: Strings,
  fileOf: (name: string) => FileLike | undefined,
  save: Saver = saveBytes,
) {
  const [shown, setShown] = useState<ReadonlyMap<string, Shown>>(new Map());
  const [copy, setCopy] = useState<CopyState>({ busy: null, error: null, done: null });
  const copying = useRef(false);

  const returnOf = useCallback(
    async (e: CheckedEntry): Promise<Return> => {
      const source = await sourceOf(e, fileOf(e.file));
      if (!source) throw new Error(strings.file.readFailed);
      return { file: e.file, report: e.outcome.report, source };
    },
    [fileOf, strings],
  );

  const changesOf = useCallback(
    async (pair: ReturnPair) => {
      const years = await loadYearsEngine(engines).catch(() => {
        throw new Error(strings.file.moduleFailed);
      });
      const [before, after] = await Promise.all([returnOf(pair.before), returnOf(pair.after)]);
      return { years, before, after, changes: await years.changes(before, after, pair.after.outcome.ruleset) };
    },
    [engines, strings, returnOf],
  );

  /** Compares the two returns of `pair` (once; shown until the page changes them). */
  const show = useCallback(
    async (pair: ReturnPair) => {
      const made = { before: pair.before.outcome, after: pair.after.outcome };
      setShown((m) => new Map(m).set(pair.key, { ...made, state: { status: 'busy' } }));
      let state: PairState;
      try {
        state = { status: 'done', changes: (await changesOf(pair)).changes };
      } catch (e) {
        state = { status: 'failed', error: describeError(e, strings) };
      }
      setShown((m) => new Map(m).set(pair.key, { ...made, state }));
    },
    [changesOf, strings],
  );

  /** What is shown of a pair: nothing once either of its files has been read again. */
  const stateOf = useCallback(
    (pair: ReturnPair): PairState | undefined => {
      const s = shown.get(pair.key);
      return s && s.before === pair.before.outcome && s.after === pair.after.outcome ? s.state : undefined;
    },
    [shown],
  );

  /** The later return's annotated copy with the 修改对照 sheet, as `diff --out` writes it. */
  const download = useCallback(
    async (pair: ReturnPair) => {
      if (copying.current) return;
      copying.current = true;
      setCopy({ busy: pair.key, error: null, done: null });
      try {
        const { years, before, after, changes } = await changesOf(pair);
        const bytes = await bytesOf(fileOf(pair.after.file));
        if (!bytes) throw new Error(strings.file.readFailed);
        const name = checkedName(pair.after.file);
        save(await years.changesCopy(before, { ...after, bytes }, changes), name, MIME.xlsx);
        setCopy({ busy: null, error: null, done: strings.file.saved(name) });
      } catch (e) {
        setCopy({ busy: null, error: describeError(e, strings), done: null });
      } finally {
        copying.current = false;
      }
    },
    [changesOf, fileOf, save, strings],
  );

  const reset = useCallback(() => {
    setShown(new Map());
    setCopy({ busy: null, error: null, done: null });
  }, []);

  return { stateOf, copy, show, download, reset };
}
