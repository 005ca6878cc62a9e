/**
 * The file mode: the task pane as a plain page over .xlsx files, for a browser outside Office
 * or when Excel's add-in platform cannot be reached. Its UI is a chunk of its own, so that the
 * pane inside Excel does not carry it.
 */
import type { Root } from 'react-dom/client';
import type { Strings } from '../i18n';
import { ErrorScreen, Loading } from './components/BootScreens';
import { ErrorBoundary } from './components/ErrorBoundary';
import { loadRulesetEngine, type RulesetEngine } from './rulesets/types';

/** Switches the page to the file mode. */
export async function startFileMode(root: Root, strings: Strings): Promise<void> {
  document.title = `${strings.app.title} · ${strings.boot.fileModeTitle}`;
  document.documentElement.lang = strings.locale;
  root.render(<Loading strings={strings} label={strings.file.loading} />);
  let FileApp: typeof import('./FileApp').FileApp;
  let engine: RulesetEngine;
  try {
    [{ FileApp }, engine] = await Promise.all([
      import(/* webpackChunkName: "filemode" */ './FileApp'),
      loadRulesetEngine(),
    ]);
  } catch {
    root.render(<ErrorScreen strings={strings} message={strings.file.moduleFailed} />);
    return;
  }
  root.render(
    <ErrorBoundary strings={strings}>
      <FileApp strings={strings} engine={engine} />
    </ErrorBoundary>,
  );
}
