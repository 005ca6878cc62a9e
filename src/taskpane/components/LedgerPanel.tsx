import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Decision } from '../../core/ledger';
import type { Strings } from '../../i18n';
import type { LedgerNotice } from '../file/useLedger';
import type { DownloadState } from '../file/useDownloads';
import { DownloadBar } from './DownloadBar';
import { FilePicker } from './FilePicker';
import { Messages } from './Messages';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXL,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  load: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface LedgerPanelProps {
  strings: Strings;
  /** how many warnings of the included workbooks have each decision */
  counts: Record<Decision, number>;
  downloads: DownloadState;
  onDownload(): void;
  onLoad(file: File): void;
  loading: boolean;
  notice: LedgerNotice;
}

/** The review ledger of the batch: where the decisions stand, download it, load an edited one. */
export function LedgerPanel({ strings, counts, downloads, onDownload, onLoad, loading, notice }: LedgerPanelProps) {
  const styles = useStyles();
  const t = strings.ledger;
  const total = counts.确认问题 + counts.采纳说明 + counts.退回补充;
  return (
    <section className={styles.panel} aria-labelledby="ledger-heading" data-ledger-panel>
      <h3 id="ledger-heading" className={styles.h3}>
        {t.heading}
      </h3>
      <Caption1 className={styles.hint}>{t.hint}</Caption1>
      <Body1 data-ledger-counts>
        {total ? t.counts(total, counts.确认问题, counts.采纳说明, counts.退回补充) : t.none}
      </Body1>
      <DownloadBar
        strings={strings}
        state={downloads}
        hint={t.keptHint}
        actions={[{ task: 'ledger', label: t.download, onClick: onDownload }]}
      />
      <div className={styles.load}>
        <FilePicker
          label={t.load}
          inputLabel={t.loadLabel}
          appearance="secondary"
          accept=".xlsx,.xlsm"
          multiple={false}
          disabled={loading}
          onFiles={(files) => files[0] && onLoad(files[0])}
        />
        {loading && <Spinner size="extra-tiny" label={t.loading} />}
      </div>
      <div aria-live="polite">
        <Messages error={notice.error} warnings={[]} done={notice.done} />
        {notice.problems.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-ledger-problems>
            <MessageBarBody>
              <MessageBarTitle>{t.notUsed(notice.problems.length)}</MessageBarTitle>
              <ul className={styles.problems}>
                {notice.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
