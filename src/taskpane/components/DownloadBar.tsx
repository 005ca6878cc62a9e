import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import type { DownloadState, DownloadTask } from '../file/useDownloads';
import { Messages } from './Messages';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  // the spinner in the button shows it; this tells a screen reader, without moving the page
  offscreen: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface DownloadAction {
  task: DownloadTask;
  label: string;
  onClick(): void;
}

export interface DownloadBarProps {
  strings: Strings;
  actions: readonly DownloadAction[];
  state: DownloadState;
  hint?: string;
}

function busyText(strings: Strings, task: DownloadTask): string {
  return task === 'ledger' ? strings.ledger.busy : strings.file.busy[task];
}

/** The files this view offers, each made on click; what is being made, what was made, what failed. */
export function DownloadBar({ strings, actions, state, hint }: DownloadBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="group" aria-label={strings.file.downloadsLabel}>
      <div className={styles.buttons}>
        {actions.map((a, i) => (
          <Button
            key={a.task}
            appearance={i === 0 ? 'primary' : 'secondary'}
            disabledFocusable={state.busy !== null}
            icon={state.busy === a.task ? <Spinner size="extra-tiny" /> : undefined}
            onClick={a.onClick}
          >
            {a.label}
          </Button>
        ))}
      </div>
      {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
      <div aria-live="polite">
        {state.busy && <span className={styles.offscreen}>{busyText(strings, state.busy)}</span>}
        <Messages error={state.error} warnings={state.warnings ?? []} done={state.done} />
      </div>
    </div>
  );
}
