/** Across years on real files: --previous, next-year and diff (spec/CLI.md, "Across years"). */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { TODAY, xlsxOf } from '../fixtures/workbooks';
import { checkBytes } from '../../src/hosts/file/check';
import { readRectification } from '../../src/core/years';
import { openWorkbook } from '../../src/hosts/file/load';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { district, lastYearOf } from '../years/helpers';
import { run, tempDir } from './helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface JsonFinding {
  rule: string;
  indicator: string | null;
  level: string;
  sheet: string;
  cell: string;
  message: string;
}
interface JsonWorkbook {
  file: string;
  district?: { name: string; code: string };
  counts?: { notice: number };
  findings?: JsonFinding[];
}

/** 东城区 this year: JF12 not met (a warning to carry into next year). */
const dongcheng = () => district((d) => (d.values.JF12 = { current: '否', explanation: '补助办法正在制定' }));
const xicheng = () =>
  district((d) => {
    d.info.name = '西城区';
    d.info.code = '379903';
  });

describe('two years of one city', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.done());

  async function write(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
    mkdirSync(t.path(dir), { recursive: true });
    const file = t.path(`${dir}/${name}`);
    writeFileSync(file, bytes);
    return file;
  }

  async function twoYears() {
    await write('2025', '东城区.xlsx', await xlsxOf(dongcheng()));
    await write('2025', '西城区.xlsx', await xlsxOf(xicheng()));
    const last = lastYearOf(dongcheng(), (p) => (p.values.JF01 = { ...p.values.JF01, current: 51000 }));
    await write('2024', '东城区2024.xlsx', await xlsxOf(last));
    const other = lastYearOf(xicheng(), (p) => (p.info.code = '379999'));
    await write('2024', '别处.xlsx', await xlsxOf(other));
    await write('2024', '坏文件.xlsx', 'not a workbook');
  }

  it('check --previous: a notice per restated 上年值 and per problem left out; bad files one line each', async () => {
    await twoYears();
    const before = sha(t.path('2024/东城区2024.xlsx'));
    const r = await run([
      'check',
      t.path('2025'),
      '--out',
      t.path('checked'),
      '--json',
      '-',
      '--previous',
      t.path('2024'),
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.json) as { workbooks: JsonWorkbook[] };
    const dong = json.workbooks.find((w) => w.district?.name === '东城区')!;
    const years = dong.findings!.filter((f) => f.rule.startsWith('YR.'));
    const last = years.find((f) => f.rule === 'YR.lastValue')!;
    expect(last).toMatchObject({ indicator: 'JF01', level: 'notice', sheet: '经费投入', cell: 'E3' });
    expect(last.message).toContain('东城区2024.xlsx');
    expect(last.message).toContain('51000');
    expect(years.filter((f) => f.rule === 'YR.notListed').length).toBeGreaterThan(0);
    const xi = json.workbooks.find((w) => w.district?.name === '西城区')!;
    expect(xi.findings!.some((f) => f.rule.startsWith('YR.'))).toBe(false);
    expect(r.err).toMatch(/坏文件\.xlsx：.*未用于比对/);
    expect(r.err).toMatch(/别处\.xlsx：没有行政区划代码为 379999 的本年填报表/);
    expect(r.err).toContain('西城区：没有上年填报表'); // with --json -, progress goes to stderr
    expect(sha(t.path('2024/东城区2024.xlsx'))).toBe(before);
  });

  it('check --previous-review: only the problems last year’s ledger confirms must be in 问题整改', async () => {
    await twoYears();
    const ledger = t.path('2024审核台账.xlsx');
    await run(['check', t.path('2024'), '--out', t.path('c2024'), '--ledger', ledger, '--quiet']);
    const wb = await openWorkbook(new Uint8Array(readFileSync(ledger)));
    const ws = wb.getWorksheet('审核台账')!;
    ws.eachRow((row, n) => {
      if (n > 1) row.getCell(10).value = '采纳说明';
    });
    writeFileSync(ledger, new Uint8Array(await wb.xlsx.writeBuffer()));
    const args = ['check', t.path('2025'), '--out', t.path('checked'), '--json', '-', '--previous', t.path('2024')];
    const notListed = async (extra: string[]) => {
      const json = JSON.parse((await run([...args, ...extra])).json) as { workbooks: JsonWorkbook[] };
      const dong = json.workbooks.find((w) => w.district?.name === '东城区')!;
      return dong.findings!.filter((f) => f.rule === 'YR.notListed').length;
    };
    expect(await notListed([])).toBeGreaterThan(0);
    expect(await notListed(['--previous-review', ledger])).toBe(0);
  });

  it('feedback --previous runs on, with the same lines for bad files', async () => {
    await twoYears();
    const r = await run([
      'feedback',
      t.path('2025'),
      '--out',
      t.path('fb'),
      '--format',
      'txt',
      '--previous',
      t.path('2024'),
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/坏文件\.xlsx/);
    expect(readdirSync(t.path('fb'))).toContain('东城区反馈意见（初稿）.txt');
  });

  it('next-year: 基本信息, 上年值 and 问题整改 filled; checking it against this year finds nothing to restate', async () => {
    await twoYears();
    const input = t.path('2025/东城区.xlsx');
    const before = sha(input);
    const r = await run(['next-year', input, '--out', t.path('2026')]);
    expect(r.code).toBe(0);
    expect(readdirSync(t.path('2026'))).toEqual(['东城区2026年度填报表.xlsx']);
    expect(sha(input)).toBe(before);

    const bytes = new Uint8Array(readFileSync(t.path('2026/东城区2026年度填报表.xlsx')));
    const c = await checkBytes(bytes, [DEFAULT_RULESET], TODAY);
    if (c.status !== 'checked') throw new Error(c.reason);
    expect(c.report.district).toMatchObject({ name: '东城区', code: '379902', city: '滨海市', year: 2026 });
    expect(c.report.templateVersion).toBe('2025.1');
    expect(c.report.indicators.JF01!.last).toBe(56000);
    expect(c.report.indicators.XS02!.last).toBe(50.8);
    expect(c.report.indicators.JF01!.current).toBeNull();
    const rows = readRectification(workbookSnapshot(await openWorkbook(bytes)), DEFAULT_RULESET)!.rows;
    expect(rows.map((x) => x.description)).toEqual([
      '普惠性民办幼儿园生均公用经费补助是否落实：普惠性民办幼儿园生均公用经费补助未落实',
    ]);

    const again = await run(['check', t.path('2026'), '--out', t.path('c2'), '--json', '-', '--previous', input]);
    const json = JSON.parse(again.json) as { workbooks: JsonWorkbook[] };
    const rules = json.workbooks[0]!.findings!.map((f) => f.rule);
    expect(rules).not.toContain('YR.lastValue');
    expect(rules).not.toContain('YR.notListed');
  });

  it('next-year --ruleset: the workbook of that ruleset', async () => {
    await twoYears();
    const rs = t.path('next.json');
    const doc = JSON.parse(readFileSync('src/rulesets/2025.1.json', 'utf8'));
    doc.ruleset.version = '2026.1';
    writeFileSync(rs, JSON.stringify(doc));
    const r = await run(['next-year', t.path('2025/西城区.xlsx'), '--out', t.path('2026'), '--ruleset', rs]);
    expect(r.code).toBe(0);
    const wb = await openWorkbook(new Uint8Array(readFileSync(t.path('2026/西城区2026年度填报表.xlsx'))));
    expect(wb.getWorksheet('基本信息')!.getCell('B10').value).toBe('2026.1');
  });

  it('diff: changed cells and findings resolved, new and remaining', async () => {
    const old = await write(
      'in',
      '东城区-1.xlsx',
      await xlsxOf(district((d) => (d.values.JF01 = { last: 52000, current: '约56000' }))),
    );
    const fixed = await write(
      'in',
      '东城区-2.xlsx',
      await xlsxOf(district((d) => (d.values.XQ01 = { last: 96.5, current: 80 }))),
    );
    const r = await run(['diff', old, fixed, '--json', t.path('diff.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('经费投入!F3  约56000 → 56000');
    expect(r.out).toContain('学前教育!F3  97.2 → 80');
    expect(r.out).toMatch(/已解决 1 项，新出现 \d+ 项/);
    const json = JSON.parse(readFileSync(t.path('diff.json'), 'utf8'));
    expect(json.cells).toEqual(
      expect.arrayContaining([{ sheet: '经费投入', cell: 'F3', before: '约56000', after: '56000' }]),
    );
    expect(json.findings.resolved.map((f: JsonFinding) => f.sheet + '!' + f.cell)).toEqual(['经费投入!F3']);
    expect(json.findings.new.map((f: JsonFinding) => f.rule)).toContain('XQ01.min');
  });

  it('diff --out: the new return’s annotated copy gets a 修改对照 sheet; the inputs stay as they were', async () => {
    const old = await write('in', '东城区-1.xlsx', await xlsxOf(district((d) => (d.values.JF08 = { current: 600 }))));
    const fixed = await write('in', '东城区-2.xlsx', await xlsxOf(district()));
    const before = sha(fixed);
    const r = await run(['diff', old, fixed, '--out', t.path('diffout')]);
    expect(r.code).toBe(0);
    const wb = await openWorkbook(new Uint8Array(readFileSync(t.path('diffout/东城区-2.checked.xlsx'))));
    const ws = wb.getWorksheet('修改对照')!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('|')).toContain('与上一次报送（东城区-1.xlsx）的修改对照');
    expect(text.join('|')).toContain('F10|600|700');
    expect(text.join('|')).toContain('已解决');
    expect(wb.getWorksheet('校验结果')).toBeDefined();
    expect(sha(fixed)).toBe(before);
  });

  it('next-year without --out is a usage error', async () => {
    const r = await run(['next-year', t.path('nothing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少选项 --out <dir>');
  });

  it('diff of an unreadable file: one line, exit 1', async () => {
    const bad = await write('in', 'bad.xlsx', 'nope');
    const good = await write('in', 'good.xlsx', await xlsxOf(district()));
    const r = await run(['diff', bad, good]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.xlsx');
  });
});
