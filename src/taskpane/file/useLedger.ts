/**
 * The reviewer's decisions on the batch's warnings (the review ledger 审核台账), kept in the
 * page's state while it is open (not stored: a reload starts from 确认问题 everywhere). Set one by
 * one on the page, or loaded from an edited ledger .xlsx: a row that matches no warning and every
 * problem of the file is shown, never dropped.
 */
import { useCallback, useState } from 'react';
import type { CityFinding } from '../../core/city';
import { LEDGER_TEXT } from '../../core/ledger';
import { decidedRows, findingKey, matchLedger, type Decided, type Decisions } from '../../core/review';
import type { Ruleset } from '../../core/ruleset/model';
import type { Finding, Report } from '../../core/types';
import type { Strings } from '../../i18n';
import type { Engines, LedgerEngine } from './types';

/** The ledger's workbook engine: the one given (tests), or the ExcelJS chunk. */
export function loadLedgerEngine(engines: Engines): Promise<LedgerEngine> {
  return engines.ledger
    ? engines.ledger()
    : import(/* webpackChunkName: "ledger" */ './ledgerEngine').then((m) => m.ledgerEngine);
}

export interface LedgerNotice {
  /** what was loaded */
  done: string | null;
  error: string | null;
  /** rows matching no warning, bad 审核意见, a missing header… each a sentence */
  problems: string[];
}

const QUIET: LedgerNotice = { done: null, error: null, problems: [] };

export function useLedger(engines: Engines, strings: Strings) {
  const [decisions, setDecisions] = useState<Decisions>(() => new Map());
  const [notice, setNotice] = useState<LedgerNotice>(QUIET);
  const [loading, setLoading] = useState(false);

  const decide = useCallback((code: string, f: Finding, d: Decided) => {
    setDecisions((old) => new Map(old).set(findingKey(code, f), d));
  }, []);

  /** Reads an edited ledger and applies its decisions to the matching warnings of `reports`. */
  const load = useCallback(
    async (file: File, reports: readonly Report[]) => {
      setLoading(true);
      setNotice(QUIET);
      try {
        const engine = await loadLedgerEngine(engines).catch(() => {
          throw new Error(strings.file.moduleFailed);
        });
        const { rows, problems } = await engine.read(new Uint8Array(await file.arrayBuffer()));
        const matched = matchLedger(reports, rows);
        setDecisions((old) => new Map([...old, ...matched.decisions]));
        setNotice({
          done: strings.ledger.loaded(file.name, matched.decisions.size),
          error: null,
          problems: [...problems, ...matched.unmatched.map(LEDGER_TEXT.unmatched)],
        });
      } catch (e) {
        // an UnreadableError's message is its reason in Chinese (hosts/file/load)
        const reason = e instanceof Error ? e.message : String(e);
        setNotice({ done: null, error: strings.ledger.unreadable(file.name, reason), problems: [] });
      } finally {
        setLoading(false);
      }
    },
    [engines, strings],
  );

  const reset = useCallback(() => {
    setDecisions(new Map());
    setNotice(QUIET);
  }, []);

  return { decisions, decide, load, loading, notice, reset };
}

/** The batch as the reviewer decided, for the drafts and the .zip. */
export interface ReviewedBatch {
  /** each included entry's report with the decisions applied, by entry id */
  reports: ReadonlyMap<number, Report>;
  /** the reviewed reports of the city's batch, in the entries' order */
  cityReports: Report[];
  ruleset: Ruleset | null;
  comparisons: CityFinding[];
  /** the ledger as it stands (every warning of the included workbooks) */
  rows: ReturnType<typeof decidedRows>;
}
