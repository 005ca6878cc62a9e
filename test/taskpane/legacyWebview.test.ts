/**
 * @jest-environment jsdom
 *
 * Excel 2016/2019 volume-licensed shows add-ins in Internet Explorer 11; older Windows 10 builds of
 * Office in Edge Legacy (EdgeHTML). The ES2020 bundles cannot run there, so an inline ES5 script,
 * before any bundle, says what works instead (https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'acorn';
import { DRAFT_SHEET } from '../../src/core/summary';
import { createFakeExcel, installOfficeGlobals } from '../excel/fakeExcel';

const PAGES = join(__dirname, '..', '..', 'src', 'taskpane');
const inlineScript = (page: string) => {
  const html = readFileSync(join(PAGES, page), 'utf8');
  const m = /<script>([\s\S]*?)<\/script>/.exec(html);
  return { html, script: m![1]! };
};

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE_LEGACY =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
const WEBVIEW2 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

const win = window as unknown as Record<string, unknown>;
function asBrowser(ua: string): void {
  Object.defineProperty(window.navigator, 'userAgent', { value: ua, configurable: true });
}

afterEach(() => {
  delete win.__dutyReviewLegacy;
  delete win.generateFeedback;
  delete win.Office;
  delete win.Excel;
  document.body.innerHTML = '';
});

test.each(['taskpane.html', 'commands.html'])('%s: the inline script is ES5 and comes before any bundle', (page) => {
  const { html, script } = inlineScript(page);
  expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
  // html-webpack-plugin injects the bundles at the end of <head>: after this script
  expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('</head>'));
});

test.each([
  ['Internet Explorer 11', IE11],
  ['Edge Legacy', EDGE_LEGACY],
])('taskpane.html in %s says, in Chinese, what works instead, with the file mode’s address', (_, ua) => {
  asBrowser(ua);
  document.body.innerHTML = '<div id="root"></div>';
  new Function(inlineScript('taskpane.html').script)();
  const text = document.getElementById('root')!.textContent!;
  expect(text).toContain('此版本的 Excel 无法运行本加载项');
  expect(text).toContain('Office 2021、Office 2024 或 Microsoft 365');
  expect(text).toContain('Excel 网页版');
  expect(text).toContain(`${location.protocol}//${location.host}${location.pathname}?mode=file`);
  expect(win.__dutyReviewLegacy).toBe(true);
});

test('taskpane.html in WebView2 (or any ES2020 browser) leaves the page to the bundle', () => {
  asBrowser(WEBVIEW2);
  document.body.innerHTML = '<div id="root"></div>';
  new Function(inlineScript('taskpane.html').script)();
  expect(document.getElementById('root')!.innerHTML).toBe('');
  expect(win.__dutyReviewLegacy).toBeUndefined();
});

test('commands.html in Internet Explorer 11: 生成反馈 writes what works instead and completes its event', async () => {
  asBrowser(IE11);
  const wb = createFakeExcel();
  installOfficeGlobals(win, wb, { neverReady: true });
  new Function(inlineScript('commands.html').script)();
  const fn = wb.actions.get('generateFeedback')!;
  expect(fn).toBe(win.generateFeedback);
  const completed = jest.fn();
  fn({ completed });
  await new Promise((r) => setTimeout(r, 20));
  expect(completed).toHaveBeenCalledTimes(1);
  expect(String(wb.values(DRAFT_SHEET)[0]![0])).toMatch(/^未能生成反馈意见初稿：此版本的 Excel 用旧版内置浏览器/);
  expect(String(wb.values(DRAFT_SHEET)[1]![0])).toMatch(/taskpane\.html\?mode=file$/);
});
