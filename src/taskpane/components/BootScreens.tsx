import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { Frame } from './Frame';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function Loading({ strings, label = strings.boot.loading }: { strings: Strings; label?: string }) {
  return (
    <Frame lang={strings.locale}>
      <Spinner size="small" label={label} />
    </Frame>
  );
}

/** Something failed before or while drawing the pane: say what, offer to start again. */
export function ErrorScreen({ strings, message }: { strings: Strings; message: string }) {
  return (
    <Frame lang={strings.locale}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
      <div>
        <Button onClick={() => window.location.reload()}>{strings.boot.retry}</Button>
      </div>
    </Frame>
  );
}

export interface OfficeUnavailableProps {
  strings: Strings;
  /** "offline": office.js could not be loaded; "notInExcel": the page was opened outside Excel */
  reason: 'offline' | 'notInExcel';
  onFileMode(): void;
  onRetry(): void;
}

/** office.js could not be loaded (an intranet) or the page is not inside Excel: say so, offer the file mode. */
export function OfficeUnavailable({ strings, reason, onFileMode, onRetry }: OfficeUnavailableProps) {
  const styles = useStyles();
  const b = strings.boot;
  return (
    <Frame lang={strings.locale}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{reason === 'offline' ? b.officeUnavailable : b.notInExcel}</MessageBarTitle>
          {reason === 'offline' && <div>{b.officeUnavailableBody}</div>}
        </MessageBarBody>
      </MessageBar>
      <Body1 className={styles.hint}>{b.fileModeHint}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onFileMode}>
          {b.openFileMode}
        </Button>
        <Button onClick={onRetry}>{b.retry}</Button>
      </div>
    </Frame>
  );
}
