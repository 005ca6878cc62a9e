import { Caption1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SvgLayout } from '../../../core/charts/svg';
import type { ChartTable as Table } from '../../../core/charts/tables';
import type { Strings } from '../../../i18n';
import { ChartTable } from './ChartTable';
import { SvgChart } from './SvgChart';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    position: 'relative',
    contentVisibility: 'auto',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  /** a chart wider than the pane scrolls sideways instead of shrinking its text */
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  toggle: { alignSelf: 'flex-start' },
});

export interface ChartFigureProps {
  strings: Strings;
  title: string;
  hint?: string;
  layout: SvgLayout;
  table: Table;
  /** how many of the picture's shapes and of the table's rows are mounted yet (all by default) */
  shapes?: number;
  rows?: number;
}

/** One chart: its title, the picture, a hint on how to read it and its numbers as a table. */
export function ChartFigure({ strings, title, hint, layout, table, shapes, rows }: ChartFigureProps) {
  const styles = useStyles();
  const t = strings.charts;
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <figure
      className={styles.figure}
      data-chart={title}
      // a chart far from the screen is laid out and painted only when scrolled to (a batch of
      // 1,000 districts makes charts 24,000 px tall); it stays in the page and the accessibility tree
      style={{ containIntrinsicSize: `auto ${layout.height + 120}px` }}
    >
      <h4 id={`${id}-title`} className={styles.title}>
        {title}
      </h4>
      {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
      <div className={styles.scroll} data-chart-scroll>
        <SvgChart layout={layout} labelledBy={`${id}-title`} shown={shapes} />
      </div>
      <ToggleButton
        className={styles.toggle}
        size="small"
        appearance="subtle"
        checked={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t.hideTable : t.showTable}
      </ToggleButton>
      <ChartTable id={`${id}-table`} table={table} caption={t.tableCaption(title)} visible={showTable} shown={rows} />
    </figure>
  );
}
