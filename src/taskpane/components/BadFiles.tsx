import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Strings } from '../../i18n';
import { badLine } from '../file/readFiles';
import type { BatchEntry, Outcome } from '../file/types';
import { RemoveFileButton } from './RemoveFileButton';
import { ShowMore, useShownCount } from './ShowMore';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { wordBreak: 'break-word' },
  file: { fontWeight: tokens.fontWeightSemibold },
  remove: { minWidth: 0, marginLeft: tokens.spacingHorizontalS, verticalAlign: 'baseline' },
});

type BadOutcome = Exclude<Outcome, { status: 'checked' }>;

type BadEntry = BatchEntry & { outcome: BadOutcome };

/** One file's line; rendered again only when it changes. */
const BadLine = memo(function BadLine({
  entry: e,
  strings,
  onRemove,
}: {
  entry: BadEntry;
  strings: Strings;
  onRemove?: (id: number) => void;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item} data-file={e.file}>
      <span data-line>
        <span className={styles.file}>{e.file}</span>
        {strings.file.colon}
        {badLine(e.outcome, strings)}
      </span>
      {onRemove && (
        <RemoveFileButton className={styles.remove} file={e.file} strings={strings} onClick={() => onRemove(e.id)} />
      )}
    </li>
  );
});

/**
 * One line for each file that could not be checked, saying why; the others are unaffected. Each
 * can be removed. Many of them show the first ones and "显示更多".
 */
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
  const bad = entries.filter((e): e is BadEntry => e.outcome.status !== 'checked');
  const { shown, more } = useShownCount(bad.length);
  if (!bad.length) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-bad-files>
      <MessageBarBody>
        <MessageBarTitle>{strings.file.badTitle(bad.length)}</MessageBarTitle>
        <ul className={styles.list}>
          {bad.slice(0, shown).map((e) => (
            <BadLine key={e.id} entry={e} strings={strings} onRemove={onRemove} />
          ))}
        </ul>
        <ShowMore shown={shown} total={bad.length} strings={strings} onMore={more} />
      </MessageBarBody>
    </MessageBar>
  );
}
