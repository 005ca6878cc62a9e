/** The ribbon's 生成反馈 command, on the fake Excel. */
import { DRAFT_SHEET } from '../../src/core/summary';
import { createFakeExcel, installOfficeGlobals } from '../excel/fakeExcel';
import { templateSheets } from '../excel/templateWorkbook';

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
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
