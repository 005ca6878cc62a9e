import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { COMMENT_PREFIX } from '../../src/hosts/host';
import { LEVEL_COLOURS, SUMMARY_COLUMNS, SUMMARY_SHEET } from '../../src/core/summary';
import { SPEC_SHEETS } from '../fixtures/spec';
import { district, workbookOf, xlsxOf } from '../fixtures/workbooks';
import { run, tempDir } from './helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface JsonFinding {
  rule: string;
  indicator: string | null;
  level: string;
  sheet: string;
  cell: string;
  message: string;
  explained?: boolean;
}
interface JsonWorkbook {
  file: string;
  status: string;
  reason?: string;
  district?: { name: string; code: string; year: number | null };
  counts?: { error: number; warning: number; notice: number };
  findings?: JsonFinding[];
}
interface JsonReport {
  tool: { name: string; version: string };
  ruleset: { version: string; overrides: Record<string, number> };
  workbooks: JsonWorkbook[];
  city?: { findings: { rule: string; districts: string[]; cityValue: number; message: string }[] };
}

describe('duty-review check', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.done());

  async function writeDistrict(name: string, change: Parameters<typeof district>[0]) {
    const file = t.path(`${name}.xlsx`);
    writeFileSync(file, await xlsxOf(district(change)));
    return file;
  }

  it('writes an annotated copy: fills, notes, summary rows and links, inputs untouched', async () => {
    const file = await writeDistrict('西城区', (d) => {
      d.info.name = '西城区';
      d.info.code = '379903';
      d.values.JF02 = { last: 60000, current: 63720, explanation: '土地出让收入下降' };
      d.values.JF01 = { last: 52000, current: '约56000' };
      d.values.JS07 = { current: 686, explanation: '=HYPERLINK("http://x","y")' };
    });
    const before = sha(file);
    const r = await run(['check', file, '--out', t.path('out'), '--json', t.path('report.json')]);
    expect(r.code).toBe(1); // the text in JF01 is an error
    expect(sha(file)).toBe(before);
    expect(r.out).toContain('西城区 379903');
    expect(r.out).toContain('错误 1 · 未达标 2 · 提示 0');

    const report = JSON.parse(readFileSync(t.path('report.json'), 'utf8')) as JsonReport;
    const findings = report.workbooks[0]!.findings!;
    const wb = await open(t.path('out/西城区.checked.xlsx'));
    const original = await open(file);
    for (const f of findings) {
      const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
      expect(cell.value).toEqual(original.getWorksheet(f.sheet)!.getCell(f.cell).value);
      const fill = cell.fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(`FF${LEVEL_COLOURS[f.level as 'error']}`);
      const note = typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((x) => x.text).join('');
      expect(note.startsWith(COMMENT_PREFIX)).toBe(true);
      expect(note).toContain(f.message);
    }
    // a cell without a finding keeps its look
    expect(
      (wb.getWorksheet('经费投入')!.getCell('F5').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
    ).not.toBe(`FF${LEVEL_COLOURS.warning}`);

    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const texts: string[][] = [];
    summary.eachRow({ includeEmpty: true }, (row, r) => {
      texts[r - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''));
    });
    const headerIndex = texts.findIndex((row) => row?.[0] === '序号');
    expect(texts[headerIndex]).toEqual([...SUMMARY_COLUMNS]);
    expect(texts.some((row) => row?.join('').includes('暂不能报送'))).toBe(true);
    const rows = texts.slice(headerIndex + 1);
    expect(rows).toHaveLength(findings.length);
    findings.forEach((f, i) => {
      const row = summary.getRow(headerIndex + 2 + i);
      expect(row.getCell(3).value).toBe(f.sheet);
      expect(row.getCell(7).value).toBe(f.message);
      const link = row.getCell(4).value as ExcelJS.CellFormulaValue;
      expect(link.formula).toBe(`HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
    });
    // the explanation that looks like a formula stays text
    const js07 = rows.findIndex((row) => row[4] === 'JS07');
    const explanationCell = summary.getRow(headerIndex + 2 + js07).getCell(10);
    expect(explanationCell.value).toBe('=HYPERLINK("http://x","y")');
    expect(explanationCell.type).toBe(ExcelJS.ValueType.String);
    expect(explanationCell.numFmt).toBe('@');
  });

  it('keeps content, styles, merged cells and data validations in the copy', async () => {
    const file = await writeDistrict('东城区', () => undefined);
    await run(['check', file, '--out', t.path('out')]);
    const [a, b] = await Promise.all([open(file), open(t.path('out/东城区.checked.xlsx'))]);
    for (const ws of a.worksheets) {
      const copy = b.getWorksheet(ws.name)!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const other = copy.getCell(r, c);
          expect(other.value).toEqual(cell.value);
          expect(other.style).toEqual(cell.style);
          expect(other.dataValidation).toEqual(cell.dataValidation);
        }),
      );
      expect(copy.model.merges).toEqual(ws.model.merges);
    }
  });

  it('prints a JSON report of the documented shape on stdout with --json -', async () => {
    const a = await writeDistrict('a', (d) => {
      d.info.name = '甲区';
      d.info.code = '379902';
    });
    const b = await writeDistrict('b', (d) => {
      d.info.name = '乙区';
      d.info.code = '379903';
      d.values.XQ03 = { last: 8200, current: 6000 };
      d.values.XQ05 = { last: 83.33, current: 68.92 };
      d.values.XQ06 = { last: 54.67, current: 40.54 };
    });
    const r = await run(['check', a, b, '--out', t.path('out'), '--json', '-']);
    const report = JSON.parse(r.json) as JsonReport;
    expect(report.tool.name).toBe('duty-review');
    expect(report.ruleset).toEqual({ version: '2025.1', overrides: {} });
    expect(report.workbooks.map((w) => [w.status, w.district?.name, w.district?.code, w.district?.year])).toEqual([
      ['checked', '甲区', '379902', 2025],
      ['checked', '乙区', '379903', 2025],
    ]);
    const f = report.workbooks[1]!.findings!.find((x) => x.rule === 'XQ06.min')!;
    expect(f).toMatchObject({ indicator: 'XQ06', level: 'warning', sheet: '学前教育', cell: 'F8', explained: false });
    expect(report.workbooks[1]!.counts).toEqual({ error: 0, warning: 3, notice: 2 });
    const below = report.city!.findings.find((x) => x.rule === 'XQ06.belowCity')!;
    expect(below.districts).toEqual(['乙区']);
    expect(below.cityValue).toBeCloseTo(((8300 + 6000) / 29600) * 100, 1);
    expect(r.out).toBe(''); // stdout holds only the JSON
  });

  it('applies --rules overrides and reports them', async () => {
    const file = await writeDistrict('c', (d) => (d.values.JF02 = { last: 60000, current: 64200 }));
    const plain = JSON.parse((await run(['check', file, '--out', t.path('o1'), '--json', '-'])).json) as JsonReport;
    expect(plain.workbooks[0]!.findings!.map((f) => f.rule)).toContain('JF02.minGrowth');
    writeFileSync(t.path('rules.json'), JSON.stringify({ 'JF02.minGrowth': 7 }));
    const r = await run(['check', file, '--out', t.path('o2'), '--json', '-', '--rules', t.path('rules.json')]);
    const report = JSON.parse(r.json) as JsonReport;
    expect(report.ruleset.overrides).toEqual({ 'JF02.minGrowth': 7 });
    expect(report.workbooks[0]!.findings!.map((f) => f.rule)).not.toContain('JF02.minGrowth');
    // the reviewer's overrides do not make the workbook's own copy of the ruleset look altered
    expect(report.workbooks[0]!.findings!.map((f) => f.rule)).not.toContain('TPL.rulesetDiffers');
    expect(r.code).toBe(0);
  });

  it('exits 0 when no workbook has errors, even with warnings', async () => {
    const file = await writeDistrict('d', (d) => (d.values.GG02 = { current: 1 }));
    const r = await run(['check', file, '--out', t.path('out')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未达标 1');
  });

  it.each([
    ['an unknown option', ['check', 'x.xlsx', '--bogus'], '未知选项 --bogus'],
    ['no input', ['check'], '缺少参数'],
    ['an unknown command', ['frobnicate'], '未知命令'],
  ])('exits 2 on %s', async (_name, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('says so in one line, and exits 1, when the output folder cannot be written', async () => {
    const file = await writeDistrict('f', () => undefined);
    writeFileSync(t.path('afile'), 'x');
    const r = await run(['check', file, '--out', t.path('afile/out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/无法写出 .*f\.checked\.xlsx：输出位置中有同名文件，不是文件夹/);
    expect(r.err).not.toMatch(/E[A-Z]{3,}/);
  });

  it.each([
    ['the output folder is a file', (f: string) => ['--out', f], '不是文件夹'],
    ['the JSON report would go inside a file', (f: string) => ['--json', `${f}/r.json`], '无法建立它所在的文件夹'],
    ['the JSON report is a folder', () => ['--json', t.path('.')], '这是一个文件夹'],
  ])('exits 2 before checking anything when %s, saying why in Chinese', async (_name, opts, says) => {
    const file = await writeDistrict('g', () => undefined);
    writeFileSync(t.path('plain'), 'x');
    const r = await run(['check', file, ...opts(t.path('plain'))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(says);
    expect(r.out).not.toContain('正在校验');
  });

  it('makes the folder the JSON report goes into, as it makes --out', async () => {
    const file = await writeDistrict('h', () => undefined);
    const r = await run(['check', file, '--out', t.path('made/copies'), '--json', t.path('made/report/r.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(t.path('made/report/r.json'), 'utf8')).workbooks).toHaveLength(1);
  });

  it('a file name too long to take “.checked.xlsx” still gets its copy, named shorter', async () => {
    const long = t.path(`${'长'.repeat(82)}.xlsx`);
    writeFileSync(long, await xlsxOf(district()));
    const r = await run(['check', long, '--out', t.path('longout')]);
    expect(r.code).toBe(0);
    const [copy] = readdirSync(t.path('longout'));
    expect(copy).toMatch(/^长+\.checked\.xlsx$/);
    expect(Buffer.byteLength(copy!)).toBeLessThanOrEqual(255);
  });

  it('exits 2 when a folder holds no workbook', async () => {
    mkdirSync(t.path('empty'));
    writeFileSync(t.path('empty/readme.txt'), 'x');
    const r = await run(['check', t.path('empty'), '--out', t.path('out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有可校验的文件');
  });

  it.each([
    ['an unknown key', { 'JF99.min': 3 }, 'JF99.min'],
    ['a non-number', { 'JF02.minGrowth': '8' }, 'JF02.minGrowth'],
  ])('exits 2 naming the key for a rules file with %s', async (_name, rules, key) => {
    const file = await writeDistrict('e', () => undefined);
    writeFileSync(t.path('rules.json'), JSON.stringify(rules));
    const r = await run(['check', file, '--rules', t.path('rules.json'), '--out', t.path('out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(key);
  });

  it('reports each bad file in one Chinese line and goes on with the others', async () => {
    const dir = t.path('in');
    mkdirSync(dir);
    const good = await xlsxOf(district());
    writeFileSync(`${dir}/good.xlsx`, good);
    writeFileSync(`${dir}/empty.xlsx`, '');
    writeFileSync(`${dir}/text.xlsx`, '地区名称,东城区\n');
    writeFileSync(`${dir}/truncated.xlsx`, good.subarray(0, Math.floor(good.length / 2)));
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(`${dir}/old.xls`, ole);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]);
    writeFileSync(`${dir}/locked.xlsx`, encrypted);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    writeFileSync(`${dir}/other.xlsx`, new Uint8Array(await other.xlsx.writeBuffer()));
    writeFileSync(`${dir}/notes.txt`, 'not a workbook');

    const r = await run(['check', dir, '--out', t.path('out'), '--json', t.path('r.json')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(t.path('r.json'), 'utf8')) as JsonReport;
    const status = Object.fromEntries(
      report.workbooks.map((w) => [w.file.split('/').pop(), [w.status, w.reason ?? '']]),
    );
    expect(status['good.xlsx']![0]).toBe('checked');
    expect(status['empty.xlsx']).toEqual(['unreadable', expect.stringContaining('空')]);
    expect(status['text.xlsx']).toEqual(['unreadable', expect.stringContaining('不是有效的 .xlsx')]);
    expect(status['truncated.xlsx']).toEqual(['unreadable', expect.stringContaining('损坏')]);
    expect(status['old.xls']).toEqual(['unreadable', expect.stringContaining('.xls')]);
    expect(status['locked.xlsx']).toEqual(['unreadable', expect.stringContaining('密码')]);
    expect(status['other.xlsx']).toEqual(['not-template', expect.stringContaining('标准')]);
    expect(status['notes.txt']).toBeUndefined();
    const lines = r.err.split('\n');
    for (const name of [
      'empty.xlsx',
      'text.xlsx',
      'truncated.xlsx',
      'old.xls',
      'locked.xlsx',
      'other.xlsx',
      'notes.txt',
    ]) {
      expect(lines.filter((l) => l.includes(name))).toHaveLength(1);
    }
    expect(r.err).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    // a workbook that is not the template gets its copy too, the error marked where it is
    expect(readdirSync(t.path('out')).sort()).toEqual(['good.checked.xlsx', 'other.checked.xlsx']);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(t.path('out/other.checked.xlsx'));
    expect(copy.getWorksheet('Sheet1')!.getCell('A1').value).toBe('hello');
    expect(copy.getWorksheet('Sheet1')!.getCell('A1').note).toBeTruthy();
    expect(copy.getWorksheet('校验结果')!.getCell('A9').value).toMatch(/不是标准填报表/);
  });

  it('a workbook of a 模板版本 no ruleset has: its copy shows the error on the 模板版本 cell', async () => {
    let at = '';
    const bytes = await xlsxOf(district(), (wb) => {
      const info = wb.getWorksheet('基本信息')!;
      info.eachRow((row) => {
        if (row.getCell(1).value !== '模板版本') return;
        row.getCell(2).value = '2099.1';
        at = row.getCell(2).address;
      });
    });
    expect(at).not.toBe('');
    writeFileSync(t.path('v2099.xlsx'), bytes);
    const r = await run(['check', t.path('v2099.xlsx'), '--out', t.path('vout'), '--json', t.path('v.json')]);
    expect(r.code).toBe(1);
    const entry = (JSON.parse(readFileSync(t.path('v.json'), 'utf8')) as JsonReport).workbooks[0]!;
    expect(entry.status).toBe('not-template');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(t.path('vout/v2099.checked.xlsx'));
    const cell = copy.getWorksheet('基本信息')!.getCell(at);
    expect(cell.value).toBe('2099.1');
    expect(
      String((cell.note as { texts?: { text: string }[] })?.texts?.map((x) => x.text).join('') ?? cell.note),
    ).toContain('2099.1');
    expect(readFileSync(t.path('v2099.xlsx'))).toEqual(Buffer.from(bytes));
  });

  it('handles a workbook with tens of thousands of school rows', async () => {
    const file = await writeDistrict('big', (d) => {
      d.schools = Array.from({ length: 30000 }, (_, i) => ({
        no: i + 1,
        name: `学校${i + 1}`,
        type: '小学',
        ownership: '公办',
        students: 300,
        classes: 8,
        large: 0,
        huge: 0,
        clinic: '是',
        healthStaff: 1,
      }));
    });
    const r = await run(['check', file, '--out', t.path('out'), '--json', '-']);
    const report = JSON.parse(r.json) as JsonReport;
    expect(report.workbooks[0]!.status).toBe('checked');
    expect(report.workbooks[0]!.counts!.error).toBe(0);
  });
});

describe('duty-review template', () => {
  it('writes the blank workbook with its twelve sheets', async () => {
    const t = tempDir();
    const r = await run(['template', '--out', t.path('blank.xlsx')]);
    expect(r.code).toBe(0);
    const wb = await open(t.path('blank.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SPEC_SHEETS, '_履职评价规则集']);
    t.done();
  });
});

describe('a batch with a resubmission and a workbook of another city', () => {
  it('counts each district once and sets the stranger aside, saying why, in the output and the JSON', async () => {
    const t = tempDir();
    try {
      const a = workbookOf(district());
      await a.xlsx.writeFile(t.path('东城区.xlsx'));
      const again = workbookOf(district((d) => (d.info.date = new Date(Date.UTC(2026, 2, 20)))));
      await again.xlsx.writeFile(t.path('东城区-修订.xlsx'));
      const other = workbookOf(district((d) => ((d.info.code = '370602'), (d.info.city = '远洋市'))));
      await other.xlsx.writeFile(t.path('远洋.xlsx'));
      const b = workbookOf(district((d) => ((d.info.code = '379903'), (d.info.name = '西城区'))));
      await b.xlsx.writeFile(t.path('西城区.xlsx'));
      const r = await run(['check', t.dir, '--out', t.path('out'), '--json', '-']);
      const json = JSON.parse(r.json) as {
        workbooks: { file: string; batch: { included: boolean; reason?: string } }[];
      };
      const byName = Object.fromEntries(json.workbooks.map((w) => [w.file.split(/[\\/]/).pop(), w.batch]));
      expect(byName['东城区.xlsx']).toMatchObject({ included: false, reason: 'superseded' });
      expect(byName['东城区-修订.xlsx']).toEqual({ included: true });
      expect(byName['远洋.xlsx']).toMatchObject({ included: false, reason: 'other-city' });
      expect(byName['西城区.xlsx']).toEqual({ included: true });
      expect(r.err + r.out).toContain('不计入全市汇总');
    } finally {
      t.done();
    }
  });
});
