/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * Across years on the web page (issue 13), on real .xlsx files made in the test: last year's
 * workbooks as a second input (notices in the district view, the annotated copy and the draft),
 * next year's workbooks in one .zip, and 修改对照 of two returns of one district.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { zh } from '../../src/i18n';
import { TODAY, xlsxOf } from '../fixtures/workbooks';
import { district, lastYearOf } from '../years/helpers';
import { bytesFile } from './fileHelpers';
import { WEIHAI, weihaiDoc } from './rulesetHelpers';
import { sheetText } from '../fixtures/readBack';

import { give, renderPage, thisYear } from './realPage';

/** 东城区 this year: JF12 not met (a warning to carry into next year). */
const dongcheng = () => district((d) => (d.values.JF12 = { current: '否', explanation: '补助办法正在制定' }));
const xicheng = () =>
  district((d) => {
    d.info.name = '西城区';
    d.info.code = '379903';
  });

const lastYear = (...files: File[]) => give(zh.years.previousInputLabel, ...files);

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test('last year’s workbooks: a restated 上年值 and a problem left out of 问题整改 become notices in the view, the copy and the draft; unusable files one line each', async () => {
  const { saved, drafts } = renderPage();
  const restated = lastYearOf(dongcheng(), (p) => (p.values.JF01 = { ...p.values.JF01, current: 51000 }));
  const elsewhere = lastYearOf(xicheng(), (p) => (p.info.code = '379999'));
  await thisYear(bytesFile('东城区.xlsx', await xlsxOf(dongcheng())));
  await screen.findByRole('heading', { name: '东城区' });
  await lastYear(
    bytesFile('东城区2024.xlsx', await xlsxOf(restated)),
    bytesFile('别处.xlsx', await xlsxOf(elsewhere)),
    bytesFile('坏文件.xlsx', new TextEncoder().encode('not a workbook')),
  );

  // the notice on the 上年值 cell names last year's figure and file
  const restatement = await screen.findByText(
    /上年值填报为.*与2024年度填报表“东城区2024\.xlsx”中的本年值（51000/,
    undefined,
    {
      timeout: 30000,
    },
  );
  expect(restatement).toBeTruthy();
  expect(screen.getAllByText(/2024年度反馈的问题未列入“问题整改”表/).length).toBeGreaterThan(0);
  const panel = document.querySelector<HTMLElement>('[data-last-year]')!;
  expect(within(panel).getByText('已读取 2 个上年度填报表，按行政区划代码与本年填报表比对。')).toBeTruthy();
  const lines = [...panel.querySelectorAll('[data-last-year-unused] [data-line]')].map((li) => li.textContent);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^坏文件\.xlsx：无法读取：/);
  expect(lines[1]).toBe('别处.xlsx：没有行政区划代码为 379999 的本年填报表');

  // the annotated copy carries the notices: a note on 经费投入!E3 and rows of 校验结果
  fireEvent.click(screen.getByRole('button', { name: zh.file.downloadAnnotated }));
  await waitFor(() => expect(saved.map((s) => s.name)).toContain('东城区.checked.xlsx'), { timeout: 30000 });
  const copy = await book(saved.find((s) => s.name === '东城区.checked.xlsx')!.bytes);
  const note = copy.getWorksheet('经费投入')!.getCell('E3').note;
  expect(JSON.stringify(note)).toContain('东城区2024.xlsx');
  expect(sheetText(copy.getWorksheet('校验结果')!)).toContain('未列入“问题整改”表');

  // and the draft: the restated figure is data to verify
  fireEvent.click(screen.getByRole('button', { name: zh.file.downloadDraft }));
  await waitFor(() => expect(drafts).toHaveLength(1), { timeout: 30000 });
  expect(JSON.stringify(drafts[0])).toContain('东城区2024.xlsx');

  // without last year's files the notices are gone again
  fireEvent.click(within(panel).getByRole('button', { name: zh.years.clear }));
  await waitFor(() => expect(screen.queryByText(/东城区2024\.xlsx”中的本年值/)).toBeNull());
});

test('next year’s workbooks: one .zip, each workbook opens with 基本信息 and 上年值 filled and this year’s problem in 问题整改', async () => {
  const { saved } = renderPage();
  await thisYear(
    bytesFile('东城区.xlsx', await xlsxOf(dongcheng())),
    bytesFile(
      '西城区.xlsx',
      await xlsxOf(
        district((d) => {
          d.info.name = '西城区';
          d.info.code = '379903';
          // a problem of last year still being rectified: carried into next year's 问题整改 as written
          d.rectification[1] = {
            ...d.rectification[1]!,
            status: '推进中',
            due: new Date(Date.UTC(2026, 5, 30)),
            evidence: null,
          };
        }),
      ),
    ),
  );
  await screen.findByText('已校验 2 个工作簿。', undefined, { timeout: 30000 });
  fireEvent.click(screen.getByRole('button', { name: zh.years.nextDownload }));
  await screen.findByText('已生成“下一年度填报表.zip”，请在浏览器的下载内容中查看。', undefined, { timeout: 30000 });
  const zip = await JSZip.loadAsync(saved.find((s) => s.name === '下一年度填报表.zip')!.bytes);
  expect(Object.keys(zip.files).sort()).toEqual(['东城区2026年度填报表.xlsx', '西城区2026年度填报表.xlsx']);
  const bytes = await zip.file('东城区2026年度填报表.xlsx')!.async('uint8array');
  const c = await checkBytes(bytes, [bundledRuleset()], TODAY);
  if (c.status !== 'checked') throw new Error(c.reason);
  expect(c.report.district).toMatchObject({ name: '东城区', code: '379902', year: 2026 });
  expect(c.report.indicators.JF01!.last).toBe(56000);
  expect(c.report.indicators.JF01!.current).toBeNull();
  const problems = sheetText((await book(bytes)).getWorksheet('问题整改')!);
  expect(problems).toContain('市级评价');
  expect(problems).toContain('普惠性民办幼儿园生均公用经费补助未落实');
  const west = sheetText(
    (await book(await zip.file('西城区2026年度填报表.xlsx')!.async('uint8array'))).getWorksheet('问题整改')!,
  );
  expect(west).toContain('部分学校卫生室未设置');
  expect(west).toContain('新设卫生室5处并配备校医');
});

test('two returns of one district: 修改对照 lists the changed cell and the findings resolved, and the copy has the sheet', async () => {
  const { saved } = renderPage();
  const first = await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' })));
  const second = await xlsxOf(district());
  await thisYear(bytesFile('东城区-1.xlsx', first, 1_000), bytesFile('东城区-2.xlsx', second, 2_000));
  const pair = await screen.findByText('东城区：东城区-1.xlsx → 东城区-2.xlsx', undefined, { timeout: 30000 });
  const box = pair.closest<HTMLElement>('[data-change-pair]')!;
  fireEvent.click(within(box).getByRole('button', { name: zh.years.changesShow }));
  await within(box).findByText('经费投入!F3：约56000 → 56000', undefined, { timeout: 30000 });
  expect(within(box).getByText('修改的单元格（1 处）：')).toBeTruthy();
  expect(within(box).getByText(/^问题变化：已解决 1 项/)).toBeTruthy();

  fireEvent.click(within(box).getByRole('button', { name: zh.years.changesDownload }));
  await waitFor(() => expect(saved.map((s) => s.name)).toContain('东城区-2.checked.xlsx'), { timeout: 30000 });
  const copy = await book(saved.find((s) => s.name === '东城区-2.checked.xlsx')!.bytes);
  const text = sheetText(copy.getWorksheet('修改对照')!);
  expect(text).toContain('与上一次报送（东城区-1.xlsx）的修改对照');
  expect(text).toContain('F3|约56000|56000');
  expect(copy.getWorksheet('校验结果')).toBeDefined();
});

test('next year’s workbooks follow the review: a warning whose explanation is accepted is not carried into 问题整改', async () => {
  const { saved } = renderPage();
  await thisYear(
    bytesFile('东城区.xlsx', await xlsxOf(dongcheng())),
    bytesFile('西城区.xlsx', await xlsxOf(xicheng())),
  );
  await screen.findByText('已校验 2 个工作簿。', undefined, { timeout: 30000 });
  fireEvent.click(screen.getByRole('button', { name: '查看东城区的问题清单' }));
  const view = document.querySelector<HTMLElement>('[data-district-view]')!;
  const accepted = within(view).getAllByRole('radio', { name: '采纳说明' });
  expect(accepted).toHaveLength(1);
  fireEvent.click(accepted[0]!);
  fireEvent.click(screen.getByRole('button', { name: '← 返回地区列表' }));
  await screen.findByText(zh.years.nextReviewed);
  fireEvent.click(screen.getByRole('button', { name: zh.years.nextDownload }));
  await screen.findByText('已生成“下一年度填报表.zip”，请在浏览器的下载内容中查看。', undefined, { timeout: 30000 });
  const zip = await JSZip.loadAsync(saved.find((s) => s.name === '下一年度填报表.zip')!.bytes);
  const bytes = await zip.file('东城区2026年度填报表.xlsx')!.async('uint8array');
  const problems = sheetText((await book(bytes)).getWorksheet('问题整改')!);
  expect(problems).not.toContain('普惠性民办幼儿园生均公用经费补助未落实');
  expect(problems).not.toContain('市级评价');
});

test('next year’s workbooks of a ruleset loaded on the page', async () => {
  const { saved } = renderPage();
  await thisYear(bytesFile('东城区.xlsx', await xlsxOf(dongcheng())));
  await screen.findByRole('heading', { name: '东城区' }, { timeout: 30000 });
  await give(zh.rulesets.inputLabel, bytesFile('威海.json', new TextEncoder().encode(JSON.stringify(weihaiDoc()))));
  await screen.findByRole(
    'option',
    { name: zh.years.nextRulesetOption(WEIHAI.name, WEIHAI.version) },
    { timeout: 30000 },
  );
  // this year's workbook is checked again with the rulesets now on the page
  await screen.findByRole('heading', { name: '东城区' }, { timeout: 30000 });
  fireEvent.change(screen.getByLabelText(zh.years.nextRuleset), { target: { value: WEIHAI.version } });
  fireEvent.click(screen.getByRole('button', { name: zh.years.nextDownload }));
  await screen.findByText('已生成“下一年度填报表.zip”，请在浏览器的下载内容中查看。', undefined, { timeout: 30000 });
  const zip = await JSZip.loadAsync(saved.find((s) => s.name === '下一年度填报表.zip')!.bytes);
  const bytes = await zip.file('东城区2026年度填报表.xlsx')!.async('uint8array');
  expect((await book(bytes)).getWorksheet('基本信息')!.getCell('B10').value).toBe(WEIHAI.version);
});
