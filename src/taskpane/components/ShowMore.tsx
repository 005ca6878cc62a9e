/**
 * A long list on the page shows its first `LIST_STEP` items and a "显示更多" button for the next
 * ones: a batch of 1,000 workbooks is never 1,000 rows of Fluent components rendered at once.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Strings } from '../../i18n';

/** How many items a long list shows at first, and how many more each time. */
export const LIST_STEP = 100;

const useStyles = makeStyles({
  more: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  count: { color: tokens.colorNeutralForeground3 },
  button: { maxWidth: '100%', whiteSpace: 'normal', textAlign: 'left' },
});

/**
 * How many of `total` items to show: LIST_STEP at first, or enough to include the item at
 * `keepIndex` (the one to give the focus back to); `more()` shows LIST_STEP more.
 */
export function useShownCount(total: number, keepIndex = -1): { shown: number; more(): void } {
  const [count, setCount] = useState(() => Math.max(LIST_STEP, Math.ceil((keepIndex + 1) / LIST_STEP) * LIST_STEP));
  const more = useCallback(() => setCount((n) => n + LIST_STEP), []);
  return { shown: Math.min(total, count), more };
}

/** "显示更多" under a list showing `shown` of `total` items; nothing when all are shown. */
export function ShowMore({
  shown,
  total,
  strings,
  onMore,
}: {
  shown: number;
  total: number;
  strings: Strings;
  onMore(): void;
}) {
  const styles = useStyles();
  const left = total - shown;
  if (left <= 0) return null;
  const t = strings.batchList;
  return (
    <div className={styles.more} data-show-more>
      <Button className={styles.button} appearance="secondary" size="small" onClick={onMore}>
        {t.showMore(Math.min(LIST_STEP, left), left)}
      </Button>
      <Caption1 className={styles.count}>{t.shownOf(shown, total)}</Caption1>
    </div>
  );
}
