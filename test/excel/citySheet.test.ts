/** writeDraft with a sheet name: the city-wide draft goes beside a district's own draft, in both hosts. */
import ExcelJS from 'exceljs';
import { DRAFT_SHEET } from '../../src/core/summary';
import type { Draft } from '../../src/core/types';
import { FileHost } from '../../src/hosts/file/fileHost';
import { CITY_DRAFT_SHEET } from '../../src/hosts/host';
import { fakeTemplate, hostOf } from './helpers';

const draft = (title: string): Draft => ({ title, blocks: [{ style: 'title', text: title }] });

test('the Excel host writes a named draft sheet and keeps the default name otherwise', async () => {
  const wb = fakeTemplate();
  const host = hostOf(wb);
  await host.writeDraft(draft('关于文登区的反馈意见（初稿）'));
  await host.writeDraft(draft('关于威海市的反馈意见（初稿）'), CITY_DRAFT_SHEET);
  await host.writeDraft(draft('关于威海市的反馈意见（初稿，第二稿）'), CITY_DRAFT_SHEET);
  expect(wb.sheets.filter((s) => s.name === CITY_DRAFT_SHEET)).toHaveLength(1);
  expect(wb.values(DRAFT_SHEET)[0]![0]).toBe('关于文登区的反馈意见（初稿）');
  expect(wb.values(CITY_DRAFT_SHEET)[0]![0]).toBe('关于威海市的反馈意见（初稿，第二稿）');
  // the add-in's own sheets are not read back as part of the workbook
  const names = (await host.readSnapshot()).sheets.map((s) => s.name);
  expect(names).not.toContain(CITY_DRAFT_SHEET);
  expect(names).not.toContain(DRAFT_SHEET);
});

test('the file host writes a named draft sheet too', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('基本信息');
  const host = new FileHost(wb);
  await host.writeDraft(draft('关于文登区的反馈意见（初稿）'));
  await host.writeDraft(draft('关于威海市的反馈意见（初稿）'), CITY_DRAFT_SHEET);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['基本信息', DRAFT_SHEET, CITY_DRAFT_SHEET]);
  expect(wb.getWorksheet(CITY_DRAFT_SHEET)!.getCell('A1').value).toBe('关于威海市的反馈意见（初稿）');
});
