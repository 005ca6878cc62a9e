import { Body1Strong, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/types';
import type { Strings } from '../../../i18n';
import type { CopyState, PairState } from '../../file/useDiff';
import type { ReturnPair } from '../../file/years';
import { Messages } from '../Messages';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  pair: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  name: { wordBreak: 'break-word' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { wordBreak: 'break-word' },
});

export interface ChangesPanelProps {
  strings: Strings;
  pairs: readonly ReturnPair[];
  stateOf(pair: ReturnPair): PairState | undefined;
  copy: CopyState;
  onShow(pair: ReturnPair): void;
  onDownload(pair: ReturnPair): void;
}

function FindingLines({ heading, list, strings }: { heading: string; list: readonly Finding[]; strings: Strings }) {
  const styles = useStyles();
  if (!list.length) return null;
  return (
    <div>
      <Caption1>{heading}</Caption1>
      <ul className={styles.list}>
        {list.map((f, i) => (
          <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} className={styles.item} data-change-finding>
            {`${strings.levels[f.level]}  ${f.sheet}!${f.cell}  ${f.message}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 修改对照: for each district that returned twice, what changed between the two returns. */
export function ChangesPanel({ strings, pairs, stateOf, copy, onShow, onDownload }: ChangesPanelProps) {
  const styles = useStyles();
  const t = strings.years;
  if (!pairs.length) return null;
  return (
    <section className={styles.panel} aria-labelledby="changes-heading" data-changes>
      <h2 id="changes-heading" className={styles.h2}>
        {t.changesTitle}
      </h2>
      <p className={styles.hint}>{t.changesHint}</p>
      {pairs.map((pair) => {
        const state = stateOf(pair);
        return (
          <div key={pair.key} className={styles.pair} data-change-pair={pair.name}>
            <Body1Strong className={styles.name}>
              {t.changesPair(pair.name, pair.before.file, pair.after.file)}
            </Body1Strong>
            <div className={styles.row}>
              <Button
                appearance="secondary"
                disabled={state?.status === 'busy'}
                onClick={() => onShow(pair)}
                aria-expanded={state?.status === 'done'}
              >
                {t.changesShow}
              </Button>
              <Button
                appearance="subtle"
                disabled={copy.busy !== null}
                icon={copy.busy === pair.key ? <Spinner size="extra-tiny" /> : undefined}
                onClick={() => onDownload(pair)}
              >
                {t.changesDownload}
              </Button>
            </div>
            {state?.status === 'busy' && <Spinner size="tiny" labelPosition="after" label={t.changesBusy} />}
            {state?.status === 'failed' && <Messages error={t.failed(state.error)} warnings={[]} done={null} />}
            {state?.status === 'done' && (
              <div data-changes-result>
                <Caption1>{t.changedCells(state.changes.cells.length)}</Caption1>
                <ul className={styles.list}>
                  {state.changes.cells.map((c) => (
                    <li key={`${c.sheet}!${c.cell}`} className={styles.item} data-changed-cell>
                      {t.cellChange(c.sheet, c.cell, c.before, c.after)}
                    </li>
                  ))}
                </ul>
                <Caption1>
                  {t.changedFindings(
                    state.changes.findings.resolved.length,
                    state.changes.findings.added.length,
                    state.changes.findings.remaining.length,
                  )}
                </Caption1>
                <FindingLines heading={t.resolved} list={state.changes.findings.resolved} strings={strings} />
                <FindingLines heading={t.added} list={state.changes.findings.added} strings={strings} />
                <FindingLines heading={t.remaining} list={state.changes.findings.remaining} strings={strings} />
              </div>
            )}
          </div>
        );
      })}
      <Messages error={copy.error} warnings={[]} done={copy.done} />
    </section>
  );
}
