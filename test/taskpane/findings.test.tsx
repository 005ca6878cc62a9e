/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Level } from '../../src/core/types';
import { en, zh } from '../../src/i18n';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { LevelFilter } from '../../src/taskpane/components/LevelFilter';
import { ReadyBanner } from '../../src/taskpane/components/ReadyBanner';
import { Frame } from '../../src/taskpane/components/Frame';
import { finding, reportOf } from './helpers';

const findings = [
  finding({ level: 'error', sheet: '经费投入', cell: 'F3', message: 'JF01 本年值“约1200”不是数字' }),
  finding({ level: 'warning', sheet: '经费投入', cell: 'F4', message: '未达到增长10%的要求' }),
  finding({ level: 'notice', sheet: '经费投入', cell: 'I4', message: '未达标项请在情况说明中说明原因' }),
  finding({ level: 'warning', sheet: '安全与卫生', cell: 'F6', message: '护学岗设置率为96%', explained: true }),
];
const ALL = new Set<Level>(['error', 'warning', 'notice']);

test('findings are grouped by sheet, then by level, with counts', () => {
  const onSelect = jest.fn();
  render(
    <Frame lang="zh-CN">
      <FindingsList findings={findings} shown={ALL} strings={zh} onSelect={onSelect} />
    </Frame>,
  );
  const sheets = screen.getAllByRole('region');
  expect(sheets.map((s) => s.getAttribute('aria-label'))).toEqual(['经费投入', '安全与卫生']);
  const first = within(sheets[0]!);
  expect(first.getByText('共 3 处')).toBeTruthy();
  expect(first.getByText(/错误 1 处/)).toBeTruthy();
  expect(first.getByText(/未达标 1 处/)).toBeTruthy();
  expect(first.getByText(/提示 1 处/)).toBeTruthy();
  const levels = [...sheets[0]!.querySelectorAll('[data-level]')].map((n) => n.getAttribute('data-level'));
  expect(levels).toEqual(['error', 'warning', 'notice']);

  fireEvent.click(screen.getByText('未达到增长10%的要求'));
  expect(onSelect).toHaveBeenCalledWith(findings[1]);
});

test('the filter hides levels and says so when nothing is left', () => {
  const { rerender } = render(
    <Frame lang="zh-CN">
      <FindingsList findings={findings} shown={new Set<Level>(['warning'])} strings={zh} onSelect={() => undefined} />
    </Frame>,
  );
  expect(screen.queryByText(/不是数字/)).toBeNull();
  expect(screen.getByText('护学岗设置率为96%')).toBeTruthy();
  rerender(
    <Frame lang="zh-CN">
      <FindingsList
        findings={findings.slice(0, 1)}
        shown={new Set<Level>(['notice'])}
        strings={zh}
        onSelect={() => undefined}
      />
    </Frame>,
  );
  expect(screen.getByText('所选级别下没有问题。')).toBeTruthy();
  rerender(
    <Frame lang="zh-CN">
      <FindingsList findings={[]} shown={ALL} strings={zh} onSelect={() => undefined} />
    </Frame>,
  );
  expect(screen.getByText('没有发现问题。')).toBeTruthy();
});

test('the level filter shows each level with its count and toggles it', () => {
  const onToggle = jest.fn();
  render(
    <Frame lang="zh-CN">
      <LevelFilter strings={zh} counts={{ error: 1, warning: 2, notice: 0 }} shown={ALL} onToggle={onToggle} />
    </Frame>,
  );
  const buttons = within(screen.getByRole('group', { name: '按级别筛选' })).getAllByRole('button');
  expect(buttons.map((b) => b.textContent)).toEqual(['错误 1 处', '未达标 2 处', '提示 0 处']);
  expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
  expect(buttons[2]!.hasAttribute('disabled') || buttons[2]!.getAttribute('aria-disabled') === 'true').toBe(true);
  fireEvent.click(buttons[1]!);
  expect(onToggle).toHaveBeenCalledWith('warning');
});

test('the ready state reads at a glance', () => {
  const { rerender } = render(<ReadyBanner report={reportOf(findings)} strings={zh} />);
  expect(screen.getByRole('status').textContent).toBe('✗ 暂不能报送：请先改正 1 处错误，为 1 项未达标指标填写情况说明');
  expect(screen.getByRole('status').getAttribute('data-ready')).toBe('false');

  rerender(<ReadyBanner report={reportOf([findings[3]!])} strings={zh} />);
  expect(screen.getByRole('status').textContent).toBe('✓ 可以报送：没有错误，未达标项均已说明');
  expect(screen.getByRole('status').getAttribute('data-ready')).toBe('true');

  rerender(<ReadyBanner report={reportOf(findings)} strings={en} />);
  expect(screen.getByRole('status').textContent).toBe('✗ Not ready: fix 1 error(s), explain 1 unmet requirement(s)');
});
