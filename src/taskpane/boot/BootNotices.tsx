/** Boot screens of the boot code's own: office.js that never becomes ready, and Office on Mac. */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { Frame } from '../components/Frame';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  address: { wordBreak: 'break-all', userSelect: 'all', fontFamily: tokens.fontFamilyMonospace },
});

/** office.js loaded but Office.onReady never answered (its own scripts blocked): offer the file mode. */
export function OfficeNotReady({
  strings,
  onFileMode,
  onRetry,
}: {
  strings: Strings;
  onFileMode(): void;
  onRetry(): void;
}) {
  const styles = useStyles();
  const b = strings.boot;
  return (
    <Frame lang={strings.locale}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{b.officeNotReady}</MessageBarTitle>
          <div>{b.officeNotReadyBody}</div>
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

/**
 * Office for Mac runs add-ins in a WKWebView that does nothing with downloads (by Office's design,
 * OfficeDev/office-js#2700): the file mode's downloads must happen in a browser.
 */
export function MacBrowserNotice({ strings, address }: { strings: Strings; address: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="info" layout="multiline" data-mac-notice="">
      <MessageBarBody>
        {strings.boot.macNoDownloads}
        <div className={styles.address}>{address}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
