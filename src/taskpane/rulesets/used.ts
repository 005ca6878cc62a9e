/**
 * Which ruleset checked a workbook: checkWorkbook chooses it (the user's, the bundled one of the
 * workbook's 模板版本, or the one the workbook carries) and says its version in the report; the
 * drafts need the ruleset itself.
 */
import { carriedDoc, checkRuleset } from '../../core/ruleset';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report, WorkbookSnapshot } from '../../core/types';

/** The ruleset of the report's version among those given, if it is one of them. */
export function knownRuleset(report: Report, available: readonly Ruleset[]): Ruleset | undefined {
  if (report.status !== 'checked') return undefined;
  return available.find((r) => r.version === report.rulesetVersion);
}

/** The last carried ruleset compiled, by its text: live validation reads the same copy again and again. */
let last: { text: string; ruleset: Ruleset | null } | null = null;

/** The usable ruleset a workbook carries in its very hidden sheet, or null. */
export function carriedRuleset(snapshot: WorkbookSnapshot): Ruleset | null {
  const doc = carriedDoc(snapshot);
  if (!doc) return null;
  const text = JSON.stringify(doc);
  if (last?.text !== text) {
    let ruleset: Ruleset | null = null;
    try {
      ruleset = checkRuleset(doc).ruleset;
    } catch {
      ruleset = null;
    }
    last = { text, ruleset };
  }
  return last.ruleset;
}

/** The ruleset that checked the workbook of `report`; null when none did (not a template). */
export function rulesetUsed(report: Report, snapshot: WorkbookSnapshot, available: readonly Ruleset[]): Ruleset | null {
  if (report.status !== 'checked') return null;
  const known = knownRuleset(report, available);
  if (known) return known;
  const carried = carriedRuleset(snapshot);
  return carried?.version === report.rulesetVersion ? carried : null;
}
