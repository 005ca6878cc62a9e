/**
 * The charts laid out as SVG shapes, for a given width: the page draws the shapes with React, and
 * the .docx gets a PNG of the same shapes serialised by `svgMarkup`. Pure geometry; text widths
 * are estimated (a Chinese character 1 em, a Latin one 0.6 em), so no font metrics are needed.
 *
 * Accessible without colour: every cell and bar carries its number, the city line is solid and the
 * requirement line dashed, each labelled; heat colours are a sequential scale (ColorBrewer OrRd)
 * with dark text on light cells and white text on the two darkest, both at least 4.5:1.
 */
import type { AreaGrid, ComparisonChart } from './data';
import { CHART_MSG } from './messages';

export type Shape =
  | { k: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string }
  | { k: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string }
  | {
      k: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      fill: string;
      bold?: boolean;
      /** a white outline, so that a line running under the text does not hide it */
      halo?: boolean;
    };

export interface SvgLayout {
  width: number;
  height: number;
  /** what the picture shows, in a sentence (the SVG's <title>) */
  title: string;
  shapes: Shape[];
}

export const FONT_FAMILY =
  "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',SimHei,'Noto Serif CJK SC',sans-serif";

export const COLOURS = {
  text: '#1F1F1F',
  muted: '#616161',
  grid: '#BDBDBD',
  bar: '#2F6CAD',
  barBelow: '#9A3412',
  city: '#1F1F1F',
  requirement: '#B3261E',
  background: '#FFFFFF',
  /** counts 0, 1, 2, 3, 4, 5+ */
  heat: ['#FFFFFF', '#FDD49E', '#FDBB84', '#FC8D59', '#D7301F', '#990000'],
} as const;

/** Estimated width of a text in pixels at `size`. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/u.test(ch) ? 1 : 0.6;
  return w * size;
}

const FONT = 13;
const SMALL = 12;

/** The colour of a grid cell with `count` of at most `max`. */
export function heatColour(count: number, max: number): string {
  if (count <= 0) return COLOURS.heat[0];
  const steps = COLOURS.heat.length - 1;
  const i = max <= steps ? count : Math.ceil((count / max) * steps);
  return COLOURS.heat[Math.min(steps, Math.max(1, i))]!;
}

const onDark = (fill: string) => fill === COLOURS.heat[4] || fill === COLOURS.heat[5];

/** Some of a chart's districts, in its order: from `from` up to, not including, `to`. */
export interface Rows {
  from: number;
  to: number;
}

/** A picture of some of a chart's districts (a chart too tall for one page is cut into several). */
export interface LayoutPart {
  rows: Rows;
  layout: SvgLayout;
}

const allRows = (count: number): Rows => ({ from: 0, to: count });

/**
 * `count` rows in as few runs as fit `room` pixels at `rowH` a row (at least one row a run), of
 * even length: 70 rows of at most 23 a picture are 18 + 18 + 18 + 16, not 23 + 23 + 23 + 1.
 */
function runsOf(count: number, room: number, rowH: number): Rows[] {
  const most = Math.max(1, Math.floor(room / rowH));
  const per = Math.ceil(count / Math.max(1, Math.ceil(count / most)));
  const out: Rows[] = [];
  for (let from = 0; from < count; from += per) out.push({ from, to: Math.min(count, from + per) });
  return out.length ? out : [allRows(0)];
}

const GRID_ROW = 26;
const BAR_ROW = 24;
const LABEL_ROW = SMALL + 6;
/** room the 低于全市 legend takes under the bars */
const LEGEND_H = 22;

/** The height of the grid's head: the areas written vertically, a character a line. */
const gridHeadHeight = (grid: AreaGrid) => Math.max(1, ...grid.areas.map((a) => [...a].length)) * (SMALL + 1) + 10;

/**
 * The grid: districts down the side, areas across the top written vertically (as Chinese can be),
 * so that nine areas fit a 350-px pane; wider panes get wider cells, up to 72 px.
 */
export function gridLayout(grid: AreaGrid, width: number, rows = allRows(grid.districts.length)): SvgLayout {
  const nameW = Math.max(40, ...grid.districts.map((d) => textWidth(d.name, FONT))) + 10;
  const n = Math.max(1, grid.areas.length);
  const cell = Math.max(24, Math.min(72, Math.floor((width - nameW - 2) / n)));
  const rowH = GRID_ROW;
  const headH = gridHeadHeight(grid);
  const shown = grid.districts.slice(rows.from, rows.to);
  const shapes: Shape[] = [];
  grid.areas.forEach((area, a) => {
    const cx = nameW + a * cell + cell / 2;
    [...area].forEach((ch, i) =>
      shapes.push({
        k: 'text',
        x: cx,
        y: 4 + (i + 1) * (SMALL + 1),
        text: ch,
        size: SMALL,
        anchor: 'middle',
        fill: COLOURS.text,
      }),
    );
  });
  shown.forEach((d, i) => {
    const r = rows.from + i;
    const y = headH + i * rowH;
    shapes.push({
      k: 'text',
      x: nameW - 8,
      y: y + rowH / 2 + FONT * 0.35,
      text: d.name,
      size: FONT,
      anchor: 'end',
      fill: COLOURS.text,
    });
    grid.counts[r]!.forEach((count, a) => {
      const fill = heatColour(count, grid.max);
      const x = nameW + a * cell;
      shapes.push({ k: 'rect', x, y, w: cell, h: rowH, fill, stroke: COLOURS.grid });
      shapes.push({
        k: 'text',
        x: x + cell / 2,
        y: y + rowH / 2 + FONT * 0.35,
        text: String(count),
        size: FONT,
        anchor: 'middle',
        fill: count === 0 ? COLOURS.muted : onDark(fill) ? '#FFFFFF' : COLOURS.text,
        bold: count > 0,
      });
    });
  });
  return {
    width: Math.ceil(nameW + n * cell + 2),
    height: Math.ceil(headH + shown.length * rowH + 2),
    title: CHART_MSG.gridTitle,
    shapes,
  };
}

/** The grid in pictures at most `maxHeight` tall, each with the areas across its top. */
export function gridParts(grid: AreaGrid, width: number, maxHeight: number): LayoutPart[] {
  const room = maxHeight - gridHeadHeight(grid) - 2;
  return runsOf(grid.districts.length, room, GRID_ROW).map((rows) => ({ rows, layout: gridLayout(grid, width, rows) }));
}

/** The lines across a bar chart: the city figure solid, each requirement dashed. */
function barLines(chart: ComparisonChart) {
  return [
    ...(chart.city === null
      ? []
      : [{ value: chart.city, label: chart.cityLabel, stroke: COLOURS.city, dash: undefined }]),
    ...chart.requirements.map((r) => ({ value: r.value, label: r.label, stroke: COLOURS.requirement, dash: '6 4' })),
  ];
}

/** The height above the bars: a label row for each line. */
const barsTop = (chart: ComparisonChart) => barLines(chart).length * LABEL_ROW + 6;

/**
 * A bar chart laid on its side: one bar per district (names never collide, however many), the city
 * figure a solid line and each requirement a dashed line, labelled above the plot.
 */
export function barsLayout(chart: ComparisonChart, width: number, rows = allRows(chart.bars.length)): SvgLayout {
  const nameW = Math.max(40, ...chart.bars.map((b) => textWidth(b.district.name, FONT))) + 10;
  const valueW = Math.max(40, ...chart.bars.map((b) => textWidth(b.text, SMALL))) + 8;
  const plotW = Math.max(120, width - nameW - valueW);
  const lines = barLines(chart);
  const values = [0, ...chart.bars.flatMap((b) => (b.value === null ? [] : [b.value])), ...lines.map((l) => l.value)];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.04;
  if (lo < 0) lo -= pad;
  hi += pad;
  const x = (v: number) => nameW + ((v - lo) / (hi - lo)) * plotW;
  const top = barsTop(chart);
  const rowH = BAR_ROW;
  const shown = chart.bars.slice(rows.from, rows.to);
  const barH = 14;
  const shapes: Shape[] = [];
  // figures and line labels go last, over the lines, each with a white outline
  const labels: Shape[] = [];
  const bottom = top + shown.length * rowH;
  shown.forEach((b, i) => {
    const y = top + i * rowH;
    const mid = y + rowH / 2;
    shapes.push({
      k: 'text',
      x: nameW - 8,
      y: mid + FONT * 0.35,
      text: b.district.name,
      size: FONT,
      anchor: 'end',
      fill: COLOURS.text,
    });
    if (b.value === null) {
      labels.push({
        k: 'text',
        x: x(0) + 4,
        y: mid + SMALL * 0.35,
        text: b.text,
        size: SMALL,
        anchor: 'start',
        fill: COLOURS.muted,
        halo: true,
      });
      return;
    }
    const x0 = x(Math.min(0, b.value));
    const x1 = x(Math.max(0, b.value));
    shapes.push({
      k: 'rect',
      x: x0,
      y: mid - barH / 2,
      w: Math.max(1, x1 - x0),
      h: barH,
      fill: b.belowCity ? COLOURS.barBelow : COLOURS.bar,
    });
    // a negative figure is written right of the zero line, clear of the district's name
    labels.push({
      k: 'text',
      x: x1 + 4,
      y: mid + SMALL * 0.35,
      text: b.text,
      size: SMALL,
      anchor: 'start',
      fill: COLOURS.text,
      halo: true,
    });
  });
  // the zero line
  shapes.push({ k: 'line', x1: x(0), y1: top - 2, x2: x(0), y2: bottom + 2, stroke: COLOURS.muted, width: 1 });
  lines.forEach((l, i) => {
    const lx = x(l.value);
    const ly = (i + 1) * LABEL_ROW;
    shapes.push({
      k: 'line',
      x1: lx,
      y1: ly + 3,
      x2: lx,
      y2: bottom + 2,
      stroke: l.stroke,
      width: 2,
      ...(l.dash ? { dash: l.dash } : {}),
    });
    const w = textWidth(l.label, SMALL);
    const anchor = lx + w / 2 > nameW + plotW + valueW ? 'end' : lx - w / 2 < 0 ? 'start' : 'middle';
    labels.push({
      k: 'text',
      x: lx,
      y: ly,
      text: l.label,
      size: SMALL,
      anchor,
      fill: l.stroke,
      bold: true,
      halo: true,
    });
  });
  shapes.push(...labels);
  let height = bottom + 6;
  if (shown.some((b) => b.belowCity)) {
    // what the second colour means, in words
    const ly = bottom + 10;
    shapes.push({ k: 'rect', x: nameW, y: ly, w: 12, h: 12, fill: COLOURS.barBelow });
    shapes.push({
      k: 'text',
      x: nameW + 16,
      y: ly + 10,
      text: CHART_MSG.belowCityLegend,
      size: SMALL,
      anchor: 'start',
      fill: COLOURS.text,
    });
    height = bottom + 6 + LEGEND_H;
  }
  return { width: Math.ceil(nameW + plotW + valueW), height: Math.ceil(height), title: chart.name, shapes };
}

/** The bar chart in pictures at most `maxHeight` tall, all on one scale, each with the lines labelled. */
export function barsParts(chart: ComparisonChart, width: number, maxHeight: number): LayoutPart[] {
  const room = maxHeight - barsTop(chart) - 6 - LEGEND_H;
  return runsOf(chart.bars.length, room, BAR_ROW).map((rows) => ({ rows, layout: barsLayout(chart, width, rows) }));
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const n = (v: number) => String(Math.round(v * 10) / 10);

/** A white outline painted under the text's fill. */
const HALO = ' stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

function shapeMarkup(s: Shape): string {
  switch (s.k) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'text':
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}" text-anchor="${s.anchor}" fill="${s.fill}"${s.bold ? ' font-weight="bold"' : ''}${s.halo ? HALO : ''}>${escapeXml(s.text)}</text>`;
  }
}

/** The layout as a standalone SVG document (white background), for rasterising. */
export function svgMarkup(layout: SvgLayout): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
    `viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT_FAMILY.replace(/"/g, '')}">` +
    `<title>${escapeXml(layout.title)}</title>` +
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="${COLOURS.background}"/>` +
    layout.shapes.map(shapeMarkup).join('') +
    '</svg>'
  );
}
