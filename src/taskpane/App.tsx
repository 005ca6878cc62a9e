/**
 * The task pane in Excel. It talks only to a WorkbookHost (the Excel host; a file host in tests).
 * The plain page over .xlsx files is FileApp, which reuses its pieces.
 */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Ruleset } from '../core/params';
import type { Engines } from './file/types';
import type { WorkbookHost } from '../hosts/host';
import type { Strings } from '../i18n';
import { DEFAULT_RULESET } from '../core/params';
import { BusyBar } from './components/BusyBar';
import { CityDraftPanel } from './components/CityDraftPanel';
import { FindingsList } from './components/FindingsList';
import { Frame } from './components/Frame';
import { LevelFilter } from './components/LevelFilter';
import { Messages } from './components/Messages';
import { ReadyBanner } from './components/ReadyBanner';
import { ValidateBar } from './components/ValidateBar';
import { WorkbookActions } from './components/WorkbookActions';
import { loadDraftMaker as defaultDraftMaker, type DraftMaker } from './draft';
import { canWatchChanges } from './hostFeatures';
import { LIVE_DELAY_MS, useLiveValidation } from './state/useLiveValidation';
import { useLevelFilter } from './state/useLevelFilter';
import { useWorkbench } from './state/useWorkbench';

export type AppMode = 'excel' | 'file';

export interface AppProps {
  host: WorkbookHost;
  mode: AppMode;
  strings: Strings;
  ruleset?: Ruleset;
  loadDraftMaker?: () => Promise<DraftMaker>;
  /** "today" for date checks (tests) */
  now?: () => Date;
  liveDelayMs?: number;
  /** the lazily loaded parts for the reviewer's city-wide draft (tests give their own) */
  engines?: Engines;
}

const realNow = () => new Date();

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
});

export function App({
  host,
  mode,
  strings,
  ruleset,
  loadDraftMaker = defaultDraftMaker,
  now,
  liveDelayMs = LIVE_DELAY_MS,
  engines,
}: AppProps) {
  const styles = useStyles();
  const work = useWorkbench(host, strings, { ruleset, loadDraftMaker, now });
  const { busy, report, marks, error, warning, done } = work.state;
  const [live, setLive] = useState(true);
  const { shown, toggle } = useLevelFilter();
  const liveAvailable = mode === 'excel' && canWatchChanges(host);
  useLiveValidation(host, liveAvailable && live && report !== null, work.revalidate, liveDelayMs);

  const warnings = [...(warning ? [warning] : []), ...(marks?.warnings ?? [])];
  return (
    <Frame lang={strings.locale}>
      <ValidateBar
        strings={strings}
        busy={busy !== null}
        validated={report !== null}
        live={liveAvailable ? live : null}
        onValidate={() => void work.validate()}
        onLiveChange={setLive}
      />
      {busy && <BusyBar label={strings.busy[busy]} />}
      {!report && !busy && <Body1 className={styles.intro}>{strings.app.intro}</Body1>}
      <Messages error={error} warnings={warnings} done={done} />
      {report && <ReadyBanner report={report} strings={strings} />}
      <WorkbookActions
        strings={strings}
        busy={busy !== null}
        validated={report !== null}
        onSummary={() => void work.writeSummary()}
        onDraft={() => void work.writeDraft()}
        onClear={() => void work.clearMarks()}
      />
      {mode === 'excel' && (
        <CityDraftPanel
          host={host}
          strings={strings}
          ruleset={ruleset ?? DEFAULT_RULESET}
          now={now ?? realNow}
          engines={engines}
        />
      )}
      {report && report.findings.length > 0 && (
        <LevelFilter strings={strings} counts={report.counts} shown={shown} onToggle={toggle} />
      )}
      {report && <FindingsList findings={report.findings} shown={shown} strings={strings} onSelect={work.goTo} />}
    </Frame>
  );
}
