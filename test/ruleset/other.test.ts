/**
 * Another office's ruleset (fixtures/otherRuleset.ts) end to end: checked, written as a template
 * that carries it, filled, validated, drafted; and broken in every way RULESET.md names.
 */
import type ExcelJS from 'exceljs';
import { cityFindings } from '../../src/core/city';
import { cityDraft } from '../../src/core/feedback/city';
import { districtDraft } from '../../src/core/feedback/district';
import { bundledRuleset, checkRuleset } from '../../src/core/ruleset';
import { stripSources, type RulesetDoc } from '../../src/core/ruleset/doc';
import type { Ruleset } from '../../src/core/ruleset/model';
import type { Finding, Report } from '../../src/core/types';
import { checkWorkbook } from '../../src/core/validate';
import { buildRulesetWorkbook, readRulesetWorkbook } from '../../src/hosts/file/rulesetWorkbook';
import { workbookSnapshot } from '../../src/hosts/file/snapshot';
import { buildTemplate } from '../../src/hosts/file/template';
import { otherRulesetDoc } from '../fixtures/otherRuleset';

const TODAY = new Date(Date.UTC(2026, 10, 22));

function compiled(doc: RulesetDoc = otherRulesetDoc()): Ruleset {
  const { ruleset, problems } = checkRuleset(doc);
  if (!ruleset) throw new Error(problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join('\n'));
  return ruleset;
}

type Row = Record<string, ExcelJS.CellValue>;
interface District {
  name: string;
  code: string;
  values?: Record<string, [ExcelJS.CellValue, ExcelJS.CellValue, string?]>;
  schools?: Row[];
  version?: string;
}

const GOOD: Record<string, [ExcelJS.CellValue, ExcelJS.CellValue, string?]> = {
  TR01: [1000, 1100],
  TR02: [800, 900],
  TR03: [null, '是'],
  TR04: [null, '海财教〔2026〕1号'],
  DW01: [null, 500],
  DW02: [null, 3],
  DW03: [20, 25],
  DW04: [null, 101],
};
const SCHOOLS: Row[] = [
  { 序号: 1, 学校: '一小', 类别: '小学', 教师数: 40, 达标: '是', 验收日期: new Date(Date.UTC(2026, 3, 1)) },
  { 序号: 2, 学校: '一中', 类别: '初中', 教师数: 60, 达标: '是', 验收日期: new Date(Date.UTC(2026, 4, 1)) },
];

function workbook(rs: Ruleset, d: District): ExcelJS.Workbook {
  const wb = buildTemplate(rs);
  const info = wb.getWorksheet('封面')!;
  const infoValues = [d.name, d.code, '海州市', 2026, '教育局', '张三', '0631-5212345', new Date(Date.UTC(2026, 9, 1))];
  infoValues.forEach((v, i) => (info.getCell(i + 2, 2).value = v));
  if (d.version) info.getCell(10, 2).value = d.version;
  for (const ind of rs.indicators) {
    const ws = wb.getWorksheet(ind.sheet)!;
    const r = rs.indicatorsOf(ind.sheet).indexOf(ind) + 3;
    const [last, current, explanation] = d.values?.[ind.id] ?? GOOD[ind.id]!;
    if (ind.hasLast) ws.getCell(r, 5).value = last;
    ws.getCell(r, 6).value = current;
    ws.getCell(r, 8).value = '有关文件';
    if (explanation) ws.getCell(r, 9).value = explanation;
  }
  const list = wb.getWorksheet('学校清单')!;
  const fields = rs.list('学校清单')!.fields.map((f) => f.header);
  (d.schools ?? SCHOOLS).forEach((row, i) =>
    fields.forEach((h, c) => (list.getCell(i + 3, c + 1).value = row[h] ?? null)),
  );
  return wb;
}

function check(d: District, rulesets: Ruleset[]): Report {
  return checkWorkbook(workbookSnapshot(workbook(rulesets[0]!, d)), rulesets, { now: TODAY });
}

const at = (r: Report) => r.findings.map((f) => [f.rule, f.sheet, f.cell, f.level]);
const find = (r: Report, rule: string): Finding => {
  const f = r.findings.filter((x) => x.rule === rule);
  if (f.length !== 1) throw new Error(`${rule}: ${JSON.stringify(r.findings, null, 1)}`);
  return f[0]!;
};

describe('another office’s ruleset', () => {
  const rs = compiled();

  it('is usable: no problem, every example holds', () => {
    expect(checkRuleset(otherRulesetDoc()).problems).toEqual([]);
    expect(rs.meta.collective).toBe('各区市');
    expect(rs.list('XX')?.sheet).toBe('学校清单');
  });

  it('writes its own template, carrying it', () => {
    const wb = buildTemplate(rs);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '封面',
      '投入保障',
      '队伍建设',
      '学校清单',
      '_履职评价规则集',
    ]);
    const ws = wb.getWorksheet('投入保障')!;
    expect(ws.getCell('A1').value).toBe('二、投入保障');
    expect([3, 4, 5, 6].map((r) => ws.getCell(r, 1).value)).toEqual(['TR01', 'TR02', 'TR03', 'TR04']);
    expect(ws.getCell('G3').value).toBe('比上年增长不低于5%');
    expect(ws.getCell('G6').value).toBe('据实填写');
    expect(ws.getCell('F3').dataValidation).toMatchObject({ prompt: '全口径教育经费。' });
    expect(ws.getCell('F5').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(wb.getWorksheet('封面')!.getCell('B10').value).toBe('海州2026.1');
    const list = wb.getWorksheet('学校清单')!;
    expect(list.getRow(2).values).toEqual([
      undefined,
      '序号',
      '学校',
      '类别',
      '教师数',
      '达标',
      '验收日期',
      '情况说明',
    ]);
    expect(list.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"小学,初中"'] });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' });
  });

  it('checks a compliant district of its own version without a finding', () => {
    const r = check({ name: '东港区', code: '370202' }, [rs, bundledRuleset()]);
    expect(r.rulesetVersion).toBe('海州2026.1');
    expect(at(r)).toEqual([]);
  });

  it('finds what its rules say, at their cells, in their words', () => {
    const r = check(
      {
        name: '西港区',
        code: '370203',
        values: {
          ...GOOD,
          TR01: [1000, 1040, '财力紧张'],
          TR02: [1100, 900],
          DW02: [null, 12],
          DW03: [20, 19.96],
          DW04: [null, 150],
        },
        schools: [
          { ...SCHOOLS[0], 教师数: 8 },
          { ...SCHOOLS[1], 达标: '否', 验收日期: null, 情况说明: '正在改造' },
          { ...SCHOOLS[1], 序号: 3, 达标: '是', 验收日期: null },
        ],
      },
      [rs],
    );
    expect(at(r)).toEqual([
      ['TR01.growth', '投入保障', 'F3', 'warning'],
      ['TR02.le.last', '投入保障', 'E4', 'error'],
      ['DW02.max', '队伍建设', 'F4', 'warning'],
      ['G5', '队伍建设', 'I4', 'notice'],
      ['DW03.min', '队伍建设', 'F5', 'warning'],
      ['G5', '队伍建设', 'I5', 'notice'],
      ['DW04.range', '队伍建设', 'F6', 'notice'],
      ['XX.teachers', '学校清单', 'D3', 'notice'],
      ['XX.unmet', '学校清单', 'E4', 'warning'],
      ['XX.duplicate', '学校清单', 'B5', 'error'],
      ['XX.required', '学校清单', 'F5', 'error'],
    ]);
    expect(find(r, 'TR01.growth')).toMatchObject({
      message: '教育经费总投入为1040万元，比上年增长4.0%，未达到增长5%的要求',
      requirement: '比上年增长不低于5%',
      explained: true,
      explanation: '财力紧张',
    });
    expect(find(r, 'TR02.le.last').message).toBe('上年财政性教育经费（1100万元）大于上年教育经费总投入（1000万元）');
    expect(find(r, 'DW02.max').message).toBe('空编12人，超过10人（占教职工2.40%）');
    expect(find(r, 'DW03.min').message).toBe('研究生学历教师比例为19.96%，未达到20%');
    expect(find(r, 'XX.teachers')).toMatchObject({ indicator: 'XX', message: '一小（小学）教师仅8人' });
    // explained by the 情况说明 of the row it is marked on
    expect(find(r, 'XX.unmet')).toMatchObject({ message: '有1所学校未达标（共3所）', explained: true });
    expect(r.readyToReturn).toBe(false);
  });

  it('money is kept to two decimals of 万元: a third decimal is an error, in an indicator and in a list', () => {
    const doc = otherRulesetDoc();
    doc.listFields.splice(4, 0, { sheet: '学校清单', header: '改造投入', type: 'money', required: '否' });
    const withMoney = compiled(doc);
    const r = check(
      {
        name: '西港区',
        code: '370203',
        values: { ...GOOD, TR01: [1000, 1100.456], TR02: [800.1 + 0.2, 900] },
        schools: [
          { ...SCHOOLS[0], 改造投入: 12.345 },
          { ...SCHOOLS[1], 改造投入: 0.1 + 0.2 },
        ],
      },
      [withMoney],
    );
    expect(at(r)).toEqual([
      ['G3', '投入保障', 'F3', 'error'],
      ['XX.invalid', '学校清单', 'E3', 'error'],
    ]);
    expect(find(r, 'G3').message).toMatch(/1100\.456.*最多保留两位小数/);
    expect(find(r, 'XX.invalid').message).toMatch(/12\.345/);
    expect(find(r, 'XX.invalid').message).toContain('最多两位小数');
    // the rule on TR01 is not drawn from the bad figure
    expect(r.findings.some((f) => f.rule === 'TR01.growth')).toBe(false);
  });

  it('an indicator without its own 达标要求 takes its rules’, in their row order, joined with ；', () => {
    const doc = otherRulesetDoc();
    doc.rules.push({
      id: 'TR02.share',
      target: 'TR02',
      level: '未达标',
      condition: 'TR02 >= TR01 * 0.5',
      requirement: '不低于教育经费总投入的一半',
      message: '{简称}不足教育经费总投入的一半',
    });
    // TR02's error rules come first in the sheet, its requirement after them
    expect(compiled(doc).indicator('TR02')!.requirement).toBe('不超过教育经费总投入；不低于教育经费总投入的一半');
  });

  it('is used from the copy a workbook carries when the checker does not have it', () => {
    const r = check({ name: '东港区', code: '370202', values: { ...GOOD, TR03: [null, '否'] } }, [rs]);
    const carried = checkWorkbook(
      workbookSnapshot(workbook(rs, { name: '东港区', code: '370202', values: { ...GOOD, TR03: [null, '否'] } })),
      [bundledRuleset()],
      { now: TODAY },
    );
    expect(carried.rulesetVersion).toBe('海州2026.1');
    expect(at(carried)).toEqual(at(r));
  });

  it('a carried copy that differs from the checker’s own: a notice at 模板版本, the checker’s own is used', () => {
    const edited = otherRulesetDoc();
    edited.rules[2]!.advice = '稳步提高教育经费总投入。';
    const r = checkWorkbook(workbookSnapshot(workbook(compiled(edited), { name: '东港区', code: '370202' })), [rs], {
      now: TODAY,
    });
    expect(at(r)).toEqual([['TPL.rulesetDiffers', '封面', 'B10', 'notice']]);
  });

  it('a workbook of a version nobody has: one integrity error naming the versions', () => {
    const wb = workbook(rs, { name: '东港区', code: '370202', version: '其他2020.1' });
    wb.removeWorksheet(wb.getWorksheet('_履职评价规则集')!.id);
    const r = checkWorkbook(workbookSnapshot(wb), [rs, bundledRuleset()], { now: TODAY });
    expect(r.status).toBe('not-template');
    expect(at(r)).toEqual([['TPL.noRuleset', '封面', 'B10', 'error']]);
    expect(r.findings[0]!.message).toContain('“海州2026.1”、“2025.1”');
    expect(r.district.name).toBe('东港区');
  });

  it('compares the districts and drafts with the 地区统称', () => {
    const reports = [
      check({ name: '东港区', code: '370202', values: { ...GOOD, TR03: [null, '否'], DW03: [20, 30] } }, [rs]),
      check({ name: '西港区', code: '370203', values: { ...GOOD, TR03: [null, '否'], DW03: [20, 21] } }, [rs]),
      check({ name: '南港区', code: '370204', values: { ...GOOD, TR03: [null, '否'], DW03: [20, 24] } }, [rs]),
    ];
    expect(cityFindings(reports, rs)).toEqual([
      expect.objectContaining({ rule: 'DW03.belowCity', districts: ['西港区'], cityValue: 25 }),
    ]);
    const draft = cityDraft(reports, rs).blocks.map((b) => ('text' in b ? b.text : ''));
    expect(draft).toContain('（一）教育投入保障有差距。各区市均尚未建立生均拨款制度。');
    expect(draft.some((t) => t.includes('西港区研究生学历教师比例低于全市平均（25.0%）'))).toBe(true);
  });

  it('round-trips through its authoring workbook', async () => {
    const bytes = new Uint8Array(await buildRulesetWorkbook(otherRulesetDoc()).xlsx.writeBuffer());
    const { doc, problems } = await readRulesetWorkbook(bytes);
    expect(problems).toEqual([]);
    expect(stripSources(doc!)).toEqual(stripSources(otherRulesetDoc()));
  });
});

describe('a broken ruleset: every problem at its cell', () => {
  const problems = (change: (d: RulesetDoc) => void) => {
    const d = otherRulesetDoc();
    change(d);
    return checkRuleset(d).problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`);
  };
  const rule = (id: string) => (d: RulesetDoc) => d.rules.find((r) => r.id === id)!;

  it.each([
    ['an unknown name', (d: RulesetDoc) => (rule('TR03.yes')(d).condition = 'TR09 = "是"'), '规则!E5 未知的名称“TR09”'],
    [
      'a syntax error',
      (d: RulesetDoc) => (rule('TR03.yes')(d).condition = 'TR03 = = "是"'),
      '规则!E5 表达式第 8 个字符“=”处',
    ],
    [
      '上年() without 上年值',
      (d: RulesetDoc) => (rule('DW02.max')(d).condition = 'DW02 <= 上年(DW02)'),
      'DW02 没有上年值',
    ],
    [
      '[表头] outside a list',
      (d: RulesetDoc) => (rule('DW02.max')(d).condition = '[教师数] > 0'),
      '规则!E6 “[教师数]”只能用在',
    ],
    ['text in arithmetic', (d: RulesetDoc) => (rule('TR03.yes')(d).condition = 'TR03 + 1 > 0'), '文本不能参与算术运算'],
    ['not a yes/no', (d: RulesetDoc) => (rule('TR03.yes')(d).condition = 'TR01 + 1'), '规则!E5 “TR01 + 1”不是条件'],
    [
      'an unknown name in braces',
      (d: RulesetDoc) => (rule('TR03.yes')(d).message = '{地市}未建立'),
      '规则!H5 “{地市}”',
    ],
    ['a failing example', (d: RulesetDoc) => (rule('TR03.yes')(d).passExample = 'TR03="否"'), '规则!M5 满足示例'],
    ['an unknown sheet', (d: RulesetDoc) => (d.indicators[0]!.sheet = '投入'), '指标!B2 “投入”不是'],
    ['a bad parameter', (d: RulesetDoc) => (d.params[1]!.value = '十'), '参数!B3 参数“空编上限”的值应为数字'],
    ['a negative 容差', (d: RulesetDoc) => (d.comparisons[0]!.tolerance = '-1'), '全市比较!F2 容差“-1”不能为负数'],
    [
      '可选值 on a field that is no 选项',
      (d: RulesetDoc) => (d.listFields[1]!.options = '一小、一中'),
      '清单字段!E3 “学校”的类型不是选项，“可选值”不起作用',
    ],
  ])('%s', (_label, change, says) => {
    expect(problems(change).join('\n')).toContain(says);
  });

  it('reports every problem at once, and is not used', () => {
    const d = otherRulesetDoc();
    d.rules[2]!.condition = 'TR09 > 0';
    d.rules[3]!.level = '严重';
    d.indicators[1]!.type = '金额';
    const { ruleset, problems: found } = checkRuleset(d);
    expect(ruleset).toBeNull();
    expect(found.map((p) => `${p.sheet}!${p.cell}`)).toEqual(expect.arrayContaining(['规则!E4', '规则!D5', '指标!G3']));
  });
});

describe('反馈文书: the drafts’ fixed wording from the ruleset', () => {
  it('replaces the wording it names and keeps the defaults of the rest; an unknown item is a warning', () => {
    const doc = otherRulesetDoc();
    doc.wording = [
      { label: '全市报告标题', text: '{城市}{年度}区市政府履行教育职责评价报告' },
      { label: '主送', text: '{地区}党委、政府：' },
      { label: '不存在的项目', text: 'x' },
    ];
    const { ruleset, problems } = checkRuleset(doc);
    expect(problems.map((p) => [p.level, `${p.sheet}!${p.cell}`])).toEqual([['warning', '反馈文书!A4']]);
    const rs = ruleset!;
    const r = check({ name: '东港区', code: '370202' }, [rs]);
    expect(cityDraft([r, check({ name: '西港区', code: '370203' }, [rs])], rs).title).toBe(
      '海州市2026年度区市政府履行教育职责评价报告',
    );
    const letter = districtDraft(r, rs);
    expect(letter.blocks[1]).toEqual({ style: 'salutation', text: '东港区党委、政府：' });
    expect(letter.title).toBe('关于东港区2026年度履行教育职责评价的反馈意见（初稿）');
    // the ruleset's 发布单位 and 评价依据 in the opening and the 落款
    const text = letter.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain(
      '根据《海州市区县政府履行教育职责评价实施办法》（海政办发〔2026〕3号），海州市人民政府教育督导委员会办公室',
    );
    expect(letter.blocks.filter((b) => b.style === 'signature')[0]).toEqual({
      style: 'signature',
      text: '海州市人民政府教育督导委员会办公室',
    });
  });
});
