/** @jest-environment jsdom */
/**
 * The charts on the page: an SVG per chart with its numbers as a table (hidden until asked for,
 * always there for screen readers), Chinese labels, and the chunk loaded by CityPanel.
 */
import type { ReactElement } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { zh, en } from '../../src/i18n';
import CityCharts from '../../src/taskpane/components/charts/CityCharts';
import { LazyCityCharts } from '../../src/taskpane/components/charts/LazyCityCharts';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { hc, rc, rs, wd } from './helpers';

const reports = [rs(), wd(), hc(), rc()];

/** Rendered, once the charts are whole: computed and laid out a task at a time, then mounted a slice a task. */
async function drawn(ui: ReactElement) {
  const r = render(ui);
  await waitFor(
    () => {
      expect(r.container.querySelector('[role="progressbar"]')).toBeNull();
      expect(r.container.querySelector('[data-charts-drawing]')).toBeNull();
    },
    { timeout: 10_000 },
  );
  return r;
}

describe('CityCharts', () => {
  it('draws the grid and one bar chart per compared figure, each with a title', async () => {
    const { container } = await drawn(<CityCharts strings={zh} reports={reports} ruleset={DEFAULT_RULESET} />);
    expect(screen.getByRole('heading', { name: '全市比较图表' })).toBeTruthy();
    const figures = container.querySelectorAll('figure[data-chart]');
    expect([...figures].map((f) => f.getAttribute('data-chart'))).toEqual([
      '各地区未达标事项分布',
      '各地区普惠性幼儿园覆盖率（%）',
      '各地区公办园在园幼儿占比（%）',
      '各地区一般公共预算教育支出比上年增长率（%）',
      '各地区国家学生体质健康标准测试优良率（%）',
      '各地区有需求学生课后服务覆盖率（%）',
    ]);
    // each picture is one image named by its title
    for (const f of figures) {
      const svg = f.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe(
        f.getAttribute('data-chart'),
      );
    }
    const xq05 = figures[1]!;
    const texts = [...xq05.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['全市 87.7%', '要求 ≥80%', '荣成市', '85']));
    expect(xq05.querySelector('line[stroke-dasharray]')).toBeTruthy();
  });

  it('has every chart numbers in a table a screen reader finds, shown on request', async () => {
    const { container } = await drawn(<CityCharts strings={zh} reports={reports} ruleset={DEFAULT_RULESET} />);
    const xq05 = container.querySelectorAll('figure[data-chart]')[1] as HTMLElement;
    const table = within(xq05).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['地区', '数值（%）', '全市（%）', '要求 ≥80%']);
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('环翠区9087.780');
    const toggle = within(xq05).getByRole('button', { name: '以表格查看' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(within(xq05).getByRole('button', { name: '收起表格' }).getAttribute('aria-pressed')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(table.id);
  });

  it('speaks the page language around the ruleset names', async () => {
    const { container } = await drawn(<CityCharts strings={en} reports={reports} ruleset={DEFAULT_RULESET} />);
    expect(screen.getByRole('heading', { name: 'City-wide charts' })).toBeTruthy();
    expect(container.querySelector('figure[data-chart]')!.getAttribute('data-chart')).toBe(
      'Unmet requirements by district and area',
    );
    expect(screen.getAllByRole('button', { name: 'Show as table' })).toHaveLength(6);
  });

  it('says so when nothing is unmet', async () => {
    await drawn(<CityCharts strings={zh} reports={[hc(), rc()]} ruleset={DEFAULT_RULESET} />);
    expect(screen.getByText('各地区均无未达标事项。')).toBeTruthy();
  });
});

describe('LazyCityCharts', () => {
  it('shows a spinner, then the charts from their own chunk', async () => {
    render(<LazyCityCharts strings={zh} reports={reports} ruleset={DEFAULT_RULESET} />);
    expect(screen.getByText('正在绘制图表…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '全市比较图表' }, { timeout: 30_000 })).toBeTruthy();
    // the charts are computed after the heading shows, then the spinner goes
    await waitFor(() => expect(screen.queryByText('正在绘制图表…')).toBeNull(), { timeout: 10_000 });
    expect(document.querySelectorAll('figure[data-chart]')).toHaveLength(6);
  });
});
