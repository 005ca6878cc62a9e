import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { badLine } from '../file/readFiles';
import type { BatchEntry, Outcome } from '../file/types';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { wordBreak: 'break-word' },
  file: { fontWeight: tokens.fontWeightSemibold },
  remove: { minWidth: 0, marginLeft: tokens.spacingHorizontalS, verticalAlign: 'baseline' },
});

type BadOutcome = Exclude<Outcome, { status: 'checked' }>;

/** One line for each file that could not be checked, saying why; the others are unaffected. Each can be removed. */
export function BadFiles({
  entries,
  strings,
  onRemove,
}: {
  entries: readonly BatchEntry[];
  strings: Strings;
  onRemove?: (id: number) => void;
}) {
  const styles = useStyles();
  const bad = entries.filter((e): e is BatchEntry & { outcome: BadOutcome } => e.outcome.status !== 'checked');
  if (!bad.length) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-bad-files>
      <MessageBarBody>
        <MessageBarTitle>{strings.file.badTitle(bad.length)}</MessageBarTitle>
        <ul className={styles.list}>
          {bad.map((e) => (
            <li key={e.id} className={styles.item} data-file={e.file}>
              <span data-line>
                <span className={styles.file}>{e.file}</span>
                {strings.file.colon}
                {badLine(e.outcome, strings)}
              </span>
              {onRemove && (
                <Button
                  className={styles.remove}
                  appearance="transparent"
                  size="small"
                  aria-label={strings.file.removeFile(e.file)}
                  onClick={() => onRemove(e.id)}
                >
                  {strings.file.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
