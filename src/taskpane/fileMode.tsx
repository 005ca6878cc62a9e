/**
 * The file mode: the task pane as a plain page over .xlsx files, for when Excel's add-in
 * platform cannot be reached. A later issue gives it a file host, a drop zone and downloads;
 * this is its entry point.
 */
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import type { Strings } from '../i18n';
import { Frame } from './components/Frame';

export function FileModePlaceholder({ strings }: { strings: Strings }) {
  return (
    <Frame lang={strings.locale}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.boot.fileModeTitle}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      <Body1 data-mode="file">{strings.boot.fileModeComing}</Body1>
    </Frame>
  );
}

/** Switches the page to the file mode. */
export function startFileMode(root: Root, strings: Strings): void {
  document.title = `${strings.app.title} · ${strings.boot.fileModeTitle}`;
  root.render(<FileModePlaceholder strings={strings} />);
}
