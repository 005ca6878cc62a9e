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
import { barsParts, gridParts, svgMarkup, type LayoutPart, type SvgLayout } from './svg';
import { barsTable, barsTitle, gridTable, type ChartTable } from './tables';

/** Width of a figure in CSS pixels: the text block of an A4 page in the GB/T 9704 layout (156 mm). */
export const FIGURE_WIDTH = 590;

/**
 * Tallest a picture is drawn, in CSS pixels: the text block is 225 mm (850 px) high, and the
 * caption under the picture takes the rest. A figure taller than that is cut into pictures.
 */
export const FIGURE_MAX_HEIGHT = 760;

/**
 * Most pictures one figure is cut into (about 200 districts). A figure of more districts is given
 * as its table of numbers only: pages of bars read worse than the table, and take long to draw.
 */
export const MOST_PICTURES = 8;

/** One picture of a figure and the numbers it shows. */
export interface FigurePart {
  layout: SvgLayout;
  table: ChartTable;
}

export interface ChartFigure {
  title: string;
  /** the whole figure's numbers */
  table: ChartTable;
  /** its pictures, each fitting a page; none when the figure is too big to draw */
  parts: FigurePart[];
}

function figure(title: string, table: ChartTable, parts: LayoutPart[]): ChartFigure {
  if (parts.length > MOST_PICTURES) return { title, table, parts: [] };
  const slice = ({ from, to }: LayoutPart['rows']) => ({ header: table.header, rows: table.rows.slice(from, to) });
  return { title, table, parts: parts.map((p) => ({ layout: p.layout, table: slice(p.rows) })) };
}

/** The figures worth drawing: the grid when something is unmet, each chart with a figure to show. */
export function chartFigures(charts: BatchCharts, width = FIGURE_WIDTH, maxHeight = FIGURE_MAX_HEIGHT): ChartFigure[] {
  const out: ChartFigure[] = [];
  if (charts.grid.max > 0) {
    out.push(figure(CHART_MSG.gridTitle, gridTable(charts.grid), gridParts(charts.grid, width, maxHeight)));
  }
  for (const chart of charts.bars) {
    if (!chart.bars.some((b) => b.value !== null)) continue;
    out.push(figure(barsTitle(chart), barsTable(chart), barsParts(chart, width, maxHeight)));
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
  // one picture after the other, so that one at a time is held while drawn
  for (const [i, f] of figures.entries()) {
    if (f.parts.length === 0) {
      blocks.push({ style: 'figure', text: CHART_MSG.caption(i + 1, f.title), ...f.table });
      continue;
    }
    for (const [p, part] of f.parts.entries()) {
      const image = rasterise ? await picture(part.layout, rasterise) : undefined;
      blocks.push({
        style: 'figure',
        text: p === 0 ? CHART_MSG.caption(i + 1, f.title) : CHART_MSG.continued(i + 1, f.title),
        ...part.table,
        ...(image ? { image } : {}),
      });
    }
  }
  return blocks;
}

/** The picture of a layout, or none when it cannot be drawn (the .docx shows the numbers then). */
async function picture(layout: SvgLayout, rasterise: Rasterise): Promise<FigureImage | undefined> {
  try {
    const png = await rasterise(svgMarkup(layout), layout.width, layout.height);
    return { png, width: layout.width, height: layout.height };
  } catch {
    return undefined;
  }
}

/** The draft with the figure blocks after everything else (a new annex). */
export function withFigures(draft: Draft, blocks: readonly DraftBlock[]): Draft {
  return blocks.length ? numberAnnexes({ ...draft, blocks: [...draft.blocks, ...blocks] }) : draft;
}
