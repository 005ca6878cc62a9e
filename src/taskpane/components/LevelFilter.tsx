import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { LEVELS, type Counts, type Level } from '../../core/types';
import type { Strings } from '../../i18n';
import { LEVEL_LOOK } from '../levels';

const useStyles = makeStyles({
  group: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  dot: { width: '10px', height: '10px', borderRadius: '50%', border: '1px solid', flexShrink: 0 },
});

export interface LevelFilterProps {
  strings: Strings;
  counts: Counts;
  shown: ReadonlySet<Level>;
  onToggle(level: Level): void;
}

/** Three toggles, one per level, each with its colour and count. */
export function LevelFilter({ strings, counts, shown, onToggle }: LevelFilterProps) {
  const styles = useStyles();
  return (
    <div className={styles.group} role="group" aria-label={strings.findings.filterLabel}>
      {LEVELS.map((level) => (
        <ToggleButton
          key={level}
          size="small"
          shape="circular"
          appearance="subtle"
          checked={shown.has(level)}
          disabled={counts[level] === 0}
          onClick={() => onToggle(level)}
          icon={
            <span
              className={styles.dot}
              style={{ backgroundColor: LEVEL_LOOK[level].fill, borderColor: LEVEL_LOOK[level].ink }}
            />
          }
        >
          {strings.findings.levelCount(strings.levels[level], counts[level])}
        </ToggleButton>
      ))}
    </div>
  );
}
