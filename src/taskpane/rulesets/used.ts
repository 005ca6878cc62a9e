/**
 * Which ruleset checked a workbook: checkWorkbook chooses it (the user's, the bundled one of the
 * workbook's 模板版本, or the one the workbook carries) and says its version in the report; the
 * drafts need the ruleset itself.
 */
import { chooseRuleset } from '../../core/ruleset';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report, WorkbookSnapshot } from '../../core/types';

/** The ruleset of the report's version among those given, if it is one of them. */
export function knownRuleset(report: Report, available: readonly Ruleset[]): Ruleset | undefined {
  if (report.status !== 'checked') return undefined;
  return available.find((r) => r.version === report.rulesetVersion);
}

/**
 * The ruleset that checked the workbook of `report` (the same choice again: a carried ruleset is
 * compiled once, core keeps it); null when none did, as for a workbook that is not a template.
 */
export function rulesetUsed(report: Report, snapshot: WorkbookSnapshot, available: readonly Ruleset[]): Ruleset | null {
  if (report.status !== 'checked') return null;
  const known = knownRuleset(report, available);
  if (known) return known;
  const choice = chooseRuleset(snapshot, available);
  return 'ruleset' in choice && choice.ruleset.version === report.rulesetVersion ? choice.ruleset : null;
}
