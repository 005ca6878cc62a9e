import { Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { FilePicker } from './FilePicker';
import { useFileDrop } from './useFileDrop';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalS,
    minHeight: '148px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
    transitionProperty: 'background-color, border-color',
    transitionDuration: tokens.durationFaster,
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    justifyContent: 'center',
  },
  hint: { color: tokens.colorNeutralForeground3, maxWidth: '46em' },
  icon: { color: tokens.colorBrandForeground1 },
});

function UploadIcon({ className }: { className: string }) {
  return (
    <svg className={className} width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" fill="none">
      <path d="M9 4h10l7 7v15a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z" stroke="currentColor" strokeWidth="1.5" />
      <path d="M19 4v7h7" stroke="currentColor" strokeWidth="1.5" />
      <path d="M16 24v-9m0 0-3.5 3.5M16 15l3.5 3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export interface DropZoneProps {
  strings: Strings;
  onFiles(files: File[]): void;
}

/** Where workbooks are dropped, with a button that opens the file dialog (the keyboard's way in). */
export function DropZone({ strings, onFiles }: DropZoneProps) {
  const styles = useStyles();
  const t = strings.file;
  const { over, handlers } = useFileDrop(onFiles);

  return (
    <section
      className={mergeClasses(styles.zone, over && styles.active)}
      aria-label={t.dropTitle}
      data-drop-zone
      {...handlers}
    >
      <UploadIcon className={styles.icon} />
      <div className={styles.line}>
        <Body1Strong>{over ? t.dropActive : t.dropTitle}</Body1Strong>
        <Caption1>{t.dropOr}</Caption1>
        <FilePicker label={t.choose} inputLabel={t.inputLabel} onFiles={onFiles} />
      </div>
      <Caption1 className={styles.hint}>{t.dropHint}</Caption1>
    </section>
  );
}
