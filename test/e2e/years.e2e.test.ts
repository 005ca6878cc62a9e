/**
 * Across years on the BUILT page (issue 13), in headless Chromium, served by `scripts/start.js`:
 * last year's workbooks as a second input whose notices reach the district and its annotated copy,
 * next year's workbooks in one .zip, and 修改对照 of two returns of one district. The years code
 * is a chunk of its own, fetched only when used; nothing leaves the local server.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { StatsCompilation } from 'webpack';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { TODAY, xlsxOf } from '../fixtures/workbooks';
import { district, lastYearOf } from '../years/helpers';
import { describeE2e, launchChromium, SHOTS, startServer } from './browser';
import { builtTaskpane } from './build';
import { sheetText, workbook } from '../fixtures/readBack';

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const upload = (name: string, bytes: Uint8Array | string): Upload => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(bytes),
});

/** 东城区 this year: JF12 not met (a warning to carry into next year). */
const dongcheng = () => district((d) => (d.values.JF12 = { current: '否', explanation: '补助办法正在制定' }));
const xicheng = () =>
  district((d) => {
    d.info.name = '西城区';
    d.info.code = '379903';
  });

describeE2e('the built page across years', () => {
  let browser: Browser;
  let server: ChildProcess;
  let stats: StatsCompilation;
  let pageUrl: string;
  let origin: string;
  const pageErrors: string[] = [];
  const forbidden: string[] = [];
  /** the chunks the page fetched, by file name */
  const fetched: string[] = [];

  beforeAll(async () => {
    stats = await builtTaskpane();
    ({ child: server, url: pageUrl } = await startServer());
    origin = new URL(pageUrl).origin;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(forbidden).toEqual([]);
    pageErrors.length = 0;
    forbidden.length = 0;
    fetched.length = 0;
  });

  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => {
      const req = route.request();
      if (!req.url().startsWith(`${origin}/`)) {
        forbidden.push(`${req.method()} ${req.url()}`);
        return route.abort('blockedbyclient');
      }
      if (req.method() !== 'GET') forbidden.push(`${req.method()} ${req.url()}`);
      fetched.push(new URL(req.url()).pathname.replace(/^.*\//, ''));
      return route.continue();
    });
    await page.goto(pageUrl);
    return page;
  }

  async function download(page: Page, button: Locator): Promise<Buffer> {
    const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return readFileSync((await (d as Download).path())!);
  }

  const thisYear = (page: Page) => page.getByLabel('选择要校验的填报表（.xlsx）');
  const lastYear = (page: Page) => page.getByLabel('选择上年度报回的填报表（.xlsx，可多选）');

  test('the years code is a chunk of its own, not in the initial JavaScript', () => {
    const years = (stats.chunks ?? []).filter((c) => (c.names ?? []).includes('years'));
    expect(years).toHaveLength(1);
    expect(years[0]!.initial).toBe(false);
    const initial = (stats.chunks ?? []).filter((c) => c.initial);
    const modules = initial.flatMap((c) =>
      (c.modules ?? []).flatMap((m) => [m.name ?? '', ...(m.modules ?? []).map((x) => x.name ?? '')]),
    );
    expect(modules.filter((n) => /yearsEngine|hosts[\\/]file[\\/]nextYear|node_modules[\\/]exceljs/.test(n))).toEqual(
      [],
    );
  });

  test('last year’s workbooks: the restated 上年值 in the district and its copy, bad files one line; next year’s .zip', async () => {
    const page = await open(1280);
    await thisYear(page).setInputFiles([
      upload('东城区.xlsx', await xlsxOf(dongcheng())),
      upload('西城区.xlsx', await xlsxOf(xicheng())),
    ]);
    await page.getByText('已校验 2 个工作簿。').waitFor();
    expect(fetched.some((f) => f.startsWith('years'))).toBe(false);

    const restated = lastYearOf(dongcheng(), (p) => (p.values.JF01 = { ...p.values.JF01, current: 51000 }));
    await lastYear(page).setInputFiles([
      upload('东城区2024.xlsx', await xlsxOf(restated)),
      upload('坏文件.xlsx', 'not a workbook'),
    ]);
    const panel = page.locator('[data-last-year]');
    await panel.getByText('已读取 1 个上年度填报表，按行政区划代码与本年填报表比对。').waitFor();
    await panel.locator('[data-last-year-unused] [data-line]', { hasText: /^坏文件\.xlsx：无法读取：/ }).waitFor();
    await panel.getByText('西城区：没有上年填报表，未做跨年度比对').waitFor();
    // the comparison runs in the years chunk, fetched now
    await page.waitForFunction(() => !document.querySelector('[data-last-year] [role="progressbar"]'));
    expect(fetched.some((f) => f.startsWith('years'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'years-1-last-year-1280.png'), animations: 'disabled', fullPage: true });

    await page.getByRole('button', { name: '查看东城区的问题清单' }).click();
    await page.getByText(/上年值填报为.*与2024年度填报表“东城区2024\.xlsx”中的本年值（51000/).waitFor();
    await page
      .getByText(/2024年度反馈的问题未列入“问题整改”表/)
      .first()
      .waitFor();
    const copy = await workbook(await download(page, page.getByRole('button', { name: '下载标注副本（.xlsx）' })));
    expect(JSON.stringify(copy.getWorksheet('经费投入')!.getCell('E3').note)).toContain('东城区2024.xlsx');
    expect(sheetText(copy.getWorksheet('校验结果')!)).toContain('未列入“问题整改”表');
    await page.getByRole('button', { name: /返回地区列表/ }).click();

    const zipBytes = await download(page, page.getByRole('button', { name: '下载下一年度填报表（.zip）' }));
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).sort()).toEqual(['东城区2026年度填报表.xlsx', '西城区2026年度填报表.xlsx']);
    const next = await zip.file('东城区2026年度填报表.xlsx')!.async('uint8array');
    const c = await checkBytes(next, [bundledRuleset()], TODAY);
    if (c.status !== 'checked') throw new Error(c.reason);
    expect(c.report.district).toMatchObject({ name: '东城区', code: '379902', year: 2026 });
    expect(c.report.indicators.JF01!.last).toBe(56000);
    expect(sheetText((await workbook(next)).getWorksheet('问题整改')!)).toContain('市级评价');
    await page.context().close();
  });

  test('two returns of one district: 修改对照 on the page and the copy with the 修改对照 sheet', async () => {
    const page = await open(350);
    const first = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
    await thisYear(page).setInputFiles([upload('东城区-1.xlsx', first)]);
    await page.getByRole('heading', { name: '东城区' }).waitFor();
    await thisYear(page).setInputFiles([upload('东城区-2.xlsx', await xlsxOf(district()))]);
    const pair = page.locator('[data-change-pair]');
    await pair.getByText('东城区：东城区-1.xlsx → 东城区-2.xlsx').waitFor();
    await pair.getByRole('button', { name: '查看修改对照' }).click();
    await pair.getByText('经费投入!F3：约56000 → 56000').waitFor();
    await pair.getByText(/^问题变化：已解决 1 项/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'years-2-changes-350.png'), animations: 'disabled', fullPage: true });
    const copy = await workbook(
      await download(page, pair.getByRole('button', { name: '下载标注副本（含“修改对照”工作表）' })),
    );
    const text = sheetText(copy.getWorksheet('修改对照')!);
    expect(text).toContain('与上一次报送（东城区-1.xlsx）的修改对照');
    expect(text).toContain('F3|约56000|56000');
    await page.context().close();
  });
});
