/**
 * The reviewer's round on the BUILT page in headless Chromium: drop the example city, decide on
 * three explanations (one with the keyboard), download everything in one .zip and open its ledger
 * and letters; load an edited ledger with a row that matches nothing and see it named.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { Browser, Download, Page } from 'playwright-core';
import { LEDGER_SHEET, LEDGER_TEXT } from '../../src/core/ledger';
import { bundledRuleset } from '../../src/core/ruleset';
import { SUMMARY_SHEET } from '../../src/core/summary';
import type { Finding } from '../../src/core/types';
import { checkBytes } from '../../src/hosts/file/check';
import { zh } from '../../src/i18n';
import { bytesOf, describeE2e, launchChromium, SHOTS, startServer } from './browser';
import { builtTaskpane } from './build';
import { docxText, workbook } from '../fixtures/readBack';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const DISTRICTS = ['东城区', '西城区', '北海区', '南山县', '滨海经济开发区', '青石市'];
const t = zh.ledger;
const b = zh.batchList;
const RULESET = bundledRuleset();

const example = (d: string) => join(EXAMPLES, `${d}.xlsx`);

async function warnings(district: string): Promise<Finding[]> {
  const c = await checkBytes(new Uint8Array(readFileSync(example(district))), [bundledRuleset()], new Date());
  if (c.status !== 'checked') throw new Error(`${district}: ${c.status}`);
  return c.report.findings.filter((f) => f.level === 'warning');
}

describeE2e('the reviewer on the built page: the review ledger and everything in one download', () => {
  let browser: Browser;
  let server: ChildProcess;
  let pageUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await builtTaskpane();
    ({ child: server, url: pageUrl } = await startServer());
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 900_000); // the build takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(pageUrl);
    return page;
  }

  async function download(page: Page, name: string): Promise<Download> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return d;
  }

  const review = (page: Page, f: Finding) => page.locator(`[data-review-cell="${f.sheet}!${f.cell}"]`);

  test('three decisions, the .zip with every file, its ledger and letters following them, an edited ledger loaded', async () => {
    const west = await warnings('西城区');
    const accepted = west.find((f) => f.rule === 'JF02.minGrowth')!;
    const returned = west.find((f) => f.rule === 'JS07.minRate')!;
    const south = (await warnings('南山县'))[0]!;
    expect([accepted, returned, south].every(Boolean)).toBe(true);

    const page = await open(1280);
    await page.getByLabel('选择要校验的填报表（.xlsx）').setInputFiles(DISTRICTS.map(example));
    await page.locator('[data-ledger-panel]').waitFor();
    const counts = page.locator('[data-ledger-counts]');
    const total = (await Promise.all(DISTRICTS.map(warnings))).reduce((n, w) => n + w.length, 0);
    expect(await counts.textContent()).toBe(t.counts(total, total, 0, 0));

    // 西城区: one explanation accepted with the mouse, one sent back with the keyboard and a note
    await page.getByRole('button', { name: '查看西城区的问题清单' }).click();
    await page.getByRole('heading', { name: '西城区' }).waitFor();
    await review(page, accepted).getByRole('radio', { name: '采纳说明' }).click();
    const box = review(page, returned);
    await box.getByRole('radio', { name: '确认问题' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await box.getAttribute('data-review')).toBe('退回补充');
    await box
      .getByRole('textbox', {
        // the label names the indicator and the rule (two warnings on one cell are told apart)
        name: b.noteLabel(
          `${returned.sheet}!${returned.cell}`,
          b.about(RULESET.labelOf(returned.indicator), returned.rule),
        ),
      })
      .fill('请说明学历提升计划的完成时限');
    await page.screenshot({ path: join(SHOTS, 'reviewer-1-decide-1280.png'), animations: 'disabled', fullPage: true });
    await page.getByRole('button', { name: /返回地区列表/ }).click();

    // 南山县: its first unmet requirement accepted too
    await page.getByRole('button', { name: '查看南山县的问题清单' }).click();
    await page.getByRole('heading', { name: '南山县' }).waitFor();
    await review(page, south).getByRole('radio', { name: '采纳说明' }).click();
    await page.getByRole('button', { name: /返回地区列表/ }).click();
    expect(await counts.textContent()).toBe(t.counts(total, total - 3, 2, 1));
    await page.screenshot({ path: join(SHOTS, 'reviewer-2-batch-1280.png'), animations: 'disabled', fullPage: true });

    // everything in one download
    const zipped = await download(page, zh.file.downloadZip);
    expect(zipped.suggestedFilename()).toBe('审核材料.zip');
    const zip = await JSZip.loadAsync(await bytesOf(zipped));
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(
      [
        '全市汇总反馈意见（初稿）.docx',
        '审核台账.xlsx',
        ...DISTRICTS.map((d) => `反馈意见/${d}反馈意见（初稿）.docx`),
        ...DISTRICTS.map((d) => `标注副本/${d}.checked.xlsx`),
      ].sort(),
    );
    const entry = (name: string) => zip.file(name)!.async('nodebuffer');
    for (const d of DISTRICTS)
      expect((await workbook(await entry(`标注副本/${d}.checked.xlsx`))).getWorksheet(SUMMARY_SHEET)).toBeDefined();

    // its ledger holds the three decisions
    const ledgerBytes = await entry('审核台账.xlsx');
    const wb = await workbook(ledgerBytes);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    const decided: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(10).value !== '确认问题')
        decided.push([2, 5, 7, 10, 11].map((c) => String(row.getCell(c).value ?? '')).join(' '));
    });
    expect(decided).toEqual([
      `西城区 ${accepted.rule} ${accepted.cell} 采纳说明 `,
      `西城区 ${returned.rule} ${returned.cell} 退回补充 请说明学历提升计划的完成时限`,
      `南山县 ${south.rule} ${south.cell} 采纳说明 `,
    ]);
    expect(ws.rowCount).toBe(total + 1);

    // the letters follow it: 西城区's sent-back item waits in the annex with the note
    const letter = await docxText(await entry('反馈意见/西城区反馈意见（初稿）.docx'));
    const [, annex] = letter.split('\n附件\n待补充说明事项\n');
    expect(annex).toContain('请说明学历提升计划的完成时限');
    const cityDocx = await entry('全市汇总反馈意见（初稿）.docx');
    expect(await docxText(cityDocx)).toContain('待补充说明事项');
    // its annex of charts carries pictures drawn by the page (canvas), as the page's own city draft does
    const media = Object.keys((await JSZip.loadAsync(cityDocx)).files).filter((n) => /^word\/media\/.+\.png$/.test(n));
    expect(media.length).toBeGreaterThan(0);

    // edited in Excel: one more decision, and a row of a district not in the batch
    ws.addRow([total + 1, '外县', '379999', 'XX01', 'XX01.min', '经费投入', 'F99', '', '', '确认问题', '']);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByLabel(t.loadLabel).setInputFiles({
      name: '审核台账（改）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: edited,
    });
    await page.getByText(t.loaded('审核台账（改）.xlsx', total)).waitFor();
    const problems = await page.locator('[data-ledger-problems] li').allTextContents();
    expect(problems).toEqual([
      LEDGER_TEXT.unmatched({
        row: total + 2,
        district: '外县',
        code: '379999',
        indicator: 'XX01',
        rule: 'XX01.min',
        sheet: '经费投入',
        cell: 'F99',
        message: '',
        explanation: '',
        decision: '确认问题',
        note: '',
      }),
    ]);
    expect(await counts.textContent()).toBe(t.counts(total, total - 3, 2, 1));
    await page.screenshot({
      path: join(SHOTS, 'reviewer-3-ledger-loaded-1280.png'),
      animations: 'disabled',
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
