import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Ruleset } from '../../core/ruleset/model';
import type { WorkbookHost } from '../../hosts/host';
import type { Strings } from '../../i18n';
import { LAZY_ENGINES } from '../file/lazy';
import type { Engines } from '../file/types';
import { useCitySheet } from '../file/useCitySheet';
import { BadFiles } from './BadFiles';
import { BusyBar } from './BusyBar';
import { Disclosure } from './Disclosure';
import { FilePicker } from './FilePicker';
import { Messages } from './Messages';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface CityDraftPanelProps {
  host: WorkbookHost;
  strings: Strings;
  /** in order of preference: the user's, then the bundled */
  rulesets: readonly Ruleset[];
  now: () => Date;
  engines?: Engines;
}

/**
 * In Excel, for the reviewer: choose the districts' returned workbooks and get the city-wide
 * draft in a new sheet of the open workbook. Folded away until wanted.
 */
export function CityDraftPanel({ host, strings, rulesets, now, engines = LAZY_ENGINES }: CityDraftPanelProps) {
  const styles = useStyles();
  const t = strings.city;
  const { state, run } = useCitySheet(host, engines, strings, { rulesets, now });
  const busy =
    state.busy === 'writing'
      ? t.writing
      : state.busy
        ? t.reading(state.busy.done, state.busy.total, state.busy.current)
        : null;
  return (
    <Disclosure title={t.heading}>
      <div className={styles.panel} data-city-draft-panel>
        <Caption1 className={styles.hint}>{t.hint}</Caption1>
        <div>
          <FilePicker
            label={t.choose}
            inputLabel={t.inputLabel}
            appearance="secondary"
            disabled={state.busy !== null}
            onFiles={(files) => void run(files)}
          />
        </div>
        {busy && <BusyBar label={busy} />}
        <Messages error={state.error} warnings={[]} done={state.done} />
        <BadFiles entries={state.bad} strings={strings} />
      </div>
    </Disclosure>
  );
}
