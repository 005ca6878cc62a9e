import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import type { BatchProgress } from '../file/useBatch';

const useStyles = makeStyles({
  // one height whether it shows progress or the tally, so that nothing below moves
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
  },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexGrow: 1, minWidth: 0 },
  label: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  tally: { flexGrow: 1, color: tokens.colorNeutralForeground2 },
  clear: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export interface BatchStatusProps {
  strings: Strings;
  progress: BatchProgress | null;
  checked: number;
  bad: number;
  /** every file on the page (checked or not): what clearing would take away */
  files: number;
  onClear(): void;
}

/**
 * While files are read: which one, of how many. After: how many were checked, and a way to start
 * over, which asks first.
 */
export function BatchStatus({ strings, progress, checked, bad, files, onClear }: BatchStatusProps) {
  const styles = useStyles();
  const t = strings.file;
  if (progress) {
    const label = t.progress(progress.done, progress.total, progress.current);
    return (
      <div className={styles.status} role="status" aria-live="polite">
        <div className={styles.progress}>
          <ProgressBar thickness="medium" value={progress.done} max={Math.max(1, progress.total)} aria-label={label} />
          <Caption1 className={styles.label}>{label}</Caption1>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.status} role="status" aria-live="polite">
      <Body1 className={styles.tally}>{t.summary(checked, bad)}</Body1>
      <Dialog modalType="alert">
        <DialogTrigger disableButtonEnhancement>
          <Button className={styles.clear} appearance="subtle" size="small">
            {t.clear}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.clearConfirm(files)}</DialogTitle>
            <DialogContent>{t.clearConfirmHint}</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={onClear}>
                  {t.clearYes}
                </Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t.clearNo}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
