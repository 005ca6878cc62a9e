import { districtDraft } from '../../src/core/feedback/district';
import { draftToText } from '../../src/core/feedback/text';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { AREA_PHRASES } from '../fixtures/ruleset2025';
import { DRAFT_PHRASES } from '../../src/core/feedback/phrases';
import { RULES } from '../fixtures/ruleset2025';
import type { Draft, Report } from '../../src/core/types';
import { preschool, report, texts } from './helpers';

/** Indicators that have a requirement (at least one warning rule). */
const EVALUABLE = new Set(
  RULES.filter((r) => r.level === 'warning' && r.target.kind === 'indicator').map((r) => r.indicator),
).size;

const draftOf = (r: Report): Draft => districtDraft(r, DEFAULT_RULESET);

/** The paragraphs between a first-level heading and the next one. */
function section(draft: Draft, heading: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const b of draft.blocks) {
    if (b.style === 'h1') inside = b.text.endsWith(heading);
    else if (inside && b.style !== 'table') out.push(b.text);
  }
  return out;
}

describe('districtDraft: a district that meets every requirement', () => {
  const r = report({ name: '环翠区', code: '371002' });
  const draft = draftOf(r);

  it('has the title and consecutive sections, with no 整改意见 when nothing is to be rectified', () => {
    expect(r.counts).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(draft.title).toBe('关于环翠区2024年度履行教育职责评价的反馈意见（初稿）');
    expect(draft.blocks[0]).toEqual({ style: 'title', text: draft.title });
    expect(texts(draft.blocks, 'h1')).toEqual(['一、总体情况', '二、主要成效', '三、存在的主要问题', '四、有关要求']);
  });

  it('counts the indicators evaluated', () => {
    expect(EVALUABLE).toBe(60);
    expect(section(draft, '总体情况')).toEqual([
      '环翠区2024年度填报的评价指标中，有达标要求且能够评价的共60项，其中达到要求60项、未达到要求0项。填报数据未发现错误。',
    ]);
  });

  it('names five strengths with their figures, the widest margin first', () => {
    expect(section(draft, '主要成效')).toEqual([
      '从填报数据看，环翠区以下方面的工作达到并超出了评价要求：',
      // 150 / 1000 against 10%: margin 0.5
      '一是义务教育教师交流轮岗比例为15.0%，高出10%的要求5.0个百分点。',
      // a fall of 1.5 points against 1: margin 0.5
      '二是儿童青少年总体近视率为48.5%，比上年（50%）下降1.5个百分点，超过每年下降1个百分点的要求。',
      // growth 12.5% against 10%: margin 0.25
      '三是一般公共预算和政府性基金预算安排的教育经费135000万元，比上年增长12.5%，高于增长10%的要求。',
      // 60000 / 125 = 480 against 600: margin 0.25
      '四是专职卫生专业技术人员125人，生员比为480:1，优于600:1的配备要求。',
      // 60 against 50: margin 0.2
      '五是公办园在园幼儿占比为60%，高出50%的要求10个百分点。',
    ]);
  });

  it('says plainly that no problem was found, and closes without a rectification deadline', () => {
    expect(texts(draft.blocks, 'h2')).toEqual([]);
    expect(section(draft, '存在的主要问题')).toEqual([DRAFT_PHRASES.problemsNone]);
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
      '文登区2024年度填报的评价指标中，有达标要求且能够评价的共60项，其中达到要求57项、未达到要求3项。填报数据未发现错误。',
    ]);
  });

  it('writes one paragraph per area, in area order, one clause per warning, explanations quoted', () => {
    expect(section(draft, '存在的主要问题')).toEqual([
      '（一）教育经费保障政策落实不到位。一般公共预算和政府性基金预算安排的教育经费为127440万元，比上年（120000万元）增长6.2%，未达到增长10%的要求（文登区说明：受财政收入下降影响。已申请追加预算）。',
      '（二）教师队伍建设和待遇保障仍有短板。幼儿园专任教师专科及以上学历比例为75.0%，未达到80%的要求。',
      '（三）校园安全与学校卫生存在薄弱环节。应设卫生室（保健室）的学校30所，已设27所，尚有3所未设（文登区说明：2所学校正在建设）。',
      '（四）上年度反馈问题整改不到位。上年度反馈问题整改尚未全部完成：共2项，已完成1项。',
    ]);
  });

  it('recommends for each area of part 三, in the same order', () => {
    const areas = ['funding', 'teachers', 'safety', 'rectification'] as const;
    expect(section(draft, '整改意见')).toEqual(
      areas.map((a, i) => `（${'一二三四'[i]}）${AREA_PHRASES[a].name}。${AREA_PHRASES[a].recommendation}`),
    );
  });

  it('closes with the rectification plan, list and ledger within the working days, checked next year', () => {
    expect(section(draft, '有关要求')).toEqual([
      '文登区要针对本反馈意见指出的问题，自收到之日起30个工作日内制定整改方案，建立问题清单和整改台账，明确责任单位、整改措施和完成时限，逐项抓好落实。整改情况将纳入2025年度履行教育职责评价，逐项复核。',
    ]);
    expect(draft.blocks[draft.blocks.length - 1]!.style).toBe('closing');
  });

  it('leaves notices out', () => {
    const notices = r.findings.filter((f) => f.level === 'notice');
    expect(notices.map((f) => f.rule).sort()).toEqual(['G4', 'G5']);
    for (const n of notices) expect(text).not.toContain(n.message);
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
      '高区2024年度填报的评价指标中，有达标要求且能够评价的共60项，其中达到要求56项、未达到要求1项，因数据有误暂不作结论3项。填报数据中尚有3处错误待核实（见附件），未作为评价结论。',
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
    const i = draft.blocks.findIndex((b) => b.style === 'h1' && b.text === '附件：数据问题，待核实');
    expect(i).toBeGreaterThan(draft.blocks.findIndex((b) => b.style === 'closing'));
    expect(draft.blocks.slice(i + 1)).toEqual([
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
    expect(section(onlyErrors, '存在的主要问题')).toEqual([DRAFT_PHRASES.problemsNoneExceptData]);
  });
});

it('drafts without a year when 评价年度 is missing', () => {
  const r = report({ name: '临港区', code: '371073', rows: { JS07: { F: 600 } }, year: undefined });
  const noYear = { ...r, district: { ...r.district, year: null } };
  const draft = draftOf(noYear);
  expect(draft.title).toBe('关于临港区履行教育职责评价的反馈意见（初稿）');
  expect(section(draft, '有关要求')[0]).toContain('整改情况将纳入下一年度履行教育职责评价');
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
      '公办园在园幼儿占比为45%，未达到50%的要求；公办园在园幼儿占比为45%，比上年（48%）下降3个百分点，不升反降（乳山市说明：两所公办园停招改建）',
    );
    expect(paragraph.match(/乳山市说明/g)).toHaveLength(1);
  });
});
