import { cityFindings } from '../../src/core/city';
import { districtDraft } from '../../src/core/feedback/district';
import { draftToText } from '../../src/core/feedback/text';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { AREA_PHRASES } from '../fixtures/ruleset2025';
import { WORDING } from '../../src/core/feedback/phrases';
import { RULES } from '../fixtures/ruleset2025';
import type { Draft, Report } from '../../src/core/types';
import { preschool, report, texts, section } from './helpers';

/** Indicators and 清单 that have a requirement (at least one warning rule): 60 indicators and 问题整改. */
const EVALUABLE = new Set(RULES.filter((r) => r.level === 'warning').map((r) => r.indicator)).size;

const NOW = new Date(2025, 5, 20);
const draftOf = (r: Report): Draft => districtDraft(r, DEFAULT_RULESET, { now: NOW });

describe('districtDraft: a district that meets every requirement', () => {
  const r = report({ name: '环翠区', code: '371002' });
  const draft = draftOf(r);

  it('has the title and consecutive sections, with no 整改意见 when nothing is to be rectified', () => {
    expect(r.counts).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(draft.title).toBe('关于环翠区2024年度履行教育职责评价的反馈意见（初稿）');
    expect(draft.blocks.slice(0, 3)).toEqual([
      { style: 'title', text: draft.title },
      { style: 'salutation', text: '环翠区人民政府：' },
      {
        style: 'body',
        text: '根据履行教育职责评价工作有关规定，市人民政府教育督导委员会办公室组织开展了环翠区2024年度履行教育职责评价工作。在环翠区自评的基础上，经材料审核和数据复核，现将评价意见反馈如下。',
      },
    ]);
    expect(draft.blocks.filter((b) => b.style === 'signature').map((b) => 'text' in b && b.text)).toEqual([
      '市人民政府教育督导委员会办公室',
      '2025年6月20日',
    ]);
    expect(texts(draft.blocks, 'h1')).toEqual(['一、总体情况', '二、主要成效', '三、存在的主要问题', '四、有关要求']);
  });

  it('counts the indicators evaluated', () => {
    expect(EVALUABLE).toBe(61);
    expect(section(draft, '总体情况')).toEqual(['本次评价涉及有达标要求的指标61项，环翠区均达到要求。']);
  });

  it('names five strengths with their figures, the widest margin first, each after what its area achieved', () => {
    expect(section(draft, '主要成效')).toEqual([
      '环翠区认真履行教育职责，以下方面成效明显：',
      // 150 / 1000 against 10%: margin 0.5
      '一是教师队伍建设不断加强，待遇保障逐步落实。义务教育教师交流轮岗比例为15.0%，高出10%的要求5.0个百分点。',
      // a fall of 1.5 points against 1: margin 0.5
      '二是学生身心健康工作持续加强。儿童青少年总体近视率为48.5%，比上年（50%）下降1.5个百分点，超过每年下降1个百分点的要求。',
      // growth 12.5% against 10%: margin 0.25
      '三是教育投入持续加大，经费保障政策有效落实。一般公共预算和政府性基金预算安排的教育经费135000万元，比上年增长12.5%，高于增长10%的要求。',
      // 60000 / 125 = 480 against 600: margin 0.25
      '四是校园安全与卫生保障水平不断提高。专职卫生专业技术人员125人，生员比为480∶1，优于600∶1的配备要求。',
      // 60 against 50: margin 0.2
      '五是学前教育普及普惠水平稳步提升。公办园在园幼儿占比为60%，高出50%的要求10个百分点。',
    ]);
  });

  it('says plainly that no problem was found, and closes without a rectification deadline', () => {
    expect(texts(draft.blocks, 'h2')).toEqual([]);
    expect(section(draft, '存在的主要问题')).toEqual([WORDING.problemsNone.text]);
    expect(section(draft, '有关要求')).toEqual(['环翠区要巩固已有成效，对照评价指标持续改进，确保各项要求落实到位。']);
    expect(draft.blocks.some((b) => b.style === 'table')).toBe(false);
  });
});

describe('districtDraft: warnings', () => {
  const r = report({
    name: '文登区',
    code: '371003',
    rows: {
      JF02: { F: 127440, I: '受财政收入下降影响。\n已申请追加预算。' },
      JS07: { F: 600 },
      AQ06: { F: 27, I: '2所学校正在建设' },
      // a tenfold jump: a notice, never feedback
      GZ02: { E: 300 },
    },
    rectification: [
      ['市级评价', '大班额问题', '新建学校', '推进中', '2025-12-31', ''],
      ['省级评价', '卫生室未设全', '设立卫生室', '已完成', '', '验收文件'],
    ],
  });
  const draft = draftOf(r);
  const text = draftToText(draft);

  it('has every section, numbered consecutively', () => {
    expect(r.counts.error).toBe(0);
    expect(texts(draft.blocks, 'h1')).toEqual([
      '一、总体情况',
      '二、主要成效',
      '三、存在的主要问题',
      '四、整改意见',
      '五、有关要求',
    ]);
    expect(section(draft, '总体情况')).toEqual([
      // the 问题整改 warning counts as the four paragraphs of 三 do; the doubted GZ02 is in the annex
      '本次评价涉及有达标要求的指标61项，文登区达到要求的57项，未达到要求的4项。另有1处数值疑似有误，请核实（见附件）。',
    ]);
  });

  it('writes one paragraph per area, in area order, one clause per warning, explanations quoted', () => {
    expect(section(draft, '存在的主要问题')).toEqual([
      '（一）教育经费保障政策落实不到位。一般公共预算和政府性基金预算安排的教育经费为127440万元，比上年（120000万元）增长6.2%，未达到增长10%的要求（文登区说明：受财政收入下降影响。已申请追加预算）。',
      '（二）教师队伍建设和待遇保障仍有短板。幼儿园专任教师专科及以上学历比例为75.0%，未达到80%的要求。',
      '（三）校园安全与学校卫生存在薄弱环节。应设卫生室（保健室）的学校30所，已设27所，尚有3所未设（文登区说明：2所学校正在建设）。',
      '（四）上年度反馈问题整改不到位。上年度反馈问题整改尚未全部完成：共2项，已完成1项，未完成的有“大班额问题”（推进中，计划2025年12月31日前完成）。',
    ]);
  });

  it('recommends for each area of part 三, in the same order', () => {
    const areas = ['funding', 'teachers', 'safety', 'rectification'] as const;
    // each area's action heading, then the advice of the rules broken there, and nothing else
    expect(section(draft, '整改意见')).toEqual([
      '（一）加大教育投入，保障教育经费政策落实。加大财政教育投入力度，确保一般公共预算和政府性基金预算安排的教育经费比上年增长10%以上。',
      '（二）强化师资保障，严格落实教师待遇政策。加强幼儿园教师学历提升培训，新补充教师严把学历关，使专科及以上学历比例达到80%以上。',
      '（三）压实安全责任，筑牢校园安全与卫生防线。按《学校卫生工作条例》为应设卫生室（保健室）的学校全部设立卫生室（保健室）。',
      '（四）压实整改责任，确保反馈问题整改到位。对未完成整改的问题逐项明确责任单位和完成时限，加快推进，按期销号。',
    ]);
    expect(areas.map((a) => AREA_PHRASES[a].recommendation)).toEqual([
      '加大教育投入，保障教育经费政策落实',
      '强化师资保障，严格落实教师待遇政策',
      '压实安全责任，筑牢校园安全与卫生防线',
      '压实整改责任，确保反馈问题整改到位',
    ]);
  });

  it('closes with the rectification plan, list and ledger within the working days, checked next year', () => {
    expect(section(draft, '有关要求')).toEqual([
      '文登区要针对本反馈意见指出的问题，自收到之日起30个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，逐项抓好落实。整改情况将作为2025年度履行教育职责评价的重要内容。',
      '附件：填报数据问题清单（待核实）',
    ]);
  });

  it('keeps notices out of the letter; a value the check doubts waits in the annex', () => {
    const notices = r.findings.filter((f) => f.level === 'notice');
    expect(notices.map((f) => f.rule).sort()).toEqual(['G4', 'G5']);
    const [body, annex] = text.split('\n附件\n');
    for (const n of notices) expect(body).not.toContain(n.message);
    expect(annex).toContain(notices.find((f) => f.rule === 'G4')!.message);
    expect(annex).not.toContain(notices.find((f) => f.rule === 'G5')!.message);
  });
});

describe('districtDraft: data errors', () => {
  const r = report({
    name: '高区',
    code: '371071',
    rows: {
      // 45% reported, 60% by the counts: an error, so the two XQ06 warnings are void
      XQ06: { F: 45 },
      // met, and the widest margin of all, but stored as text: never a strength
      XS01: { F: '70' },
      // the payment rate rests on a JF15 stored as text: void
      JF15: { F: '3,000' },
      JF16: { F: 2000 },
      JS07: { F: 600 },
    },
  });
  const draft = draftOf(r);
  const errors = r.findings.filter((f) => f.level === 'error');

  it('counts void conclusions apart and lists the errors', () => {
    expect(errors.map((f) => [f.rule, f.indicator])).toEqual([
      ['G2.text', 'JF15'],
      ['XQ06.consistency', 'XQ06'],
      ['G2.text', 'XS01'],
    ]);
    // the engine draws no warning from data in error: JF16's rate and XQ06's share are not judged
    expect(r.findings.filter((f) => f.level === 'warning').map((f) => f.rule)).toEqual(['JS07.minRate']);
    expect(section(draft, '总体情况')[0]).toBe(
      '本次评价涉及有达标要求的指标61项，高区达到要求的57项，未达到要求的1项，另有3项因填报数据待核实暂不作结论。填报数据中有3处需核实更正（见附件）。',
    );
  });

  it('never turns an error, or a warning drawn from data in error, into a conclusion', () => {
    expect(section(draft, '存在的主要问题')).toEqual([
      '（一）教师队伍建设和待遇保障仍有短板。幼儿园专任教师专科及以上学历比例为75.0%，未达到80%的要求。',
    ]);
    expect(section(draft, '整改意见')).toHaveLength(1);
    const strengths = section(draft, '主要成效').join('');
    for (const word of ['体质健康', '支付率', '公办园']) expect(strengths).not.toContain(word);
  });

  it('lists the data problems apart, to be verified', () => {
    const i = draft.blocks.findIndex((b) => b.style === 'annex');
    expect(i).toBeGreaterThan(draft.blocks.findIndex((b) => b.style === 'signature'));
    expect(draft.blocks.slice(i)).toEqual([
      { style: 'annex', text: '附件' },
      { style: 'title', text: '填报数据问题清单（待核实）' },
      { style: 'body', text: '以下数据有误，核实更正前不作为评价结论：' },
      {
        style: 'table',
        header: ['序号', '工作表', '单元格', '问题说明'],
        rows: errors.map((f, n) => [String(n + 1), f.sheet, f.cell, f.message]),
      },
      {
        style: 'body',
        text: '受上述数据问题影响，上级下达教育专项资金中当年已支付金额、公办园在园幼儿占比、国家学生体质健康标准测试优良率暂不作结论。',
      },
    ]);
    expect(section(draft, '有关要求')[0]).toContain('对附件所列数据问题，请于30个工作日内核实更正后重新报送填报表。');
  });

  it('says so when errors remain but no requirement is found unmet', () => {
    const onlyErrors = draftOf(report({ name: '经区', code: '371072', rows: { XS01: { F: '70' } } }));
    expect(texts(onlyErrors.blocks, 'h1').slice(0, 4)).toEqual([
      '一、总体情况',
      '二、主要成效',
      '三、存在的主要问题',
      '四、有关要求',
    ]);
    expect(section(onlyErrors, '存在的主要问题')).toEqual([WORDING.problemsNoneExceptData.text]);
  });
});

it('drafts without a year when 评价年度 is missing', () => {
  const r = report({ name: '临港区', code: '371073', rows: { JS07: { F: 600 } }, year: undefined });
  const noYear = { ...r, district: { ...r.district, year: null } };
  const draft = draftOf(noYear);
  expect(draft.title).toBe('关于临港区履行教育职责评价的反馈意见（初稿）');
  expect(section(draft, '有关要求')[0]).toContain('整改情况将作为下一年度履行教育职责评价');
});

describe('districtDraft: an indicator with two warnings and one explanation', () => {
  const r = report({
    name: '乳山市',
    code: '371083',
    rows: {
      ...preschool(10000, 4500, 3000),
      XQ03: { E: 4800, F: 4500 },
      XQ05: { E: 78, F: 75 },
      XQ06: { E: 48, F: 45, I: '两所公办园停招改建' },
    },
  });
  const problems = section(draftOf(r), '存在的主要问题');

  it('quotes the explanation once, after the indicator\u2019s last clause', () => {
    const paragraph = problems.find((p) => p.includes('公办园在园幼儿占比'))!;
    expect(paragraph.match(/乳山市说明/g)).toHaveLength(1);
    expect(paragraph).toMatch(/不升反降（乳山市说明：两所公办园停招改建）。$/);
    // the second finding continues the first clause instead of repeating the figure
    expect(paragraph).toContain(
      '公办园在园幼儿占比为45%，未达到50%的要求，且比上年（48%）下降3个百分点，不升反降（乳山市说明：两所公办园停招改建）',
    );
    expect(paragraph.match(/公办园在园幼儿占比为45%/g)).toHaveLength(1);
    expect(paragraph.match(/乳山市说明/g)).toHaveLength(1);
  });
});

describe('districtDraft: what the check doubts, the city comparisons, the addressee', () => {
  it('states nothing that rests on a value the check doubts: no strength, no problem; it waits in the annex', () => {
    // JF01 ten times last year's: a notice on the value
    const r = report({ name: '高新技术产业开发区', code: '371071', rows: { JF01: { E: 10000, F: 200000 } } });
    expect(r.findings.some((f) => f.rule === 'G4' && f.indicator === 'JF01')).toBe(true);
    const draft = draftOf(r);
    expect(draft.blocks[1]).toEqual({ style: 'salutation', text: '高新技术产业开发区管委会：' });
    expect(section(draft, '主要成效').join('')).not.toContain('一般公共预算教育支出');
    const annex = draft.blocks.find((b) => b.style === 'table');
    expect(annex && 'rows' in annex && annex.rows.map((row) => row[2])).toEqual(['F3']);
    expect(section(draft, '总体情况')[0]).toContain('另有1项因填报数据待核实暂不作结论');
  });

  it('takes a ruleset 提示 (an oversized school) as information, not as data to verify', () => {
    const r = report({
      name: '北海区',
      code: '371002',
      rows: { YW06: { F: 1 } },
      schools: [
        ['北海区实验小学', '小学', '公办', 2380, 50, 0, 0, '是', 4],
        ['第二中学', '初中', '公办', 900, 20, 0, 0, '是', 2],
      ],
    });
    expect(r.findings.some((f) => f.rule === 'SCH.oversize' && f.level === 'notice')).toBe(true);
    const draft = draftOf(r);
    expect(section(draft, '存在的主要问题').join('')).toContain(
      '仍有超规模学校1所（北海区实验小学，在校生2380人），大校额尚未完全化解',
    );
    expect(draft.blocks.some((b) => b.style === 'table')).toBe(false);
    expect(draftToText(draft)).not.toContain('暂不作结论');
  });

  it('says what the city report says about the district, after its own clause on the indicator', () => {
    const wd = report({ name: '文登区', code: '371003', rows: preschool(20000, 9000, 9000) });
    const others = [
      report({ name: '环翠区', code: '371002', rows: preschool(10000, 7000, 2000) }),
      report({ name: '荣成市', code: '371082', rows: preschool(5000, 2750, 1500) }),
      report({ name: '乳山市', code: '371083', rows: preschool(10000, 5200, 3000) }),
    ];
    const city = cityFindings([wd, ...others], DEFAULT_RULESET);
    const draft = districtDraft(wd, DEFAULT_RULESET, { now: NOW, city });
    // 文登区 45% misses 50% and is below the city's 53.2%: one clause, no other district named
    expect(section(draft, '存在的主要问题')).toContain(
      '（一）学前教育普及普惠水平有待提高。公办园在园幼儿占比为45%，未达到50%的要求，且低于全市平均水平（53.2%）。',
    );
    // 乳山市 meets 80% and 50% but is below both city figures: the comparisons are its clauses,
    // with its own figures (8200 / 10000 and 5200 / 10000) before the city's
    const rs = districtDraft(others[2]!, DEFAULT_RULESET, { now: NOW, city });
    expect(section(rs, '存在的主要问题')).toEqual([
      '（一）学前教育普及普惠水平有待提高。普惠性幼儿园覆盖率为82%，低于全市平均水平（87.7%）；公办园在园幼儿占比为52%，低于全市平均水平（53.2%）。',
    ]);
    // a comparison on an indicator without a clause of its own takes the indicator's place
    const a = report({ name: '环翠区', code: '371002', rows: preschool(10000, 8000, 1500) });
    const b = report({ name: '文登区', code: '371003', rows: preschool(10000, 4500, 3600) });
    const both = districtDraft(b, DEFAULT_RULESET, { now: NOW, city: cityFindings([a, b], DEFAULT_RULESET) });
    expect(section(both, '存在的主要问题')[0]).toBe(
      '（一）学前教育普及普惠水平有待提高。普惠性幼儿园覆盖率为81%，低于全市平均水平（88.0%）。公办园在园幼儿占比为45%，未达到50%的要求，且低于全市平均水平（62.5%）。',
    );
    expect(section(draftOf(report({ name: '荣成市', code: '371082' })), '存在的主要问题').join('')).not.toContain(
      '全市平均水平',
    );
  });
});
