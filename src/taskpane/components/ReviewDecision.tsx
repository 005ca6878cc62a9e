import { Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext, useId } from 'react';
import { DECISIONS, DEFAULT_DECISION, type Decision } from '../../core/ledger';
import type { Decided } from '../../core/review';
import type { Finding } from '../../core/types';
import type { Strings } from '../../i18n';

/** The reviewer's decisions on the district shown (file mode, a workbook counted for the city). */
export interface ReviewContextValue {
  decided(f: Finding): Decided | undefined;
  decide(f: Finding, d: Decided): void;
  /** the name of the finding's indicator (its ruleset's short name), '' when it has none */
  nameOf(f: Finding): string;
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    marginLeft: '52px',
    marginBottom: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { flexGrow: 1, minWidth: '200px' },
  // three short choices: on a narrow pane they wrap as wholes, never inside a word
  choices: { flexWrap: 'wrap' },
  choice: { whiteSpace: 'nowrap' },
});

/**
 * A warning's review: 确认问题 (the default), 采纳说明 or 退回补充, and an optional 审核说明.
 * Radio buttons (arrow keys move between them) and a text box, each with its label; the labels
 * name the cell, the indicator and the rule, so that two warnings on one cell are told apart.
 */
export function ReviewDecision({ finding, strings }: { finding: Finding; strings: Strings }) {
  const review = useContext(ReviewContext);
  const styles = useStyles();
  const id = useId();
  if (!review || finding.level !== 'warning') return null;
  const t = strings.ledger;
  const l = strings.batchList;
  const current = review.decided(finding) ?? { decision: DEFAULT_DECISION, note: '' };
  const where = `${finding.sheet}!${finding.cell}`;
  const about = l.about(review.nameOf(finding), finding.rule);
  return (
    <div className={styles.box} data-review={current.decision} data-review-cell={where} data-review-rule={finding.rule}>
      <Field label={l.decisionLabel(where, about)} size="small">
        <RadioGroup
          layout="horizontal"
          className={styles.choices}
          name={`review-${id}`}
          value={current.decision}
          onChange={(_, data) => review.decide(finding, { ...current, decision: data.value as Decision })}
        >
          {DECISIONS.map((d) => (
            <Radio key={d} value={d} label={{ children: t.decisions[d], className: styles.choice }} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={l.noteLabel(where, about)} size="small" className={styles.note}>
        <Textarea
          size="small"
          resize="vertical"
          rows={1}
          value={current.note}
          onChange={(_, data) => review.decide(finding, { ...current, note: data.value })}
        />
      </Field>
    </div>
  );
}
