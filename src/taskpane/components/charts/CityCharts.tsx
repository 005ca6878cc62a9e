/**
 * The batch's pictures on the page (issue 12, item 5): the grid of unmet requirements and one bar
 * chart per compared figure, laid out for the pane's width (350 px to a full screen). Loaded as a
 * chunk of its own (`charts`) only when a batch's city results are shown.
 */
import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { areaGrid, comparisonCharts, type BatchCharts } from '../../../core/charts/data';
import { barsLayout, gridLayout, type SvgLayout } from '../../../core/charts/svg';
import { barsTable, barsTitle, gridTable, type ChartTable as Table } from '../../../core/charts/tables';
import type { Ruleset } from '../../../core/ruleset/model';
import type { Report } from '../../../core/types';
import type { Strings } from '../../../i18n';
import { nextTask } from '../../file/slices';
import { ChartFigure } from './ChartFigure';
import { useGrowing } from './useGrowing';
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

interface Drawn {
  reports: readonly Report[];
  ruleset: Ruleset;
  charts: BatchCharts;
}

/**
 * batchCharts of the batch, its two parts each in a task of its own after the page has shown the
 * city's results (for 1,000 districts each part is tens of milliseconds): null until both are done.
 */
function useBatchCharts(reports: readonly Report[], ruleset: Ruleset): BatchCharts | null {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      await nextTask();
      if (!alive) return;
      const grid = areaGrid(reports, ruleset);
      await nextTask();
      if (!alive) return;
      const bars = comparisonCharts(reports, ruleset);
      if (alive) setDrawn({ reports, ruleset, charts: { grid, bars } });
    })();
    return () => {
      alive = false;
    };
  }, [reports, ruleset]);
  return drawn && drawn.reports === reports && drawn.ruleset === ruleset ? drawn.charts : null;
}

export default function CityCharts({ strings, reports, ruleset }: CityChartsProps) {
  const styles = useStyles();
  const t = strings.charts;
  const [ref, measured] = useWidth<HTMLDivElement>(600);
  const width = Math.max(MIN_WIDTH, measured);
  const charts = useBatchCharts(reports, ruleset);
  return (
    <section className={styles.section} ref={ref} aria-labelledby="city-charts-heading" data-city-charts>
      <h3 id="city-charts-heading" className={styles.h3}>
        {t.heading}
      </h3>
      {charts ? <Charts strings={strings} charts={charts} width={width} /> : <Spinner size="tiny" label={t.loading} />}
    </section>
  );
}

/** Shapes and table rows mounted with the charts (then as many a task as fit in its time). */
const ITEMS_FIRST = 400;

interface Figure {
  key: string;
  title: string;
  hint?: string;
  layout: SvgLayout;
  table: Table;
}

interface Made {
  charts: BatchCharts;
  width: number;
  figures: Figure[];
}

/**
 * The figures of the charts laid out for `width`, each in a task of its own (laying out 1,000
 * districts' bars measures 1,000 names: tens of milliseconds a chart). Until they are all laid
 * out, those made for the last width, or null.
 */
function useFigures(charts: BatchCharts, width: number, t: Strings['charts']): Figure[] | null {
  const [made, setMade] = useState<Made | null>(null);
  useEffect(() => {
    let alive = true;
    const bars = charts.bars.filter((c) => c.bars.some((b) => b.value !== null));
    const makers: (() => Figure)[] = [
      ...(charts.grid.max > 0
        ? [
            () => ({
              key: 'grid',
              title: t.gridTitle,
              hint: t.gridHint,
              layout: gridLayout(charts.grid, width),
              table: gridTable(charts.grid),
            }),
          ]
        : []),
      ...bars.map((chart) => () => ({
        key: chart.comparisons.join(),
        title: barsTitle(chart),
        ...(chart.city !== null || chart.requirements.length ? { hint: t.barsHint } : {}),
        layout: barsLayout(chart, Math.min(width, MAX_BARS_WIDTH)),
        table: barsTable(chart),
      })),
    ];
    void (async () => {
      const figures: Figure[] = [];
      for (const make of makers) {
        await nextTask();
        if (!alive) return;
        figures.push(make());
      }
      setMade({ charts, width, figures });
    })();
    return () => {
      alive = false;
    };
  }, [charts, width, t]);
  return made && made.charts === charts ? made.figures : null;
}

function Charts({ strings, charts, width }: { strings: Strings; charts: BatchCharts; width: number }) {
  const t = strings.charts;
  const figures = useFigures(charts, width, t);
  return figures ? (
    <Figures strings={strings} figures={figures} gridNone={charts.grid.max === 0} />
  ) : (
    <Spinner size="tiny" label={t.loading} />
  );
}

function Figures({ strings, figures, gridNone }: { strings: Strings; figures: Figure[]; gridNone: boolean }) {
  const styles = useStyles();
  const t = strings.charts;
  const items = figures.reduce((n, f) => n + f.layout.shapes.length + f.table.rows.length, 0);
  // the figures in order, each its shapes then its table's rows, a slice more on each task
  const mounted = useGrowing(items, ITEMS_FIRST, figures);
  let left = mounted;
  const shown = figures.map((f) => {
    // its turn has come: what is before it is all shown
    const turn = left > 0 || f.layout.shapes.length + f.table.rows.length === 0;
    const shapes = Math.min(left, f.layout.shapes.length);
    const rows = Math.min(left - shapes, f.table.rows.length);
    left -= shapes + rows;
    return { f, turn, shapes, rows };
  });
  const bars = figures.length - (gridNone ? 0 : 1);
  return (
    <>
      {gridNone && <Caption1 className={styles.muted}>{t.gridNone}</Caption1>}
      {shown.map(
        ({ f, turn, shapes, rows }) =>
          turn && (
            <ChartFigure
              key={f.key}
              strings={strings}
              title={f.title}
              hint={f.hint}
              layout={f.layout}
              table={f.table}
              shapes={shapes}
              rows={rows}
            />
          ),
      )}
      {bars === 0 && <Caption1 className={styles.muted}>{t.noCharts}</Caption1>}
      {/* while more is to come (scripts and tests wait for the charts to be whole) */}
      {mounted < items && <span hidden data-charts-drawing />}
    </>
  );
}
