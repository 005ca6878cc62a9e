import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  body: { whiteSpace: 'pre-line' },
});

export interface MessagesProps {
  error: string | null;
  warnings: readonly string[];
  done: string | null;
}

/** What went wrong, what needs attention, what was done. */
export function Messages({ error, warnings, done }: MessagesProps) {
  const styles = useStyles();
  if (!error && !warnings.length && !done) return null;
  return (
    <div className={styles.list}>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.body}>{error}</MessageBarBody>
        </MessageBar>
      )}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.body}>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
