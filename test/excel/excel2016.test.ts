/**
 * Excel 2016 (ExcelApi 1.1 only): the add-in cannot see worksheet protection (1.2), and marks are
 * static fills whose original colours are recorded. Workbooks come back protected as the template
 * ships them: every sheet but 填报说明, without a password, label cells locked, input cells not,
 * formatting cells allowed. Marking must succeed where Excel allows it, skip and report the sheets
 * that refuse, and never leave a fill that 清除标注 does not know how to undo.
 */
import { LEVEL_COLOURS } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { ExcelHost, HostError } from '../../src/hosts/excel';
import { cellMarks } from '../../src/hosts/excel/marks';
import { RECORD_KEY, type MarkRecord } from '../../src/hosts/excel/record';
import { zh } from '../../src/i18n';
import { DEFAULT_PROTECTION, FakeOfficeError, createFakeExcel, type FakeWorkbook } from './fakeExcel';
import { NOW, check, hostOf, protectedTemplate, settle } from './helpers';
import { TEMPLATE_PROTECTED_SHEETS, templateSheets, templateUnlocked } from './templateWorkbook';

const V11 = { version: '1.1', problems: true } as const;
/** The findings of the template's problems, by sheet (see templateWorkbook.ts). */
const FUNDING = ['F3', 'F5'];
const SAFETY = ['F6', 'I6'];

const savedRecord = (wb: FakeWorkbook): MarkRecord | null => {
  const raw = wb.settings.saved.get(RECORD_KEY);
  return typeof raw === 'string' ? (JSON.parse(raw) as MarkRecord) : null;
};
const protectionOfAll = (wb: FakeWorkbook) => wb.sheets.map((s) => ({ name: s.name, ...wb.protectionOf(s.name) }));
const sheetState = (wb: FakeWorkbook, sheet: string) =>
  JSON.stringify(wb.sheet(sheet), (k, v: unknown) => (k === 'handlers' ? undefined : v));
const colour = (level: keyof typeof LEVEL_COLOURS) => `#${LEVEL_COLOURS[level]}`;

/** The user's own fills, on an input cell that will be marked and on a locked label cell. */
function decorate(wb: FakeWorkbook): void {
  wb.setFill('经费投入', 'F3', '#00B050');
  wb.setFill('经费投入', 'C3', '#F2F2F2');
}

/**
 * The record marking `report` should leave, read before marking: every marked cell with the colour
 * it has now (Excel reports "no fill" as white, #FFFFFF).
 */
function expectedFills(wb: FakeWorkbook, report: Report, except: readonly string[] = []): MarkRecord['fills'] {
  const out: MarkRecord['fills'] = {};
  for (const m of cellMarks(report.findings)) {
    if (except.includes(m.sheet)) continue;
    (out[m.sheet] ??= {})[m.cell] = wb.look(m.sheet, m.cell).staticFill || '#FFFFFF';
  }
  return out;
}

test('ExcelApi 1.1, the template as returned: every finding is filled, recorded, and cleared back exactly', async () => {
  const wb = protectedTemplate(V11);
  decorate(wb);
  const before = wb.dump();
  const protection = protectionOfAll(wb);
  const host = hostOf(wb);
  expect(host.caps.protection).toBe(false);
  const report = await check(host);
  const fills = expectedFills(wb, report);
  const result = await host.markFindings(report);

  expect(result).toEqual({
    marked: 0,
    summaryOnly: report.findings.length,
    warnings: [zh.host.staticFills, zh.host.noComments],
  });
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));
  expect(wb.look('教师队伍', 'F14').staticFill).toBe(colour('warning'));
  expect(wb.look('安全与卫生', 'I6').staticFill).toBe(colour('notice'));
  expect(savedRecord(wb)).toEqual({ v: 1, cf: {}, fills, comments: {}, notes: {} });
  expect(savedRecord(wb)!.fills['经费投入']).toEqual({ F3: '#00B050', F5: '#FFFFFF' });
  // Nothing was unprotected: protection is not even visible here, and fills do not need it lifted.
  expect(wb.protectionLog).toEqual([]);
  expect(protectionOfAll(wb)).toEqual(protection);

  await host.markFindings(await check(host));
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});

test('ExcelApi 1.1: a finding on a locked label cell is filled too (the template allows formatting cells)', async () => {
  const wb = protectedTemplate(V11);
  decorate(wb);
  const before = wb.dump();
  const host = hostOf(wb);
  const report = await check(host);
  const onLabel: Report = { ...report, findings: [...report.findings, { ...report.findings[0]!, cell: 'C3' }] };
  const result = await host.markFindings(onLabel);

  expect(wb.sheet('经费投入').isLocked(2, 2)).toBe(true);
  expect(wb.look('经费投入', 'C3').staticFill).toBe(colour('error'));
  expect(savedRecord(wb)!.fills['经费投入']!['C3']).toBe('#F2F2F2');
  expect(result.warnings).toEqual([zh.host.staticFills, zh.host.noComments]);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test('ExcelApi 1.1: a sheet whose protection forbids formatting is skipped and reported, the rest is marked and recorded', async () => {
  const wb = protectedTemplate(V11);
  decorate(wb);
  // The user protected 安全与卫生 again with Excel's defaults, which do not allow formatting cells.
  wb.protect('安全与卫生', { options: DEFAULT_PROTECTION });
  const before = wb.dump();
  const safety = sheetState(wb, '安全与卫生');
  const host = hostOf(wb);
  const report = await check(host);
  const fills = expectedFills(wb, report, ['安全与卫生']);
  const result = await host.markFindings(report);

  expect(result.warnings).toEqual([
    '工作表“安全与卫生”受保护，无法标注，其中 2 处问题请在“校验结果”表中查看。可在“审阅”中撤销工作表保护后重新校验。',
    zh.host.staticFills,
    zh.host.noComments,
  ]);
  expect(result.summaryOnly).toBe(report.findings.length);
  expect(sheetState(wb, '安全与卫生')).toBe(safety);
  // 经费投入 and 教师队伍 came before 安全与卫生 in the batch that failed: they are filled, and recorded.
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));
  expect(wb.look('教师队伍', 'F3').staticFill).toBe(colour('error'));
  expect(savedRecord(wb)!.fills).toEqual(fills);
  expect(Object.keys(savedRecord(wb)!.fills).sort()).toEqual(['经费投入', '教师队伍'].sort());

  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test('ExcelApi 1.1: marking records before it writes, so a failure part-way still clears back exactly', async () => {
  const wb = protectedTemplate(V11);
  decorate(wb);
  wb.protect('安全与卫生', { options: DEFAULT_PROTECTION });
  const before = wb.dump();
  const host = hostOf(wb);
  const report = await check(host);
  // The first batch fills 经费投入 and 教师队伍, then fails on 安全与卫生; then the user starts
  // editing a cell, and every later write fails.
  const recordAtFirstWrite: (MarkRecord | null)[] = [];
  wb.onSync = () => {
    if (wb.look('经费投入', 'F3').staticFill === colour('error'))
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (!recordAtFirstWrite.length && wb.settings.saved.has(RECORD_KEY)) recordAtFirstWrite.push(savedRecord(wb));
  };
  const error = await host.markFindings(report).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).message).toBe(zh.host.editing);
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));

  // What was saved before the first write covers every cell that changed.
  expect(recordAtFirstWrite[0]!.fills).toEqual(expectedFillsOf(before, report));
  wb.onSync = undefined;
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});

/** The record marking `report` should save first: every marked cell with its colour in `dump`. */
function expectedFillsOf(dump: string, report: Report): MarkRecord['fills'] {
  const wb = protectedTemplate(V11);
  decorate(wb);
  wb.protect('安全与卫生', { options: DEFAULT_PROTECTION });
  expect(wb.dump()).toBe(dump);
  return expectedFills(wb, report);
}

test('ExcelApi 1.1: clearing skips a sheet protected since, keeps its record, and finishes once it is open again', async () => {
  const wb = protectedTemplate(V11);
  decorate(wb);
  const before = wb.dump();
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  wb.protect('经费投入', { options: DEFAULT_PROTECTION });

  const error = await host.clearMarks().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).severity).toBe('warning');
  expect((error as HostError).message).toBe(
    '工作表“经费投入”受保护，本工具在其中的标注没能清除，标注记录已保留。可在“审阅”中撤销工作表保护后再点“清除标注”。',
  );
  expect(wb.look('教师队伍', 'F3').staticFill).toBe('');
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));
  expect(savedRecord(wb)!.fills).toEqual({ 经费投入: { F3: '#00B050', F5: '#FFFFFF' } });

  wb.protect('经费投入'); // back to the template's protection
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});

test('ExcelApi 1.1: were every protected sheet to refuse fills, each is reported and nothing changes', async () => {
  const wb = protectedTemplate(V11);
  for (const sheet of TEMPLATE_PROTECTED_SHEETS) wb.protect(sheet, { options: DEFAULT_PROTECTION });
  const before = wb.dump();
  const host = hostOf(wb);
  const report = await check(host);
  const result = await host.markFindings(report);

  expect(result.warnings).toEqual([
    zh.host.protectedSheetNotMarked('经费投入', FUNDING.length),
    zh.host.protectedSheetNotMarked('教师队伍', 3),
    zh.host.protectedSheetNotMarked('安全与卫生', SAFETY.length),
  ]);
  expect(result.summaryOnly).toBe(report.findings.length);
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test.each([
  ['a Chinese protection message', '您试图更改的单元格或图表位于受保护的工作表中。', 'protected'],
  ['an English protection message', "The cell or chart you're trying to change is on a protected sheet.", 'protected'],
  ['another message', 'Something else went wrong.', 'other'],
] as const)(
  'ExcelApi 1.1: a sheet refusing with GeneralException and %s is reported accordingly',
  async (_, message, kind) => {
    const wb = protectedTemplate(V11);
    const before = wb.dump();
    wb.sheet('经费投入').refuseWith = new FakeOfficeError('GeneralException', message);
    const host = hostOf(wb);
    const report = await check(host);
    const result = await host.markFindings(report);

    expect(result.warnings[0]).toBe(
      kind === 'protected'
        ? zh.host.protectedSheetNotMarked('经费投入', FUNDING.length)
        : zh.host.sheetNotMarked('经费投入', FUNDING.length, zh.host.office(message)),
    );
    expect(wb.look('教师队伍', 'F3').staticFill).toBe(colour('error'));
    expect(Object.keys(savedRecord(wb)!.fills).sort()).toEqual(['教师队伍', '安全与卫生'].sort());

    wb.sheet('经费投入').refuseWith = undefined;
    await host.clearMarks();
    expect(wb.dump()).toBe(before);
  },
);

test('ExcelApi 1.1: when every sheet fails and not for protection, Excel’s problem is reported and nothing is left unrecorded', async () => {
  const wb = protectedTemplate(V11);
  const before = wb.dump();
  for (const sheet of ['经费投入', '教师队伍', '安全与卫生'])
    wb.sheet(sheet).refuseWith = new FakeOfficeError('GeneralException', 'Excel is busy.');
  const host = hostOf(wb);
  const error = await host.markFindings(await check(host)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).message).toBe(zh.host.office('Excel is busy.'));
  expect(wb.dump()).toBe(before);

  for (const s of wb.sheets) s.refuseWith = undefined;
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});

test('ExcelApi 1.1: a sheet protected with a password but allowing formatting is marked without being unprotected', async () => {
  const wb = protectedTemplate({ ...V11, passwordSheets: { 经费投入: '2025' } });
  const before = wb.dump();
  const host = hostOf(wb);
  await host.markFindings(await check(host));
  expect(FUNDING.map((c) => wb.look('经费投入', c).staticFill)).toEqual([colour('error'), colour('error')]);
  expect(wb.protectionOf('经费投入')).toMatchObject({ protected: true, password: '2025' });
  expect(wb.protectionLog).toEqual([]);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

/** Marks and clears the template with `extra` more sheets, each with a finding; returns the syncs each took. */
async function roundTrips(protect: boolean, extra: number, strict: string[] = []) {
  const names = Array.from({ length: extra }, (_, i) => `附表${i + 1}`);
  const wb = createFakeExcel({
    version: '1.1',
    sheets: [...templateSheets({ problems: true }), ...names.map((n): [string, [][]] => [n, []])],
    protectedSheets: protect ? [...TEMPLATE_PROTECTED_SHEETS, ...names] : [],
    unlocked: templateUnlocked(),
  });
  for (const sheet of strict) wb.protect(sheet, { options: DEFAULT_PROTECTION });
  const before = wb.dump();
  const host = hostOf(wb);
  const report = await check(host);
  const findings = [...report.findings, ...names.map((sheet) => ({ ...report.findings[0]!, sheet, cell: 'B2' }))];
  let start = wb.syncs;
  const result = await host.markFindings({ ...report, findings });
  const marking = wb.syncs - start;
  start = wb.syncs;
  await host.clearMarks().catch(() => undefined);
  const clearing = wb.syncs - start;
  await settle();
  return { result, marking, clearing, restored: wb.dump() === before };
}

test('ExcelApi 1.1: protection costs no round trip while nothing refuses, however many sheets there are', async () => {
  const plain = await roundTrips(false, 40);
  const few = await roundTrips(true, 5);
  const many = await roundTrips(true, 40);

  expect(many.result.warnings).toEqual([zh.host.staticFills, zh.host.noComments]);
  expect(many.marking).toBe(plain.marking);
  expect(many.clearing).toBe(plain.clearing);
  expect(few.marking).toBe(many.marking);
  expect(few.clearing).toBe(many.clearing);
  expect(many.marking).toBeLessThanOrEqual(4);
  expect(many.clearing).toBeLessThanOrEqual(3);
  expect([plain, few, many].every((r) => r.restored)).toBe(true);

  // Only when a sheet refuses does it go sheet by sheet: one write per sheet with marks, one read.
  const refused = await roundTrips(true, 5, ['附表3']);
  expect(refused.result.warnings[0]).toBe(zh.host.protectedSheetNotMarked('附表3', 1));
  const sheetsWithMarks = 3 + 5;
  expect(refused.marking).toBe(few.marking + sheetsWithMarks + 1);
});

test('ExcelApi 1.2 to 1.5: a protected sheet that allows formatting takes the fills as it is; one that does not is left alone', async () => {
  const wb = protectedTemplate({ ...V11, version: '1.5' });
  decorate(wb);
  wb.protect('安全与卫生', { options: DEFAULT_PROTECTION });
  const before = wb.dump();
  const safety = sheetState(wb, '安全与卫生');
  const host = hostOf(wb);
  expect(host.caps.protection).toBe(true);
  expect(host.caps.reprotect).toBe(false);
  const report = await check(host);
  const fills = expectedFills(wb, report, ['安全与卫生']);
  const syncs = wb.syncs;
  const result = await host.markFindings(report);

  expect(result.warnings).toEqual([
    zh.host.protectedSheet('安全与卫生', SAFETY.length),
    zh.host.staticFills,
    zh.host.noComments,
  ]);
  expect(wb.syncs - syncs).toBeLessThanOrEqual(4);
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));
  expect(sheetState(wb, '安全与卫生')).toBe(safety);
  expect(wb.protectionLog).toEqual([]);
  expect(savedRecord(wb)!.fills).toEqual(fills);
  await host.clearMarks();
  expect(wb.dump()).toBe(before);
});

test('a workbook marked in Excel 2016 is cleared back exactly in a newer Excel', async () => {
  const wb = protectedTemplate({ problems: true });
  decorate(wb);
  const before = wb.dump();
  const excel2016 = new ExcelHost({ ...wb.env(), supports: (v) => v === '1.1' }, zh.host, () => NOW);
  await excel2016.markFindings(await check(excel2016));
  expect(wb.look('经费投入', 'F3').staticFill).toBe(colour('error'));

  const microsoft365 = hostOf(wb);
  expect(microsoft365.caps.conditionalFormats).toBe(true);
  await microsoft365.clearMarks();
  expect(wb.dump()).toBe(before);
  expect(wb.settings.saved.has(RECORD_KEY)).toBe(false);
});
