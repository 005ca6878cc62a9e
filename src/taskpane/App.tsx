/**
 * The task pane in Excel. It talks only to a WorkbookHost (the Excel host; a file host in tests).
 * The plain page over .xlsx files is FileApp, which reuses its pieces.
 */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookHost } from '../hosts/host';
import type { Strings } from '../i18n';
import { BusyBar } from './components/BusyBar';
import { CityDraftPanel } from './components/CityDraftPanel';
import { Disclosure } from './components/Disclosure';
import { FindingsList } from './components/FindingsList';
import { Frame } from './components/Frame';
import { LevelFilter } from './components/LevelFilter';
import { Messages } from './components/Messages';
import { ReadyBanner } from './components/ReadyBanner';
import { RulesetPanel } from './components/RulesetPanel';
import { ValidateBar } from './components/ValidateBar';
import { WorkbookActions } from './components/WorkbookActions';
import { loadDraftMaker as defaultDraftMaker, type DraftMaker } from './draft';
import { LAZY_ENGINES } from './file/lazy';
import type { Engines } from './file/types';
import { canWatchChanges } from './hostFeatures';
import { LIVE_DELAY_MS, useLiveValidation } from './state/useLiveValidation';
import { useLevelFilter } from './state/useLevelFilter';
import { useWorkbench } from './state/useWorkbench';
import { browserStorage } from './rulesets/store';
import type { RulesetEngine } from './rulesets/types';
import { useRulesets } from './rulesets/useRulesets';

export type AppMode = 'excel' | 'file';

export interface AppProps {
  host: WorkbookHost;
  mode: AppMode;
  strings: Strings;
  /** the rulesets and the validation (a chunk boot loads while office.js loads) */
  engine: RulesetEngine;
  /** where a loaded ruleset is kept (tests); the browser's localStorage by default */
  storage?: Storage | null;
  loadDraftMaker?: () => Promise<DraftMaker>;
  /** "today" for date checks (tests) */
  now?: () => Date;
  liveDelayMs?: number;
  /** the lazily loaded parts for ruleset workbooks and the reviewer's city-wide draft (tests give their own) */
  engines?: Engines;
}

const realNow = () => new Date();

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
  basis: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
});

export function App({
  host,
  mode,
  strings,
  engine,
  storage = browserStorage(),
  loadDraftMaker = defaultDraftMaker,
  now,
  liveDelayMs = LIVE_DELAY_MS,
  engines = LAZY_ENGINES,
}: AppProps) {
  const styles = useStyles();
  const rulesets = useRulesets(engine, engines, strings, storage);
  const work = useWorkbench(host, strings, { engine, rulesets: rulesets.rulesets, loadDraftMaker, now });
  const { busy, report, ruleset, marks, error, warning, done } = work.state;
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
      {report && ruleset && (
        <Caption1 className={styles.basis} data-ruleset-used={ruleset.version}>
          {strings.app.checkedWith(ruleset.meta.name, ruleset.version, !rulesets.rulesets.includes(ruleset))}
        </Caption1>
      )}
      <WorkbookActions
        strings={strings}
        busy={busy !== null}
        validated={report !== null}
        onSummary={() => void work.writeSummary()}
        onDraft={() => void work.writeDraft()}
        onClear={() => void work.clearMarks()}
      />
      <Disclosure
        title={strings.rulesets.paneHeading(rulesets.rulesets.map((r) => r.version).join(strings.file.listSep))}
        defaultOpen={rulesets.state.notice !== null}
      >
        <RulesetPanel
          strings={strings}
          state={rulesets.state}
          onLoad={(file) => void rulesets.load(file)}
          onRemove={rulesets.remove}
        />
      </Disclosure>
      {mode === 'excel' && (
        <CityDraftPanel
          host={host}
          strings={strings}
          rulesets={rulesets.rulesets}
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
