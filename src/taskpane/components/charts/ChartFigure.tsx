import { Caption1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SvgLayout } from '../../../core/charts/svg';
import type { ChartTable as Table } from '../../../core/charts/tables';
import type { Strings } from '../../../i18n';
import { ChartTable } from './ChartTable';
import { SvgChart } from './SvgChart';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, position: 'relative' },
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
}

/** One chart: its title, the picture, a hint on how to read it and its numbers as a table. */
export function ChartFigure({ strings, title, hint, layout, table }: ChartFigureProps) {
  const styles = useStyles();
  const t = strings.charts;
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <figure className={styles.figure} data-chart={title}>
      <h4 id={`${id}-title`} className={styles.title}>
        {title}
      </h4>
      {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
      <div className={styles.scroll} data-chart-scroll>
        <SvgChart layout={layout} labelledBy={`${id}-title`} />
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
      <ChartTable id={`${id}-table`} table={table} caption={t.tableCaption(title)} visible={showTable} />
    </figure>
  );
}
