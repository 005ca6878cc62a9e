import { Caption1, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../../i18n';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  privacy: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorPaletteGreenForeground1,
  },
});

function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none">
      <rect x="2" y="5.5" width="8" height="5.5" rx="1" stroke="currentColor" />
      <path d="M4 5.5V4a2 2 0 1 1 4 0v1.5" stroke="currentColor" />
    </svg>
  );
}

/** The page's title, what it is, and that files stay on this computer. */
export function PageHeader({ strings }: { strings: Strings }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.title}>
        {strings.app.title}
      </Title3>
      <Subtitle2 as="p" className={styles.subtitle}>
        {strings.file.subtitle}
      </Subtitle2>
      <Caption1 className={styles.privacy} data-privacy>
        <LockIcon />
        {strings.file.privacy}
      </Caption1>
    </header>
  );
}
