/**
 * The charts of a batch on the BUILT page (file mode) in headless Chromium: drawn only once a
 * batch's city results show (their chunk fetched then, not before), readable in a 350-px pane and
 * at 1280 px without widening the page, each with its numbers as a table, and the city .docx
 * downloaded from the page carrying them as PNG pictures drawn through a canvas.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { describeE2e, launchChromium, SHOTS, startServer } from './browser';
import { builtTaskpane } from './build';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describeE2e('the batch charts on the built page', () => {
  let browser: Browser;
  let server: ChildProcess;
  let pageUrl: string;
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(EXAMPLES, f));

  beforeAll(async () => {
    await builtTaskpane();
    ({ child: server, url: pageUrl } = await startServer());
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  async function batchAt(width: number): Promise<{ page: Page; scripts: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop()!);
    });
    await page.goto(`${pageUrl}?mode=file`);
    await page.locator('[data-mode="file"]').waitFor();
    expect(scripts.some((s) => s.startsWith('charts.'))).toBe(false);
    await page.locator('input[type=file]').first().setInputFiles(files);
    await page.locator('[data-city-charts] figure').first().waitFor({ timeout: 120_000 });
    return { page, scripts };
  }

  for (const width of [350, 1280]) {
    test(`at ${width} px: the grid and a bar chart per compared figure, their chunk fetched only now, nothing wider than the pane`, async () => {
      const { page, scripts } = await batchAt(width);
      expect(scripts.some((s) => s.startsWith('charts.'))).toBe(true);
      const figures = page.locator('[data-city-charts] figure');
      expect(await figures.count()).toBe(6);
      expect(await figures.first().getAttribute('data-chart')).toBe('各地区未达标事项分布');
      // labels in Chinese, the requirement dashed
      const xq05 = figures.nth(1);
      expect(await xq05.locator('svg text').allTextContents()).toEqual(
        expect.arrayContaining(['全市 82.4%', '要求 ≥80%', '东城区', '无数据']),
      );
      expect(await xq05.locator('line[stroke-dasharray]').count()).toBe(1);
      // every chart's numbers are a table (hidden until asked for)
      expect(await page.locator('[data-city-charts] table[data-chart-table]').count()).toBe(6);
      await xq05.getByRole('button', { name: '以表格查看' }).click();
      await expect(xq05.getByRole('table').isVisible()).resolves.toBe(true);
      // nothing of the charts is wider than the pane, except inside its own scroller
      const outside = await page.evaluate(() => {
        const right = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll('[data-city-charts] svg, [data-city-charts] table')]
          .filter((e) => e.getBoundingClientRect().right > right)
          .filter((e) => !e.closest('[data-chart-scroll]') && e.closest('[data-chart-table]') === null)
          .map((e) => e.tagName);
      });
      expect(outside).toEqual([]);
      await page.locator('[data-city-charts]').screenshot({ path: join(SHOTS, `charts-${width}.png`) });
      await page.context().close();
    }, 300_000);
  }

  test('the city .docx downloaded from the page carries the charts as PNG pictures', async () => {
    const { page } = await batchAt(1280);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载全市反馈意见初稿/ }).click(),
    ]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(6);
    const png = await zip.file(media[0]!)!.async('uint8array');
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('全市比较图表');
    expect(xml).toContain('图6');
    await page.context().close();
  }, 300_000);
});
