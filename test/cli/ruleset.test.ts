/** `duty-review ruleset export|check` and `--ruleset` on template, check and feedback. */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseRulesetJson } from '../../src/core/ruleset';
import { buildRulesetWorkbook } from '../../src/hosts/file/rulesetWorkbook';
import { fillWorkbook } from '../../src/hosts/file/fill';
import { otherRulesetDoc } from '../fixtures/otherRuleset';
import { compliantDistrict } from '../fixtures/workbooks';
import { run, tempDir } from './helpers';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.done());

async function writeRuleset(name: string, edit: (doc: ReturnType<typeof otherRulesetDoc>) => void = () => undefined) {
  const doc = otherRulesetDoc();
  edit(doc);
  await buildRulesetWorkbook(doc).xlsx.writeFile(t.path(name));
  return t.path(name);
}

describe('duty-review ruleset', () => {
  it('exports the bundled 2025.1 as JSON and as a workbook, and checks both as usable', async () => {
    const json = await run(['ruleset', 'export', '--out', t.path('2025.1.json')]);
    expect(json).toMatchObject({ code: 0 });
    expect(parseRulesetJson(readFileSync(t.path('2025.1.json'), 'utf8')).doc?.ruleset.version).toBe('2025.1');
    expect((await run(['ruleset', 'export', '--out', t.path('指标体系.xlsx')])).code).toBe(0);
    for (const file of ['2025.1.json', '指标体系.xlsx']) {
      const r = await run(['ruleset', 'check', t.path(file)]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('可以使用：版本 2025.1，指标 77 个，规则 90 条');
    }
  });

  it('says every problem of a broken ruleset at its cell, and exits 1', async () => {
    const file = await writeRuleset('坏.xlsx', (d) => {
      d.rules[2]!.condition = 'TR09 > 0';
      d.rules[3]!.passExample = 'TR03="否"';
      d.params[1]!.value = '十';
    });
    const r = await run(['ruleset', 'check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('规则!E4');
    expect(r.err).toContain('未知的名称“TR09”');
    expect(r.err).toContain('参数!B3');
    expect(r.err).toContain('规则!M5');
  });

  it('refuses a file that is no ruleset with one clear line', async () => {
    writeFileSync(t.path('x.xlsx'), 'not a workbook');
    const r = await run(['ruleset', 'check', t.path('x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不是有效的 .xlsx 工作簿');
  });
});

describe('--ruleset', () => {
  it('writes the template of a ruleset and checks its returns with it; 2025.1 workbooks still with 2025.1', async () => {
    const file = await writeRuleset('海州.xlsx');
    expect((await run(['template', '--ruleset', file, '--out', t.path('blank.xlsx')])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.path('blank.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toContain('投入保障');
    expect(wb.getWorksheet('封面')!.getCell('B10').value).toBe('海州2026.1');

    const std = new ExcelJS.Workbook();
    const { buildTemplate } = await import('../../src/hosts/file/template');
    const tpl = buildTemplate();
    fillWorkbook(tpl, compliantDistrict());
    await tpl.xlsx.writeFile(t.path('东城区.xlsx'));
    await std.xlsx.readFile(t.path('东城区.xlsx'));

    const r = await run([
      'check',
      t.path('blank.xlsx'),
      t.path('东城区.xlsx'),
      '--ruleset',
      file,
      '--json',
      '-',
      '--out',
      t.path('out'),
    ]);
    const report = JSON.parse(r.json) as { workbooks: { ruleset: string; findings: { rule: string }[] }[] };
    expect(report.workbooks.map((w) => w.ruleset)).toEqual(['海州2026.1', '2025.1']);
    expect(report.workbooks[0]!.findings.some((f) => f.rule === 'G1')).toBe(true);
    expect(report.workbooks[1]!.findings).toEqual([]);
  });

  it('a broken ruleset is not used: the command says why and stops', async () => {
    const file = await writeRuleset('坏.xlsx', (d) => (d.rules[2]!.condition = 'TR09 > 0'));
    const r = await run(['check', t.path('none.xlsx'), '--ruleset', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('有错误，不能使用');
    expect(r.err).toContain('规则!E4');
  });
});
