import { DRAFT_SHEET, LEVEL_COLOURS, SUMMARY_COLUMNS, SUMMARY_SHEET } from '../../src/core/summary';
import type { Draft } from '../../src/core/types';
import { HostError } from '../../src/hosts/excel';
import { check, fakeTemplate, hostOf } from './helpers';

test('the summary sheet has the header block, one row per finding, links and no runnable text', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  await host.writeSummary(report);

  const rows = wb.values(SUMMARY_SHEET);
  expect(rows[0]![0]).toBe('校验结果：文登区 2024 年度');
  expect(rows.slice(1, 8).map((r) => r[0])).toEqual([
    '地区名称',
    '评价年度',
    '校验时间',
    '规则集版本',
    '错误',
    '未达标',
    '提示',
  ]);
  expect(rows[3]![1]).toBe('2026-01-15 09:30');
  expect(rows[8]![0]).toMatch(/^✗ 暂不能报送/);
  expect(rows[10]).toEqual([...SUMMARY_COLUMNS]);
  expect(rows.length).toBe(11 + report.findings.length);

  const jf01 = wb.look(SUMMARY_SHEET, 'D12');
  expect(jf01.link).toEqual({ documentReference: "'经费投入'!F3", textToDisplay: 'F3' });
  expect(wb.look(SUMMARY_SHEET, 'B12').staticFill).toBe(`#${LEVEL_COLOURS.error}`);
  const js01 = rows.findIndex((r) => r[4] === 'JS01');
  expect(String(rows[js01]![6])).toContain('=SUM(1,2)');
  expect(wb.activeSheet).toBe(SUMMARY_SHEET);
  // nothing on the sheet is a formula Excel would run
  for (let r = 1; r <= rows.length; r++) {
    for (const col of 'ABCDEFGHIJ') expect(wb.look(SUMMARY_SHEET, `${col}${r}`).formula).toBeUndefined();
  }
});

test('workbook text that looks like a formula is written as text', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  const warning = report.findings.findIndex((f) => f.level === 'warning');
  report.findings[warning]!.explanation = '=HYPERLINK("http://example.com","点我")';
  report.findings[warning]!.values.current = '+1';
  await host.writeSummary(report);
  const row = wb.values(SUMMARY_SHEET)[11 + warning]!;
  expect(row[9]).toBe('=HYPERLINK("http://example.com","点我")');
  expect(row[7]).toBe('+1');
  expect(wb.look(SUMMARY_SHEET, `J${12 + warning}`).formula).toBeUndefined();
  expect(wb.look(SUMMARY_SHEET, `H${12 + warning}`).type).toBe('String');
});

test('re-running replaces the summary sheet instead of adding a second one', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  await host.writeSummary(report);
  await host.writeSummary({ ...report, findings: report.findings.slice(0, 1) });
  expect(wb.sheets.filter((s) => s.name.startsWith(SUMMARY_SHEET))).toHaveLength(1);
  expect(wb.values(SUMMARY_SHEET)).toHaveLength(12);
});

test('a protected workbook structure is reported in Chinese', async () => {
  const wb = fakeTemplate({ problems: true, workbookProtected: true });
  const host = hostOf(wb);
  const error = await host.writeSummary(await check(host)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as Error).message).toBe(
    '工作簿结构受保护，无法写入“校验结果”工作表。请先取消保护工作簿（“审阅”→“保护工作簿”）。',
  );
});

test('the draft sheet has one paragraph a row, wrapped in a wide column, headings bold', async () => {
  const wb = fakeTemplate();
  const draft: Draft = {
    title: '关于文登区2024年度履行教育职责评价的反馈意见（初稿）',
    blocks: [
      { style: 'title', text: '关于文登区2024年度履行教育职责评价的反馈意见（初稿）' },
      { style: 'h1', text: '一、总体情况' },
      { style: 'body', text: '-共评价指标 70 项。' },
      { style: 'table', header: ['地区', '指标'], rows: [['文登区', 'JS12']] },
      { style: 'h2', text: '（一）教育经费保障政策落实不到位。一般公共预算教育支出比上年下降。' },
    ],
  };
  await hostOf(wb).writeDraft(draft);
  expect(wb.values(DRAFT_SHEET)).toEqual([
    [draft.title, ''],
    ['一、总体情况', ''],
    ['-共评价指标 70 项。', ''],
    ['地区', '指标'],
    ['文登区', 'JS12'],
    ['（一）教育经费保障政策落实不到位。一般公共预算教育支出比上年下降。', ''],
  ]);
  expect(wb.look(DRAFT_SHEET, 'A2').bold).toBe(true);
  expect(wb.look(DRAFT_SHEET, 'A6').bold).toBe(false);
  expect(wb.look(DRAFT_SHEET, 'A1').bold).toBe(true);
  expect(wb.look(DRAFT_SHEET, 'A3').bold).toBe(false);
  expect(wb.look(DRAFT_SHEET, 'A3').formula).toBeUndefined();
  expect(wb.look(DRAFT_SHEET, 'A1').width).toBeGreaterThanOrEqual(400);
  expect(wb.sheet(DRAFT_SHEET).cell(2, 0).wrap).toBe(true);
});

test('goTo selects the cell; a missing sheet is a readable error', async () => {
  const wb = fakeTemplate();
  const host = hostOf(wb);
  await host.goTo('教师队伍', 'F14');
  expect(wb.selection).toEqual({ sheet: '教师队伍', address: 'F14' });
  expect(wb.activeSheet).toBe('教师队伍');
  await expect(host.goTo('不存在', 'A1')).rejects.toThrow('找不到工作表“不存在”，它可能已被删除或改名。');
});
