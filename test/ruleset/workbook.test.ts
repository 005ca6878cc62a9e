/**
 * The authoring workbook of a ruleset (src/hosts/file/rulesetWorkbook.ts) against spec/RULESET.md,
 * and the JSON Schema of the JSON form (src/rulesets/ruleset.schema.json).
 */
import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TABLES, stripSources, type RulesetDoc } from '../../src/core/ruleset/doc';
import { buildRulesetWorkbook, readRulesetWorkbook } from '../../src/hosts/file/rulesetWorkbook';
import schema from '../../src/rulesets/ruleset.schema.json';

const FIXTURE: RulesetDoc = {
  ruleset: {
    version: '测试2026.10',
    name: '县级人民政府履行教育职责评价指标（测试版）',
    issuer: '××市人民政府教育督导委员会办公室',
    collective: '各区市',
  },
  sheets: [
    { name: '填报说明', kind: '说明' },
    { name: '基本信息', kind: '基本信息', title: '基本信息', filledBy: '县级教育行政部门' },
    { name: '教育经费', kind: '指标', title: '一、教育经费保障', filledBy: '县级财政部门', area: '教育经费保障' },
    { name: '学校明细', kind: '清单', title: '义务教育学校明细', area: '办学条件', code: 'XX' },
  ],
  areas: [
    { name: '教育经费保障', problem: '教育经费保障政策落实不到位', advice: '依法落实教育经费投入责任。' },
    { name: '办学条件', problem: '办学条件仍有短板' },
  ],
  indicators: [
    {
      id: 'JF01',
      sheet: '教育经费',
      group: '经费投入',
      name: '一般公共预算教育支出（万元）',
      unit: '万元',
      type: 'money',
      hasLast: true,
      definition: '按决算口径填报。',
    },
    {
      id: 'JF02',
      sheet: '教育经费',
      group: '经费投入',
      name: '其中：生均公用经费（元）',
      unit: '元',
      shortName: '生均公用经费',
      type: '元',
      hasLast: false,
      requirement: '比上年增长{经费增长要求}%以上',
    },
    { id: 'JF03', sheet: '教育经费', name: '是否制定经费保障办法', type: 'yesno' },
  ],
  listFields: [
    { sheet: '学校明细', header: '学校名称', type: 'text', required: '是', unique: true },
    { sheet: '学校明细', header: '班级数', type: 'count', required: '是', unique: false },
    { sheet: '学校明细', header: '学段', type: '选项', required: '[班级数] > 0', options: '小学、初中' },
  ],
  params: [
    { name: '经费增长要求', value: 5, description: '一般公共预算教育支出增幅' },
    { name: 'JF01.ratio', value: 0.1 },
  ],
  rules: [
    {
      id: 'JF01.growth',
      target: 'JF01',
      level: '未达标',
      condition: '增长率(JF01) >= 经费增长要求',
      requirement: '比上年增长{经费增长要求}%以上',
      message: '{简称}为{本年值}万元，比上年增长{增长率(JF01)}%，未达到增长{经费增长要求}%的要求',
      citySentence: '{地区}{均}未实现一般公共预算教育支出增长{经费增长要求}%的要求',
      strength: '{简称}比上年增长{增长率(JF01)}%',
      advice: '加大教育投入。',
      basis: '《中华人民共和国教育法》',
      passExample: '上年(JF01)=100; JF01=106',
      failExample: '上年(JF01)=100; JF01=98',
    },
    { id: 'JF02.positive', target: 'JF02', level: '错误', condition: 'JF02 > 0', markColumn: '本年值' },
    { id: 'JF03.yes', target: 'JF03', level: '提示', condition: 'JF03 = "是"', failExample: 'JF03="否"' },
    {
      id: 'schools.classes',
      target: '学校明细',
      scope: '每行',
      level: '错误',
      condition: '[班级数] <= 200',
      markColumn: '班级数',
      message: '班级数为{[班级数]}，超过 200',
      passExample: '[班级数]=10',
      failExample: '[班级数]=300',
    },
  ],
  comparisons: [
    {
      id: 'JF01.city',
      indicator: 'JF01',
      mode: '低于全市',
      cityValue: '全市合计(JF01)/10',
      tolerance: '0.5',
      sentence: '{地区}一般公共预算教育支出低于全市平均水平{全市值}万元',
    },
  ],
};

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function roundTrip(doc: RulesetDoc): Promise<Awaited<ReturnType<typeof readRulesetWorkbook>>> {
  return readRulesetWorkbook(await bytesOf(buildRulesetWorkbook(doc)));
}

/** A workbook written by hand: each sheet given as rows of cell values from A1. */
async function handWorkbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  return bytesOf(wb);
}

const META_ROWS: ExcelJS.CellValue[][] = [
  ['规则集版本', '2025.1'],
  ['名称', '测试'],
];
const TABLE_SHEETS = {
  工作表: [['工作表名称', '类型']],
  反馈领域: [['领域']],
  指标: [['指标编号']],
  规则: [['规则编号']],
};
const MINIMAL = { 规则集: META_ROWS, ...TABLE_SHEETS };

describe('round trip', () => {
  test('a ruleset comes back from its authoring workbook unchanged', async () => {
    const { doc, problems } = await roundTrip(FIXTURE);
    expect(problems).toEqual([]);
    expect(doc).not.toBeNull();
    expect(stripSources(doc!)).toEqual(stripSources(FIXTURE));
  });

  test('text beginning with “=” stays text; empty optional strings come back absent', async () => {
    const doc = structuredClone(FIXTURE);
    doc.rules[1]!.condition = '=JF02 > 0';
    doc.rules[1]!.basis = '';
    const { doc: back } = await roundTrip(doc);
    expect(back!.rules[1]!.condition).toBe('=JF02 > 0');
    expect(back!.rules[1]).not.toHaveProperty('basis');
  });

  test('the workbook has the instructions, the layout, dropdowns and print setup', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(buildRulesetWorkbook(FIXTURE))) as unknown as ArrayBuffer);
    // a ruleset without 反馈文书 gets no such sheet (its drafts use the default wording)
    const sheets = TABLES.filter((t) => t.prop !== 'wording').map((t) => t.layout.sheet);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['填写说明', '规则集', ...sheets]);
    const instructions: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((row) => row.eachCell((c) => instructions.push(String(c.value))));
    expect(instructions.join('\n')).toContain('duty-review ruleset check 文件.xlsx');
    expect(instructions.join('\n')).toContain('COUNTROWS(清单[, 条件])');

    const meta = wb.getWorksheet('规则集')!;
    expect(meta.getCell('A2').value).toBe('规则集版本');
    expect(meta.getCell('B2').value).toBe('测试2026.10');
    expect(String(meta.getCell('C2').value)).toMatch(/^必填/);
    expect(String(meta.getCell('C4').value)).toMatch(/^选填/);

    const rules = wb.getWorksheet('规则')!;
    expect(rules.getCell('A1').value).toBe('规则编号');
    expect(rules.getCell('A1').font.bold).toBe(true);
    expect(rules.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rules.autoFilter).toBeTruthy();
    expect(rules.getColumn(5).width).toBe(44);
    expect(rules.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(rules.getCell('D1000').dataValidation).toMatchObject({ type: 'list', formulae: ['"错误,未达标,提示"'] });
    expect(rules.getCell('C2').dataValidation).toMatchObject({ formulae: ['"每行,整表"'] });
    const indicators = wb.getWorksheet('指标')!;
    expect(indicators.getCell('H2').value).toBe('是');
    expect(indicators.getCell('H3').value).toBe('否');
    expect(indicators.getCell('H4').value).toBeNull();
    expect(indicators.getCell('H500').dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    expect(wb.getWorksheet('工作表')!.getCell('B2').dataValidation).toMatchObject({
      formulae: ['"说明,基本信息,指标,清单"'],
    });
    expect(wb.getWorksheet('全市比较')!.getCell('C2').dataValidation).toMatchObject({
      formulae: ['"低于全市,全市最高,全市最低,全市成效"'],
    });
    expect(wb.getWorksheet('参数')!.getCell('B2').value).toBe(5);
  });
});

describe('reading', () => {
  test('columns are found by header in any order, extra columns ignored, positions recorded', async () => {
    const data = await handWorkbook({
      备注: [['办公室自己的说明']],
      规则集: [
        ['项目', '内容'],
        ['名称：', '测试体系'],
        [' 规则集版本 ', 2025.1],
        ['联系人', '张三'],
      ],
      工作表: [
        ['类型', '办公室备注', '工作表名称'],
        ['说明', '不读取', '填报说明'],
        ['基本信息', null, '基本信息'],
      ],
      反馈领域: [['领域']],
      ' 指标 ': [
        ['上年值', '名称备注', '指标名称', '类型', '指标　编号', '工作表'],
        ['是', 'x', { richText: [{ text: '一般公共预算' }, { text: '教育支出' }] }, 'money', 'JF01', '教育经费'],
        [null, null, null, null, null, '空编号的行不读取'],
        [false, null, { formula: '"生均"&"经费"', result: '生均经费' }, '元', 'JF02', '教育经费'],
      ],
      参数: [
        ['说明', '值', '参数'],
        ['增幅', 0.1, '经费增长要求'],
        [null, '１．５', 'p2'],
        [null, '约5', 'p3'],
        [null, new Date(Date.UTC(2025, 0, 31)), 'p4'],
      ],
      规则: [['规则编号']],
      全市比较: [
        ['容差', '编号', '指标编号', '方式', '表述'],
        [0.30000000000000004, 'C1', 'JF01', '低于全市', { text: '见文件', hyperlink: 'https://example.org' }],
      ],
    });
    const { doc, problems } = await readRulesetWorkbook(data);
    expect(problems).toEqual([]);
    expect(doc!.ruleset).toEqual({ version: '2025.1', name: '测试体系' });
    expect(doc!._metaSource).toEqual({ 名称: 'B2', 规则集版本: 'B3' });
    expect(doc!.sheets).toEqual([
      { name: '填报说明', kind: '说明', _source: { row: 2, cols: { name: 'C', kind: 'A' } } },
      { name: '基本信息', kind: '基本信息', _source: { row: 3, cols: { name: 'C', kind: 'A' } } },
    ]);
    const cols = { id: 'E', sheet: 'F', name: 'C', type: 'D', hasLast: 'A' };
    expect(doc!.indicators).toEqual([
      {
        id: 'JF01',
        sheet: '教育经费',
        name: '一般公共预算教育支出',
        type: 'money',
        hasLast: true,
        _source: { row: 2, cols },
      },
      { id: 'JF02', sheet: '教育经费', name: '生均经费', type: '元', hasLast: false, _source: { row: 4, cols } },
    ]);
    expect(stripSources(doc!).params).toEqual([
      { name: '经费增长要求', value: 0.1, description: '增幅' },
      { name: 'p2', value: 1.5 },
      { name: 'p3', value: '约5' },
      { name: 'p4', value: '2025-01-31' },
    ]);
    expect(stripSources(doc!).comparisons).toEqual([
      { id: 'C1', indicator: 'JF01', mode: '低于全市', tolerance: '0.3', sentence: '见文件' },
    ]);
    expect(doc!.areas).toEqual([]);
    expect(doc!.listFields).toEqual([]);
  });

  test('missing sheets and key headers are reported at sheet!A1', async () => {
    const data = await handWorkbook({
      规则集: META_ROWS,
      工作表: [['工作表名称', '类型']],
      反馈领域: [
        ['问题表述', '整改意见'],
        ['x', 'y'],
      ],
      指标: [['指标编号']],
    });
    const { doc, problems } = await readRulesetWorkbook(data);
    expect(problems).toEqual([
      { level: 'error', sheet: '反馈领域', cell: 'A1', message: '工作表“反馈领域”第 1 行找不到表头“领域”' },
      { level: 'error', sheet: '规则', cell: 'A1', message: '缺少工作表“规则”' },
    ]);
    expect(doc!.areas).toEqual([]);
    expect(doc!.rules).toEqual([]);
    expect(doc!.comparisons).toEqual([]);
  });

  test('a missing 规则集 sheet is reported', async () => {
    const { doc, problems } = await readRulesetWorkbook(await handWorkbook(TABLE_SHEETS));
    expect(problems).toEqual([{ level: 'error', sheet: '规则集', cell: 'A1', message: '缺少工作表“规则集”' }]);
    expect(doc).not.toBeNull();
  });

  test('anything but 是 or 否 under 上年值 is reported at its cell', async () => {
    const data = await handWorkbook({
      ...MINIMAL,
      指标: [
        ['指标编号', '上年值'],
        ['JF01', '是'],
        ['JF02', '有'],
      ],
    });
    const { doc, problems } = await readRulesetWorkbook(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'error', sheet: '指标', cell: 'B3' });
    expect(problems[0]!.message).toContain('应填写“是”或“否”');
    expect(stripSources(doc!).indicators).toEqual([{ id: 'JF01', hasLast: true }, { id: 'JF02' }]);
  });

  test.each([
    ['garbage bytes', async () => new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['an empty file', async () => new Uint8Array()],
    ['a truncated workbook', async () => (await bytesOf(buildRulesetWorkbook(FIXTURE))).slice(0, 3000)],
    [
      'a zip that is no workbook',
      async () => await new JSZip().file('a.txt', 'x').generateAsync({ type: 'uint8array' }),
    ],
  ])('%s: one problem, no document, no throw', async (_name, make) => {
    const { doc, problems } = await readRulesetWorkbook(await make());
    expect(doc).toBeNull();
    expect(problems).toEqual([{ level: 'error', sheet: '', cell: '', message: '规则集文件不是有效的 .xlsx 工作簿' }]);
  });
});

describe('JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(schema);

  test('accepts the fixture and rejects an unknown 级别', () => {
    expect(validate({ $schema: schema.$id, ...FIXTURE })).toBe(true);
    const bad = structuredClone(FIXTURE);
    bad.rules[0]!.level = '严重';
    expect(validate(bad)).toBe(false);
    expect(validate({ ...FIXTURE, extra: 1 })).toBe(false);
  });

  test('accepts positions as read from a workbook', async () => {
    const { doc } = await roundTrip(FIXTURE);
    expect(validate(doc)).toBe(true);
  });

  test('titles are the headers of the authoring workbook', () => {
    const defs = schema.$defs as unknown as Record<string, { properties: Record<string, { title?: string }> }>;
    const defOf: Record<string, string> = {
      sheets: 'sheet',
      areas: 'area',
      indicators: 'indicator',
      listFields: 'listField',
      params: 'param',
      rules: 'rule',
      comparisons: 'comparison',
      wording: 'wording',
    };
    for (const t of TABLES) {
      const props = defs[defOf[t.prop]!]!.properties;
      for (const c of t.layout.columns)
        expect([t.prop, c.field, props[c.field]?.title]).toEqual([t.prop, c.field, c.header]);
    }
  });
});

test('the bundled ruleset 2025.1 is valid and survives its authoring workbook', async () => {
  const file = path.join(__dirname, '../../src/rulesets/2025.1.json');
  const { $schema, ...doc } = JSON.parse(fs.readFileSync(file, 'utf8')) as RulesetDoc & { $schema?: string };
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  expect([validate({ $schema, ...doc }), validate.errors]).toEqual([true, null]);
  const { doc: back, problems } = await roundTrip(doc);
  expect(problems).toEqual([]);
  expect(stripSources(back!)).toEqual(stripSources(doc));
});
