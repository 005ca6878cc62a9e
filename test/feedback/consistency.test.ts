/**
 * A letter says one thing once (issue 10): no problem stated on data in error or in doubt, in the
 * letter or the city report; the counts of 总体情况 equal what the letter lists; the indicators
 * not concluded are named, a missing sheet with its reason; each annex heading holds its own level.
 */
import { cityDraft } from '../../src/core/feedback/city';
import { districtDraft } from '../../src/core/feedback/district';
import { draftToText } from '../../src/core/feedback/text';
import { BUNDLED_DOC } from '../../src/core/ruleset';
import { applyLedger, type LedgerRow } from '../../src/core/ledger';
import { compileRuleset } from '../../src/core/ruleset/compile';
import { validate } from '../../src/core/validate';
import type { Report } from '../../src/core/types';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { TODAY, report, snapshot, section } from './helpers';

const NOW = new Date(2025, 5, 20);

/**
 * 2025.1 with YW04's consistency check with 学校明细 moved after its 未达标 rules, as a ruleset
 * may order them: the warning "仍有大班额" is drawn before the error doubts the figure.
 */
function warningBeforeError() {
  const rules = [...BUNDLED_DOC.rules];
  const at = rules.findIndex((r) => r.id === 'YW04.schools');
  const [moved] = rules.splice(at, 1);
  rules.splice(rules.findIndex((r) => r.id === 'YW04.noRebound') + 1, 0, moved!);
  const { ruleset, problems } = compileRuleset({ ...BUNDLED_DOC, rules });
  if (!ruleset) throw new Error(problems.map((p) => p.message).join('; '));
  return ruleset;
}

describe('a warning on a figure that also has an error is no problem anywhere', () => {
  const ruleset = warningBeforeError();
  // 2 大班 reported, none in 学校明细: the error doubts the 2; JS07 is a plain problem
  const doubtful = validate(
    snapshot({ name: '河口区', code: '371003', rows: { YW04: { F: 2 }, JS07: { F: 600 } } }),
    ruleset,
    { now: TODAY },
  );
  const clean = validate(snapshot({ name: '海城区', code: '371002' }), ruleset, { now: TODAY });
  const draft = districtDraft(doubtful, ruleset, { now: NOW });

  it('the engine does draw both (the precondition of the fault)', () => {
    const on = doubtful.findings
      .filter((f) => f.indicator === 'YW04' && f.level !== 'notice')
      .map((f) => [f.level, f.rule]);
    expect(on).toEqual([
      ['warning', 'YW04.zero'],
      ['warning', 'YW04.noRebound'],
      ['error', 'YW04.schools'],
    ]);
  });

  it('the letter counts it as not concluded, names it, and states only the real problem', () => {
    expect(section(draft, '总体情况')).toEqual([
      '本次评价涉及有达标要求的指标61项，河口区达到要求的59项，未达到要求的1项，另有1项因填报数据待核实暂不作结论。填报数据中有1处需核实更正（见附件）。',
    ]);
    expect(section(draft, '存在的主要问题')).toEqual([
      '（一）教师队伍建设和待遇保障仍有短板。幼儿园专任教师专科及以上学历比例为75.0%，未达到80%的要求。',
    ]);
    expect(draftToText(draft)).not.toContain('仍有56人及以上大班额');
    expect(draftToText(draft)).toContain('受上述数据问题影响，56人及以上大班额数（含超大班额）暂不作结论。');
  });

  it('the city report neither names the district under 大班额 nor says it met everything', () => {
    const text = draftToText(cityDraft([doubtful, clean], ruleset, { now: NOW }));
    expect(text).not.toContain('大班额');
    expect(text).toContain('海城区各项评价要求均已达到。');
    expect(text).not.toContain('河口区各项评价要求均已达到');
    expect(text).not.toMatch(/海城区、河口区各项/);
  });
});

describe('a 清单 warning counts as an indicator and is void when the 清单 has an error', () => {
  const unfinished = ['市级评价', '大班额问题', '新建学校', '推进中', '2025-12-31', '施工合同'];
  it('counted among those not met when it stands', () => {
    const r = report({ name: '文登区', code: '371003', rectification: [unfinished] });
    const draft = districtDraft(r, DEFAULT_RULESET, { now: NOW });
    expect(section(draft, '总体情况')).toEqual([
      '本次评价涉及有达标要求的指标61项，文登区达到要求的60项，未达到要求的1项。',
    ]);
    expect(section(draft, '存在的主要问题')).toHaveLength(1);
  });

  it('not stated, and counted as not concluded, when the 问题整改 sheet has an error', () => {
    // the second row's 问题来源 is not one of the options: an error on 问题整改
    const r = report({
      name: '文登区',
      code: '371003',
      rectification: [unfinished, ['上级来文', '卫生室未设全', '设立卫生室', '已完成', '', '验收文件']],
    });
    expect(r.findings.filter((f) => f.indicator === 'ZG').map((f) => f.level)).toEqual(['warning', 'error']);
    const draft = districtDraft(r, DEFAULT_RULESET, { now: NOW });
    expect(section(draft, '总体情况')).toEqual([
      '本次评价涉及有达标要求的指标61项，文登区达到要求的60项，未达到要求的0项，另有1项因填报数据待核实暂不作结论。填报数据中有1处需核实更正（见附件）。',
    ]);
    expect(section(draft, '存在的主要问题')).toEqual(['除附件所列待核实的数据外，本次评价未发现未达到要求的指标。']);
    expect(draftToText(draft)).toContain('受上述数据问题影响，上年度反馈问题整改暂不作结论。');
  });
});

describe('what a renamed sheet holds is said not concluded, with its reason, counted once', () => {
  const book = snapshot({ name: '荣成市', code: '371082', rows: { JS07: { F: 600 } } });
  const renamed = { sheets: book.sheets.map((s) => (s.name === '教师队伍' ? { ...s, name: '师资队伍' } : s)) };
  const r: Report = validate(renamed, DEFAULT_RULESET, { now: TODAY });
  const draft = districtDraft(r, DEFAULT_RULESET, { now: NOW });

  it('the overview counts and names the indicators of the sheet that was not read', () => {
    const teachers = DEFAULT_RULESET.indicatorsOf('教师队伍')
      .filter((d) => DEFAULT_RULESET.rulesOf(d.id).some((x) => x.level === 'warning'))
      .map((d) => d.shortName);
    expect(teachers.length).toBeGreaterThan(1);
    expect(section(draft, '总体情况')).toEqual([
      `本次评价涉及有达标要求的指标61项，荣成市达到要求的${61 - teachers.length}项，未达到要求的0项，另有${teachers.length}项（${teachers.join('、')}）因缺少工作表“教师队伍”未能评价，暂不作结论。填报数据中有1处需核实更正（见附件）。`,
    ]);
    // JS07 is on the sheet not read: no problem is drawn from it
    expect(section(draft, '存在的主要问题')).toEqual(['除附件所列待核实的数据外，本次评价未发现未达到要求的指标。']);
  });

  it('a requirement elsewhere that reads a value of that sheet is said with it', () => {
    // XS01's requirement made to read JS01 (教师队伍) too
    const rules = BUNDLED_DOC.rules.map((x) =>
      x.id === 'XS01.min' ? { ...x, condition: 'AND(XS01 >= XS01.min, JS01 > 0)' } : x,
    );
    const { ruleset } = compileRuleset({ ...BUNDLED_DOC, rules });
    const d = districtDraft(validate(renamed, ruleset!, { now: TODAY }), ruleset!, { now: NOW });
    const teachers = ruleset!
      .indicatorsOf('教师队伍')
      .filter((x) => ruleset!.rulesOf(x.id).some((y) => y.level === 'warning'))
      .map((x) => x.shortName);
    expect(section(d, '总体情况')[0]).toContain(
      `另有${teachers.length + 1}项（${[...teachers, '国家学生体质健康标准测试优良率'].join('、')}）因缺少工作表“教师队伍”未能评价`,
    );
  });
});

describe('the data annex: each heading holds its own level, and the overview counts both', () => {
  // JF15 stored as text: an error; GZ02 ten times last year's: a notice doubting the value
  const r = report({ name: '乳山市', code: '371083', rows: { JF15: { F: '3,000' }, GZ02: { E: 300 } } });
  const draft = districtDraft(r, DEFAULT_RULESET, { now: NOW });
  const at = draft.blocks.findIndex((b) => b.style === 'annex');
  const annex = draft.blocks.slice(at);

  it('errors under 有误, the doubted value under 请核实', () => {
    const error = r.findings.find((f) => f.level === 'error')!;
    const notice = r.findings.find((f) => f.rule === 'G4')!;
    expect(annex.slice(2, 6)).toEqual([
      { style: 'body', text: '以下数据有误，核实更正前不作为评价结论：' },
      {
        style: 'table',
        header: ['序号', '工作表', '单元格', '问题说明'],
        rows: [['1', error.sheet, error.cell, error.message]],
      },
      { style: 'body', text: '以下数据请核实，核实前不作为评价结论：' },
      {
        style: 'table',
        header: ['序号', '工作表', '单元格', '问题说明'],
        rows: [['1', notice.sheet, notice.cell, notice.message]],
      },
    ]);
  });

  it('the overview says the error and the value to check, as the annex lists them', () => {
    expect(section(draft, '总体情况')[0]).toMatch(
      /填报数据中有1处需核实更正（见附件）。另有1处数值疑似有误，请核实（见附件）。$/,
    );
  });
});

describe('the reviewer decisions are counted as the letter says them', () => {
  // three problems: JF02 confirmed, JS07 explanation accepted, AQ06 explanation sent back
  const checked = report({
    name: '文登区',
    code: '371003',
    rows: {
      JF02: { F: 127440, I: '受财政收入下降影响' },
      JS07: { F: 600, I: '正在培训' },
      AQ06: { F: 27, I: '正在建设' },
    },
  });
  const row = (rule: string, decision: LedgerRow['decision']): LedgerRow => {
    const f = checked.findings.find((x) => x.rule === rule)!;
    return {
      district: '文登区',
      code: '371003',
      indicator: f.indicator!,
      rule,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
      explanation: f.explanation ?? '',
      decision,
      note: '请补充佐证',
    };
  };
  const { reports } = applyLedger([checked], [row('JS07.minRate', '采纳说明'), row('AQ06.eqAQ05', '退回补充')]);
  const draft = districtDraft(reports[0]!, DEFAULT_RULESET, { now: NOW });

  it('accepted: met; sent back: not concluded and named; confirmed: not met, as 三 lists it', () => {
    expect(section(draft, '总体情况')).toEqual([
      '本次评价涉及有达标要求的指标61项，文登区达到要求的59项，未达到要求的1项，另有1项（已设卫生室（保健室）的学校数）因情况说明待补充暂不作结论。',
    ]);
    expect(section(draft, '存在的主要问题')).toHaveLength(1);
    expect(section(draft, '存在的主要问题')[0]).toMatch(/^（一）教育经费保障政策落实不到位。/);
  });
});

describe('the city overview says who has values to check, as the letters do', () => {
  it('a district with only a doubted value is neither clean nor left unsaid', () => {
    const doubted = report({ name: '乳山市', code: '371083', rows: { GZ02: { E: 300 } } });
    const clean = report({ name: '海城区', code: '371002' });
    const text = draftToText(cityDraft([doubted, clean], DEFAULT_RULESET, { now: NOW }));
    expect(text).toContain(
      '本年度参加评价的县（市、区）共2个：海城区、乳山市。海城区各项评价要求均已达到。乳山市1处填报数值疑似有误，需核实。',
    );
  });
});
