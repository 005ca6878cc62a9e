import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/types';
import type { Strings } from '../../i18n';
import { LEVEL_LOOK } from '../levels';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    textAlign: 'left',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  action: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: {
    flexShrink: 0,
    minWidth: '36px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'center',
  },
  text: { flexGrow: 1, wordBreak: 'break-word' },
  explained: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
});

/**
 * One finding: its cell, in its level's colour, and its message. With `onSelect` (Excel) it is a
 * button that selects the cell; without (a file) it only shows the address.
 */
export function FindingItem({
  finding,
  strings,
  onSelect,
}: {
  finding: Finding;
  strings: Strings;
  onSelect?: (f: Finding) => void;
}) {
  const styles = useStyles();
  const look = LEVEL_LOOK[finding.level];
  const content = (
    <>
      <span className={styles.cell} style={{ backgroundColor: look.fill, color: look.ink }}>
        {finding.cell}
      </span>
      <span className={styles.text}>{finding.message}</span>
      {finding.explained && <span className={styles.explained}>✓ {strings.findings.explained}</span>}
    </>
  );
  const cell = `${finding.sheet}!${finding.cell}`;
  return (
    <li>
      {onSelect ? (
        <button
          type="button"
          className={mergeClasses(styles.item, styles.action)}
          title={strings.findings.goTo(finding.sheet, finding.cell)}
          data-cell={cell}
          onClick={() => onSelect(finding)}
        >
          {content}
        </button>
      ) : (
        <div className={styles.item} data-cell={cell}>
          {content}
        </div>
      )}
    </li>
  );
}
