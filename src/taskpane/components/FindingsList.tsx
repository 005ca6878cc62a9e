import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Level } from '../../core/types';
import type { Strings } from '../../i18n';
import { groupFindings } from '../groups';
import { SheetGroup } from './SheetGroup';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  shown: ReadonlySet<Level>;
  strings: Strings;
  /** selects the finding's cell; absent when there is no workbook to select in (file mode) */
  onSelect?: (f: Finding) => void;
}

/** Findings grouped by sheet, then level; only the levels shown. */
export function FindingsList({ findings, shown, strings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  if (!findings.length) return <Body1 className={styles.empty}>{strings.findings.none}</Body1>;
  const groups = groupFindings(findings, shown);
  if (!groups.length) return <Body1 className={styles.empty}>{strings.findings.filteredOut}</Body1>;
  return (
    <div className={styles.list} aria-label={strings.findings.heading}>
      {groups.map((g) => (
        <SheetGroup key={g.sheet} group={g} strings={strings} onSelect={onSelect} />
      ))}
    </div>
  );
}
