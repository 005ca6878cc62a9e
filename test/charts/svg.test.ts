/** The charts' SVG layout: readable at 350 px and 1280 px, numbers on every mark, lines labelled. */
import { barsLayout, batchCharts, gridLayout, heatColour, svgMarkup, COLOURS } from '../../src/core/charts';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { hc, rc, rs, wd } from './helpers';

const charts = batchCharts([rs(), wd(), hc(), rc()], DEFAULT_RULESET);
const texts = (l: ReturnType<typeof gridLayout>) => l.shapes.flatMap((s) => (s.k === 'text' ? [s.text] : []));

describe('gridLayout', () => {
  it('fits the nine areas of 2025.1 into a 350-px pane, and widens its cells at 1280 px', () => {
    const narrow = gridLayout(charts.grid, 350);
    expect(narrow.width).toBeLessThanOrEqual(350);
    const wide = gridLayout(charts.grid, 1280);
    expect(wide.width).toBeGreaterThan(narrow.width);
    expect(wide.width).toBeLessThanOrEqual(1280);
  });

  it('writes every count in its cell and every district and area name', () => {
    const t = texts(gridLayout(charts.grid, 600));
    for (const d of charts.grid.districts) expect(t).toContain(d.name);
    // area names are written vertically, one character a line
    expect(t.join('')).toContain(charts.grid.areas[0]);
    const counts = t.filter((x) => /^\d+$/.test(x));
    expect(counts).toHaveLength(charts.grid.districts.length * charts.grid.areas.length);
  });

  it('colours by count on a sequential scale, white for none', () => {
    expect(heatColour(0, 3)).toBe(COLOURS.heat[0]);
    expect(heatColour(1, 3)).toBe(COLOURS.heat[1]);
    expect(heatColour(20, 20)).toBe(COLOURS.heat[5]);
    expect(heatColour(1, 20)).toBe(COLOURS.heat[1]);
  });
});

describe('barsLayout', () => {
  const xq05 = charts.bars[0]!;

  it('keeps within the width it is given, down to a 350-px pane', () => {
    for (const w of [350, 590, 1280]) expect(barsLayout(xq05, w).width).toBeLessThanOrEqual(w);
  });

  it('labels the city line (solid) and the requirement line (dashed)', () => {
    const l = barsLayout(xq05, 590);
    const lines = l.shapes.filter((s) => s.k === 'line');
    expect(lines.filter((s) => s.k === 'line' && s.stroke === COLOURS.requirement && s.dash)).toHaveLength(1);
    expect(lines.filter((s) => s.k === 'line' && s.stroke === COLOURS.city && !s.dash && s.width === 2)).toHaveLength(
      1,
    );
    expect(texts(l)).toEqual(expect.arrayContaining(['全市 87.7%', '要求 ≥80%', '环翠区', '90', '82']));
    // the requirement line sits left of the city line: 80 < 87.7
    const req = lines.find((s) => s.k === 'line' && s.dash)!;
    const city = lines.find((s) => s.k === 'line' && s.width === 2 && !s.dash)!;
    expect(req.k === 'line' && city.k === 'line' && req.x1 < city.x1).toBe(true);
  });

  it('draws negative figures to the left of zero', () => {
    const growth = charts.bars.find((c) => c.comparisons.includes('JF01.best'))!;
    const l = barsLayout(growth, 590);
    const zero = l.shapes.find((s) => s.k === 'line')!;
    const bars = l.shapes.filter((s) => s.k === 'rect');
    // 乳山市 (last) fell by 5%
    const last = bars[bars.length - 1]!;
    expect(zero.k === 'line' && last.k === 'rect' && last.x + last.w <= zero.x1 + 0.01).toBe(true);
  });

  it('serialises to a standalone SVG with its text escaped', () => {
    const markup = svgMarkup(barsLayout({ ...xq05, name: 'a<b&c' }, 400));
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(markup).toContain('<title>a&lt;b&amp;c</title>');
    expect(markup).toContain('stroke-dasharray="6 4"');
  });
});
