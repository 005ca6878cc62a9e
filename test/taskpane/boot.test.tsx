/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { boot } from '../../src/taskpane/boot/boot';
import { launchMode, officeHostLikely, officeOnMac } from '../../src/taskpane/boot/launch';
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
  await act(() => boot(container, { timeoutMs: 10, launch: 'office' }));
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
    const started = boot(container, { timeoutMs: 5000, launch: 'office' });
    officeScript().onload!(new Event('load'));
    await started;
  });
  expect(await screen.findByRole('button', { name: 'Validate' })).toBeTruthy();
});

test('office.js arriving late still starts Excel mode', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container, { timeoutMs: 10, launch: 'office' }));
  expect(screen.getByText('无法加载 Office 组件')).toBeTruthy();
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel());
  await act(async () => officeScript().onload!(new Event('load')));
  expect(await screen.findByRole('button', { name: '校验' })).toBeTruthy();
});

test('office.js arriving after the file mode was chosen changes nothing', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container, { timeoutMs: 10, launch: 'office' }));
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
    const started = boot(container, { timeoutMs: 5000, launch: 'office' });
    officeScript().onload!(new Event('load'));
    await started;
  });
  expect(await screen.findByText('操作没有完成：Office.js 初始化失败')).toBeTruthy();
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
});

test('a plain browser tab goes straight to the file mode and never asks for office.js', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  await act(() => boot(container));
  expect(document.querySelector('[data-mode="file"]')).toBeTruthy();
  expect(officeScript()).toBeNull();
  expect(screen.getByText('文件只在本机浏览器中处理，不会上传。')).toBeTruthy();
  expect(screen.getByRole('button', { name: '选择文件…' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('zh-CN');
});

describe('launchMode: inside Office or a plain page, judged before loading anything', () => {
  interface FakeWindow {
    location: { search: string; hash: string };
    sessionStorage: { getItem(key: string): string | null };
    top: unknown;
    external?: unknown;
    chrome?: unknown;
    webkit?: unknown;
    Office?: unknown;
  }
  const plain = (over: Partial<FakeWindow> = {}): Window => {
    const win: FakeWindow = {
      location: { search: '', hash: '' },
      sessionStorage: { getItem: () => null },
      top: null,
      ...over,
    };
    if (win.top === null) win.top = win;
    return win as unknown as Window;
  };

  test('a plain tab is the file mode', () => {
    expect(launchMode(plain())).toBe('file');
    expect(launchMode(plain({ external: { AddSearchProvider: () => undefined } }))).toBe('file');
    expect(launchMode(plain({ chrome: { runtime: {} } }))).toBe('file');
  });

  test('any sign of an Office host waits for office.js', () => {
    expect(
      officeHostLikely(plain({ location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' } })),
    ).toBe(true);
    expect(
      officeHostLikely(plain({ sessionStorage: { getItem: (k) => (k === 'hostInfoValue' ? 'Excel|Win32' : null) } })),
    ).toBe(true);
    expect(officeHostLikely(plain({ top: {} }))).toBe(true); // in a frame: Office on the web
    expect(officeHostLikely(plain({ chrome: { webview: {} } }))).toBe(true); // WebView2
    expect(officeHostLikely(plain({ webkit: { messageHandlers: {} } }))).toBe(true); // Mac, iPad
    expect(officeHostLikely(plain({ external: { GetContext: () => undefined } }))).toBe(true); // IE, EdgeHTML
    expect(officeHostLikely(plain({ Office: { onReady: () => undefined } }))).toBe(true);
    const blocked = plain({
      sessionStorage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
      },
    });
    expect(officeHostLikely(blocked)).toBe(false);
  });

  test('?mode= overrides the guess', () => {
    expect(launchMode(plain({ location: { search: '?mode=excel', hash: '' } }))).toBe('office');
    expect(launchMode(plain({ top: {}, location: { search: '?mode=file', hash: '' } }))).toBe('file');
  });
});

test('office.js that loads but never becomes ready ends in the file mode, not a spinner forever', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel(), { neverReady: true });
  await act(async () => {
    const started = boot(container, { timeoutMs: 5000, readyTimeoutMs: 30, launch: 'office' });
    officeScript().onload!(new Event('load'));
    await started;
  });
  expect(screen.getByText('Office 组件没有完成启动')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '使用文件模式' }));
  await waitFor(() => expect(document.querySelector('[data-mode="file"]')).toBeTruthy());
});

test('inside Office on Mac the file mode says downloads need a browser, with the page’s address', async () => {
  const container = document.body.appendChild(document.createElement('div'));
  installOfficeGlobals(window as unknown as Record<string, unknown>, createFakeExcel(), {
    neverReady: true,
    platform: 'Mac',
  });
  await act(async () => {
    const started = boot(container, { timeoutMs: 5000, readyTimeoutMs: 30, launch: 'office' });
    officeScript().onload!(new Event('load'));
    await started;
  });
  fireEvent.click(screen.getByRole('button', { name: '使用文件模式' }));
  await waitFor(() => expect(document.querySelector('[data-mode="file"]')).toBeTruthy());
  const notice = document.querySelector('[data-mac-notice]')!;
  expect(notice.textContent).toContain('Mac 版 Office 中的加载项不能下载文件');
  expect(notice.textContent).toContain(`${window.location.origin}${window.location.pathname}?mode=file`);
});

test('officeOnMac: Office’s platform once ready; before, a Mac WKWebView (Safari itself has no message handlers)', () => {
  const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  const fake = (over: Record<string, unknown>) => ({ navigator: { userAgent: mac }, ...over }) as unknown as Window;
  expect(officeOnMac(fake({ webkit: { messageHandlers: {} } }))).toBe(true);
  expect(officeOnMac(fake({}))).toBe(false);
  expect(officeOnMac(fake({ Office: { context: { platform: 'PC' } }, webkit: { messageHandlers: {} } }))).toBe(false);
  expect(officeOnMac(fake({ Office: { context: { platform: 'Mac' } } }))).toBe(true);
});
