import ExcelJS from 'exceljs';
import { DRAFT_SHEET } from '../../src/core/summary';
import { FileHost } from '../../src/hosts/file/fileHost';
import type { Draft } from '../../src/core/types';
import { district, xlsxOf } from '../fixtures/workbooks';

const draft: Draft = {
  title: '关于东城区2025年度履行教育职责评价的反馈意见（初稿）',
  blocks: [
    { style: 'title', text: '关于东城区2025年度履行教育职责评价的反馈意见（初稿）' },
    { style: 'h1', text: '一、总体情况' },
    { style: 'body', text: '东城区填报的评价指标均达到要求。' },
    { style: 'h2', text: '（一）教育经费保障政策落实不到位。一般公共预算教育支出比上年下降。' },
    { style: 'table', header: ['地区', '指标'], rows: [['东城区', 'JF01']] },
  ],
};

describe('the 反馈意见（初稿） sheet in a file', () => {
  it('holds one paragraph a row, the heading sentence of a （一） paragraph in bold, and is replaced on rewrite', async () => {
    const host = await FileHost.open(await xlsxOf(district()));
    await host.writeDraft(draft);
    await host.writeDraft(draft);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toBytes()) as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((w) => w.name === DRAFT_SHEET)).toHaveLength(1);
    const ws = wb.getWorksheet(DRAFT_SHEET)!;
    expect(ws.getCell('A1').value).toBe(draft.title);
    expect(ws.getCell('A2').value).toBe('一、总体情况');
    expect(ws.getCell('A3').value).toBe('东城区填报的评价指标均达到要求。');
    const h2 = ws.getCell('A4').value as ExcelJS.CellRichTextValue;
    expect(h2.richText.map((t) => [t.text, Boolean(t.font?.bold)])).toEqual([
      ['（一）教育经费保障政策落实不到位。', true],
      ['一般公共预算教育支出比上年下降。', false],
    ]);
    expect([ws.getCell('A5').value, ws.getCell('B5').value, ws.getCell('A6').value]).toEqual([
      '地区',
      '指标',
      '东城区',
    ]);
    expect(ws.getCell('A3').alignment?.wrapText).toBe(true);
  });
});
