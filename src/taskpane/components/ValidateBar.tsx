import { Button, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  button: { minWidth: '112px', whiteSpace: 'nowrap' },
});

export interface ValidateBarProps {
  strings: Strings;
  busy: boolean;
  validated: boolean;
  /** null when the host cannot report edits */
  live: boolean | null;
  onValidate(): void;
  onLiveChange(on: boolean): void;
}

/** The one main action, 校验, and the live-validation switch. */
export function ValidateBar({ strings, busy, validated, live, onValidate, onLiveChange }: ValidateBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <Button appearance="primary" className={styles.button} disabled={busy} onClick={onValidate}>
        {validated ? strings.actions.revalidate : strings.actions.validate}
      </Button>
      {live !== null && (
        <Switch
          checked={live}
          label={strings.actions.live}
          labelPosition="before"
          onChange={(_, data) => onLiveChange(data.checked)}
        />
      )}
    </div>
  );
}
