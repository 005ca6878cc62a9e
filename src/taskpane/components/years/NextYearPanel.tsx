import { Button, Caption1, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Ruleset } from '../../../core/ruleset/model';
import type { Strings } from '../../../i18n';
import type { NextYearState } from '../../file/useNextYear';
import { Messages } from '../Messages';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', maxWidth: '100%' },
  // a long ruleset name must not widen a 350-px pane: the list takes the room there is
  field: { minWidth: 0, maxWidth: '100%', flexGrow: 1, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  native: { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
});

export interface NextYearPanelProps {
  strings: Strings;
  /** the rulesets on the page, any of which next year's workbooks may be of */
  rulesets: readonly Ruleset[];
  /** how many districts get a workbook */
  districts: number;
  /** whether the review's decisions choose the problems carried */
  reviewed: boolean;
  state: NextYearState;
  onDownload(next: Ruleset | null): void;
}

/** 下载下一年度填报表（.zip）, of this year's ruleset or of one loaded on the page. */
export function NextYearPanel({ strings, rulesets, districts, reviewed, state, onDownload }: NextYearPanelProps) {
  const styles = useStyles();
  const t = strings.years;
  const [chosen, setChosen] = useState('');
  const next = rulesets.find((r) => r.version === chosen) ?? null;
  return (
    <div className={styles.panel} data-next-year>
      <h3 className={styles.h3}>{t.nextTitle}</h3>
      <Caption1 className={styles.hint}>{t.nextHint}</Caption1>
      {reviewed && <Caption1 className={styles.hint}>{t.nextReviewed}</Caption1>}
      <div className={styles.row}>
        <Field label={t.nextRuleset} className={styles.field}>
          <Select
            className={styles.select}
            select={{ className: styles.native }}
            value={chosen}
            onChange={(_, d) => setChosen(d.value)}
          >
            <option value="">{t.nextSame}</option>
            {rulesets.map((r) => (
              <option key={r.version} value={r.version}>
                {t.nextRulesetOption(r.meta.name, r.version)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="secondary"
          disabled={state.busy || districts === 0}
          icon={state.busy ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => onDownload(next)}
        >
          {t.nextDownload}
        </Button>
      </div>
      {state.busy && <Caption1>{t.nextBusy}</Caption1>}
      <Messages
        error={state.error}
        warnings={state.failed.length ? [[t.nextPartial(state.failed.length), ...state.failed].join('\n')] : []}
        done={state.done}
      />
    </div>
  );
}
