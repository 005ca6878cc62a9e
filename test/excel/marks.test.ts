import { LEVEL_COLOURS } from '../../src/core/summary';
import { COMMENT_PREFIX } from '../../src/hosts/host';
import { HostError } from '../../src/hosts/excel';
import { markFormula } from '../../src/hosts/excel/marks';
import { DEFAULT_PROTECTION } from './fakeExcel';
import { RECORD_KEY } from '../../src/hosts/excel/record';
import type { FakeWorkbook } from './fakeExcel';
import { check, fakeTemplate, hostOf, settle } from './helpers';

/** A workbook the user has already formatted and commented on, around the cells that will be marked. */
function userDecorated(wb: FakeWorkbook): void {
  wb.setFill('经费投入', 'F3', '#00B050');
  wb.setFill('经费投入', 'A1', '#D9E1F2');
  wb.addUserConditionalFormat('经费投入', 'E3:F20', '#FFFF00', '=E3>100000');
  wb.addUserConditionalFormat('安全与卫生', 'F3:F13', '#63BE7B', '', 'ColorScale');
  wb.addUserComment('基本信息', 'B2', '地区名称待确认');
  wb.addUserComment('经费投入', 'H3', '附件已上传', 'notes');
}

const ownComments = (wb: FakeWorkbook) => wb.comments.filter((c) => c.content.startsWith(COMMENT_PREFIX));

test('findings are marked with a conditional format in their level colour and a prefixed comment', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);

  expect(result).toEqual({ marked: report.findings.length, summaryOnly: 0, warnings: [] });
  const jf01 = wb.look('经费投入', 'F3');
  expect(jf01.fill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(jf01.staticFill).toBe('');
  expect(jf01.comment).toMatch(new RegExp(`^${COMMENT_PREFIX}错误：`));
  expect(wb.look('安全与卫生', 'F6').fill).toBe(`#${LEVEL_COLOURS.warning}`);
  expect(wb.look('安全与卫生', 'I6').fill).toBe(`#${LEVEL_COLOURS.notice}`);
  expect(wb.sheet('经费投入').cfs.map((cf) => cf.formula)).toEqual([markFormula('error')]);
  expect(JSON.parse(String(wb.settings.saved.get(RECORD_KEY))).cf['经费投入']).toEqual(['F3', 'F5']);
});

test('validate → clear leaves every cell, format, conditional format, comment and note as it was', async () => {
  const wb = fakeTemplate({ problems: true });
  userDecorated(wb);
  const before = wb.dump();
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  expect(wb.dump()).not.toBe(before);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});

test('re-validating replaces the marks: no duplicate comment or conditional format', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  const withoutIds = () => wb.dump().replace(/"id":"c\d+",/g, '');
  await host.markFindings(report);
  const once = withoutIds();
  await host.markFindings(await check(host));
  await host.markFindings(await check(host));
  expect(withoutIds()).toBe(once);
  const cells = new Set(report.findings.map((f) => `${f.sheet}!${f.cell}`));
  expect(ownComments(wb)).toHaveLength(cells.size);
});

test('marks follow the data: a fixed cell loses its mark on re-validation', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  wb.userEdit('经费投入', 'F3', 11500);
  await host.markFindings(await check(host));
  expect(wb.look('经费投入', 'F3')).toMatchObject({ fill: '', conditionalFormats: 0, comment: undefined });
});

test("the user's comments, notes, fills and conditional formats are never touched", async () => {
  const wb = fakeTemplate({ problems: true });
  userDecorated(wb);
  wb.addUserComment('经费投入', 'F5', '公式待财政局更正');
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);
  await host.markFindings(await check(host));

  const f5 = wb.look('经费投入', 'F5');
  expect(f5.comment).toBe('公式待财政局更正');
  expect(f5.fill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(wb.look('经费投入', 'F3').staticFill).toBe('#00B050');
  expect(wb.look('基本信息', 'B2').comment).toBe('地区名称待确认');
  expect(wb.look('经费投入', 'H3').note).toBe('附件已上传');
  expect(wb.sheet('经费投入').cfs.filter((cf) => cf.formula === '=E3>100000')).toHaveLength(1);
  expect(result.warnings).toEqual([
    '1 个单元格已有您自己的批注，本工具没有改动它们；这些问题的说明请在“校验结果”表中查看。',
  ]);
  expect(result.summaryOnly).toBe(1);
});

test('a sheet protected with a password is reported in Chinese, left untouched, and the rest is marked', async () => {
  const wb = fakeTemplate({ problems: true, passwordSheets: { 经费投入: 'secret' }, protection: DEFAULT_PROTECTION });
  const before = JSON.stringify(wb.sheet('经费投入'), (k, v) => (k === 'handlers' ? undefined : v));
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);

  expect(result.warnings).toContain(
    '工作表“经费投入”受保护，其中 2 处问题没有在单元格上标注，请在“校验结果”表中查看。',
  );
  expect(result.summaryOnly).toBe(2);
  expect(result.marked).toBe(report.findings.length - 2);
  expect(JSON.stringify(wb.sheet('经费投入'), (k, v) => (k === 'handlers' ? undefined : v))).toBe(before);
  expect(wb.look('教师队伍', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
});

test('marks on a sheet protected with a password afterwards are reported when clearing, and the rest is cleared', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  wb.protect('经费投入', { password: 'secret', options: DEFAULT_PROTECTION });
  const error = await host.clearMarks().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).severity).toBe('warning');
  expect((error as HostError).message).toContain('工作表“经费投入”受保护，其中的标注没能清除');
  expect(wb.look('教师队伍', 'F3').fill).toBe('');
  expect(ownComments(wb).every((c) => c.sheet.name === '经费投入')).toBe(true);
});

test('before ExcelApi 1.6, cells are filled and clearing restores their own colours', async () => {
  const wb = fakeTemplate({ problems: true, version: '1.5' });
  wb.setFill('经费投入', 'F3', '#00B050');
  const before = wb.dump();
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);

  expect(wb.look('经费投入', 'F3').staticFill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(result.warnings).toEqual([
    '此版本的 Excel 不支持条件格式，问题单元格改用填充色标注；点“清除标注”可恢复原来的颜色。',
    '此版本的 Excel 不支持批注接口，问题说明请在“校验结果”表中查看。',
  ]);
  expect(result.summaryOnly).toBe(report.findings.length);
  await host.markFindings(await check(host));
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test('when comments fail, notes carry the messages (ExcelApi 1.18)', async () => {
  const wb = fakeTemplate({ problems: true, commentsFail: true });
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);
  expect(result.warnings).toEqual(['此工作簿不能添加批注，问题说明改用“注释”显示。']);
  expect(wb.look('经费投入', 'F3').note).toMatch(new RegExp(`^${COMMENT_PREFIX}`));
  expect(wb.comments).toHaveLength(0);
  await host.clearMarks();
  expect(wb.notes).toHaveLength(0);
});

test('when comments fail and there are no notes, the summary sheet is the only place', async () => {
  const wb = fakeTemplate({ problems: true, commentsFail: true, version: '1.12' });
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);
  expect(result.warnings).toEqual(['添加批注没有成功，问题说明请在“校验结果”表中查看。']);
  expect(result.summaryOnly).toBe(report.findings.length);
  expect(wb.look('经费投入', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
});

test('marking needs a constant number of syncs plus one per batch', async () => {
  const wb = fakeTemplate({ problems: true });
  const host = hostOf(wb);
  const report = await check(host);
  const before = wb.syncs;
  await host.markFindings(report);
  expect(wb.syncs - before).toBeLessThanOrEqual(8);
  await settle();
});
