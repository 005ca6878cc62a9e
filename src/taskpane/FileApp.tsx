/**
 * The file mode: the task pane as a plain web page over .xlsx files. A district drops its
 * workbook and gets its findings, an annotated copy and a draft; a reviewer drops the whole city
 * and gets the table of districts, the city-wide comparison and draft, and every copy in a .zip.
 * The rulesets panel loads an office's own ruleset (kept in this browser) and gives the blank
 * template of each ruleset. Files are read in the browser; nothing is uploaded.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { anyDecided, findingKey } from '../core/review';
import type { CityFinding } from '../core/city';
import type { Report } from '../core/types';
import type { Strings } from '../i18n';
import { BadFiles } from './components/BadFiles';
import { BatchStatus } from './components/BatchStatus';
import { CityPanel } from './components/CityPanel';
import { DistrictTable } from './components/DistrictTable';
import { DistrictView } from './components/DistrictView';
import { DropZone } from './components/DropZone';
import { LedgerPanel } from './components/LedgerPanel';
import { Frame } from './components/Frame';
import { Messages } from './components/Messages';
import { PageHeader } from './components/PageHeader';
import { RulesetPanel } from './components/RulesetPanel';
import { ChangesPanel } from './components/years/ChangesPanel';
import { LastYearPanel } from './components/years/LastYearPanel';
import { NextYearPanel } from './components/years/NextYearPanel';
import type { ReviewContextValue } from './components/ReviewDecision';
import { batchPlaces } from './file/batchPlace';
import type { Saver } from './file/download';
import { LAZY_ENGINES } from './file/lazy';
import { byCode } from './file/order';
import { isChecked, type CheckedEntry, type Engines } from './file/types';
import { useBatch } from './file/useBatch';
import { useCityDraft } from './file/useCityDraft';
import { useDownloads } from './file/useDownloads';
import { useDiff } from './file/useDiff';
import { useNextYear } from './file/useNextYear';
import { useGivenFiles, useLastYearNotices, usePrevious } from './file/usePrevious';
import { confirmedBy, returnPairs } from './file/years';
import { useBatchReview } from './file/useBatchReview';
import { useLedger } from './file/useLedger';
import { browserStorage } from './rulesets/store';
import type { RulesetEngine } from './rulesets/types';
import { useRulesets } from './rulesets/useRulesets';

export interface FileAppProps {
  strings: Strings;
  /** the rulesets (loaded with the page's chunk) */
  engine: RulesetEngine;
  engines?: Engines;
  /** where the loaded ruleset is kept (tests); the browser's localStorage by default */
  storage?: Storage | null;
  /** "today" for date checks (tests) */
  now?: () => Date;
  /** how bytes become a download (tests) */
  save?: Saver;
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    width: '100%',
    maxWidth: '1080px',
    marginInline: 'auto',
  },
  batch: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXXL,
    alignItems: 'start',
    '@media (min-width: 880px)': {
      gridTemplateColumns: 'minmax(0, 7fr) minmax(0, 5fr)',
      columnGap: tokens.spacingHorizontalXXXL,
    },
  },
  districts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const realNow = () => new Date();
const NO_REPORTS: readonly Report[] = [];
const NO_ENTRIES: readonly CheckedEntry[] = [];
const NO_FINDINGS: readonly CityFinding[] = [];

function DistrictsSection({ strings, children }: { strings: Strings; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.districts} aria-labelledby="districts-heading">
      <h2 id="districts-heading" className={styles.h2}>
        {strings.file.tableHeading}
      </h2>
      <p className={styles.hint}>{strings.file.tableHint}</p>
      {children}
    </section>
  );
}

function RulesetsSection({ strings, children }: { strings: Strings; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.districts} aria-labelledby="rulesets-heading">
      <h2 id="rulesets-heading" className={styles.h2}>
        {strings.rulesets.heading}
      </h2>
      {children}
    </section>
  );
}

function YearsSection({ strings, children }: { strings: Strings; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.districts} aria-labelledby="years-heading" data-years>
      <h2 id="years-heading" className={styles.h2}>
        {strings.years.heading}
      </h2>
      {children}
    </section>
  );
}

export function FileApp({
  strings,
  engine,
  engines = LAZY_ENGINES,
  storage = browserStorage(),
  now = realNow,
  save,
}: FileAppProps) {
  const styles = useStyles();
  const rulesets = useRulesets(engine, engines, strings, storage);
  const batch = useBatch(engines, strings, { rulesets: rulesets.rulesets, now });
  // across years (issue 13): last year's workbooks, next year's, and two returns of one district
  const given = useGivenFiles();
  const lastYear = usePrevious(engines, strings, { rulesets: rulesets.rulesets, now });
  const years = useLastYearNotices(
    engines,
    strings,
    batch.entries,
    lastYear.entries,
    lastYear.candidates,
    given.fileOf,
  );
  const nextYear = useNextYear(engines, strings, save, given.fileOf);
  const diff = useDiff(engines, strings, given.fileOf, save);
  const { add: addToBatch } = batch;
  const { remember } = given;
  const addFiles = useCallback(
    (files: File[]) => {
      remember(files);
      addToBatch(files);
    },
    [remember, addToBatch],
  );
  const downloads = useDownloads(engines, strings, save);
  const templates = useDownloads(engines, strings, save);
  // the reviewer's decisions on the batch's warnings (the review ledger), and its own downloads
  const ledger = useLedger(engines, strings);
  const ledgerDownloads = useDownloads(engines, strings, save);
  const [openId, setOpenId] = useState<number | null>(null);
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  const [previewWanted, setPreviewWanted] = useState(false);

  // the files given so far are checked again when the rulesets change
  const { recheck } = batch;
  const checkedWith = useRef(rulesets.rulesets);
  useEffect(() => {
    if (checkedWith.current === rulesets.rulesets) return;
    checkedWith.current = rulesets.rulesets;
    recheck();
  }, [rulesets.rulesets, recheck]);

  // with last year's notices, when last year's workbooks were given
  const checked = useMemo(() => byCode(years.entries.filter(isChecked)), [years.entries]);
  // the city-wide part counts one workbook per district, of the city, year and ruleset most have
  // (as the command does), and only once every file given is read
  const places = useMemo(() => batchPlaces(checked), [checked]);
  const resubmitted = useMemo(() => returnPairs(checked, places.status), [checked, places.status]);
  // the included workbooks as the reviewer decided: the drafts follow the ledger
  const reading = batch.progress !== null;
  // one workbook is shown at once, unless more of the same round are coming: then the table (a
  // batch never opens its first district for a moment, only to swap it for the list)
  const moreComing = batch.progress !== null && batch.progress.total > 1;
  const single: CheckedEntry | undefined = checked.length === 1 && !moreComing ? checked[0] : undefined;
  const opened = checked.find((e) => e.id === openId);
  const shown = single ?? opened;
  // the whole batch reviewed (its ledger applied, the city compared, where each district leads it,
  // which its letter says too) once it is read, or for the district shown: not again for each file
  // that comes in while the list is shown; in slices that leave the page free (file/useBatchReview)
  const wantsCity = !reading && places.included.length > 1 ? places.ruleset : null;
  const reviewing = useBatchReview(reading && !shown ? NO_ENTRIES : places.included, ledger.decisions, wantsCity);
  const { review, latest: latestReview } = reviewing;
  // the city's part waits for the batch's review as it waits for the files
  const cityState = reading || !review ? 'reading' : places.included.length > 1 ? 'ready' : 'tooFew';
  const cityRuleset = cityState === 'ready' ? places.ruleset : null;
  const cityReports = cityState === 'ready' && review ? review.cityReports : NO_REPORTS;
  const city = cityState === 'ready' && review ? review.city : NO_FINDINGS;
  const preview = useCityDraft(engines, cityReports, cityRuleset, previewWanted);
  const badCount = batch.entries.length - checked.length;

  // a batch's district takes the reviewer's decisions, unless it is not counted for the city
  const { decisions, decide } = ledger;
  const shownReview = useMemo((): ReviewContextValue | null | undefined => {
    if (!shown || single) return undefined;
    if (!places.status.get(shown.id)?.included) return null;
    const code = shown.outcome.report.district.code;
    const { ruleset } = shown.outcome;
    return {
      decided: (f) => decisions.get(findingKey(code, f)),
      decide: (f, d) => decide(code, f, d),
      nameOf: (f) => ruleset.labelOf(f.indicator),
    };
  }, [shown, single, places.status, decisions, decide]);
  const setAside = useMemo(
    () =>
      checked.flatMap((entry) => {
        const s = places.status.get(entry.id);
        return s && !s.included ? [{ entry, why: `${strings.file.setAside[s.reason]}：${s.detail}` }] : [];
      }),
    [checked, places.status, strings],
  );

  // stable handlers (dismiss is): the rows of a long list are not rendered again for them
  const { dismiss: dismissDownload } = downloads;
  const open = useCallback(
    (id: number) => {
      dismissDownload();
      setOpenId(id);
    },
    [dismissDownload],
  );
  const back = useCallback(() => {
    downloads.dismiss();
    setLastOpened(openId);
    setOpenId(null);
  }, [downloads, openId]);
  const { reset: resetLedger } = ledger;
  const clear = useCallback(() => {
    downloads.dismiss();
    setOpenId(null);
    setLastOpened(null);
    batch.clear();
    resetLedger();
  }, [downloads, batch, resetLedger]);
  const { remove } = batch;
  const removeOne = useCallback(
    (id: number) => {
      dismissDownload();
      remove(id);
    },
    [dismissDownload, remove],
  );

  // the top of the page, the same while a batch is read: not rendered again for each result
  const { state: rulesetsState, load: loadRuleset, remove: removeRuleset } = rulesets;
  const { template: downloadTemplate, state: templateState } = templates;
  const top = useMemo(
    () => (
      <>
        <PageHeader strings={strings} />
        <DropZone strings={strings} onFiles={addFiles} />
        <RulesetsSection strings={strings}>
          <RulesetPanel
            strings={strings}
            state={rulesetsState}
            onLoad={(file) => void loadRuleset(file)}
            onRemove={removeRuleset}
            onTemplate={(r) => void downloadTemplate(r)}
            templateState={templateState}
          />
        </RulesetsSection>
      </>
    ),
    [strings, addFiles, rulesetsState, loadRuleset, removeRuleset, downloadTemplate, templateState],
  );

  return (
    <Frame lang={strings.locale}>
      <div className={styles.page} data-mode="file">
        {top}
        <YearsSection strings={strings}>
          <LastYearPanel
            strings={strings}
            entries={lastYear.entries}
            reading={lastYear.reading}
            comparing={years.comparing}
            error={lastYear.error}
            lines={years.lines}
            onFiles={lastYear.add}
            onRemove={lastYear.remove}
            onClear={lastYear.clear}
          />
          {checked.length > 0 && (
            <NextYearPanel
              strings={strings}
              rulesets={rulesets.rulesets}
              districts={places.included.length}
              reviewed={anyDecided(ledger.decisions)}
              state={nextYear.state}
              onDownload={(next) => void nextYear.download(places.included, next, confirmedBy(ledger.decisions))}
            />
          )}
        </YearsSection>
        {(batch.entries.length > 0 || batch.progress) && (
          <BatchStatus
            strings={strings}
            progress={batch.progress}
            checked={checked.length}
            bad={badCount}
            files={batch.entries.length}
            onClear={clear}
          />
        )}
        <Messages error={batch.error} warnings={[]} done={null} />
        <BadFiles entries={batch.entries} strings={strings} onRemove={removeOne} />
        {shown ? (
          <DistrictView
            key={shown.id}
            entry={shown}
            strings={strings}
            downloads={downloads.state}
            onAnnotated={() => void downloads.annotated(shown)}
            onDraft={() =>
              // the review of the batch as it is now (a decision just made is in it)
              void latestReview().then((now) =>
                downloads.districtDraft(shown, {
                  report: now.reports.get(shown.id),
                  city: now.reports.has(shown.id) ? now.city : [],
                  leads: now.reports.has(shown.id) ? now.leads() : [],
                }),
              )
            }
            onBack={single ? undefined : back}
            review={shownReview}
          />
        ) : (
          (checked.length > 1 || (checked.length === 1 && moreComing)) && (
            <div className={styles.batch}>
              <DistrictsSection strings={strings}>
                <DistrictTable
                  entries={checked}
                  strings={strings}
                  onOpen={open}
                  focusId={lastOpened}
                  status={places.status}
                  onRemove={removeOne}
                />
                {/* the reviewer's decisions, under the districts they are about */}
                {cityState !== 'reading' && review && (
                  <LedgerPanel
                    strings={strings}
                    counts={review.counts}
                    downloads={ledgerDownloads.state}
                    onDownload={() => void latestReview().then((now) => ledgerDownloads.ledger(now.rows))}
                    onLoad={(file) => void ledger.load(file, places.reports)}
                    loading={ledger.loading}
                    notice={ledger.notice}
                  />
                )}
              </DistrictsSection>
              <CityPanel
                strings={strings}
                state={cityState}
                districts={places.included.length}
                ready={places.included.filter((e) => e.outcome.report.readyToReturn).length}
                setAside={places.setAside}
                cityFindings={city}
                charts={cityRuleset ? { reports: cityReports, ruleset: cityRuleset } : null}
                preview={preview}
                onPreviewToggle={setPreviewWanted}
                downloads={downloads.state}
                onCityDraft={() =>
                  cityRuleset && void latestReview().then((r) => downloads.cityDraft(r.cityReports, cityRuleset))
                }
                onZip={() =>
                  void latestReview().then((r) =>
                    downloads.zip({ included: places.included, setAside, review: r, now: now() }),
                  )
                }
              />
            </div>
          )
        )}
        {!shown && (
          <ChangesPanel
            strings={strings}
            pairs={resubmitted}
            stateOf={diff.stateOf}
            copy={diff.copy}
            onShow={(pair) => void diff.show(pair)}
            onDownload={(pair) => void diff.download(pair)}
          />
        )}
      </div>
    </Frame>
  );
}
