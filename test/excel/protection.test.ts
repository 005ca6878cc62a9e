/**
 * Protected sheets: the blank template protects every sheet but 填报说明 without a password, so a
 * returned workbook usually arrives protected. Its options allow formatting cells and editing
 * objects, so its sheets take the marks as they are: protection is never touched (lifting it would
 * clear Excel's undo stack). A sheet whose options do not allow that is opened for the moment only
 * where Excel says it has no password (Excel on the web); `unprotect()` on a sheet with a password
 * may open a password dialog in Excel for Windows, so elsewhere it is left alone and reported.
 */
import { SHEETS } from '../fixtures/ruleset2025';
import { LEVEL_COLOURS } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { HostError, detectCapabilities } from '../../src/hosts/excel';
import { COMMENT_PREFIX } from '../../src/hosts/host';
import { zh } from '../../src/i18n';
import { DEFAULT_PROTECTION, TEMPLATE_PROTECTION, createFakeExcel, type FakeWorkbook } from './fakeExcel';
import { NOW, check, fakeTemplate, hostOf } from './helpers';
import { ExcelHost } from '../../src/hosts/excel';
import { templateSheets } from './templateWorkbook';

/** The sheets protectTemplate protects. */
const PROTECTED = SHEETS.map((d) => d.name).filter((n) => n !== '填报说明');
/** Options that do not let the marks in as they are: no comments on a protected sheet. */
const STRICT = { ...TEMPLATE_PROTECTION, allowEditObjects: false };

/** The sheets the template's problems are on. */
const WITH_FINDINGS = ['经费投入', '教师队伍', '安全与卫生'];

const protectionOfAll = (wb: FakeWorkbook) => wb.sheets.map((s) => ({ name: s.name, ...wb.protectionOf(s.name) }));
const withoutHandlers = (wb: FakeWorkbook, sheet: string) =>
  JSON.stringify(wb.sheet(sheet), (k, v: unknown) => (k === 'handlers' ? undefined : v));

/** The user's own formatting and comments on protected sheets, and one sheet with options of its own. */
function decorate(wb: FakeWorkbook): void {
  wb.setFill('经费投入', 'F3', '#00B050');
  wb.addUserConditionalFormat('经费投入', 'E3:F20', '#FFFF00', '=E3>100000');
  wb.addUserComment('经费投入', 'H3', '附件已上传');
  wb.addUserComment('教师队伍', 'B2', '请人社局核对', 'notes');
  wb.protect('教师队伍', {
    options: { ...STRICT, selectionMode: 'Unlocked', allowInsertColumns: true, allowSort: false },
  });
}

test('the template’s protection takes the marks as it is: protection and undo are never touched', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED });
  const before = protectionOfAll(wb);
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);
  expect(result).toEqual({ marked: report.findings.length, summaryOnly: 0, warnings: [] });
  expect(wb.look('经费投入', 'F5').fill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(wb.look('经费投入', 'F5').comment).toMatch(new RegExp(`^${COMMENT_PREFIX}`));
  expect(protectionOfAll(wb)).toEqual(before);
  expect(wb.protectionLog).toEqual([]);
  expect(wb.undoClearedBy).toEqual([]);
  await host.clearMarks();
  expect(wb.protectionLog).toEqual([]);
  expect(wb.look('经费投入', 'F5').fill).toBe('');
});

test('on Excel on the web, a sheet without a password is marked, then protected again with the very same options', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  decorate(wb);
  const before = protectionOfAll(wb);
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);

  expect(result).toEqual({ marked: report.findings.length, summaryOnly: 0, warnings: [] });
  expect(wb.look('经费投入', 'H3').comment).toBe('附件已上传');
  const f5 = wb.look('经费投入', 'F5');
  expect(f5.fill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(f5.comment).toMatch(new RegExp(`^${COMMENT_PREFIX}错误：`));
  expect(wb.look('教师队伍', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(protectionOfAll(wb)).toEqual(before);
  expect(wb.protectionOf('经费投入').options).toEqual(STRICT);
  expect(wb.protectionOf('教师队伍').options.selectionMode).toBe('Unlocked');

  // Only the sheets with something to mark were opened, all at once, and closed again after.
  const opened = wb.protectionLog.filter((e) => e.endsWith(':unprotect')).map((e) => e.split(':')[0]);
  const closed = wb.protectionLog.filter((e) => e.endsWith(':protect')).map((e) => e.split(':')[0]);
  expect(opened.sort()).toEqual([...WITH_FINDINGS].sort());
  expect(closed.sort()).toEqual([...WITH_FINDINGS].sort());
  expect(wb.protectionLog.slice(0, 3).every((e) => e.endsWith(':unprotect'))).toBe(true);
});

test('validate → clear on protected sheets leaves formats, comments, notes and protection exactly as before', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  decorate(wb);
  const before = wb.dump();
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  await host.markFindings(await check(host));
  expect(wb.dump()).not.toBe(before);
  expect(PROTECTED.every((n) => wb.protectionOf(n).protected)).toBe(true);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test.each(['throws', 'ignored'] as const)(
  'off the web, a sheet that refuses comments is never unprotected (unprotect %s): reported, the others are marked',
  async (passwordUnprotect) => {
    const others = PROTECTED.filter((n) => n !== '经费投入');
    const wb = fakeTemplate({ problems: true, protectedSheets: others, passwordUnprotect });
    wb.protect('经费投入', { password: '2025', options: STRICT });
    const untouched = withoutHandlers(wb, '经费投入');
    const before = protectionOfAll(wb);
    const host = hostOf(wb);
    const report = await check(host);
    const result = await host.markFindings(report);

    expect(result.warnings).toEqual([zh.host.protectedSheet('经费投入', 2)]);
    expect(result.summaryOnly).toBe(2);
    expect(result.marked).toBe(report.findings.length - 2);
    expect(withoutHandlers(wb, '经费投入')).toBe(untouched);
    expect(protectionOfAll(wb)).toEqual(before);
    expect(wb.protectionLog).toEqual([]);
    expect(wb.look('教师队伍', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
    expect(wb.look('安全与卫生', 'F6').fill).toBe(`#${LEVEL_COLOURS.warning}`);

    await host.clearMarks();
    expect(wb.look('教师队伍', 'F3').fill).toBe('');
    expect(withoutHandlers(wb, '经费投入')).toBe(untouched);
    expect(protectionOfAll(wb)).toEqual(before);
  },
);

test('where Excel tells which sheets have a password (ExcelApiOnline 1.1), those are not even tried', async () => {
  const wb = fakeTemplate({
    problems: true,
    protectedSheets: ['教师队伍'],
    passwordSheets: { 经费投入: '2025' },
    protection: STRICT,
    online: true,
  });
  const host = hostOf(wb);
  expect(host.caps.passwordInfo).toBe(true);
  const result = await host.markFindings(await check(host));
  expect(result.warnings).toEqual([zh.host.protectedSheet('经费投入', 2)]);
  expect(wb.protectionLog).toEqual(['教师队伍:unprotect', '教师队伍:protect']);
  expect(wb.look('教师队伍', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
});

test('if isPasswordProtected cannot be read after all, no sheet is unprotected: both are reported', async () => {
  const wb = fakeTemplate({
    problems: true,
    protectedSheets: ['教师队伍'],
    passwordSheets: { 经费投入: '2025' },
    protection: STRICT,
  });
  const host = new ExcelHost({ ...wb.env(), supportsOnline: () => true }, zh.host, () => NOW);
  expect(host.caps.passwordInfo).toBe(true);
  const result = await host.markFindings(await check(host));
  expect(result.warnings.sort()).toEqual(
    [zh.host.protectedSheet('经费投入', 2), zh.host.protectedSheet('教师队伍', 3)].sort(),
  );
  expect(wb.protectionLog).toEqual([]);
  expect(wb.protectionOf('经费投入')).toEqual({ protected: true, password: '2025', options: STRICT });
  expect(wb.look('经费投入', 'F3').comment).toBeUndefined();
  expect(wb.look('教师队伍', 'F3').comment).toBeUndefined();
});

test('before ExcelApi 1.7 (protection options incomplete) protected sheets are left alone and reported', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: ['经费投入'], version: '1.6' });
  const untouched = withoutHandlers(wb, '经费投入');
  const host = hostOf(wb);
  expect(host.caps.reprotect).toBe(false);
  const result = await host.markFindings(await check(host));
  expect(result.warnings).toContain(zh.host.protectedSheet('经费投入', 2));
  expect(wb.protectionLog).toEqual([]);
  expect(withoutHandlers(wb, '经费投入')).toBe(untouched);
});

/** Marks and clears a workbook with `extra` more sheets, each with a finding; returns the syncs each took. */
async function roundTrips(protect: boolean, extra: number) {
  const names = Array.from({ length: extra }, (_, i) => `附表${i + 1}`);
  const wb = createFakeExcel({
    sheets: [...templateSheets({ problems: true }), ...names.map((n): [string, [][]] => [n, []])],
    protectedSheets: protect ? [...PROTECTED, ...names] : [],
    protection: STRICT,
    online: true,
  });
  const host = hostOf(wb);
  const report = await check(host);
  const findings = [...report.findings, ...names.map((sheet) => ({ ...report.findings[0]!, sheet, cell: 'B2' }))];
  const marked: Report = { ...report, findings };
  let start = wb.syncs;
  const result = await host.markFindings(marked);
  const marking = wb.syncs - start;
  const lastFill = names.length ? wb.look(names[names.length - 1]!, 'B2').fill : '';
  start = wb.syncs;
  await host.clearMarks();
  const clearing = wb.syncs - start;
  return { wb, result, marking, clearing, names, lastFill };
}

test('protected sheets cost two round trips, however many there are', async () => {
  const plain = await roundTrips(false, 40);
  const few = await roundTrips(true, 5);
  const many = await roundTrips(true, 40);

  expect(many.result.warnings).toEqual([]);
  expect(many.result.summaryOnly).toBe(0);
  expect(many.lastFill).toBe(`#${LEVEL_COLOURS.error}`);
  expect(many.wb.look('附表40', 'B2').fill).toBe('');
  expect(many.marking).toBe(plain.marking + 2);
  expect(many.clearing).toBe(plain.clearing + 2);
  expect(few.marking).toBe(many.marking);
  expect(few.clearing).toBe(many.clearing);
  expect(many.marking).toBeLessThanOrEqual(10);
  for (const n of [...PROTECTED, ...many.names]) {
    expect(many.wb.protectionOf(n)).toEqual({ protected: true, password: '', options: STRICT });
  }
});

test('when a sheet cannot take its own options back, it is protected with Excel’s stricter defaults and reported', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  wb.protectFails.set('经费投入', 'withOptions');
  const host = hostOf(wb);
  const result = await host.markFindings(await check(host));
  expect(result.warnings).toEqual([zh.host.protectionChanged('经费投入')]);
  expect(wb.protectionOf('经费投入')).toEqual({ protected: true, password: '', options: DEFAULT_PROTECTION });
  expect(wb.protectionOf('教师队伍')).toEqual({ protected: true, password: '', options: STRICT });
});

test('when a sheet cannot be protected again at all, the user is told in Chinese', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  wb.protectFails.set('经费投入', 'always');
  const host = hostOf(wb);
  const result = await host.markFindings(await check(host));
  expect(result.warnings).toEqual([
    '本工具为修改标注临时取消了工作表“经费投入”的保护，但没能恢复，该表现在未受保护。请在“审阅”→“保护工作表”中重新保护（原来未设密码）。',
  ]);
  expect(wb.protectionOf('教师队伍').protected).toBe(true);
  expect(wb.protectionOf('安全与卫生').protected).toBe(true);

  wb.protectFails.clear();
  wb.protect('经费投入', { options: STRICT });
  wb.protectFails.set('经费投入', 'always');
  const error = await host.clearMarks().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).message).toBe(zh.host.protectionNotRestored('经费投入'));
  expect(wb.look('经费投入', 'F3').comment).toBeUndefined();
});

test('a failure while the sheets are open still protects them again', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  const before = protectionOfAll(wb);
  let failed = false;
  wb.onSync = () => {
    if (!failed && !wb.sheet('经费投入').protected) {
      failed = true;
      throw Object.assign(new Error('Excel is busy.'), { code: 'GeneralException' });
    }
  };
  const host = hostOf(wb);
  const error = await host.markFindings(await check(host)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect(protectionOfAll(wb)).toEqual(before);
});

test('a failure while a sheet is open, and then no protection for it: both are said', async () => {
  const wb = fakeTemplate({ problems: true, protectedSheets: PROTECTED, protection: STRICT, online: true });
  wb.protectFails.set('经费投入', 'always');
  let failed = false;
  wb.onSync = () => {
    if (!failed && !wb.sheet('经费投入').protected) {
      failed = true;
      throw Object.assign(new Error('Excel is busy.'), { code: 'GeneralException' });
    }
  };
  const host = hostOf(wb);
  const error = await host.markFindings(await check(host)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).message).toBe(
    `${zh.host.office('Excel is busy.')}\n${zh.host.protectionNotRestored('经费投入')}`,
  );
  expect(wb.protectionOf('教师队伍').protected).toBe(true);
});

test('capabilities: re-protection needs ExcelApi 1.7, password state needs ExcelApiOnline 1.1', () => {
  const upTo = (max: number) => (v: string) => Number(v.split('.')[1]) <= max;
  expect(detectCapabilities(upTo(6)).reprotect).toBe(false);
  expect(detectCapabilities(upTo(7)).reprotect).toBe(true);
  expect(detectCapabilities(upTo(18)).passwordInfo).toBe(false);
  expect(detectCapabilities(upTo(18), () => true).passwordInfo).toBe(true);
  expect(
    detectCapabilities(upTo(18), () => {
      throw new Error('no Office');
    }).passwordInfo,
  ).toBe(false);
});
