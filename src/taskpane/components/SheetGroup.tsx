import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/types';
import type { Strings } from '../../i18n';
import type { SheetGroupData } from '../groups';
import { LEVEL_LOOK } from '../levels';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  level: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
  },
  bar: { width: '3px', height: '12px', borderRadius: '2px' },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
});

/** One sheet's findings, by level, with counts. */
export function SheetGroup({
  group,
  strings,
  onSelect,
}: {
  group: SheetGroupData;
  strings: Strings;
  /** selects the finding's cell; absent when there is no workbook to select in (file mode) */
  onSelect?: (f: Finding) => void;
}) {
  const styles = useStyles();
  return (
    <section className={styles.sheet} aria-label={group.sheet}>
      <h3 className={styles.title}>
        <span>{group.sheet}</span>
        <span className={styles.count}>{strings.findings.total(group.total)}</span>
      </h3>
      {group.levels.map(({ level, findings }) => (
        <div key={level} data-level={level}>
          <div className={styles.level}>
            <span className={styles.bar} style={{ backgroundColor: LEVEL_LOOK[level].ink }} />
            <Caption1>
              {strings.findings.levelCount(strings.levels[level], findings.length)}
              <span className={styles.hint}> · {strings.levelHints[level]}</span>
            </Caption1>
          </div>
          <ul className={styles.list}>
            {findings.map((f, i) => (
              <FindingItem key={`${f.rule}-${f.cell}-${i}`} finding={f} strings={strings} onSelect={onSelect} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
