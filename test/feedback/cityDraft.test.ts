import { cityDraft } from '../../src/core/feedback/city';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { AREA_PHRASES } from '../fixtures/ruleset2025';
import { validate } from '../../src/core/validate';
import type { Draft, DraftBlock, Report } from '../../src/core/types';
import { preschool, report, texts, type DistrictSpec, section } from './helpers';

function annex(draft: Draft): Extract<DraftBlock, { style: 'table' }> {
  const t = draft.blocks.find((b): b is Extract<DraftBlock, { style: 'table' }> => b.style === 'table');
  if (!t) throw new Error('no annex table');
  return t;
}

const SPECS: DistrictSpec[] = [
  // given out of code order on purpose
  { name: '乳山市', code: '371083', rows: { JF16: { F: 2500 }, AQ06: { F: 28 }, ...preschool(10000, 5200, 3000) } },
  {
    name: '文登区',
    code: '371003',
    rows: {
      JF02: { F: 127440, I: '受财政收入下降影响' },
      JF16: { F: 2600 },
      AQ06: { F: 28 },
      ...preschool(20000, 9000, 9000),
    },
    rectification: [['市级评价', '大班额问题', '新建学校', '推进中', '2025-12-31', '']],
  },
  // JF16 below 90% but JF15 is stored as text: the warning is void
  { name: '高区', code: '371071', rows: { JF15: { F: '3,000' }, JF16: { F: 2000 }, AQ06: { F: 28 } } },
  {
    name: '环翠区',
    code: '371002',
    rows: { AQ06: { F: 29 }, JF01: { F: 125000 }, ...preschool(10000, 7000, 2000) },
  },
  {
    name: '经区',
    code: '371072',
    rows: { JF16: { F: 2000 }, AQ06: { F: 28 }, XS01: { F: 61 }, ...preschool(5000, 3000, 1500) },
  },
];

const notTemplate = validate({ sheets: [{ name: 'Sheet1', rows: [[{ v: '其他表格' }]] }] }, DEFAULT_RULESET);
const reports: Report[] = [...SPECS.map((s) => report(s)), notTemplate];
const draft = cityDraft(reports, DEFAULT_RULESET, { cityName: '威海市' });

describe('cityDraft', () => {
  it('has the title and consecutive sections', () => {
    expect(draft.title).toBe('关于威海市各县（市、区）2024年度履行教育职责评价情况的报告（初稿）');
    // without a name given, the city is the 所属地市 the workbooks report
    expect(cityDraft(reports, DEFAULT_RULESET).title).toBe(
      '关于威海市各县（市、区）2024年度履行教育职责评价情况的报告（初稿）',
    );
    const noCity = reports.map((r) => ({ ...r, district: { ...r.district, city: '' } }));
    expect(cityDraft(noCity, DEFAULT_RULESET).title).toBe(
      '关于各县（市、区）2024年度履行教育职责评价情况的报告（初稿）',
    );
    expect(texts(draft.blocks, 'h1')).toEqual([
      '一、总体情况',
      '二、主要成效',
      '三、存在的主要问题',
      '四、整改意见',
      '五、有关要求',
    ]);
    expect(draft.blocks.filter((b) => b.style === 'annex')).toHaveLength(1);
  });

  it('sums up the batch: districts by code, skipped files, warnings, errors', () => {
    // warnings: 环翠区 AQ06; 文登区 JF02, JF16, XQ06.min, AQ06, ZG; 高区 AQ06; 经区 JF16, AQ06; 乳山市 JF16, AQ06
    expect(section(draft, '总体情况')).toEqual([
      '本年度参加评价的县（市、区）共5个：环翠区、文登区、高区、经区、乳山市。另有1份文件不是本年度的标准填报表，未纳入评价。评价发现未达到要求的问题11项次，涉及5项评价要求。填报数据中需核实更正的有高区1处，相关指标暂不作结论。',
    ]);
  });

  it('says what the city achieved by area: totals, the change on last year, the best district', () => {
    expect(section(draft, '主要成效')).toEqual([
      // JF01 4 × 110000 + 125000 = 565000 万元, last year 500000: +13.0%; JF02 4 × 135000 + 127440 = 667440
      // 万元 over 600000: +11.2%; the payment rate is not said: 高区's JF15 is in error
      '（一）教育投入持续加大，经费保障政策有效落实。各县（市、区）坚持把教育作为财政支出的重点领域优先保障，经费投入和管理使用进一步规范。全市一般公共预算教育支出56.5亿元，比上年增长13.0%，其中环翠区比上年增长25.0%，增幅居全市首位。全市一般公共预算和政府性基金预算安排的教育经费66.74亿元，比上年增长11.2%。',
      // 5 × 115 new teachers, 5 × 100 leaving; 720 / 800 and 760 / 800
      '（二）教师队伍建设不断加强，待遇保障逐步落实。各县（市、区）多渠道补充教师，加强教师培养培训，教师工资待遇政策逐步落实。全市新补充教师575人，多于自然减员数（500人），总体实现“退补相当”；全市幼儿园专任教师专科及以上学历比例为90.0%、持证上岗率为95.0%。',
      // 36200 / 65000 = 55.7% this year, 35200 / 65000 = 54.2% last year
      '（三）学前教育普及普惠水平稳步提升。各县（市、区）持续扩大普惠性学前教育资源，公办园和普惠性民办园协调发展。全市普惠性幼儿园覆盖率为87.2%。全市公办园在园幼儿占比为55.7%，比上年提高1.5个百分点，其中环翠区为70%，居全市首位。',
      // 10500 / (15000 + 10500)
      '（四）高中阶段教育协调发展。全市统筹普通高中和中等职业教育发展，高中阶段教育结构进一步优化。全市中等职业学校招生10500人，占高中阶段招生总数的41.2%，职普比例大体相当。',
      '（五）学生身心健康工作持续加强。各县（市、区）坚持健康第一的教育理念，落实学生体质健康监测和近视防控措施。经区国家学生体质健康标准测试优良率为61%，居全市首位。',
      // clinics are not all set up (AQ06): nothing said of them; 300000 students / 625
      '（六）校园安全与卫生保障水平不断提高。各县（市、区）压实校园安全责任，加强学校卫生室建设和卫生专业技术人员配备。全市配备专职卫生专业技术人员625人，生员比为480∶1。',
      '（七）教育治理和规范办学水平不断提升。各县（市、区）依法规范办学行为，持续加强校外培训治理。全市依法查处校外培训违法违规行为行政处罚案件15起。',
      // every district at 100% 课后服务: nobody is singled out
    ]);
  });

  it('states a city total over the districts whose figures are sound, saying which is left out', () => {
    const doubted = cityDraft(
      [
        report({ name: '环翠区', code: '371002' }),
        // ten times last year's: a notice on the value, so its figure is left out of the city's sum
        report({ name: '文登区', code: '371003', rows: { JF01: { E: 10000, F: 200000 } } }),
        report({ name: '乳山市', code: '371083', rows: { JF01: { E: 100000, F: 120000 } } }),
      ],
      DEFAULT_RULESET,
    );
    // JF01 over 环翠区 and 乳山市: 110000 + 120000 = 23亿元 against 200000, +15.0%; the best growth
    // of the districts not in doubt continues it; JF02 and JF16 over all three
    expect(section(doubted, '主要成效')[0]).toBe(
      '（一）教育投入持续加大，经费保障政策有效落实。各县（市、区）坚持把教育作为财政支出的重点领域优先保障，经费投入和管理使用进一步规范。全市一般公共预算教育支出23亿元，比上年增长15.0%（不含数据待核实的文登区），其中乳山市比上年增长20.0%，增幅居全市首位。全市一般公共预算和政府性基金预算安排的教育经费40.5亿元，比上年增长12.5%；全市上级下达的教育专项资金当年支付率为96.7%。',
    );
    // 文登区 is named only as left out, never praised
    expect(section(doubted, '主要成效').join('').replace('（不含数据待核实的文登区）', '')).not.toContain('文登区');
  });

  it('states no city total over fewer than two sound districts', () => {
    const two = cityDraft(
      [
        report({ name: '环翠区', code: '371002' }),
        report({ name: '文登区', code: '371003', rows: { JF01: { E: 10000, F: 200000 } } }),
      ],
      DEFAULT_RULESET,
    );
    expect(section(two, '主要成效').join('')).not.toContain('全市一般公共预算教育支出');
  });

  it('writes one sentence per rule naming every district breaking it, by code, or 各地区均', () => {
    expect(section(draft, '存在的主要问题')).toEqual([
      '（一）教育经费保障政策落实不到位。文登区未实现一般公共预算和政府性基金预算安排的教育经费比上年增长10%的要求；文登区、经区、乳山市上级教育专项资金支付率未达到90%。',
      // XQ05 (18000+9000+17000+4500+8200)/65000 = 87.2; XQ06 55.7
      // the comparison first, then who of those districts misses the requirement: each named once
      '（二）学前教育普及普惠水平有待提高。高区、乳山市普惠性幼儿园覆盖率低于全市平均水平（87.2%）；文登区、乳山市公办园在园幼儿占比低于全市平均水平（55.7%），其中文登区公办园在园幼儿占比未达到50%。',
      '（三）校园安全与学校卫生存在薄弱环节。各县（市、区）均未按要求设全学校卫生室（保健室）。',
      '（四）上年度反馈问题整改不到位。文登区上年度反馈问题整改尚未全部完成。',
      '各县（市、区）存在的具体问题及评价结果将专门印发书面反馈意见。',
    ]);
  });

  it('says once what the same districts miss: a list with the shared subject said once', () => {
    const one = cityDraft(
      [
        report({ name: '环翠区', code: '371002' }),
        report({ name: '文登区', code: '371003', rows: { JS07: { F: 600 }, JS08: { F: 600 } } }),
      ],
      DEFAULT_RULESET,
    );
    expect(section(one, '存在的主要问题')[0]).toBe(
      '（一）教师队伍建设和待遇保障仍有短板。文登区幼儿园专任教师专科及以上学历比例未达到80%、持证上岗率未达到85%。',
    );
  });

  it('puts the comparison with the city first, then what the same districts also miss, then who of them', () => {
    // 文登区 and 荣成市 below the city's share and below 50%; 荣成市 also lower than last year
    const batch = [
      report({ name: '环翠区', code: '371002', rows: preschool(10000, 8000, 500) }),
      report({ name: '文登区', code: '371003', rows: preschool(10000, 4500, 4000) }),
      report({
        name: '荣成市',
        code: '371082',
        rows: {
          ...preschool(10000, 4000, 4500),
          XQ03: { E: 4200, F: 4000 },
          XQ04: { E: 4300, F: 4500 },
          XQ06: { E: 42, F: 40 },
        },
      }),
    ];
    expect(section(cityDraft(batch, DEFAULT_RULESET), '存在的主要问题')[0]).toBe(
      // (8000 + 4500 + 4000) / 30000 = 55.0
      '（一）学前教育普及普惠水平有待提高。文登区、荣成市公办园在园幼儿占比低于全市平均水平（55.0%），且均未达到50%，其中荣成市公办园在园幼儿占比不升反降。',
    );
  });

  it('lists the districts instead of 各地区 when one district meets the rule', () => {
    const some = cityDraft(
      SPECS.map((s) => report(s.name === '环翠区' ? { ...s, rows: { ...s.rows, AQ06: { F: 30 } } } : s)),
      DEFAULT_RULESET,
    );
    expect(section(some, '存在的主要问题')).toContain(
      '（三）校园安全与学校卫生存在薄弱环节。文登区、高区、经区、乳山市未按要求设全学校卫生室（保健室）。',
    );
  });

  it('names every district sharing first place', () => {
    const tie = cityDraft(
      [
        report({ name: '环翠区', code: '371002', rows: { XS01: { F: 61 } } }),
        report({ name: '文登区', code: '371003' }),
        report({ name: '乳山市', code: '371083', rows: { XS01: { F: 61 } } }),
      ],
      DEFAULT_RULESET,
    );
    expect(section(tie, '主要成效')).toContain(
      '（五）学生身心健康工作持续加强。各县（市、区）坚持健康第一的教育理念，落实学生体质健康监测和近视防控措施。环翠区、乳山市国家学生体质健康标准测试优良率为61%，居全市首位。',
    );
  });

  it('names nobody when more than three districts share first place', () => {
    const many = cityDraft(
      [
        report({ name: '环翠区', code: '371002', rows: { XS01: { F: 61 } } }),
        report({ name: '文登区', code: '371003', rows: { XS01: { F: 61 } } }),
        report({ name: '高区', code: '371071', rows: { XS01: { F: 61 } } }),
        report({ name: '荣成市', code: '371082', rows: { XS01: { F: 61 } } }),
        report({ name: '乳山市', code: '371083' }),
      ],
      DEFAULT_RULESET,
    );
    const strengths = section(many, '主要成效').join('');
    expect(strengths).not.toContain('国家学生体质健康标准测试优良率均为61%');
  });

  it('recommends for each area of part 三 and closes with the requirement', () => {
    const areas = ['funding', 'preschool', 'safety', 'rectification'] as const;
    // each area's action heading, then the advice of the rules broken there
    expect(section(draft, '整改意见')).toEqual([
      '（一）加大教育投入，保障教育经费政策落实。加大财政教育投入力度，确保一般公共预算和政府性基金预算安排的教育经费比上年增长10%以上；加快上级教育专项资金预算执行进度，确保当年支付率达到90%以上。',
      '（二）扩大普惠资源，推进学前教育普及普惠发展。新建、改扩建一批公办幼儿园，使公办园在园幼儿占比达到50%以上。',
      '（三）压实安全责任，筑牢校园安全与卫生防线。按《学校卫生工作条例》为应设卫生室（保健室）的学校全部设立卫生室（保健室）。',
      '（四）压实整改责任，确保反馈问题整改到位。对未完成整改的问题逐项明确责任单位和完成时限，加快推进，按期销号。',
    ]);
    expect(
      areas.map((a) => section(draft, '整改意见').some((t) => t.includes(AREA_PHRASES[a].recommendation))),
    ).toEqual([true, true, true, true]);
    expect(section(draft, '有关要求')).toEqual([
      '各县（市、区）要针对本报告提出的问题，举一反三、全面排查，结合书面反馈意见，自收到之日起30个工作日内制定整改措施并认真整改。整改落实情况将作为2025年度履行教育职责评价的重要内容。',
      '附件：各县（市、区）未达到评价要求的问题清单',
    ]);
  });

  it('annexes a 问题清单 (地区 | 指标 | 本年值 | 要求): every conclusive warning, districts by code', () => {
    const t = annex(draft);
    expect(t.header).toEqual(['地区', '指标', '本年值', '要求']);
    const AQ06 = (v: number) => ['已设卫生室（保健室）的学校数', `${v}所`, '应设卫生室（保健室）的学校全部设立'];
    const JF16 = (v: number) => ['上级下达教育专项资金中当年已支付金额', `${v}万元`, '支付率不低于90%'];
    expect(t.rows).toEqual([
      ['环翠区', ...AQ06(29)],
      // the district's figure as typed, not rewritten in 亿元
      ['文登区', '一般公共预算和政府性基金预算安排的教育经费', '127440万元', '比上年增长不低于10%'],
      ['文登区', ...JF16(2600)],
      ['文登区', '公办园在园幼儿占比', '45%', '不低于50%'],
      ['文登区', ...AQ06(28)],
      [
        '文登区',
        '上年度反馈问题整改',
        '共1项，已完成0项，未完成的有“大班额问题”（推进中，计划2025年12月31日前完成）',
        '上年度反馈问题全部整改完成',
      ],
      ['高区', ...AQ06(28)],
      ['经区', ...JF16(2000)],
      ['经区', ...AQ06(28)],
      ['乳山市', ...JF16(2500)],
      ['乳山市', ...AQ06(28)],
    ]);
    // no indicator codes in a document for officials
    expect(t.rows.flat().join('')).not.toMatch(/[A-Z]{2}\d{2}/);
  });

  it('drafts from a batch without a warning', () => {
    const clean = cityDraft(
      [report({ name: '环翠区', code: '371002' }), report({ name: '文登区', code: '371003' })],
      DEFAULT_RULESET,
    );
    expect(texts(clean.blocks, 'h1')).toEqual(['一、总体情况', '二、主要成效', '三、存在的主要问题', '四、有关要求']);
    expect(section(clean, '存在的主要问题')).toEqual(['各项评价要求均已达到。']);
    expect(clean.blocks.some((b) => b.style === 'table')).toBe(false);
  });
});
