/** The ribbon's 生成反馈 command, on the fake Excel. */
import { DRAFT_SHEET } from '../../src/core/summary';
import { createFakeExcel, installOfficeGlobals } from '../excel/fakeExcel';
import { templateSheets } from '../excel/templateWorkbook';
import { WEIHAI, sheetsOfVersion, weihaiDoc } from './rulesetHelpers';

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

test('生成反馈 is registered as soon as the script runs, before Office is ready (Office.actions.associate at the top level)', async () => {
  const wb = createFakeExcel({ sheets: templateSheets({ problems: false }) });
  installOfficeGlobals(globals, wb, { neverReady: true });
  let mod: typeof import('../../src/taskpane/commands') | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('../../src/taskpane/commands') as typeof import('../../src/taskpane/commands');
  });
  expect(wb.actions.get('generateFeedback')).toBe(mod!.generateFeedback);
});

test('生成反馈 writes the draft sheet and completes the event', async () => {
  const wb = createFakeExcel({ sheets: templateSheets({ problems: false }) });
  installOfficeGlobals(globals, wb);
  const { generateFeedback } = await import('../../src/taskpane/commands');
  await new Promise((r) => setTimeout(r, 0));
  expect(wb.actions.get('generateFeedback')).toBe(generateFeedback);

  const completed = jest.fn();
  await generateFeedback({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const rows = wb.values(DRAFT_SHEET);
  expect(String(rows[0]![0])).toMatch(/^关于文登区2024年度履行教育职责评价的反馈意见（初稿）/);
  expect(rows.length).toBeGreaterThan(3);
  expect(wb.look(DRAFT_SHEET, 'A1').bold).toBe(true);
});

test('when the workbook cannot be written, the event still completes', async () => {
  const wb = createFakeExcel({ sheets: templateSheets(), workbookProtected: true });
  installOfficeGlobals(globals, wb);
  const { generateFeedback } = await import('../../src/taskpane/commands');
  const completed = jest.fn();
  await generateFeedback({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(wb.sheets.some((s) => s.name === DRAFT_SHEET)).toBe(false);
});

test('生成反馈 drafts with the ruleset the workbook carries', async () => {
  const wb = createFakeExcel({ sheets: sheetsOfVersion(WEIHAI.version, weihaiDoc(), { problems: false }) });
  installOfficeGlobals(globals, wb);
  const { generateFeedback } = await import('../../src/taskpane/commands');
  const completed = jest.fn();
  await generateFeedback({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const rows = wb.values(DRAFT_SHEET);
  expect(String(rows[0]![0])).toMatch(/^关于文登区2024年度履行教育职责评价的反馈意见（初稿）/);
  expect(rows.length).toBeGreaterThan(3);
});

test('生成反馈 on a workbook no ruleset can check: the draft sheet says why', async () => {
  const wb = createFakeExcel({ sheets: sheetsOfVersion('X2099', null, { problems: false }) });
  installOfficeGlobals(globals, wb);
  const { generateFeedback } = await import('../../src/taskpane/commands');
  const completed = jest.fn();
  await generateFeedback({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(String(wb.values(DRAFT_SHEET)[0]![0])).toMatch(
    /^未能生成反馈意见初稿：模板版本为“X2099”，没有与之对应的指标体系/,
  );
});
