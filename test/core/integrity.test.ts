/**
 * Template integrity (spec/TEMPLATE.md, "Template integrity"): sheets found by name, header rows
 * by text, indicator rows by id — whatever a district did to its copy of the template.
 */
import ExcelJS from 'exceljs';
import { DEFAULT_RULESET, SHEETS } from '../fixtures/ruleset2025';
import { validate } from '../../src/core/validate';
import { excelRowOf, rectRow, ruleIds, schoolRow, sheetOf, theFinding } from '../fixtures/engine';
import { TODAY, check, district, snapshotOfBytes } from '../fixtures/workbooks';

type Edit = (wb: ExcelJS.Workbook) => void;
const edited = (edit: Edit) => check(district(), { edit });

/** The values and number formats of columns A–I of a row. */
function rowCells(ws: ExcelJS.Worksheet, r: number): [ExcelJS.CellValue, string][] {
  return Array.from({ length: 9 }, (_, i) => [ws.getCell(r, i + 1).value, ws.getCell(r, i + 1).numFmt]);
}
function writeRow(ws: ExcelJS.Worksheet, r: number, cells: [ExcelJS.CellValue, string][]): void {
  cells.forEach(([value, numFmt], i) => {
    const c = ws.getCell(r, i + 1);
    c.value = value;
    c.numFmt = numFmt;
  });
}

describe('sheets', () => {
  it('a renamed sheet: an error naming the missing sheet and hinting the renamed one', async () => {
    const report = await edited((wb) => (sheetOf(wb, '经费投入').name = '经费'));
    expect(report.status).toBe('checked');
    expect(ruleIds(report)).toEqual(['TPL.missingSheet']);
    const f = theFinding(report, 'TPL.missingSheet');
    // marked on the renamed sheet, a sheet the workbook has
    expect(f).toMatchObject({ level: 'error', indicator: null, sheet: '经费', cell: 'A1' });
    expect(f.message).toContain('缺少工作表“经费投入”');
    expect(f.message).toContain('“经费”');
    expect(report.readyToReturn).toBe(false);
  });

  it.each([
    ['基本信息', 'Sheet2'],
    ['学校明细', '学校'],
    ['问题整改', '整改'],
    ['综合改革与规范办学', '表9'],
  ])('renamed %s → %s is recognised by its title or ids', async (name, renamed) => {
    const report = await edited((wb) => (sheetOf(wb, name).name = renamed));
    const f = theFinding(report, 'TPL.missingSheet');
    expect(f.sheet).toBe(renamed);
    expect(f.message).toContain(`“${renamed}”`);
  });

  it('a renamed sheet whose title and ids were changed too gets no hint', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '学生发展');
      ws.name = '其他';
      ws.getCell('A1').value = '其他数据';
      for (let r = 3; r <= 6; r++) ws.getCell(r, 1).value = `X${r}`;
    });
    const f = theFinding(report, 'TPL.missingSheet');
    expect(f.message).toBe('缺少工作表“学生发展”（模板中位于“高中阶段教育”之后），该表的内容无法校验');
  });

  it('a sheet name with surrounding spaces is still found', async () => {
    const report = await edited((wb) => (sheetOf(wb, '学生发展').name = ' 学生发展 '));
    expect(report.findings).toEqual([]);
  });

  it('a missing 填报说明 is an integrity error like any other sheet', async () => {
    const report = await edited((wb) => wb.removeWorksheet(sheetOf(wb, '填报说明').id));
    expect(ruleIds(report)).toEqual(['TPL.missingSheet']);
    expect(theFinding(report, 'TPL.missingSheet')).toMatchObject({ level: 'error', sheet: '填报说明', cell: 'A1' });
    expect(theFinding(report, 'TPL.missingSheet').message).toContain('为第一张工作表');
    expect(report.readyToReturn).toBe(false);
  });

  it('extra sheets are ignored', async () => {
    const report = await edited((wb) => {
      wb.addWorksheet('校验结果').getCell('A1').value = '旧的校验结果';
      wb.addWorksheet('Sheet1').getCell('A1').value = 'JF01';
    });
    expect(report.findings).toEqual([]);
  });

  it('a workbook with half the sheets is checked: one error per missing sheet, nothing else', async () => {
    const keep = SHEETS.slice(0, 6).map((s) => s.name);
    const report = await edited((wb) => {
      for (const ws of [...wb.worksheets]) if (!keep.includes(ws.name)) wb.removeWorksheet(ws.id);
    });
    expect(report.status).toBe('checked');
    expect(ruleIds(report)).toEqual(['TPL.missingSheet']);
    expect(report.findings.map((f) => f.sheet)).toEqual(SHEETS.slice(6).map((s) => s.name));
    expect(report.findings.every((f) => f.level === 'error' && f.cell === 'A1')).toBe(true);
    expect(report.district.name).toBe('东城区');
  });

  it('a workbook with fewer than half the sheets is not the template: one error', async () => {
    const keep = SHEETS.slice(1, 6).map((s) => s.name);
    const report = await edited((wb) => {
      for (const ws of [...wb.worksheets]) if (!keep.includes(ws.name)) wb.removeWorksheet(ws.id);
    });
    expect(report.status).toBe('not-template');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.message).toContain('只找到 5 张（共 12 张）');
  });

  it('a workbook that is not the template at all: one error, status not-template, nothing else', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学生名单');
    ws.addRow(['姓名', '班级', '成绩']);
    ws.addRow(['张三', '初一(1)班', 95]);
    ws.addRow(['JF01', '约1200', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    wb.addWorksheet('Sheet2');
    const snapshot = await snapshotOfBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    const report = validate(snapshot, DEFAULT_RULESET, { now: TODAY });
    expect(report.status).toBe('not-template');
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'TPL.notTemplate',
        level: 'error',
        indicator: null,
        sheet: '学生名单',
        cell: 'A1',
      }),
    ]);
    expect(report.findings[0]!.message).toContain('县级人民政府履行教育职责评价指标');
    expect(report.findings[0]!.message).toContain('2025.1');
    expect(report.counts).toEqual({ error: 1, warning: 0, notice: 0 });
    expect(report.readyToReturn).toBe(false);
    expect(report.indicators).toEqual({});
    expect(report.district).toEqual({ name: '', code: '', year: null, city: '' });
  });
});

describe('indicator rows', () => {
  it('a deleted indicator row: an error naming the missing id at the sheet', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '经费投入');
      ws.spliceRows(excelRowOf(ws, 'JF05'), 1);
    });
    expect(ruleIds(report)).toEqual(['TPL.missingIndicator']);
    const f = theFinding(report, 'TPL.missingIndicator');
    expect(f).toMatchObject({ level: 'error', indicator: 'JF05', sheet: '经费投入', cell: 'A1' });
    expect(f.message).toContain('JF05');
    expect(f.message).toContain('普通初中生均一般公共预算教育支出');
    expect(report.indicators.JF05!.outcome).toBe('notEvaluated');
  });

  it('a duplicated row: an error at the second row naming the first; its figures are ignored', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '经费投入');
      const r = excelRowOf(ws, 'JF05');
      const copy = rowCells(ws, r);
      copy[5] = ['约1', ''];
      ws.spliceRows(r + 1, 0, []);
      writeRow(ws, r + 1, copy);
    });
    expect(ruleIds(report)).toEqual(['TPL.duplicateIndicator']);
    const f = theFinding(report, 'TPL.duplicateIndicator');
    expect(f).toMatchObject({ level: 'error', indicator: 'JF05', sheet: '经费投入', cell: 'A8' });
    expect(f.message).toContain('第 7 行');
    expect(report.indicators.JF05!.current).toBe(20100);
  });

  it('reordered rows with note rows in between still validate with 0 findings', async () => {
    const report = await edited((wb) => {
      for (const name of ['经费投入', '学前教育', '安全与卫生']) {
        const ws = sheetOf(wb, name);
        const rows: [ExcelJS.CellValue, string][][] = [];
        for (let r = 3; r <= ws.rowCount; r++) rows.push(rowCells(ws, r));
        for (let r = 3; r <= ws.rowCount; r++)
          writeRow(
            ws,
            r,
            Array.from({ length: 9 }, () => [null, 'General']),
          );
        rows.reverse().forEach((cells, i) => {
          writeRow(ws, 3 + i * 2, cells);
          ws.getCell(4 + i * 2, 1).value = i % 2 ? '注：以下数据来源于财政决算' : null;
          ws.getCell(4 + i * 2, 3).value = '备注行';
        });
      }
    });
    expect(report.findings).toEqual([]);
    expect(report.indicators.JF01!.current).toBe(56000);
  });

  it('ids with spaces or in lower case are still found', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '学生发展');
      ws.getCell(excelRowOf(ws, 'XS01'), 1).value = ' xs01 ';
      ws.getCell(excelRowOf(ws, 'XS02'), 1).value = '\u3000ＸＳ０２';
    });
    expect(report.findings).toEqual([]);
  });

  it('columns are found by their header text, not their position', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '学生发展');
      for (let r = 2; r <= ws.rowCount; r++) {
        const h = ws.getCell(r, 8).value;
        ws.getCell(r, 8).value = ws.getCell(r, 9).value;
        ws.getCell(r, 9).value = h;
      }
      ws.getCell(excelRowOf(ws, 'XS01'), 6).value = 50;
      ws.getCell(excelRowOf(ws, 'XS01'), 8).value = '样本校测试偏差';
    });
    expect(ruleIds(report)).toEqual(['XS01.min']);
    expect(theFinding(report, 'XS01.min')).toMatchObject({ explained: true, explanation: '样本校测试偏差' });
  });
});

describe('header rows', () => {
  it.each([
    ['an indicator sheet', '经费投入'],
    ['学校明细', '学校明细'],
    ['问题整改', '问题整改'],
  ])('moved down within the first 5 rows on %s: still validates with 0 findings', async (_label, name) => {
    const report = await edited((wb) => sheetOf(wb, name).spliceRows(1, 0, [], [], []));
    expect(report.findings).toEqual([]);
  });

  it('moved below row 5: an error at the sheet, and nothing else from it', async () => {
    const report = await edited((wb) => sheetOf(wb, '经费投入').spliceRows(1, 0, [], [], [], []));
    expect(ruleIds(report)).toEqual(['TPL.missingHeader']);
    const f = theFinding(report, 'TPL.missingHeader');
    expect(f).toMatchObject({ level: 'error', sheet: '经费投入', cell: 'A1' });
    expect(f.message).toContain('指标编号');
    expect(f.message).toContain('前 5 行');
  });

  it.each([
    // 学校明细 disagrees with YW04: the link would fail if the sheet were read
    ['经费投入', '指标编号', schoolRow(0, {})],
    ['学校明细', '学校名称', schoolRow(0, { large: 1 })],
    ['问题整改', '问题来源', rectRow(0, { status: '推进中' })],
  ])('missing on %s: an error naming the header; nothing read from the sheet', async (name, header, change) => {
    const report = await check(district(change), { edit: (wb) => sheetOf(wb, name).spliceRows(2, 1) });
    expect(ruleIds(report)).toEqual(['TPL.missingHeader']);
    const f = theFinding(report, 'TPL.missingHeader');
    expect(f).toMatchObject({ sheet: name, cell: 'A1' });
    expect(f.message).toContain(`“${header}”`);
  });

  it('missing on an indicator sheet: its indicators are not evaluated', async () => {
    const report = await edited((wb) => sheetOf(wb, '经费投入').spliceRows(2, 1));
    expect(report.indicators.JF01).toMatchObject({ current: null, outcome: 'notEvaluated' });
  });
});

describe('模板版本', () => {
  it('a workbook of another template version: an error naming both versions', async () => {
    const report = await edited((wb) => {
      const ws = sheetOf(wb, '基本信息');
      ws.getCell('B10').value = '2024.2';
    });
    expect(ruleIds(report)).toEqual(['INFO.version']);
    expect(theFinding(report, 'INFO.version').message).toContain('2024.2');
    expect(theFinding(report, 'INFO.version').message).toContain('2025.1');
  });
});
