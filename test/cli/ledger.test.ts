/** The review ledger: `check --ledger` writes it, the reviewer decides, `feedback --review` follows it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, LEDGER_SHEET } from '../../src/core/ledger';
import { run, tempDir } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

test('the ledger lists every warning; accepted explanations leave the drafts, sent-back ones wait in an annex', async () => {
  const t = tempDir();
  try {
    const ledger = t.path('审核台账.xlsx');
    const r = await run(['check', EXAMPLES, '--out', t.path('out'), '--ledger', ledger, '--quiet']);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS]);
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row[9] === '确认问题')).toBe(true);
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list' });

    // 西城区's JF02 explanation is accepted, its JS07 sent back; one row matches nothing
    const find = (district: string, rule: string) =>
      rows.findIndex((row) => row[1] === district && row[4] === rule) + 2;
    const accepted = find('西城区', 'JF02.minGrowth');
    const returned = find('西城区', 'JS07.minRate');
    expect(accepted).toBeGreaterThan(1);
    expect(returned).toBeGreaterThan(1);
    ws.getCell(accepted, 10).value = '采纳说明';
    ws.getCell(returned, 10).value = '退回补充';
    ws.getCell(returned, 11).value = '请说明学历提升计划的完成时限';
    ws.addRow([99, '西城区', '379903', 'XX01', 'XX01.min', '经费投入', 'F99', '', '', '确认问题', '']);
    await wb.xlsx.writeFile(ledger);

    const f = await run(['feedback', EXAMPLES, '--out', t.path('fb'), '--format', 'txt', '--review', ledger]);
    expect(f.err).toContain('与本批填报表中的问题对不上');
    const letter = readFileSync(t.path('fb/西城区反馈意见（初稿）.txt'), 'utf8');
    const [body, annex] = letter.split('\n附件\n待补充说明事项\n');
    expect(body).not.toContain('比上年增长10%的要求（西城区说明');
    expect(body).not.toContain('幼儿园专任教师专科及以上学历比例为');
    expect(annex).toContain('幼儿园专任教师专科及以上学历比例为');
    expect(annex).toContain('请说明学历提升计划的完成时限');
    const city = readFileSync(t.path('fb/全市汇总反馈意见（初稿）.txt'), 'utf8');
    expect(city).toContain('待补充说明事项');
    expect(city).not.toMatch(/西城区[^。；]*未实现一般公共预算和政府性基金预算安排的教育经费/);
  } finally {
    t.done();
  }
});
