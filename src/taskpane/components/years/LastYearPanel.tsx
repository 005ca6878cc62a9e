import { Body1Strong, Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Strings } from '../../../i18n';
import type { BatchEntry } from '../../file/types';
import { FilePicker } from '../FilePicker';
import { useFileDrop } from '../useFileDrop';
import { Messages } from '../Messages';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  active: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { wordBreak: 'break-word' },
  file: { fontWeight: tokens.fontWeightSemibold },
  remove: { minWidth: 0, marginLeft: tokens.spacingHorizontalS, verticalAlign: 'baseline' },
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface LastYearPanelProps {
  strings: Strings;
  /** last year's files, each checked with its own ruleset */
  entries: readonly BatchEntry[];
  reading: string | null;
  comparing: boolean;
  error: string | null;
  lines: { unused: string[]; without: string[]; failed: string[] };
  onFiles(files: File[]): void;
  onRemove(id: number): void;
  onClear(): void;
}

/** 上年度填报表（可选）: a second drop zone, last year's files as read, and what could not be used. */
export function LastYearPanel(props: LastYearPanelProps) {
  const { strings, entries, lines } = props;
  const styles = useStyles();
  const t = strings.years;
  const { over, handlers } = useFileDrop(props.onFiles);
  const read = entries.filter((e) => e.outcome.status === 'checked');

  return (
    <div className={styles.panel} data-last-year>
      <h3 className={styles.h3}>{t.previousTitle}</h3>
      <Caption1 className={styles.hint}>{t.previousHint}</Caption1>
      <div
        className={mergeClasses(styles.zone, over && styles.active)}
        role="group"
        aria-label={t.previousTitle}
        data-last-year-zone
        {...handlers}
      >
        <Body1Strong>{over ? t.previousActive : t.previousDrop}</Body1Strong>
        <FilePicker
          label={t.previousChoose}
          inputLabel={t.previousInputLabel}
          appearance="secondary"
          onFiles={props.onFiles}
        />
        {entries.length > 0 && (
          <Button appearance="subtle" onClick={props.onClear}>
            {t.clear}
          </Button>
        )}
      </div>
      {props.reading && <Spinner size="tiny" labelPosition="after" label={t.previousReading(props.reading)} />}
      {props.comparing && <Spinner size="tiny" labelPosition="after" label={t.comparing} />}
      {read.length > 0 && (
        <>
          <Caption1>{t.previousCount(read.length)}</Caption1>
          <ul className={styles.list} data-last-year-files>
            {read.map((e) => {
              const d = e.outcome.status === 'checked' ? e.outcome.report.district : null;
              return (
                <li key={e.id} className={styles.item} data-file={e.file}>
                  <span className={styles.file}>{e.file}</span>
                  {strings.file.colon}
                  {d ? t.previousLine(d.name || d.code, d.year === null ? '' : String(d.year)) : ''}
                  <Button
                    className={styles.remove}
                    appearance="transparent"
                    size="small"
                    aria-label={t.remove(e.file)}
                    onClick={() => props.onRemove(e.id)}
                  >
                    {strings.file.remove}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Messages error={props.error} warnings={lines.failed} done={null} />
      {lines.unused.length > 0 && (
        <div data-last-year-unused>
          <Caption1>{t.unusedTitle(lines.unused.length)}</Caption1>
          <ul className={styles.lines}>
            {lines.unused.map((line) => (
              <li key={line} className={styles.item} data-line>
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
      {lines.without.length > 0 && (
        <div data-last-year-without>
          <Caption1>{t.withoutTitle}</Caption1>
          <ul className={styles.lines}>
            {lines.without.map((line) => (
              <li key={line} className={styles.item} data-line>
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
