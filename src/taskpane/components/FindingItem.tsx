import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/types';
import type { Strings } from '../../i18n';
import { LEVEL_LOOK } from '../levels';
import { ReviewDecision } from './ReviewDecision';

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
  text: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  message: { wordBreak: 'break-word' },
  // the district's own words, set off from the finding
  explanation: {
    wordBreak: 'break-word',
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  explained: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  unexplained: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
});

/** A warning's 情况说明 state: explained; given but saying no reason (无, 见说明…); or not given. */
function ExplainedMark({ finding, strings }: { finding: Finding; strings: Strings }) {
  const styles = useStyles();
  if (finding.level !== 'warning' || finding.explained === undefined) return null;
  if (finding.explained) {
    return (
      <span className={styles.explained} data-explained="yes">
        ✓ {strings.findings.explained}
      </span>
    );
  }
  return (
    <span className={styles.unexplained} data-explained={finding.explanation ? 'placeholder' : 'no'}>
      {finding.explanation ? strings.findings.placeholderExplanation : strings.findings.notExplained}
    </span>
  );
}

/**
 * One finding: its cell, in its level's colour, and its message; a warning also shows the
 * district's 情况说明 and whether it explains (a placeholder such as 无 does not). With `onSelect`
 * (Excel) it is a button that selects the cell; without (a file) it only shows the address. In
 * the reviewer's batch (a ReviewContext), a warning also takes the reviewer's decision.
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
      <span className={styles.text}>
        <span className={styles.message}>{finding.message}</span>
        {finding.level === 'warning' && finding.explanation && (
          <span className={styles.explanation} data-explanation>
            {strings.findings.explanation(finding.explanation)}
          </span>
        )}
      </span>
      <ExplainedMark finding={finding} strings={strings} />
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
      <ReviewDecision finding={finding} strings={strings} />
    </li>
  );
}
