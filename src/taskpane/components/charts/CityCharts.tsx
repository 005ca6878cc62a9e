/**
 * The batch's pictures on the page (issue 12, item 5): the grid of unmet requirements and one bar
 * chart per compared figure, laid out for the pane's width (350 px to a full screen). Loaded as a
 * chunk of its own (`charts`) only when a batch's city results are shown.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { batchCharts } from '../../../core/charts/data';
import { barsLayout, gridLayout } from '../../../core/charts/svg';
import { barsTable, barsTitle, gridTable } from '../../../core/charts/tables';
import type { Ruleset } from '../../../core/ruleset/model';
import type { Report } from '../../../core/types';
import type { Strings } from '../../../i18n';
import { ChartFigure } from './ChartFigure';
import { useWidth } from './useWidth';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  h3: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CityChartsProps {
  strings: Strings;
  reports: readonly Report[];
  ruleset: Ruleset;
}

/** Never narrower than this: below it the charts scroll sideways. */
const MIN_WIDTH = 300;
/** Bars stop growing here, so that a full-screen page does not stretch them across. */
const MAX_BARS_WIDTH = 760;

export default function CityCharts({ strings, reports, ruleset }: CityChartsProps) {
  const styles = useStyles();
  const t = strings.charts;
  const [ref, measured] = useWidth<HTMLDivElement>(600);
  const width = Math.max(MIN_WIDTH, measured);
  const charts = useMemo(() => batchCharts(reports, ruleset), [reports, ruleset]);
  const bars = charts.bars.filter((c) => c.bars.some((b) => b.value !== null));
  return (
    <section className={styles.section} ref={ref} aria-labelledby="city-charts-heading" data-city-charts>
      <h3 id="city-charts-heading" className={styles.h3}>
        {t.heading}
      </h3>
      {charts.grid.max > 0 ? (
        <ChartFigure
          strings={strings}
          title={t.gridTitle}
          hint={t.gridHint}
          layout={gridLayout(charts.grid, width)}
          table={gridTable(charts.grid)}
        />
      ) : (
        <Caption1 className={styles.muted}>{t.gridNone}</Caption1>
      )}
      {bars.map((chart) => (
        <ChartFigure
          key={chart.comparisons.join()}
          strings={strings}
          title={barsTitle(chart)}
          hint={chart.city !== null || chart.requirements.length ? t.barsHint : undefined}
          layout={barsLayout(chart, Math.min(width, MAX_BARS_WIDTH))}
          table={barsTable(chart)}
        />
      ))}
      {bars.length === 0 && <Caption1 className={styles.muted}>{t.noCharts}</Caption1>}
    </section>
  );
}
