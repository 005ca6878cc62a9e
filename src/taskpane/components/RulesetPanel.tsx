import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RulesetProblem } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import type { Strings } from '../../i18n';
import type { DownloadState } from '../file/useDownloads';
import { problemPlace } from '../rulesets/problems';
import type { RulesetNotice, RulesetsState } from '../rulesets/useRulesets';
import { BusyBar } from './BusyBar';
import { FilePicker } from './FilePicker';
import { Messages } from './Messages';

/** What the ruleset dialog shows: authoring workbooks and the JSON form. */
export const RULESET_ACCEPT = '.xlsx,.xlsm,.json';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  replaced: { color: tokens.colorNeutralForeground3 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '12em' },
  name: { wordBreak: 'break-word' },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  problems: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: '18em',
    overflowY: 'auto',
  },
  problem: { wordBreak: 'break-word' },
  level: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  place: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
});

export interface RulesetPanelProps {
  strings: Strings;
  state: RulesetsState;
  onLoad(file: File): void;
  onRemove(): void;
  /** the page: a ruleset's blank template to download (the pane has no downloads) */
  onTemplate?: (ruleset: Ruleset) => void;
  templateState?: DownloadState;
}

/** Every problem of a ruleset file, each with its `工作表!单元格`. */
function ProblemList({ problems, strings }: { problems: readonly RulesetProblem[]; strings: Strings }) {
  const styles = useStyles();
  const t = strings.rulesets;
  if (!problems.length) return null;
  return (
    <ul className={styles.problems} data-ruleset-problems>
      {problems.map((p, i) => {
        const place = problemPlace(p);
        return (
          <li key={i} className={styles.problem} data-level={p.level} data-place={place}>
            <span className={styles.level}>{p.level === 'error' ? t.error : t.warning}</span>
            {place && <span className={styles.place}>{place}</span>}
            {p.message}
          </li>
        );
      })}
    </ul>
  );
}

function NoticeView({ notice, strings }: { notice: RulesetNotice | null; strings: Strings }) {
  const t = strings.rulesets;
  if (!notice) return null;
  switch (notice.kind) {
    case 'reading':
      return <BusyBar label={t.reading(notice.file)} />;
    case 'loaded': {
      const { ruleset, file, warnings, saved } = notice;
      return (
        <>
          <Messages
            error={null}
            warnings={saved ? [] : [t.notSaved]}
            done={t.loaded(ruleset.meta.name, ruleset.version, file)}
          />
          {warnings.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-ruleset-notice="warnings">
              <MessageBarBody>
                <MessageBarTitle>{t.warnings(warnings.length)}</MessageBarTitle>
                <ProblemList problems={warnings} strings={strings} />
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      );
    }
    case 'rejected':
      return (
        <MessageBar intent="error" layout="multiline" data-ruleset-notice="rejected">
          <MessageBarBody>
            <MessageBarTitle>{t.rejected(notice.file, notice.problems.length)}</MessageBarTitle>
            <ProblemList problems={notice.problems} strings={strings} />
            {notice.kept && <div>{t.keptPrevious(notice.kept.meta.name, notice.kept.version)}</div>}
          </MessageBarBody>
        </MessageBar>
      );
    case 'dropped':
      return (
        <MessageBar intent="warning" layout="multiline" data-ruleset-notice="dropped">
          <MessageBarBody>
            <MessageBarTitle>{t.dropped(notice.file, notice.problems.length)}</MessageBarTitle>
            <ProblemList problems={notice.problems} strings={strings} />
          </MessageBarBody>
        </MessageBar>
      );
    case 'removed':
      return <Messages error={null} warnings={[]} done={t.removed(notice.ruleset.meta.name, notice.ruleset.version)} />;
    case 'failed':
      return <Messages error={notice.message} warnings={[]} done={null} />;
  }
}

interface RowProps {
  ruleset: Ruleset;
  /** where it comes from: built in, or the file it was loaded from */
  source: string;
  note?: string;
  replaced?: boolean;
  strings: Strings;
  onTemplate?: (ruleset: Ruleset) => void;
  templateBusy: boolean;
  templateDisabled: boolean;
  onRemove?: () => void;
  removeDisabled?: boolean;
}

function RulesetRow(props: RowProps) {
  const { ruleset, source, note, replaced, strings, onTemplate, onRemove } = props;
  const styles = useStyles();
  const t = strings.rulesets;
  const { name } = ruleset.meta;
  return (
    <li
      className={mergeClasses(styles.row, replaced && styles.replaced)}
      data-ruleset-version={ruleset.version}
      data-ruleset-source={onRemove ? 'loaded' : 'bundled'}
    >
      <div className={styles.text}>
        <Body1Strong className={styles.name}>{name}</Body1Strong>
        <Caption1 className={styles.meta}>{[ruleset.version, source, note].filter(Boolean).join(' · ')}</Caption1>
      </div>
      <div className={styles.buttons}>
        {onTemplate && (
          <Button
            size="small"
            aria-label={t.templateLabel(name, ruleset.version)}
            disabledFocusable={props.templateDisabled}
            icon={props.templateBusy ? <Spinner size="extra-tiny" /> : undefined}
            onClick={() => onTemplate(ruleset)}
          >
            {t.template}
          </Button>
        )}
        {onRemove && (
          <Button
            size="small"
            appearance="subtle"
            aria-label={t.removeLabel(name, ruleset.version)}
            disabled={props.removeDisabled}
            onClick={onRemove}
          >
            {t.remove}
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * The rulesets in use: the bundled one, and the ruleset file the user loaded (kept in this
 * browser, removable). Loading a file checks it; a file with errors is listed with every problem
 * and not used. On the page, each ruleset offers its blank template.
 */
export function RulesetPanel({ strings, state, onLoad, onRemove, onTemplate, templateState }: RulesetPanelProps) {
  const styles = useStyles();
  const t = strings.rulesets;
  const { bundled, loaded, notice, busy } = state;
  const sameVersion = loaded?.ruleset.version === bundled.version;
  // which row's template is being made
  const [making, setMaking] = useState<Ruleset | null>(null);
  const makingNow = templateState?.busy === 'template' ? making : null;
  const rowProps = {
    strings,
    onTemplate: onTemplate
      ? (r: Ruleset) => {
          setMaking(r);
          onTemplate(r);
        }
      : undefined,
    templateDisabled: templateState?.busy != null,
  };
  return (
    <div className={styles.panel} data-ruleset-panel>
      <ul className={styles.list} aria-label={t.heading}>
        <RulesetRow
          {...rowProps}
          ruleset={bundled}
          source={t.bundled}
          note={sameVersion ? t.replaced : undefined}
          replaced={sameVersion}
          templateBusy={makingNow === bundled}
        />
        {loaded && (
          <RulesetRow
            {...rowProps}
            ruleset={loaded.ruleset}
            source={t.loadedFrom(loaded.file)}
            note={sameVersion ? t.replacesBundled : undefined}
            templateBusy={makingNow === loaded.ruleset}
            onRemove={onRemove}
            removeDisabled={busy}
          />
        )}
      </ul>
      <div>
        <FilePicker
          label={t.load}
          inputLabel={t.inputLabel}
          appearance="secondary"
          accept={RULESET_ACCEPT}
          multiple={false}
          disabled={busy}
          onFiles={(files) => files[0] && onLoad(files[0])}
        />
      </div>
      <Caption1 className={styles.hint}>{t.hint}</Caption1>
      <div aria-live="polite">
        <NoticeView notice={notice} strings={strings} />
        {templateState && <Messages error={templateState.error} warnings={[]} done={templateState.done} />}
      </div>
    </div>
  );
}
