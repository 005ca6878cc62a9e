/**
 * The ribbon's 生成反馈 button (ExecuteFunction): validate the workbook and write the
 * 反馈意见（初稿） sheet, without opening the task pane. It checks with the same rulesets as the
 * pane: a ruleset file loaded in the pane (kept in this browser), then the bundled one, or the
 * ruleset the workbook carries.
 */
import { ExcelHost, officeEnv } from '../hosts/excel';
import { stringsFor } from '../i18n';
import { loadDraftMaker } from './draft';
import { UserError, describeError } from './errors';
import { rulesetEngine as engine } from './rulesets/engine';
import { browserStorage } from './rulesets/store';
import { restoreRuleset, rulesetsOf } from './rulesets/useRulesets';

interface CommandEvent {
  completed(): void;
}

export async function generateFeedback(event: CommandEvent): Promise<void> {
  const strings = stringsFor(Office.context.displayLanguage);
  const host = new ExcelHost(officeEnv(), strings.host);
  try {
    const rulesets = rulesetsOf(restoreRuleset(browserStorage(), engine, strings).loaded, engine);
    const { report, ruleset } = engine.check(await host.readSnapshot(), rulesets);
    // a workbook no ruleset can check: the reason, as the pane would show it
    if (!ruleset) throw new UserError(report.findings[0]?.message ?? strings.errors.noRuleset);
    const makeDraft = await loadDraftMaker();
    await host.writeDraft(makeDraft(report, ruleset));
  } catch (e) {
    // A command has no pane to speak in: the draft sheet says what went wrong.
    const text = strings.draftSheet.failed(describeError(e, strings));
    await host.writeDraft({ title: text, blocks: [{ style: 'h1', text }] }).catch(() => undefined);
  } finally {
    event.completed();
  }
}

// Registered at the top level, as soon as this script runs (commands.html loads office.js first):
// Office looks the function up when the button is clicked, which may be before onReady has
// resolved; registering inside onReady leaves a click with no function to run. onReady is still
// called, as Office wants it called.
if (typeof Office !== 'undefined') {
  Office.actions?.associate('generateFeedback', generateFeedback);
  void Office.onReady();
}
