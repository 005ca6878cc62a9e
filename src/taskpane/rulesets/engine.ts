/**
 * The ruleset engine of the page and the pane: the bundled ruleset, checking ruleset documents,
 * checking a workbook with the ruleset of its version. It is a chunk of its own (the rulesets,
 * their compiler and the validation): the pane's first script stays small, and boot loads this
 * while office.js loads. Everything else in the task pane reaches it through RulesetEngine.
 */
import { bundledRuleset, checkRuleset, parseRulesetJson, rulesetJson } from '../../core/ruleset';
import type { RulesetDoc, RulesetProblem } from '../../core/ruleset/doc';
import { checkWorkbook } from '../../core/validate';
import { fileProblem } from './problems';
import type { RulesetCheck, RulesetEngine } from './types';
import { rulesetUsed } from './used';

/** Checks a document read from a file (its reading problems first). */
function checkRead(read: { doc: RulesetDoc | null; problems: readonly RulesetProblem[] }): RulesetCheck {
  if (!read.doc) return { ruleset: null, doc: null, problems: [...read.problems] };
  const checked = checkRuleset(read.doc);
  const problems = [...read.problems, ...checked.problems];
  const ruleset = problems.some((p) => p.level === 'error') ? null : checked.ruleset;
  return { ruleset, doc: read.doc, problems };
}

export const rulesetEngine: RulesetEngine = {
  bundled: bundledRuleset(),
  checkRead,
  checkJson(text) {
    const { doc, problem } = parseRulesetJson(text);
    return checkRead({ doc, problems: problem ? [fileProblem(problem)] : [] });
  },
  rulesetJson,
  check(snapshot, rulesets, now) {
    const report = checkWorkbook(snapshot, rulesets, now ? { now } : {});
    return { report, ruleset: rulesetUsed(report, snapshot, rulesets) };
  },
};
