/**
 * The batch's pictures as figures of the city draft: an annex 全市比较图表 with the grid and one
 * bar chart per compared figure, each a `figure` block (caption 图1 …, the numbers, and a PNG when
 * the caller can rasterise SVG: the command with resvg, the page with a canvas). The city drafter
 * can call `figureBlocks`; the places that write the .docx append them with `withFigures`.
 */
import { numberAnnexes } from '../feedback/annexes';
import type { Ruleset } from '../ruleset/model';
import type { Draft, DraftBlock, FigureImage, Report } from '../types';
import { batchCharts, type BatchCharts } from './data';
import { CHART_MSG } from './messages';
import { barsLayout, gridLayout, svgMarkup, type SvgLayout } from './svg';
import { barsTable, barsTitle, gridTable, type ChartTable } from './tables';

/** Width of a figure in CSS pixels: the text block of an A4 page in the GB/T 9704 layout (156 mm). */
export const FIGURE_WIDTH = 590;

export interface ChartFigure {
  title: string;
  layout: SvgLayout;
  table: ChartTable;
}

/** The figures worth drawing: the grid when something is unmet, each chart with a figure to show. */
export function chartFigures(charts: BatchCharts, width = FIGURE_WIDTH): ChartFigure[] {
  const out: ChartFigure[] = [];
  if (charts.grid.max > 0) {
    out.push({ title: CHART_MSG.gridTitle, layout: gridLayout(charts.grid, width), table: gridTable(charts.grid) });
  }
  for (const chart of charts.bars) {
    if (!chart.bars.some((b) => b.value !== null)) continue;
    out.push({ title: barsTitle(chart), layout: barsLayout(chart, width), table: barsTable(chart) });
  }
  return out;
}

/** Turns an SVG document of the given size into PNG bytes. */
export type Rasterise = (svg: string, width: number, height: number) => Promise<Uint8Array>;

/**
 * The annex of figures for a batch: its mark, its title and one figure block per chart; none when
 * there is nothing to draw. Without `rasterise` (or when it fails for a figure) a block has no
 * image, and the .docx shows its numbers instead.
 */
export async function figureBlocks(
  reports: readonly Report[],
  ruleset: Ruleset,
  rasterise?: Rasterise,
): Promise<DraftBlock[]> {
  const figures = chartFigures(batchCharts(reports, ruleset));
  if (figures.length === 0) return [];
  const blocks: DraftBlock[] = [
    { style: 'annex', text: CHART_MSG.annexLabel },
    { style: 'title', text: CHART_MSG.figuresAnnexTitle },
  ];
  const images = await Promise.all(
    figures.map(async (f): Promise<FigureImage | undefined> => {
      if (!rasterise) return undefined;
      try {
        const png = await rasterise(svgMarkup(f.layout), f.layout.width, f.layout.height);
        return { png, width: f.layout.width, height: f.layout.height };
      } catch {
        return undefined;
      }
    }),
  );
  figures.forEach((f, i) => {
    const image = images[i];
    blocks.push({
      style: 'figure',
      text: CHART_MSG.caption(i + 1, f.title),
      header: f.table.header,
      rows: f.table.rows,
      ...(image ? { image } : {}),
    });
  });
  return blocks;
}

/** The draft with the figure blocks after everything else (a new annex). */
export function withFigures(draft: Draft, blocks: readonly DraftBlock[]): Draft {
  return blocks.length ? numberAnnexes({ ...draft, blocks: [...draft.blocks, ...blocks] }) : draft;
}
