/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The review ledger on the page: the reviewer decides on a district's warnings, downloads the
 * ledger (the command's buildLedger, read back here with ExcelJS), loads an edited one (a row
 * matching nothing and a bad 审核意见 are shown, the rest applied), and the drafts follow it.
 */
import './textCodec';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, LEDGER_SHEET, LEDGER_TEXT } from '../../src/core/ledger';
import type { Report } from '../../src/core/types';
import { REASONS } from '../../src/hosts/file/load';
import { zh } from '../../src/i18n';
import { FileApp } from '../../src/taskpane/FileApp';
import type { Saver } from '../../src/taskpane/file/download';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { bytesFile, fakeFile, stubEngines } from './fileHelpers';

// a dozen clicks through Fluent in jsdom, and ExcelJS both ways: slow on a busy machine
jest.setTimeout(120_000);

const t = zh.ledger;
const b = zh.batchList;

function renderFileApp() {
  const { engines, calls } = stubEngines();
  // the ledger's workbook as the page makes it (ExcelJS)
  delete engines.ledger;
  const letters: Report[] = [];
  const drafts = engines.drafts;
  engines.drafts = async () => {
    const d = await drafts();
    return {
      ...d,
      districtDraft: (r, ruleset, opts) => {
        letters.push(r);
        return d.districtDraft(r, ruleset, opts);
      },
    };
  };
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const save: Saver = (bytes, name) => saved.push({ name, bytes });
  render(<FileApp strings={zh} engine={rulesetEngine} engines={engines} save={save} />);
  return { calls, saved, letters };
}

async function choose(...files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

async function ledgerRows(
  bytes: Uint8Array,
): Promise<{ ws: ExcelJS.Worksheet; wb: ExcelJS.Workbook; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(LEDGER_SHEET)!;
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return { ws, wb, rows };
}

/** The review box of a warning, by its sheet and cell. */
const reviewOf = (where: string) => document.querySelector<HTMLElement>(`[data-review-cell="${where}"]`)!;

const counts = () => document.querySelector('[data-ledger-counts]')!.textContent;

test('decide on the page, download the ledger, load an edited one, and the drafts follow it', async () => {
  const { calls, saved, letters } = renderFileApp();
  await choose(
    fakeFile('东城区.xlsx', '东城区,379902,0,2,0'),
    fakeFile('西城区.xlsx', '西城区,379903,0,1,1'),
    fakeFile('北海区.xlsx', '北海区,379904,0,0,0'),
  );
  await screen.findByText('已校验 3 个工作簿。');
  expect(counts()).toBe(t.counts(3, 3, 0, 0));

  // 东城区: the first explanation accepted, the second sent back with a note — by keyboard-usable radios
  fireEvent.click(screen.getByRole('button', { name: '查看东城区的问题清单' }));
  await screen.findByRole('heading', { name: '东城区' });
  expect(document.querySelectorAll('[data-review]')).toHaveLength(2);
  const first = reviewOf('教师队伍!F3');
  expect(
    within(first).getByRole('radiogroup', { name: b.decisionLabel('教师队伍!F3', b.about('', 'X')) }),
  ).toBeTruthy();
  const accepted = within(first).getByRole('radio', { name: '采纳说明' });
  fireEvent.click(accepted);
  expect(reviewOf('教师队伍!F3').getAttribute('data-review')).toBe('采纳说明');
  const second = reviewOf('教师队伍!F4');
  fireEvent.click(within(second).getByRole('radio', { name: '退回补充' }));
  fireEvent.change(within(second).getByRole('textbox', { name: b.noteLabel('教师队伍!F4', b.about('', 'X')) }), {
    target: { value: '请补充完成时限' },
  });
  expect((within(reviewOf('教师队伍!F4')).getByRole('textbox') as HTMLTextAreaElement).value).toBe('请补充完成时限');

  // the district's letter follows: the accepted warning is gone, the sent-back one carries the decision
  fireEvent.click(screen.getByRole('button', { name: '下载反馈意见初稿（.docx）' }));
  await screen.findByText(/已生成“东城区反馈意见（初稿）.docx”/);
  const letter = letters.at(-1)!;
  expect(letter.findings.map((f) => f.cell)).toEqual(['F4']);
  expect(letter.findings[0]).toMatchObject({ review: '退回补充', reviewNote: '请补充完成时限' });

  // back at the batch the decisions are remembered
  fireEvent.click(screen.getByRole('button', { name: '← 返回地区列表' }));
  await waitFor(() => expect(counts()).toBe(t.counts(3, 1, 1, 1)));

  // the ledger as the command writes it, with the page's decisions
  fireEvent.click(screen.getByRole('button', { name: t.download }));
  await screen.findByText(/已生成“审核台账.xlsx”/);
  const file = saved.find((s) => s.name === '审核台账.xlsx')!;
  const { wb, ws, rows } = await ledgerRows(file.bytes);
  expect(ws.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS]);
  expect(rows.map((r) => [r[1], r[2], r[6], r[9], r[10]])).toEqual([
    ['东城区', '379902', 'F3', '采纳说明', ''],
    ['东城区', '379902', 'F4', '退回补充', '请补充完成时限'],
    ['西城区', '379903', 'F3', '确认问题', ''],
  ]);
  expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list' });

  // the city draft follows too
  fireEvent.click(screen.getByRole('button', { name: zh.file.downloadCityDraft }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  const east = calls.cityDrafts.at(-1)!.find((r) => r.district.name === '东城区')!;
  expect(east.findings.map((f) => [f.cell, f.review])).toEqual([['F4', '退回补充']]);

  // edited in Excel: 西城区 accepted, 东城区 F3 back to 确认问题, a row of nothing, a word not in the list
  ws.getCell(4, 10).value = '采纳说明';
  ws.getCell(2, 10).value = '确认问题';
  ws.addRow([4, '西城区', '379903', 'XX01', 'X', '教师队伍', 'Z99', '', '', '退回补充', '']);
  ws.addRow([5, '东城区', '379902', 'XX01', 'X', '教师队伍', 'F4', '', '', '同意', '']);
  const edited = new Uint8Array(await wb.xlsx.writeBuffer());
  const input = screen.getByLabelText(t.loadLabel) as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [bytesFile('审核台账（已审）.xlsx', edited)] } });
  });
  await screen.findByText(t.loaded('审核台账（已审）.xlsx', 3));
  const problems = [...document.querySelectorAll('[data-ledger-problems] li')].map((li) => li.textContent);
  expect(problems).toEqual([
    LEDGER_TEXT.badDecision(6, '同意'),
    LEDGER_TEXT.unmatched({ ...blankRow, row: 5, district: '西城区', rule: 'X', cell: 'Z99' }),
  ]);
  expect(screen.getByText(t.notUsed(2))).toBeTruthy();
  // row 6 (同意) read as 确认问题 and matched F4: the later row wins, as in the command
  expect(counts()).toBe(t.counts(3, 2, 1, 0));

  fireEvent.click(screen.getByRole('button', { name: zh.file.downloadCityDraft }));
  await waitFor(() => expect(calls.cityDrafts.length).toBe(2));
  const after = calls.cityDrafts.at(-1)!;
  expect(after.find((r) => r.district.name === '西城区')!.findings.map((f) => f.level)).toEqual(['notice']);
  expect(after.find((r) => r.district.name === '东城区')!.findings.map((f) => f.cell)).toEqual(['F3', 'F4']);
});

const blankRow = {
  district: '',
  code: '379903',
  indicator: 'XX01',
  rule: '',
  sheet: '教师队伍',
  cell: '',
  message: '',
  explanation: '',
  decision: '退回补充' as const,
  note: '',
};

test('a file that is no ledger is said so; a workbook not counted for the city takes no decisions', async () => {
  renderFileApp();
  await choose(
    fakeFile('东城区.xlsx', '东城区,379902,0,1,0'),
    fakeFile('西城区.xlsx', '西城区,379903,0,1,0'),
    fakeFile('芝罘区.xlsx', '芝罘区,370602,0,1,0,2025.1,烟台市'),
  );
  await screen.findByText('已校验 3 个工作簿。');
  expect(counts()).toBe(t.counts(2, 2, 0, 0));
  const input = screen.getByLabelText(t.loadLabel) as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [fakeFile('审核台账.xlsx', 'not a workbook')] } });
  });
  expect(await screen.findByText(t.unreadable('审核台账.xlsx', REASONS.notZip))).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '查看芝罘区的问题清单' }));
  await screen.findByRole('heading', { name: '芝罘区' });
  expect(document.querySelectorAll('[data-review]')).toHaveLength(0);
  expect(screen.getByText(t.notInLedger)).toBeTruthy();
});

test('a batch larger than one slice (60 districts): the review is done in slices after the files are read, and the page follows the decisions', async () => {
  const { calls, saved } = renderFileApp();
  const codes = Array.from({ length: 60 }, (_, i) => String(379960 - i));
  // given from the highest code down: the ledger lists them by code
  await choose(...codes.map((code, i) => fakeFile(`${code}.xlsx`, `区${i + 1},${code},0,2,0`)));
  await screen.findByText('已校验 60 个工作簿。');
  await waitFor(() => expect(document.querySelector('[data-city-panel="ready"]')).not.toBeNull(), { timeout: 30000 });
  expect(counts()).toBe(t.counts(120, 120, 0, 0));

  // a decision on the last district given
  fireEvent.click(screen.getByRole('button', { name: '查看区60的问题清单' }));
  await screen.findByRole('heading', { name: '区60' });
  fireEvent.click(within(reviewOf('教师队伍!F3')).getByRole('radio', { name: '采纳说明' }));
  fireEvent.click(screen.getByRole('button', { name: '← 返回地区列表' }));
  await waitFor(() => expect(counts()).toBe(t.counts(120, 119, 1, 0)));

  fireEvent.click(screen.getByRole('button', { name: t.download }));
  await screen.findByText(/已生成“审核台账.xlsx”/);
  const { rows } = await ledgerRows(saved.find((s) => s.name === '审核台账.xlsx')!.bytes);
  expect(rows).toHaveLength(120);
  expect(rows.map((r) => r[2])).toEqual([...codes].sort().flatMap((c) => [c, c]));
  expect(rows.filter((r) => r[9] === '采纳说明').map((r) => [r[1], r[6]])).toEqual([['区60', 'F3']]);

  // the city draft has the decision too
  fireEvent.click(screen.getByRole('button', { name: zh.file.downloadCityDraft }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  const last = calls.cityDrafts.at(-1)!.find((r) => r.district.name === '区60')!;
  expect(last.findings.map((f) => f.cell)).toEqual(['F4']);
});
