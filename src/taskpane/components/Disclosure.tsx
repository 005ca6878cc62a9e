import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toggle: {
    justifyContent: 'space-between',
    width: '100%',
    paddingLeft: 0,
    paddingRight: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  chevron: {
    display: 'inline-block',
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFaster,
    color: tokens.colorNeutralForeground3,
  },
  open: { transform: 'rotate(90deg)' },
});

export interface DisclosureProps {
  title: string;
  children: ReactNode;
  onToggle?: (open: boolean) => void;
  /** open at first (when it has something to say) */
  defaultOpen?: boolean;
}

/** A titled part that stays folded until wanted (a plain button with aria-expanded). */
export function Disclosure({ title, children, onToggle, defaultOpen = false }: DisclosureProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className={styles.box}>
      <Button
        appearance="subtle"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen(!open);
          onToggle?.(!open);
        }}
        icon={{
          children: (
            <span className={open ? `${styles.chevron} ${styles.open}` : styles.chevron} aria-hidden="true">
              ›
            </span>
          ),
        }}
        iconPosition="after"
      >
        {title}
      </Button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
