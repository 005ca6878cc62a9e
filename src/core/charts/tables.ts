/**
 * Each chart's numbers as a table: what a screen reader reads on the page, what the .txt draft
 * prints under a figure's caption, and what the Excel sheet holds under its native chart.
 */
import { cityText } from '../city';
import { fmtNum } from '../format';
import type { AreaGrid, ComparisonChart } from './data';
import { CHART_MSG } from './messages';

export interface ChartTable {
  header: string[];
  rows: string[][];
}

export function gridTable(grid: AreaGrid): ChartTable {
  return {
    header: [CHART_MSG.district, ...grid.areas],
    rows: grid.districts.map((d, i) => [d.name, ...grid.counts[i]!.map(String)]),
  };
}

/** One row per district: its figure, the city figure and each requirement (the same on every row). */
export function barsTable(chart: ComparisonChart): ChartTable {
  const city = chart.city === null ? [] : [CHART_MSG.cityColumn(chart.unit)];
  return {
    header: [CHART_MSG.district, CHART_MSG.valueColumn(chart.unit), ...city, ...chart.requirements.map((r) => r.label)],
    rows: chart.bars.map((b) => [
      b.district.name,
      b.text,
      ...(chart.city === null ? [] : [cityText(chart.city)]),
      ...chart.requirements.map((r) => fmtNum(r.value)),
    ]),
  };
}

/** The title a bar chart goes by (a figure's caption, a sheet's heading). */
export function barsTitle(chart: ComparisonChart): string {
  return CHART_MSG.barsTitle(chart.name) + (chart.unit ? `（${chart.unit}）` : '');
}
