/**
 * The BUILT page opened as a plain page in headless Chromium (no Office): the file mode. It is
 * served by `scripts/start.js` (what `npm start` runs) from test/.out/dist; every request off
 * that server is blocked and must not happen, and nothing is sent to it but GETs (no upload).
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { bundledRuleset } from '../../src/core/ruleset';
import { LEVEL_COLOURS, SUMMARY_SHEET } from '../../src/core/summary';
import type { Level } from '../../src/core/types';
import { checkBytes } from '../../src/hosts/file/check';
import { RULESET_SHEET } from '../../src/core/layout';
import { REASONS } from '../../src/hosts/file/load';
import { WEIHAI, brokenDoc, rulesetWorkbookBytes, weihaiDoc } from '../taskpane/rulesetHelpers';
import { bytesOf, cityTitle, describeE2e, launchChromium, SHOTS, startServer } from './browser';
import { builtTaskpane } from './build';
import { docxText, workbook } from '../fixtures/readBack';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
/** The example city's districts in order of 行政区划代码. */
const BY_CODE = [
  ['东城区', '379902'],
  ['西城区', '379903'],
  ['北海区', '379904'],
  ['南山县', '379921'],
  ['滨海经济开发区', '379971'],
  ['青石市', '379981'],
] as const;

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const upload = (name: string, buffer: Buffer): Upload => ({ name, mimeType: 'application/octet-stream', buffer });
const example = (district: string) => upload(`${district}.xlsx`, readFileSync(join(EXAMPLES, `${district}.xlsx`)));

describeE2e('the built page as a plain page: file mode', () => {
  let browser: Browser;
  let server: ChildProcess;
  let pageUrl: string;
  let origin: string;
  const pageErrors: string[] = [];
  /** requests off the local server (blocked) and requests to it that are not GETs */
  const forbidden: string[] = [];

  beforeAll(async () => {
    await builtTaskpane();
    ({ child: server, url: pageUrl } = await startServer());
    origin = new URL(pageUrl).origin;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 900_000); // the build takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(forbidden).toEqual([]);
    pageErrors.length = 0;
    forbidden.length = 0;
  });

  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      deviceScaleFactor: 1,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => {
      const req = route.request();
      if (!req.url().startsWith(`${origin}/`)) {
        forbidden.push(`${req.method()} ${req.url()}`);
        return route.abort('blockedbyclient');
      }
      if (req.method() !== 'GET') forbidden.push(`${req.method()} ${req.url()}`);
      return route.continue();
    });
    await page.goto(pageUrl);
    return page;
  }

  const chooser = (page: Page) => page.getByLabel('选择要校验的填报表（.xlsx）');
  const rows = (page: Page) => page.locator('[data-district-table] tbody tr');

  async function download(page: Page, button: Locator): Promise<Download> {
    const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return d;
  }

  test('a plain tab starts in file mode at once, in Chinese, says files stay here, and fetches nothing else', async () => {
    const started = Date.now();
    const page = await open(1280);
    await page.getByRole('button', { name: '选择文件…' }).waitFor();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('文件只在本机浏览器中处理，不会上传。').waitFor();
    const input = chooser(page);
    expect(await input.getAttribute('multiple')).not.toBeNull();
    expect(await input.getAttribute('accept')).toMatch(/^\.xlsx\b/);
    // the keyboard reaches the file button first
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('选择文件…');
    await page.screenshot({ path: join(SHOTS, 'file-1-start-1280.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 350, height: 760 });
    await page.screenshot({ path: join(SHOTS, 'file-1-start-350.png'), animations: 'disabled' });
    await page.context().close();
  });

  test('one workbook, dropped: its findings with their cells, the annotated copy and the draft', async () => {
    const page = await open(350);
    const file = example('南山县');
    const drop = await page.evaluateHandle(
      ({ name, b64 }) => {
        const dt = new DataTransfer();
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], name));
        return dt;
      },
      { name: file.name, b64: file.buffer.toString('base64') },
    );
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer: drop });
    await page.locator('[data-district-view]').waitFor();
    expect(await rows(page).count()).toBe(0);
    await page.getByRole('heading', { name: '南山县' }).waitFor();
    await page.getByText(/^✗ 暂不能报送：请先改正 10 处错误/).waitFor();
    expect(await page.getByRole('button', { name: /返回地区列表/ }).count()).toBe(0);

    const cells = await page.locator('[data-level]').evaluateAll((groups) =>
      groups.flatMap((g) =>
        [...g.querySelectorAll('[data-cell]')].map((c) => ({
          level: g.getAttribute('data-level') as Level,
          cell: c.getAttribute('data-cell')!,
        })),
      ),
    );
    // the page shows exactly the engine's findings for this workbook
    const checked = await checkBytes(new Uint8Array(file.buffer), [bundledRuleset()], new Date());
    const expected = checked.status === 'checked' ? checked.report.findings : [];
    expect(cells).toEqual(expected.map((f) => ({ level: f.level, cell: `${f.sheet}!${f.cell}` })));
    await page.screenshot({ path: join(SHOTS, 'file-2-district-350.png'), animations: 'disabled', fullPage: true });

    // the level filter hides the notices
    await page.getByRole('group', { name: '按级别筛选' }).getByRole('button', { name: /提示/ }).click();
    expect(await page.locator('[data-level="notice"]').count()).toBe(0);

    const copy = await download(page, page.getByRole('button', { name: '下载标注副本（.xlsx）' }));
    expect(copy.suggestedFilename()).toBe('南山县.checked.xlsx');
    const wb = await workbook(await bytesOf(copy));
    expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
    for (const { level, cell } of cells.filter((c) => c.level === 'error')) {
      const [sheet, address] = cell.split('!') as [string, string];
      const fill = wb.getWorksheet(sheet)!.getCell(address).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(`FF${LEVEL_COLOURS[level]}`);
    }
    await page.getByText('已生成“南山县.checked.xlsx”').waitFor();

    const draft = await download(page, page.getByRole('button', { name: '下载反馈意见初稿（.docx）' }));
    expect(draft.suggestedFilename()).toBe('南山县反馈意见（初稿）.docx');
    const text = await docxText(await bytesOf(draft));
    expect(text).toContain('关于南山县2025年度履行教育职责评价的反馈意见（初稿）');
    await page.context().close();
  });

  test('the reviewer: six districts by 行政区划代码, the city comparison and draft, every copy in a .zip', async () => {
    const page = await open(1280);
    const files = BY_CODE.map(([d]) => example(d)).reverse();
    await chooser(page).setInputFiles(files);
    await page.getByText('已校验 6 个工作簿。').waitFor();
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(
      BY_CODE.map(([, code]) => code),
    );
    const nanshan = rows(page).filter({ has: page.getByRole('button', { name: '查看南山县的问题清单' }) });
    expect(await nanshan.locator('[data-level="error"]').textContent()).toBe('10');
    expect(await nanshan.getByText('暂不能报送').count()).toBe(1);
    const dongcheng = rows(page).first();
    expect(await dongcheng.getByText('可报送', { exact: true }).count()).toBe(1);
    await page.getByText('西城区、滨海经济开发区普惠性幼儿园覆盖率低于全市平均水平（82.4%）').waitFor();

    const title = await cityTitle(files.map((f) => f.buffer));
    await page.getByRole('button', { name: '查看全市反馈意见（初稿）' }).click();
    await page.locator('[data-draft-preview]').getByText(title, { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'file-3-city-1280.png'), animations: 'disabled', fullPage: true });

    const city = await download(page, page.getByRole('button', { name: '下载全市反馈意见初稿（.docx）' }));
    expect(city.suggestedFilename()).toBe('全市汇总反馈意见（初稿）.docx');
    const cityText = await docxText(await bytesOf(city));
    expect(cityText).toContain(title);
    expect(cityText).toContain('东城区、西城区、北海区、南山县、滨海经济开发区、青石市');

    const zipped = await download(page, page.getByRole('button', { name: '全部下载（.zip）' }));
    expect(zipped.suggestedFilename()).toBe('审核材料.zip');
    const zip = await JSZip.loadAsync(await bytesOf(zipped));
    const names = Object.keys(zip.files).filter((n) => /^标注副本\/.+/.test(n));
    expect(names.sort()).toEqual(BY_CODE.map(([d]) => `标注副本/${d}.checked.xlsx`).sort());
    const inside = await workbook(await zip.file('标注副本/南山县.checked.xlsx')!.async('nodebuffer'));
    expect(inside.getWorksheet(SUMMARY_SHEET)).toBeDefined();

    // one district's findings, wide and narrow, and back to the table with the keyboard where it was
    await page.getByRole('button', { name: '查看北海区的问题清单' }).click();
    await page.getByRole('heading', { name: '北海区' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'file-4-district-1280.png'), animations: 'disabled', fullPage: true });
    await page.getByRole('button', { name: /返回地区列表/ }).click();
    await page.setViewportSize({ width: 350, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'file-5-city-350.png'), animations: 'disabled', fullPage: true });
    await page.getByRole('button', { name: '查看南山县的问题清单' }).click();
    await page.getByRole('heading', { name: '南山县' }).waitFor();
    const nanshanChecked = await checkBytes(new Uint8Array(example('南山县').buffer), [bundledRuleset()], new Date());
    const nanshanCount = nanshanChecked.status === 'checked' ? nanshanChecked.report.findings.length : -1;
    expect(await page.locator('[data-district-view] [data-cell]').count()).toBe(nanshanCount);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('南山县');
    await page.getByRole('button', { name: /返回地区列表/ }).click();
    await rows(page).first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('查看南山县的问题清单');
    await page.context().close();
  });

  test('an office’s ruleset: loaded from its workbook, kept after a reload, its blank template checked with it, removed', async () => {
    const page = await open(1280);
    const rulesetInput = page.getByLabel('选择规则集文件（.xlsx 指标体系工作簿或 .json）');
    const listed = () =>
      page
        .locator('[data-ruleset-version]')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-ruleset-version')));

    // a broken one: every problem at its cell, and not used
    await rulesetInput.setInputFiles(upload('新版.xlsx', Buffer.from(await rulesetWorkbookBytes(brokenDoc()))));
    await page.getByText(/^规则集文件“新版.xlsx”有 \d+ 处问题，不能使用/).waitFor();
    expect(await page.locator('[data-ruleset-problems] li[data-place="规则!E2"]').count()).toBe(1);
    expect(await listed()).toEqual(['2025.1']);

    await rulesetInput.setInputFiles(upload('威海指标体系.xlsx', Buffer.from(await rulesetWorkbookBytes(weihaiDoc()))));
    await page
      .getByText(`已加载规则集“${WEIHAI.name}”（${WEIHAI.version}，文件“威海指标体系.xlsx”）`, { exact: false })
      .waitFor();
    expect(await listed()).toEqual(['2025.1', WEIHAI.version]);
    await page.screenshot({ path: join(SHOTS, 'file-7-ruleset-1280.png'), animations: 'disabled', fullPage: true });

    await page.reload();
    await page.getByText(`${WEIHAI.version} · 已加载：威海指标体系.xlsx`).waitFor();

    const template = await download(
      page,
      page.getByRole('button', { name: `下载空白填报表：${WEIHAI.name}（${WEIHAI.version}）` }),
    );
    expect(template.suggestedFilename()).toBe(`${WEIHAI.name}填报表（${WEIHAI.version}）.xlsx`);
    const blank = await bytesOf(template);
    const wb = await workbook(blank);
    expect(wb.getWorksheet(RULESET_SHEET)?.state).toBe('veryHidden');

    // without the loaded ruleset, the template still checks with the ruleset it carries
    await page.getByRole('button', { name: `移除规则集：${WEIHAI.name}（${WEIHAI.version}）` }).click();
    await page.getByText(`已移除规则集“${WEIHAI.name}”（${WEIHAI.version}），现在只使用内置规则集。`).waitFor();
    expect(await listed()).toEqual(['2025.1']);
    await chooser(page).setInputFiles(upload('空白.xlsx', blank));
    await page.locator('[data-district-view]').getByText(`规则集 ${WEIHAI.version}`, { exact: false }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: '加载规则集文件…' }).waitFor();
    expect(await listed()).toEqual(['2025.1']);
    await page.context().close();
  });

  test('bad files get one line each, saying why; the good ones are checked all the same', async () => {
    const page = await open(350);
    const good = example('东城区');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
    const notTemplate = Buffer.from(await other.xlsx.writeBuffer());
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]);
    const files = [
      good,
      upload('空文件.xlsx', Buffer.alloc(0)),
      upload('记事本.xlsx', Buffer.from('这不是工作簿，只是一段文字。\n', 'utf8')),
      upload('传了一半.xlsx', good.buffer.subarray(0, Math.floor(good.buffer.length / 2))),
      upload('旧版.xls', ole),
      upload('加密.xlsx', encrypted),
      upload('签到表.xlsx', notTemplate),
      upload('说明.txt', Buffer.from('readme')),
      example('南山县'),
    ];
    const whyNot = await checkBytes(notTemplate, [bundledRuleset()], new Date());
    expect(whyNot.status).toBe('not-template');

    await chooser(page).setInputFiles(files);
    await page.getByText('已校验 2 个工作簿，7 个文件无法校验。').waitFor();
    const lines = await page
      .locator('[data-bad-files] li')
      .evaluateAll((lis) =>
        Object.fromEntries(
          lis.map((li) => [li.getAttribute('data-file'), li.querySelector('[data-line]')?.textContent]),
        ),
      );
    expect(lines).toEqual({
      '空文件.xlsx': `空文件.xlsx：无法读取：${REASONS.empty}`,
      '记事本.xlsx': `记事本.xlsx：无法读取：${REASONS.notZip}`,
      '传了一半.xlsx': `传了一半.xlsx：无法读取：${REASONS.corrupt}`,
      '旧版.xls': `旧版.xls：无法读取：${REASONS.xls}`,
      '加密.xlsx': `加密.xlsx：无法读取：${REASONS.encrypted}`,
      '签到表.xlsx': `签到表.xlsx：${whyNot.status === 'not-template' ? whyNot.reason : ''}`,
      '说明.txt': '说明.txt：不是 .xlsx 工作簿（.txt），已跳过',
    });
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-district')))).toEqual([
      '东城区',
      '南山县',
    ]);
    await page.screenshot({ path: join(SHOTS, 'file-6-bad-files-350.png'), animations: 'disabled', fullPage: true });

    // the zip holds the good ones only
    const zipped = await download(page, page.getByRole('button', { name: '全部下载（.zip）' }));
    const zip = await JSZip.loadAsync(await bytesOf(zipped));
    const copies = Object.keys(zip.files).filter((n) => /^标注副本\/.+/.test(n));
    expect(copies.sort()).toEqual(['标注副本/东城区.checked.xlsx', '标注副本/南山县.checked.xlsx'].sort());

    // starting over
    await page.getByRole('button', { name: '全部清除' }).click();
    await page.getByRole('alertdialog', { name: '确定清除全部 9 个文件？' }).waitFor();
    await page.getByRole('button', { name: '清除', exact: true }).click();
    expect(await page.locator('[data-bad-files]').count()).toBe(0);
    expect(await rows(page).count()).toBe(0);
    await page.context().close();
  });
});
