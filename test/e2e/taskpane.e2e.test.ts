/**
 * The BUILT task pane (dist) in headless Chromium, with the fake Office/Excel injected before the
 * page loads and the office.js request answered by a stub. Also measures the initial JavaScript.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'fs';
import { extname, join } from 'path';
import { gzipSync } from 'zlib';
import type { Browser, Page } from 'playwright-core';
import type { StatsCompilation } from 'webpack';
import { LEVEL_COLOURS, SUMMARY_SHEET } from '../../src/core/summary';
import { CITY_DRAFT_SHEET } from '../../src/hosts/host';
import { OFFICE_JS_URL } from '../../src/taskpane/boot/loadOffice';
import type { CellInput } from '../excel/fakeExcel';
import { templateSheets, type TemplateOptions } from '../excel/templateWorkbook';
import { WEIHAI, sheetsOfVersion, weihaiDoc } from '../taskpane/rulesetHelpers';
import { SHOTS, cityTitle, describeE2e, launchChromium } from './browser';
import { DIST, builtTaskpane } from './build';
import { fakeExcelScript } from './fakeInBrowser';

const ORIGIN = 'https://addin.test';
/** What Office adds to the add-in's address (Excel on Windows, Chinese). */
const HOST_INFO = '_host_Info=Excel$Win32$16.01$zh-CN$$$$0';
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const BUDGET_BYTES = 400 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

interface FakeLook {
  fill: string;
  comment?: string;
}
type FakeHandle = {
  selection: { sheet: string; address: string } | null;
  look(sheet: string, cell: string): FakeLook;
  sheets: { name: string }[];
  values(sheet: string): unknown[][];
};

describeE2e('the built task pane in Chromium', () => {
  let browser: Browser;
  let stats: StatsCompilation;
  const pageErrors = new Map<Page, string[]>();

  afterEach(() => {
    for (const errors of pageErrors.values()) expect(errors).toEqual([]);
    pageErrors.clear();
  });

  beforeAll(async () => {
    stats = await builtTaskpane();
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(opts: {
    office: 'fake' | 'blocked';
    displayLanguage?: string;
    workbook?: TemplateOptions;
    /** the workbook's sheets as they are, instead of `workbook` */
    sheets?: [string, CellInput[][]][];
  }): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 350, height: 860 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) {
        return opts.office === 'fake'
          ? route.fulfill({
              contentType: TYPES['.js'],
              body: '/* office.js: the fake was installed before the page loaded */',
            })
          : route.abort('internetdisconnected');
      }
      if (url.startsWith(`${ORIGIN}/`)) {
        const file = join(DIST, new URL(url).pathname);
        if (existsSync(file)) return route.fulfill({ contentType: TYPES[extname(file)], body: readFileSync(file) });
        return route.fulfill({ status: 404, body: '' });
      }
      return route.abort('blockedbyclient');
    });
    if (opts.office === 'fake') {
      await page.addInitScript(
        fakeExcelScript({
          sheets: opts.sheets ?? templateSheets(opts.workbook ?? { problems: true }),
          displayLanguage: opts.displayLanguage,
        }),
      );
    }
    // Office opens the pane with _host_Info in its address; without it the page is a plain page (file mode)
    await page.goto(`${ORIGIN}/taskpane.html?${HOST_INFO}`);
    return page;
  }

  const fake = <T>(page: Page, read: (f: FakeHandle) => T) =>
    page.evaluate((source) => {
      const f = (window as unknown as { __fake: FakeHandle }).__fake;
      return (new Function('f', `return (${source})(f)`) as (x: FakeHandle) => T)(f);
    }, read.toString());

  test('校验 shows the findings; clicking one selects its cell; the workbook is marked', async () => {
    const page = await open({ office: 'fake' });
    await page.getByRole('button', { name: '校验', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, '1-start.png'), animations: 'disabled' });

    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByRole('button', { name: '重新校验' }).waitFor();
    await page.getByText(/^✗ 暂不能报送/).waitFor();
    const sheets = await page.getByRole('region').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(sheets).toEqual(['经费投入', '教师队伍', '安全与卫生']);
    await page.screenshot({ path: join(SHOTS, '2-findings.png'), animations: 'disabled', fullPage: true });

    await page.locator('[data-cell="安全与卫生!F6"]').click();
    await page.waitForFunction(() => (window as unknown as { __fake: FakeHandle }).__fake.selection !== null);
    expect(await fake(page, (f) => f.selection)).toEqual({ sheet: '安全与卫生', address: 'F6' });
    const f3 = await fake(page, (f) => f.look('经费投入', 'F3'));
    expect(f3.fill).toBe(`#${LEVEL_COLOURS.error}`);
    expect(f3.comment).toMatch(/^【履职评价校验】错误：/);

    await page.getByRole('group', { name: '按级别筛选' }).getByRole('button', { name: /提示/ }).click();
    await page.screenshot({ path: join(SHOTS, '3-filtered.png'), animations: 'disabled', fullPage: true });

    await page.getByRole('button', { name: '写入“校验结果”表' }).click();
    await page.getByText('已写入“校验结果”工作表。').waitFor();
    expect(await fake(page, (f) => f.sheets.map((s) => s.name))).toContain(SUMMARY_SHEET);

    await page.getByRole('button', { name: '生成反馈意见初稿' }).click();
    await page.getByText('已写入“反馈意见（初稿）”工作表。').waitFor();
    await page.screenshot({ path: join(SHOTS, '4-written.png'), animations: 'disabled', fullPage: true });

    // Live validation: the user fixes a cell; within a second the pane and the marks follow.
    await page.waitForTimeout(500);
    await page.evaluate(() =>
      (window as unknown as { __fake: { userEdit(s: string, c: string, v: number): void } }).__fake.userEdit(
        '经费投入',
        'F3',
        11500,
      ),
    );
    const edited = Date.now();
    await page.getByText(/JF01 本年值/).waitFor({ state: 'detached', timeout: 1000 });
    expect(Date.now() - edited).toBeLessThan(1000);
    expect((await fake(page, (f) => f.look('经费投入', 'F3'))).fill).toBe('');

    await page.getByRole('button', { name: '清除标注' }).click();
    await page.getByText(/已清除本工具添加的标注和批注/).waitFor();
    expect((await fake(page, (f) => f.look('经费投入', 'F3'))).fill).toBe('');
    await page.close();
  });

  test('a workbook ready to return says so at a glance', async () => {
    const page = await open({ office: 'fake', workbook: { explained: true } });
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText('✓ 可以报送：没有错误，未达标项均已说明').waitFor();
    await page.screenshot({ path: join(SHOTS, '8-ready.png'), animations: 'disabled', fullPage: true });
    await page.close();
  });

  test('a workbook that carries its ruleset is checked with it; the pane lists the rulesets it has', async () => {
    const page = await open({ office: 'fake', sheets: sheetsOfVersion(WEIHAI.version, weihaiDoc()) });
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText(`校验依据：${WEIHAI.name}（${WEIHAI.version}），填报表自带的规则集`).waitFor();
    await page.getByText(/^✗ 暂不能报送/).waitFor();
    await page.getByRole('button', { name: '规则集（2025.1）' }).click();
    await page.getByRole('button', { name: '加载规则集文件…' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '10-carried-ruleset.png'), animations: 'disabled', fullPage: true });
    await page.close();
  });

  test('in English when Office speaks English', async () => {
    const page = await open({ office: 'fake', displayLanguage: 'en-US' });
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.getByText(/^✗ Not ready/).waitFor();
    await page.screenshot({ path: join(SHOTS, '5-english.png'), animations: 'disabled', fullPage: true });
    await page.close();
  });

  test('the reviewer chooses the returned workbooks in the pane and gets the city-wide draft in a new sheet', async () => {
    const page = await open({ office: 'fake' });
    await page.getByRole('button', { name: '全市汇总（审核人员）' }).click();
    const files = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => ({ name: f, mimeType: 'application/octet-stream', buffer: readFileSync(join(EXAMPLES, f)) }));
    const broken = { name: '空文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) };
    await page.getByLabel('选择各地区报回的填报表（.xlsx，可多选）').setInputFiles([...files, broken]);
    await page.getByText(`已根据 ${files.length} 个地区的填报表写入“全市反馈意见（初稿）”工作表。`).waitFor();
    await page.getByText('文件是空的（0 字节）').waitFor();
    const names = await fake(page, (f) => f.sheets.map((s) => s.name));
    expect(names).toContain(CITY_DRAFT_SHEET);
    expect(names).not.toContain('反馈意见（初稿）');
    const text = (await fake(page, (f) => f.values('全市反馈意见（初稿）'))).flat().join('\n');
    expect(text.startsWith(await cityTitle(files.map((f) => f.buffer)))).toBe(true);
    expect(text).toContain('南山县');
    await page.screenshot({ path: join(SHOTS, '9-city-draft-in-excel.png'), animations: 'disabled', fullPage: true });
    await page.close();
  });

  test('without office.js the page says so in Chinese and offers the file mode', async () => {
    const page = await open({ office: 'blocked' });
    await page.getByText('无法加载 Office 组件').waitFor();
    await page.screenshot({ path: join(SHOTS, '6-offline.png'), animations: 'disabled' });
    await page.getByRole('button', { name: '使用文件模式' }).click();
    await page.locator('[data-mode="file"]').waitFor();
    await page.screenshot({ path: join(SHOTS, '7-file-mode.png'), animations: 'disabled' });
    await page.close();
  });

  test(`the initial JavaScript is at most ${BUDGET_BYTES / 1024} KB gzipped and holds no exceljs`, () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const gz = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(DIST, s)), { level: 9 }).length, 0);
    console.log(`taskpane initial JS: ${scripts.join(', ')} = ${(gz / 1024).toFixed(1)} KB gzipped`);
    expect(gz).toBeLessThanOrEqual(BUDGET_BYTES);

    const initial = (stats.chunks ?? []).filter((c) => c.initial);
    const modules = initial.flatMap((c) =>
      (c.modules ?? []).flatMap((m) => [m.name ?? '', ...(m.modules ?? []).map((x) => x.name ?? '')]),
    );
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((n) => /node_modules[\\/](exceljs|jszip|docx)[\\/]/.test(n))).toEqual([]);
  });

  test('the built manifest points at ADDIN_BASE_URL', () => {
    const manifest = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://e2e.example.test/addin/taskpane.html');
    // an AppDomain is an origin: ADDIN_BASE_URL's path must not leak into it
    expect([...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
      'https://e2e.example.test',
    ]);
    expect(readdirSync(join(DIST, 'assets')).sort()).toEqual([
      'feedback-16.png',
      'feedback-32.png',
      'feedback-80.png',
      'icon-16.png',
      'icon-32.png',
      'icon-64.png',
      'icon-80.png',
    ]);
    expect(existsSync(join(DIST, 'commands.html'))).toBe(true);
  });
});
