import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CityFinding } from '../../core/city';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import type { Strings } from '../../i18n';
import type { DraftPreview as Preview } from '../file/useCityDraft';
import type { DownloadState } from '../file/useDownloads';
import { LEVEL_LOOK } from '../levels';
import { LazyCityCharts } from './charts/LazyCityCharts';
import { DownloadBar, type DownloadAction } from './DownloadBar';
import { Disclosure } from './Disclosure';
import { DraftPreview } from './DraftPreview';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  h3: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  finding: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${LEVEL_LOOK.warning.ink}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CityPanelProps {
  strings: Strings;
  /**
   * `reading`: files are still being read, the city-wide part waits for all of them; `tooFew`:
   * fewer than two districts count for the city; `ready`: the comparison and the draft
   */
  state: 'reading' | 'tooFew' | 'ready';
  /** the districts that count for the city */
  districts: number;
  ready: number;
  /** how many workbooks were left out of the city-wide part (the table says why) */
  setAside: number;
  cityFindings: readonly CityFinding[];
  /** the batch the charts draw (the city's reports and their ruleset), when the results are ready */
  charts?: { reports: readonly Report[]; ruleset: Ruleset } | null;
  preview: Preview;
  /** the reader opened or closed the draft */
  onPreviewToggle(open: boolean): void;
  downloads: DownloadState;
  onCityDraft(): void;
  onZip(): void;
}

/** The reviewer's view of the batch: the city-wide comparison, the city-wide draft, every annotated copy. */
export function CityPanel(props: CityPanelProps) {
  const { strings, state, districts, ready, setAside, downloads } = props;
  const styles = useStyles();
  const t = strings.file;
  const heading = (
    <h2 id="city-heading" className={styles.h2}>
      {t.cityHeading}
    </h2>
  );
  if (state === 'reading') {
    return (
      <section className={styles.panel} aria-labelledby="city-heading" data-city-panel="partial">
        <div className={styles.heading}>
          {heading}
          <Body1 className={styles.note} data-city-partial>
            {t.cityPartial}
          </Body1>
        </div>
      </section>
    );
  }
  const zip: DownloadAction = { task: 'zip', label: t.downloadZip, onClick: props.onZip };
  return (
    <section className={styles.panel} aria-labelledby="city-heading" data-city-panel={state}>
      <div className={styles.heading}>
        {heading}
        <Caption1 className={styles.muted}>{t.cityCounts(districts, ready)}</Caption1>
        {setAside > 0 && (
          <Caption1 className={styles.note} data-set-aside-note>
            {t.citySetAside(setAside)}
          </Caption1>
        )}
      </div>
      {state === 'tooFew' ? (
        <>
          <Body1 className={styles.note} data-city-too-few>
            {t.cityTooFew(districts)}
          </Body1>
          <DownloadBar strings={strings} state={downloads} actions={[zip]} />
        </>
      ) : (
        <CityResults {...props} zip={zip} />
      )}
    </section>
  );
}

/** The comparison, the draft and the downloads, once every file is read and enough districts count. */
function CityResults(props: CityPanelProps & { zip: DownloadAction }) {
  const { strings, cityFindings, preview, downloads, zip } = props;
  const styles = useStyles();
  const t = strings.file;
  return (
    <>
      <DownloadBar
        strings={strings}
        state={downloads}
        actions={[{ task: 'cityDraft', label: t.downloadCityDraft, onClick: props.onCityDraft }, zip]}
      />
      <div className={styles.section}>
        <h3 className={styles.h3}>{t.cityFindingsHeading}</h3>
        {cityFindings.length ? (
          <ul className={styles.list} data-city-findings>
            {cityFindings.map((f) => (
              <li key={f.rule} className={styles.finding}>
                <Body1>{f.message}</Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Caption1 className={styles.muted}>{t.cityFindingsNone}</Caption1>
        )}
      </div>
      {props.charts && props.charts.reports.length > 1 && (
        <LazyCityCharts strings={strings} reports={props.charts.reports} ruleset={props.charts.ruleset} />
      )}
      <Disclosure title={t.previewCityDraft} onToggle={props.onPreviewToggle}>
        {preview.state === 'ready' ? (
          <DraftPreview draft={preview.draft} />
        ) : preview.state === 'failed' ? (
          <Body1>{t.moduleFailed}</Body1>
        ) : (
          <Spinner size="tiny" label={t.draftLoading} />
        )}
      </Disclosure>
    </>
  );
}
