import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  busy: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground3 },
});

/** An indeterminate progress bar with what is being done. */
export function BusyBar({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.busy} role="status" aria-live="polite">
      <ProgressBar thickness="medium" aria-label={label} />
      <Caption1 className={styles.label}>{label}</Caption1>
    </div>
  );
}
