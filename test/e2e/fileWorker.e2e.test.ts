/**
 * The BUILT page in headless Chromium (issue 14, item 6): workbooks are read and checked in a Web
 * Worker. The page itself never loads the workbook engine (its chunks are fetched by the worker
 * only), the results are the engine's, the annotated copy is made by reading the file again in
 * the worker, a damaged file is reported for itself and the others are checked, and the page's
 * main thread is measured while a batch comes in.
 */
import type { ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { bundledRuleset } from '../../src/core/ruleset';
import { SUMMARY_SHEET } from '../../src/core/summary';
import { checkBytes } from '../../src/hosts/file/check';
import { describeE2e, launchChromium, startServer } from './browser';
import { builtTaskpane } from './build';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const DISTRICTS = ['东城区', '西城区', '北海区', '南山县', '滨海经济开发区', '青石市'];

const upload = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
const example = (district: string) => upload(`${district}.xlsx`, readFileSync(join(EXAMPLES, `${district}.xlsx`)));

describeE2e('the built page reads workbooks in a Web Worker', () => {
  let browser: Browser;
  let server: ChildProcess;
  let pageUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await builtTaskpane();
    ({ child: server, url: pageUrl } = await startServer());
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  async function open(): Promise<{ page: Page; workers: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(pageUrl);
    return { page, workers };
  }

  /** The scripts the page itself fetched (a worker's own fetches are not among them). */
  const pageScripts = (page: Page) =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.replace(/.*\//, '')));

  test('one workbook: checked in the worker with the engine’s findings; the copy is made there from the file again', async () => {
    const { page, workers } = await open();
    const file = example('南山县');
    await page.getByLabel('选择要校验的填报表（.xlsx）').setInputFiles([file]);
    await page.getByRole('heading', { name: '南山县' }).waitFor();
    const expected = await checkBytes(new Uint8Array(file.buffer), [bundledRuleset()], new Date());
    const findings = expected.status === 'checked' ? expected.report.findings : [];
    expect(await page.locator('[data-district-view] [data-cell]').count()).toBe(findings.length);

    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/duty-review-workbooks\.[0-9a-f]+\.chunk\.js$/);
    // the page's own thread never fetched the workbook engine: the worker did
    const scripts = await pageScripts(page);
    expect(scripts.filter((s) => /^workbook\.[0-9a-f]+\.chunk\.js$/.test(s))).toEqual([]);
    expect(scripts.filter((s) => /^workbook-worker\./.test(s))).toEqual([]);

    const [copy] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载标注副本（.xlsx）' }).click(),
    ]);
    expect(copy.suggestedFilename()).toBe('南山县.checked.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await copy.path())!) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
    expect((await pageScripts(page)).filter((s) => /^workbook\.[0-9a-f]+\.chunk\.js$/.test(s))).toEqual([]);
    await page.context().close();
  }, 900_000); // the build takes minutes on a busy machine

  test('a batch with a damaged file: that file is reported, the others are checked; the main thread’s blocks are printed', async () => {
    const { page } = await open();
    const files = [
      ...DISTRICTS.map(example),
      upload('损坏.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)])),
      ...DISTRICTS.map((d) => upload(`第二次-${d}.xlsx`, readFileSync(join(EXAMPLES, `${d}.xlsx`)))),
    ];
    const from = await page.evaluate(() => performance.now());
    const started = Date.now();
    await page.getByLabel('选择要校验的填报表（.xlsx）').setInputFiles(files);
    await page.getByText('已校验 12 个工作簿，1 个文件无法校验。').waitFor({ timeout: 240_000 });
    const elapsed = Date.now() - started;
    expect(await page.locator('[data-bad-files] li').count()).toBe(1);
    expect(await page.locator('[data-bad-files]').textContent()).toContain('损坏.xlsx');
    const tasks = await page.evaluate(
      (t0) =>
        (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
          .filter((t) => t.start >= t0)
          .map((t) => t.duration),
      from,
    );
    // figures, not a bound: the machine the tests run on may be shared
    console.log(
      `13 files in ${elapsed} ms; longest main-thread block ${Math.max(0, ...tasks).toFixed(0)} ms, ${tasks.filter((d) => d > 100).length} over 100 ms`,
    );
    await page.context().close();
  }, 300_000);
});
