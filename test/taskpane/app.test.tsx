/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DRAFT_SHEET, LEVEL_COLOURS, SUMMARY_SHEET } from '../../src/core/summary';
import type { WorkbookHost } from '../../src/hosts/host';
import { en } from '../../src/i18n';
import { DEFAULT_PROTECTION } from '../excel/fakeExcel';
import { fakeTemplate } from '../excel/helpers';
import { renderApp } from './helpers';

const validate = async () => {
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByRole('button', { name: '重新校验' });
};

test('before validation the pane explains itself; the sheet buttons wait for a validation', () => {
  renderApp();
  expect(screen.getByText(/打开填报表后点击“校验”/)).toBeTruthy();
  expect(screen.getByRole('button', { name: '写入“校验结果”表' }).hasAttribute('disabled')).toBe(true);
  expect(screen.getByRole('button', { name: '清除标注' }).hasAttribute('disabled')).toBe(false);
});

test('校验 lists the findings, marks the workbook and shows whether it can be returned', async () => {
  const { wb } = renderApp();
  await validate();
  expect(screen.getByText(/^✗ 暂不能报送：请先改正 3 处错误/)).toBeTruthy();
  expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual([
    '经费投入',
    '教师队伍',
    '安全与卫生',
  ]);
  expect(screen.getByText(/JF01 本年值“约1200”不是数字/)).toBeTruthy();
  expect(wb.look('经费投入', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
});

test('clicking a finding selects its cell', async () => {
  const { wb } = renderApp();
  await validate();
  fireEvent.click(screen.getByText(/护学岗/));
  await waitFor(() => expect(wb.selection).toEqual({ sheet: '安全与卫生', address: 'F6' }));
});

test('the filter hides a level', async () => {
  renderApp();
  await validate();
  const filter = within(screen.getByRole('group', { name: '按级别筛选' }));
  fireEvent.click(filter.getByRole('button', { name: /错误/ }));
  expect(screen.queryByText(/JF01 本年值/)).toBeNull();
  expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual(['教师队伍', '安全与卫生']);
});

test('the summary and draft sheets are written, and clearing removes the marks', async () => {
  const { wb } = renderApp();
  await validate();
  fireEvent.click(screen.getByRole('button', { name: '写入“校验结果”表' }));
  await screen.findByText('已写入“校验结果”工作表。');
  expect(wb.sheets.map((s) => s.name)).toContain(SUMMARY_SHEET);

  fireEvent.click(screen.getByRole('button', { name: '生成反馈意见初稿' }));
  await screen.findByText('已写入“反馈意见（初稿）”工作表。');
  expect(wb.values(DRAFT_SHEET)[0]![0]).toBe('关于文登区的反馈意见（初稿）');

  fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
  await screen.findByText(/已清除本工具添加的标注和批注/);
  expect(wb.look('经费投入', 'F3').fill).toBe('');
  expect(wb.comments).toHaveLength(0);
});

test('a protected sheet is reported in the pane, not crashed on', async () => {
  renderApp({
    wb: fakeTemplate({ problems: true, passwordSheets: { 经费投入: 'secret' }, protection: DEFAULT_PROTECTION }),
  });
  await validate();
  expect(screen.getByText(/工作表“经费投入”受保护/)).toBeTruthy();
  expect(screen.getByText(/JF01 本年值/)).toBeTruthy();
});

test('a failure is a readable Chinese message, never a blank pane', async () => {
  const failing: WorkbookHost = {
    readSnapshot: () =>
      Promise.reject(Object.assign(new Error('Wait until the previous call completes.'), { code: 'GeneralException' })),
    markFindings: () => Promise.reject(new Error('x')),
    clearMarks: () => Promise.reject('磁盘已满'),
    writeSummary: () => Promise.reject(new Error('x')),
    writeDraft: () => Promise.reject(new Error('x')),
    goTo: () => Promise.reject(new Error('x')),
  };
  renderApp({ host: failing });
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  expect(await screen.findByText('Excel 报告了一个问题：Wait until the previous call completes.')).toBeTruthy();
  expect(screen.getByRole('button', { name: '校验' }).hasAttribute('disabled')).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
  expect(await screen.findByText('操作没有完成：磁盘已满')).toBeTruthy();
});

test('a progress indicator shows while working', async () => {
  renderApp();
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  expect(screen.getByText('正在读取并校验工作簿…')).toBeTruthy();
  expect(screen.getByRole('progressbar')).toBeTruthy();
  expect(screen.getByRole('button', { name: '校验' }).hasAttribute('disabled')).toBe(true);
  await screen.findByRole('button', { name: '重新校验' });
  expect(screen.queryByRole('progressbar')).toBeNull();
});

test('live validation: an edit re-validates and updates the pane and the marks', async () => {
  const { wb } = renderApp({ liveDelayMs: 50 });
  await validate();
  await new Promise((r) => setTimeout(r, 450)); // the quiet time after the add-in's own writes
  const syncs = wb.syncs;
  wb.userEdit('经费投入', 'F3', 11500);
  await waitFor(() => expect(screen.queryByText(/JF01 本年值/)).toBeNull(), { timeout: 1000 });
  expect(wb.look('经费投入', 'F3').fill).toBe('');
  expect(wb.syncs).toBeGreaterThan(syncs);
});

test('live validation can be switched off', async () => {
  const { wb } = renderApp({ liveDelayMs: 20 });
  await validate();
  fireEvent.click(screen.getByRole('switch', { name: '边填边校验' }));
  await new Promise((r) => setTimeout(r, 450));
  wb.userEdit('经费投入', 'F3', 11500);
  await new Promise((r) => setTimeout(r, 150));
  expect(screen.getByText(/JF01 本年值/)).toBeTruthy();
});

test('English when Office speaks English', async () => {
  renderApp({ strings: en });
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  await screen.findByRole('button', { name: 'Validate again' });
  expect(screen.getByText(/^✗ Not ready: fix 3 error/)).toBeTruthy();
  expect(screen.getByRole('group', { name: 'Filter by level' })).toBeTruthy();
});
