import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Strings } from '../../i18n';
import type { CheckedEntry } from '../file/types';
import type { DownloadState } from '../file/useDownloads';
import { useLevelFilter } from '../state/useLevelFilter';
import { DownloadBar } from './DownloadBar';
import { FindingsList } from './FindingsList';
import { LevelFilter } from './LevelFilter';
import { Messages } from './Messages';
import { ReadyBanner } from './ReadyBanner';
import { ReviewContext, type ReviewContextValue } from './ReviewDecision';

const useStyles = makeStyles({
  // a readable column on a wide screen
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '800px' },
  back: { alignSelf: 'flex-start' },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
});

export interface DistrictViewProps {
  entry: CheckedEntry;
  strings: Strings;
  downloads: DownloadState;
  onAnnotated(): void;
  onDraft(): void;
  /** back to the district table; absent when this is the only workbook */
  onBack?: () => void;
  /**
   * the reviewer's decisions on this district's warnings (a batch); null for a workbook not
   * counted for the city (it is in no ledger); absent for a district's own check
   */
  review?: ReviewContextValue | null;
}

/** One district's workbook: whether it can be returned, its downloads, its findings by sheet and level. */
export function DistrictView({ entry, strings, downloads, onAnnotated, onDraft, onBack, review }: DistrictViewProps) {
  const styles = useStyles();
  const t = strings.file;
  const { report, marks } = entry.outcome;
  const { shown, toggle } = useLevelFilter();
  const heading = useRef<HTMLHeadingElement>(null);

  // opened from the table: the keyboard follows to the district
  const fromTable = onBack !== undefined;
  useEffect(() => {
    if (fromTable) heading.current?.focus();
  }, [fromTable, entry.id]);

  const code = report.district.code;
  const version = report.rulesetVersion;
  return (
    <section className={styles.view} aria-labelledby={`district-${entry.id}`} data-district-view>
      {onBack && (
        <Button className={styles.back} appearance="subtle" onClick={onBack}>
          {t.back}
        </Button>
      )}
      <div className={styles.heading}>
        <h2 id={`district-${entry.id}`} ref={heading} tabIndex={-1} className={styles.title}>
          {report.district.name || t.noName}
        </h2>
        <Caption1 className={styles.meta}>
          {[code, t.fileOf(entry.file), version && t.rulesetOf(version)].filter(Boolean).join(' · ')}
        </Caption1>
      </div>
      <ReadyBanner report={report} strings={strings} />
      <DownloadBar
        strings={strings}
        state={downloads}
        hint={t.annotatedHint}
        actions={[
          { task: 'annotated', label: t.downloadAnnotated, onClick: onAnnotated },
          { task: 'districtDraft', label: t.downloadDraft, onClick: onDraft },
        ]}
      />
      <Messages error={null} warnings={marks?.warnings ?? []} done={null} />
      {report.findings.length > 0 && (
        <LevelFilter strings={strings} counts={report.counts} shown={shown} onToggle={toggle} />
      )}
      {review === null && report.counts.warning > 0 && (
        <Caption1 className={styles.meta} data-not-in-ledger>
          {strings.ledger.notInLedger}
        </Caption1>
      )}
      <ReviewContext.Provider value={review ?? null}>
        <FindingsList findings={report.findings} shown={shown} strings={strings} />
      </ReviewContext.Provider>
    </section>
  );
}
