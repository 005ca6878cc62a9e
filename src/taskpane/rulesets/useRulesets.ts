/**
 * The rulesets the page or the pane checks with: the bundled one always, and at most one ruleset
 * file the user loaded, kept in this browser. A file with errors is never used; what happened is
 * said in a notice. Loading another file replaces the loaded one only when the new one can be used.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RulesetProblem } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import { loadWorkbookEngine, type FileLike } from '../file/readFiles';
import type { Engines } from '../file/types';
import { EngineUnavailable, readRulesetFile, safeCheck } from './check';
import { browserStorage, clearStored, readStored, writeStored } from './store';
import type { RulesetEngine } from './types';

export interface LoadedRuleset {
  ruleset: Ruleset;
  /** the file it was loaded from */
  file: string;
}

export type RulesetNotice =
  | { kind: 'reading'; file: string }
  | { kind: 'loaded'; ruleset: Ruleset; file: string; warnings: RulesetProblem[]; saved: boolean }
  | { kind: 'rejected'; file: string; problems: RulesetProblem[]; kept: Ruleset | null }
  | { kind: 'dropped'; file: string; problems: RulesetProblem[] }
  | { kind: 'removed'; ruleset: Ruleset }
  | { kind: 'failed'; message: string };

export interface RulesetsState {
  bundled: Ruleset;
  loaded: LoadedRuleset | null;
  /** in order of preference: the loaded one, then the bundled one (unless of the same version) */
  rulesets: readonly Ruleset[];
  notice: RulesetNotice | null;
  busy: boolean;
}

/** The ruleset kept in this browser, checked again; a broken one is dropped from storage. */
export function restoreRuleset(
  storage: Storage | null,
  engine: RulesetEngine,
  strings: Strings,
): { loaded: LoadedRuleset | null; notice: RulesetNotice | null } {
  const stored = readStored(storage);
  if (!stored) return { loaded: null, notice: null };
  const checked = safeCheck(() => engine.checkJson(stored.json), strings);
  if (checked.ruleset) return { loaded: { ruleset: checked.ruleset, file: stored.file }, notice: null };
  clearStored(storage);
  return { loaded: null, notice: { kind: 'dropped', file: stored.file, problems: checked.problems } };
}

/** The rulesets to check with: the user's first, then the bundled unless the user's replaces it. */
export function rulesetsOf(loaded: LoadedRuleset | null, engine: RulesetEngine): Ruleset[] {
  if (!loaded) return [engine.bundled];
  return loaded.ruleset.version === engine.bundled.version ? [loaded.ruleset] : [loaded.ruleset, engine.bundled];
}

export function useRulesets(
  engine: RulesetEngine,
  engines: Engines,
  strings: Strings,
  storage: Storage | null = browserStorage(),
) {
  const [initial] = useState(() => restoreRuleset(storage, engine, strings));
  const [loaded, setLoaded] = useState<LoadedRuleset | null>(initial.loaded);
  const [notice, setNotice] = useState<RulesetNotice | null>(initial.notice);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const current = useRef(loaded);
  current.current = loaded;

  const rulesets = useMemo(() => rulesetsOf(loaded, engine), [loaded, engine]);

  const load = useCallback(
    async (file: FileLike) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setNotice({ kind: 'reading', file: file.name });
      try {
        const checked = await readRulesetFile(file, () => loadWorkbookEngine(engines), engine, strings);
        if (!checked.ruleset || !checked.doc) {
          const kept = current.current?.ruleset ?? null;
          setNotice({ kind: 'rejected', file: file.name, problems: checked.problems, kept });
          return;
        }
        const saved = writeStored(storage, { json: engine.rulesetJson(checked.doc), file: file.name });
        setLoaded({ ruleset: checked.ruleset, file: file.name });
        setNotice({ kind: 'loaded', ruleset: checked.ruleset, file: file.name, warnings: checked.problems, saved });
      } catch (e) {
        const message =
          e instanceof EngineUnavailable
            ? strings.file.moduleFailed
            : strings.rulesets.checkFailed(e instanceof Error ? e.message : String(e));
        setNotice({ kind: 'failed', message });
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [engine, engines, strings, storage],
  );

  const remove = useCallback(() => {
    const was = current.current;
    if (!was || running.current) return;
    clearStored(storage);
    setLoaded(null);
    setNotice({ kind: 'removed', ruleset: was.ruleset });
  }, [storage]);

  const state: RulesetsState = { bundled: engine.bundled, loaded, rulesets, notice, busy };
  return { state, rulesets, load, remove };
}
