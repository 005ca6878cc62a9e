/**
 * The reviewer mode's native Excel charts (ExcelHost.writeCharts) against the fake Excel: the
 * 全市比较图表 sheet with each chart's numbers and a chart over them, the city figure and the
 * requirement as dashed/solid line series from ExcelApi 1.7 and in the title before, rewritten in
 * place, in a constant number of syncs, and the fake as strict as the documentation.
 */
import { batchCharts } from '../../src/core/charts';
import { CHARTS_SHEET } from '../../src/hosts/excel/charts';
import type { XContext } from '../../src/hosts/excel/api';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { hc, rc, rs, wd } from '../charts/helpers';
import { createFakeExcel, type FakeWorkbook } from './fakeExcel';
import { hostOf } from './helpers';

const charts = batchCharts([rs(), wd(), hc(), rc()], DEFAULT_RULESET);

function cellText(wb: FakeWorkbook, address: string) {
  return wb.look(CHARTS_SHEET, address).value;
}

describe('writeCharts (ExcelApi 1.7 and later)', () => {
  it('writes each chart numbers and a native chart over them, city and requirement as lines', async () => {
    const wb = createFakeExcel({ version: '1.9' });
    const result = await hostOf(wb).writeCharts(charts);
    expect(result).toEqual({ sheet: '全市比较图表', charts: 6, lines: true });
    const sheet = wb.sheet(CHARTS_SHEET);
    expect(sheet.charts.map((c) => [c.type, c.title])).toEqual([
      ['ColumnStacked', '各地区未达标事项分布'],
      ['ColumnClustered', '各地区普惠性幼儿园覆盖率（%）'],
      ['ColumnClustered', '各地区公办园在园幼儿占比（%）'],
      ['ColumnClustered', '各地区一般公共预算教育支出比上年增长率（%）'],
      ['ColumnClustered', '各地区国家学生体质健康标准测试优良率（%）'],
      ['ColumnClustered', '各地区有需求学生课后服务覆盖率（%）'],
    ]);
    const xq05 = sheet.charts[1]!;
    expect(xq05.categories).toEqual(['环翠区', '文登区', '荣成市', '乳山市']);
    expect(xq05.series.map((s) => [s.name, s.chartType, s.lineStyle, s.values])).toEqual([
      ['数值（%）', 'ColumnClustered', 'Automatic', [90, 90, 85, 82]],
      ['全市（%）', 'Line', 'Automatic', [87.7, 87.7, 87.7, 87.7]],
      ['要求 ≥80%', 'Line', 'Dash', [80, 80, 80, 80]],
    ]);
    expect(xq05.series[2]!.lineColor).toBe('#B3261E');
    // the grid: one series per area, its count cells coloured as the page's heat map
    const grid = sheet.charts[0]!;
    expect(grid.series.map((s) => s.name)).toEqual(DEFAULT_RULESET.areas.map((a) => a.name));
    expect(grid.categories).toEqual(['环翠区', '文登区', '荣成市', '乳山市']);
    expect(cellText(wb, 'A1')).toBe('全市比较图表');
    expect(cellText(wb, 'A3')).toBe('各地区未达标事项分布');
    expect(cellText(wb, 'A4')).toBe('地区');
    // charts never overlap one another, and none covers a table
    const tops = sheet.charts.map((c) => Number(/\d+/.exec(c.position!.start)![0]));
    const bottoms = sheet.charts.map((c) => Number(/\d+/.exec(c.position!.end!)![0]));
    for (let i = 1; i < tops.length; i++) expect(tops[i]!).toBeGreaterThan(bottoms[i - 1]!);
    expect(sheet.charts.every((c) => /^L\d+$/.test(c.position!.start))).toBe(true);
  });

  it('rewrites the sheet in place, old charts deleted, in the same number of syncs for any batch', async () => {
    const wb = createFakeExcel({ version: '1.9' });
    const host = hostOf(wb);
    await host.writeCharts(charts);
    const first = wb.syncs;
    const id = wb.sheet(CHARTS_SHEET).id;
    await host.writeCharts(charts);
    expect(wb.sheet(CHARTS_SHEET).id).toBe(id);
    expect(wb.sheet(CHARTS_SHEET).charts).toHaveLength(6);
    const second = wb.syncs - first;
    const small = batchCharts([wd(), rs()], DEFAULT_RULESET);
    const before = wb.syncs;
    await host.writeCharts(small);
    expect(wb.syncs - before).toBe(second);
    // sheet found (1), cleared (2), old charts loaded (3), everything written (4), events back on (5)
    expect(second).toBe(5);
    expect(wb.undoClearedBy).toEqual([]);
  });
});

describe('writeCharts before ExcelApi 1.7', () => {
  it('draws the districts only and names the city figure and the requirement in the title', async () => {
    const wb = createFakeExcel({ version: '1.6' });
    const result = await hostOf(wb).writeCharts(charts);
    expect(result.lines).toBe(false);
    const xq05 = wb.sheet(CHARTS_SHEET).charts[1]!;
    expect(xq05.title).toBe('各地区普惠性幼儿园覆盖率（%） 全市 87.7%，要求 ≥80%');
    expect(xq05.series.map((s) => s.chartType)).toEqual(['ColumnClustered']);
    expect(xq05.legend.visible).toBe(false);
    // the numbers are all on the sheet still
    expect(cellText(wb, 'C4')).toBe('教师队伍建设与待遇保障');
  });
});

describe('the fake charts', () => {
  const run = (wb: FakeWorkbook, batch: (ctx: XContext) => Promise<void>) => wb.run(batch);

  it('needs ExcelApi 1.7 to draw a series as a line', async () => {
    const wb = createFakeExcel({
      version: '1.6',
      sheets: [
        [
          'S',
          [
            ['', 'a'],
            ['x', 1],
          ],
        ],
      ],
    });
    await expect(
      run(wb, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.charts.add('ColumnClustered', ws.getRange('A1:B2'), 'Columns').series.getItemAt(0).chartType = 'Line';
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('reads nothing of a chart before it is loaded', async () => {
    const wb = createFakeExcel({
      sheets: [
        [
          'S',
          [
            ['', 'a'],
            ['x', 1],
          ],
        ],
      ],
    });
    await run(wb, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const chart = ws.charts.add('ColumnClustered', ws.getRange('A1:B2'), 'Columns');
      expect(() => chart.name).toThrow(/not available/);
      expect(() => chart.title.text).toThrow(/not available/);
      await ctx.sync();
      const all = ws.charts.load('items/name');
      await ctx.sync();
      expect(all.items.map((c) => c.name)).toHaveLength(1);
    });
  });

  it('fails at sync on a series that is not there, on another sheet range, and on a protected sheet', async () => {
    const rows: [string, (string | number)[][]][] = [
      [
        'S',
        [
          ['', 'a'],
          ['x', 1],
        ],
      ],
      [
        'T',
        [
          ['', 'a'],
          ['x', 1],
        ],
      ],
    ];
    const wb = createFakeExcel({ sheets: rows });
    await expect(
      run(wb, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.charts.add('ColumnClustered', ws.getRange('A1:B2'), 'Columns').series.getItemAt(3).name = 'x';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      run(wb, async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.charts.add('ColumnClustered', ctx.workbook.worksheets.getItem('T').getRange('A1:B2'), 'Columns');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    wb.protect('S', { options: { allowEditObjects: false } });
    await expect(
      run(wb, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.charts.add('ColumnClustered', ws.getRange('A1:B2'), 'Columns');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
