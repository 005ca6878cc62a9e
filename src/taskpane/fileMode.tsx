/**
 * The file mode: the task pane as a plain page over .xlsx files, for a browser outside Office
 * or when Excel's add-in platform cannot be reached.
 */
import type { Root } from 'react-dom/client';
import type { Strings } from '../i18n';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FileApp } from './FileApp';

/** Switches the page to the file mode. */
export function startFileMode(root: Root, strings: Strings): void {
  document.title = `${strings.app.title} · ${strings.boot.fileModeTitle}`;
  document.documentElement.lang = strings.locale;
  root.render(
    <ErrorBoundary strings={strings}>
      <FileApp strings={strings} />
    </ErrorBoundary>,
  );
}
