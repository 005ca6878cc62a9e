/** What the task pane asks of the ruleset engine (engine.ts, loaded as a chunk of its own). */
import type { RulesetDoc, RulesetProblem } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report, WorkbookSnapshot } from '../../core/types';

export interface RulesetCheck {
  /** the ruleset, when it can be used */
  ruleset: Ruleset | null;
  doc: RulesetDoc | null;
  problems: RulesetProblem[];
}

export interface RulesetEngine {
  /** ruleset 2025.1, as the product ships it */
  bundled: Ruleset;
  /**
   * Checks a document read from a file (its reading problems first); the ruleset only when it
   * has no error. Throws only when the checker itself fails (callers say so in a sentence).
   */
  checkRead(read: { doc: RulesetDoc | null; problems: readonly RulesetProblem[] }): RulesetCheck;
  /** The JSON form, as a file holds it or as this browser kept it. */
  checkJson(text: string): RulesetCheck;
  /** The JSON form of a document, as it is kept. */
  rulesetJson(doc: RulesetDoc): string;
  /**
   * Checks a workbook with the ruleset of its 模板版本 among `rulesets` (the user's first) or
   * the one it carries; with that ruleset, or null when none could check it.
   */
  check(
    snapshot: WorkbookSnapshot,
    rulesets: readonly Ruleset[],
    now?: Date,
  ): { report: Report; ruleset: Ruleset | null };
}

/** The engine chunk, fetched once. */
let loading: Promise<RulesetEngine> | null = null;

export function loadRulesetEngine(): Promise<RulesetEngine> {
  loading ??= import(/* webpackChunkName: "engine" */ './engine').then((m) => m.rulesetEngine);
  // a failed fetch may be retried
  loading.catch(() => (loading = null));
  return loading;
}
