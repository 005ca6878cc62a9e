import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground3 },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  button: { minWidth: 0 },
});

export interface WorkbookActionsProps {
  strings: Strings;
  busy: boolean;
  /** the sheets need a validation first; clearing does not */
  validated: boolean;
  onSummary(): void;
  onDraft(): void;
  onClear(): void;
}

/** Writing the summary and draft sheets, and clearing the marks. */
export function WorkbookActions({ strings, busy, validated, onSummary, onDraft, onClear }: WorkbookActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Caption1 className={styles.label}>{strings.actions.workbookGroup}</Caption1>
      <div className={styles.grid}>
        <Button className={styles.button} disabled={busy || !validated} onClick={onSummary}>
          {strings.actions.writeSummary}
        </Button>
        <Button className={styles.button} disabled={busy || !validated} onClick={onDraft}>
          {strings.actions.writeDraft}
        </Button>
        <Button className={styles.button} disabled={busy} onClick={onClear}>
          {strings.actions.clearMarks}
        </Button>
      </div>
    </div>
  );
}
