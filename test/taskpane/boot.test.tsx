/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { boot } from '../../src/taskpane/boot/boot';
import { OFFICE_JS_URL, loadOffice } from '../../src/taskpane/boot/loadOffice';
import { createFakeExcel, installOfficeGlobals } from '../excel/fakeExcel';
import { templateSheets } from '../excel/templateWorkbook';

const officeScript = () => document.head.querySelector<HTMLScriptElement>(`script[src="${OFFICE_JS_URL}"]`)!;

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  delete (window as unknown as Record<string, unknown>).Office;
  delete (window as unknown as Record<string, unknown>).Excel;
});

test('loadOffice reports a script error, a timeout, and a successful load', async () => {
  const failed = loadOffice({ timeoutMs: 5000 });
  officeScript().onerror!(new Event('error'));
  expect(await failed).toBe('unavailable');
  document.head.innerHTML = '';

  expect(await loadOffice({ timeoutMs: 10 })).toBe('unavailable');
  document.head.innerHTML = '';

  const loaded = loadOffice({ timeoutMs: 5000 });
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel());
  officeScript().onload!(new Event('load'));
  expect(await loaded).toBe('loaded');
});

test('without office.js the pane says so in Chinese and switches to the file mode', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container, { timeoutMs: 10 }));
  expect(screen.getByText('无法加载 Office 组件')).toBeTruthy();
  expect(screen.getByText(/单位内网屏蔽了 appsforoffice.microsoft.com/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '使用文件模式' }));
  await waitFor(() => expect(document.querySelector('[data-mode="file"]')).toBeTruthy());
  expect(document.title).toContain('文件模式');
});

test('with office.js the pane starts in Excel mode, in the display language', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  const wb = createFakeExcel({ sheets: templateSheets() });
  installOfficeGlobals(window as unknown as Record<string, unknown>, wb, { displayLanguage: 'en-US' });
  await act(async () => {
    const started = boot(container, { timeoutMs: 5000 });
    officeScript().onload!(new Event('load'));
    await started;
  });
  expect(await screen.findByRole('button', { name: 'Validate' })).toBeTruthy();
});

test('office.js arriving late still starts Excel mode', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container, { timeoutMs: 10 }));
  expect(screen.getByText('无法加载 Office 组件')).toBeTruthy();
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel());
  await act(async () => officeScript().onload!(new Event('load')));
  expect(await screen.findByRole('button', { name: '校验' })).toBeTruthy();
});

test('office.js arriving after the file mode was chosen changes nothing', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container, { timeoutMs: 10 }));
  fireEvent.click(screen.getByRole('button', { name: '使用文件模式' }));
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel());
  await act(async () => officeScript().onload!(new Event('load')));
  await new Promise((r) => setTimeout(r, 20));
  expect(document.querySelector('[data-mode="file"]')).toBeTruthy();
  expect(screen.queryByRole('button', { name: '校验' })).toBeNull();
});

test('a failure while starting is a message, not a spinner forever', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  (window as unknown as Record<string, unknown>).Office = {
    onReady: () => Promise.reject(new Error('Office.js 初始化失败')),
  };
  await act(async () => {
    const started = boot(container, { timeoutMs: 5000 });
    officeScript().onload!(new Event('load'));
    await started;
  });
  expect(await screen.findByText('操作没有完成：Office.js 初始化失败')).toBeTruthy();
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
});
