/**
 * The ribbon's 生成反馈 button (ExecuteFunction): validate the workbook and write the
 * 反馈意见（初稿） sheet, without opening the task pane.
 */
import { DEFAULT_RULESET } from '../core/params';
import { validate } from '../core/validate';
import { ExcelHost, officeEnv } from '../hosts/excel';
import { stringsFor } from '../i18n';
import { loadDraftMaker } from './draft';
import { describeError } from './errors';

interface CommandEvent {
  completed(): void;
}

export async function generateFeedback(event: CommandEvent): Promise<void> {
  const strings = stringsFor(Office.context.displayLanguage);
  const host = new ExcelHost(officeEnv(), strings.host);
  try {
    const report = validate(await host.readSnapshot(), DEFAULT_RULESET);
    const makeDraft = await loadDraftMaker();
    await host.writeDraft(makeDraft(report, DEFAULT_RULESET));
  } catch (e) {
    // A command has no pane to speak in: the draft sheet says what went wrong.
    const text = strings.draftSheet.failed(describeError(e, strings));
    await host.writeDraft({ title: text, blocks: [{ style: 'h1', text }] }).catch(() => undefined);
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => Office.actions.associate('generateFeedback', generateFeedback));
}
