/**
 * The batch's charts in Excel (reviewer mode, issue 12 item 5): a sheet 全市比较图表 holding each
 * chart's numbers, with native Excel charts over them — a stacked column chart of the grid of
 * unmet requirements (its table coloured as a heat map), and for each compared figure a clustered
 * column chart of the districts whose city figure and requirement are extra series drawn as lines.
 *
 * Requirement sets: charts, their titles, legends, positions and series fills are ExcelApi 1.1;
 * drawing a series as a line over columns (`ChartSeries.chartType`), its dash and weight need 1.7.
 * Before 1.7 each column chart covers the districts' figures only and its title names the city
 * figure and the requirement instead.
 *
 * Loaded as a chunk of its own (`charts`) the first time the reviewer writes the charts.
 *
 * Round trips, whatever the number of charts: the sheet found or added (two syncs), its old charts
 * loaded (one), then everything written in one.
 */
import { colLetter } from '../../core/address';
import type { BatchCharts, ComparisonChart } from '../../core/charts/data';
import { CHART_MSG } from '../../core/charts/messages';
import { COLOURS, heatColour } from '../../core/charts/svg';
import { barsTitle, gridTable } from '../../core/charts/tables';
import type { HostStrings } from '../../i18n';
import { CHARTS_SHEET, type ChartSheetResult } from '../host';
import type { XChart, XContext, XWorksheet } from './api';
import { replaceSheet } from './sheets';
import { asText } from './text';

export { CHARTS_SHEET };

type Cell = string | number;

interface Block {
  title: string;
  /** header row, then one row per district */
  rows: Cell[][];
  /** columns of `rows` the chart covers, from the first */
  chartColumns: number;
  kind: 'grid' | 'bars';
  chart?: ComparisonChart;
  /** heat colours of the grid's count cells, by row and column of `rows` (header excluded) */
  fills?: string[][];
}

/** Rows a chart covers at least, so that the next block's chart never overlaps it. */
const CHART_ROWS = 16;
/** The chart sits from this column on, right of the widest table (the grid's). */
const CHART_GAP = 1;
const CHART_WIDTH_COLUMNS = 8;

function gridBlock(charts: BatchCharts): Block | null {
  if (charts.grid.max === 0) return null;
  const table = gridTable(charts.grid);
  return {
    title: CHART_MSG.gridTitle,
    rows: [table.header, ...charts.grid.districts.map((d, i) => [d.name, ...charts.grid.counts[i]!])],
    chartColumns: table.header.length,
    kind: 'grid',
    fills: charts.grid.counts.map((row) => row.map((n) => heatColour(n, charts.grid.max))),
  };
}

function barsBlock(chart: ComparisonChart, lines: boolean): Block {
  const city = chart.city === null ? [] : [CHART_MSG.cityColumn(chart.unit)];
  const header: Cell[] = [
    CHART_MSG.district,
    CHART_MSG.valueColumn(chart.unit),
    ...city,
    ...chart.requirements.map((r) => r.label),
  ];
  const rows: Cell[][] = chart.bars.map((b) => [
    b.district.name,
    b.value === null ? '' : Number(b.text),
    ...(chart.city === null ? [] : [chart.city]),
    ...chart.requirements.map((r) => r.value),
  ]);
  const title = lines
    ? barsTitle(chart)
    : [barsTitle(chart), [chart.cityLabel, ...chart.requirements.map((r) => r.label)].filter(Boolean).join('，')]
        .filter(Boolean)
        .join(' ');
  return { title, rows: [header, ...rows], chartColumns: lines ? header.length : 2, kind: 'bars', chart };
}

/** The blocks of the sheet: the grid, then one per compared figure that has a figure to show. */
export function chartBlocks(charts: BatchCharts, lines: boolean): Block[] {
  const grid = gridBlock(charts);
  const bars = charts.bars.filter((c) => c.bars.some((b) => b.value !== null)).map((c) => barsBlock(c, lines));
  return [...(grid ? [grid] : []), ...bars];
}

const value = (c: Cell) => (typeof c === 'number' ? c : asText(c));

/**
 * Writes (replaces) the charts sheet: each block's title and table, its chart beside it. An
 * existing sheet is cleared and its charts deleted, never the sheet itself (undo, references).
 */
export async function writeChartSheet(
  ctx: XContext,
  text: HostStrings,
  charts: BatchCharts,
  opts: { lines: boolean; widths: boolean; name?: string },
): Promise<ChartSheetResult> {
  const name = opts.name ?? CHARTS_SHEET;
  const { ws } = await replaceSheet(ctx, text, name);
  const old = ws.charts.load('items/name');
  await ctx.sync();
  for (const c of old.items) c.delete();

  const blocks = chartBlocks(charts, opts.lines);
  const widest = Math.max(1, ...blocks.map((b) => b.rows[0]!.length));
  const chartCol = colLetter(widest + CHART_GAP + 1);
  const chartEnd = colLetter(widest + CHART_GAP + CHART_WIDTH_COLUMNS);
  const heading = ws.getRange('A1');
  heading.values = [[asText(CHART_MSG.figuresAnnexTitle)]];
  heading.format.font.bold = true;
  heading.format.font.size = 14;
  if (opts.widths) ws.getRange('A1').format.columnWidth = 110;

  let top = 3;
  let added = 0;
  for (const block of blocks) {
    const width = block.rows[0]!.length;
    const titleCell = ws.getRange(`A${top}`);
    titleCell.values = [[asText(block.title)]];
    titleCell.format.font.bold = true;
    const first = top + 1;
    const last = first + block.rows.length - 1;
    const table = ws.getRange(`A${first}:${colLetter(width)}${last}`);
    table.values = block.rows.map((r) => r.map(value));
    const header = ws.getRange(`A${first}:${colLetter(width)}${first}`).format;
    header.font.bold = true;
    header.fill.color = '#F2F2F2';
    header.wrapText = true;
    block.fills?.forEach((row, i) =>
      row.forEach((fill, j) => {
        if (fill !== COLOURS.heat[0]) ws.getRange(`${colLetter(j + 2)}${first + 1 + i}`).format.fill.color = fill;
      }),
    );
    const chart = addChart(ws, block, `A${first}:${colLetter(block.chartColumns)}${last}`, opts.lines);
    const chartBottom = top + CHART_ROWS;
    chart.setPosition(`${chartCol}${top}`, `${chartEnd}${chartBottom}`);
    added++;
    top = Math.max(last, chartBottom) + 2;
  }
  ws.activate();
  await ctx.sync();
  return { sheet: name, charts: added, lines: opts.lines };
}

/** A native chart over a block's table: stacked columns for the grid, columns with lines for a figure. */
function addChart(ws: XWorksheet, block: Block, address: string, lines: boolean): XChart {
  const chart = ws.charts.add(
    block.kind === 'grid' ? 'ColumnStacked' : 'ColumnClustered',
    ws.getRange(address),
    'Columns',
  );
  chart.title.text = block.title;
  chart.legend.position = 'Bottom';
  if (block.kind === 'grid' || !block.chart) {
    // each area's series in its heat-scale neighbour would say nothing: Excel's own palette
    return chart;
  }
  const c = block.chart;
  chart.series.getItemAt(0).format.fill.setSolidColor(COLOURS.bar);
  if (!lines) {
    chart.legend.visible = false;
    return chart;
  }
  let i = 1;
  if (c.city !== null) {
    const city = chart.series.getItemAt(i++);
    city.chartType = 'Line';
    city.markerStyle = 'None';
    city.format.line.color = COLOURS.city;
    city.format.line.weight = 2;
  }
  for (let k = 0; k < c.requirements.length; k++) {
    const req = chart.series.getItemAt(i++);
    req.chartType = 'Line';
    req.markerStyle = 'None';
    req.format.line.color = COLOURS.requirement;
    req.format.line.lineStyle = 'Dash';
    req.format.line.weight = 2;
  }
  return chart;
}
