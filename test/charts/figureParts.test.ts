/**
 * A figure of many districts in the city draft: cut into pictures that each fit a page, on one
 * scale, captioned 图N and 图N（续）; a figure of too many districts is given as its numbers.
 */
import {
  COLOURS,
  FIGURE_MAX_HEIGHT,
  MOST_PICTURES,
  batchCharts,
  chartFigures,
  figureBlocks,
  type Rasterise,
} from '../../src/core/charts';
import type { Report } from '../../src/core/types';
import { preschool, report } from '../feedback/helpers';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';

/** `n` districts, their 普惠 share falling from 95 % to about 55 %, so that many miss the requirement. */
function districts(n: number): Report[] {
  return Array.from({ length: n }, (_, i) =>
    report({
      name: `第${i + 1}区`,
      code: String(371100 + i),
      rows: preschool(10000, 5000 - Math.round((i * 2000) / n), 4500 - Math.round((i * 2000) / n)),
    }),
  );
}

/** A rasteriser that draws nothing and remembers the sizes it was asked for. */
function recording() {
  const sizes: { width: number; height: number }[] = [];
  const rasterise: Rasterise = async (_svg, width, height) => {
    sizes.push({ width, height });
    return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  };
  return { sizes, rasterise };
}

describe('a figure too tall for a page', () => {
  const reports = districts(70);
  const figures = chartFigures(batchCharts(reports, DEFAULT_RULESET));

  it('is cut into pictures that each fit the text block, every district in one of them, in order', () => {
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const f of figures) {
      expect(f.parts.length).toBeGreaterThanOrEqual(3);
      for (const p of f.parts) expect(p.layout.height).toBeLessThanOrEqual(FIGURE_MAX_HEIGHT);
      expect(f.parts.flatMap((p) => p.table.rows)).toEqual(f.table.rows);
      // pictures of even length: no last picture of a row or two
      const lengths = f.parts.map((p) => p.table.rows.length);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(f.parts.length);
      for (const p of f.parts) expect(p.table.header).toEqual(f.table.header);
      // a name appears in the picture that carries its row
      for (const p of f.parts) {
        const texts = new Set(p.layout.shapes.flatMap((s) => (s.k === 'text' ? [s.text] : [])));
        for (const row of p.table.rows) expect(texts.has(row[0]!)).toBe(true);
      }
    }
  });

  it('keeps one scale: the city line stands at the same place in every picture of a chart', () => {
    const cityLines = (p: (typeof figures)[number]['parts'][number]) =>
      p.layout.shapes.flatMap((s) => (s.k === 'line' && s.stroke === COLOURS.city ? [s.x1] : []));
    const withCity = figures.filter((f) => cityLines(f.parts[0]!).length === 1);
    expect(withCity.length).toBeGreaterThan(0);
    for (const f of withCity) for (const p of f.parts) expect(cityLines(p)).toEqual(cityLines(f.parts[0]!));
  });

  it('is captioned 图N, then 图N（续）, and the next figure is N+1', async () => {
    const { sizes, rasterise } = recording();
    const blocks = await figureBlocks(reports, DEFAULT_RULESET, rasterise);
    const captions = blocks.flatMap((b) => (b.style === 'figure' ? [b.text] : []));
    const [first, second] = figures;
    expect(captions.slice(0, first!.parts.length + 1)).toEqual([
      `图1\u3000${first!.title}`,
      ...first!.parts.slice(1).map(() => `图1\u3000${first!.title}（续）`),
      `图2\u3000${second!.title}`,
    ]);
    expect(sizes).toHaveLength(figures.reduce((n, f) => n + f.parts.length, 0));
    expect(Math.max(...sizes.map((s) => s.height))).toBeLessThanOrEqual(FIGURE_MAX_HEIGHT);
    expect(blocks.every((b) => b.style !== 'figure' || b.image !== undefined)).toBe(true);
  });
});

test('a few districts: each figure is one picture, as before', () => {
  const figures = chartFigures(batchCharts(districts(6), DEFAULT_RULESET));
  expect(figures.length).toBeGreaterThanOrEqual(2);
  for (const f of figures) {
    expect(f.parts).toHaveLength(1);
    expect(f.parts[0]!.table).toEqual(f.table);
  }
});

test('a figure of more districts than fit its most pictures is given as its numbers, not drawn', async () => {
  const reports = districts(40 * MOST_PICTURES);
  const { sizes, rasterise } = recording();
  const blocks = await figureBlocks(reports, DEFAULT_RULESET, rasterise);
  const figures = blocks.filter((b) => b.style === 'figure');
  expect(figures.length).toBeGreaterThanOrEqual(2);
  for (const b of figures) {
    if (b.style !== 'figure') continue;
    expect(b.text).not.toContain('（续）');
    expect(b.image).toBeUndefined();
    expect(b.rows).toHaveLength(reports.length);
  }
  expect(sizes).toHaveLength(0);
});
