/**
 * A district's letter says where it leads the batch, as the city report's 主要成效 says it of the
 * district (issue 10): the same first places, without the district's name. Expected texts by hand.
 */
import { cityLeads } from '../../src/core/city';
import { cityDraft } from '../../src/core/feedback/city';
import { districtDraft } from '../../src/core/feedback/district';
import { batchDrafts, reviewBatch } from '../../src/core/review';
import type { Draft } from '../../src/core/types';
import { BUNDLED_DOC } from '../../src/core/ruleset';
import { compileRuleset } from '../../src/core/ruleset/compile';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { preschool, report } from './helpers';

const bodies = (d: Draft) => d.blocks.filter((b) => b.style === 'body').map((b) => ('text' in b ? b.text : ''));

// 乙县: JF01 +25% (others +10%), 体质健康优良率 61% (others 58%), 公办园 70% (others 60%)
const a = report({ name: '甲区', code: '371001' });
const b = report({
  name: '乙县',
  code: '371002',
  rows: { JF01: { E: 100000, F: 125000 }, XS01: { F: 61 }, ...preschool(10000, 7000, 2000) },
});
const c = report({ name: '丙区', code: '371003' });
const reports = [a, b, c];

describe('cityLeads', () => {
  it('gives the first places the city report names, said without the district', () => {
    expect(cityLeads(reports, DEFAULT_RULESET)).toEqual([
      { indicator: 'JF01', districts: ['乙县'], own: '一般公共预算教育支出比上年增长25.0%，增幅居全市首位' },
      // the city report continues its own figure ("其中乙县为70%"): the letter names the figure
      { indicator: 'XQ06', districts: ['乙县'], own: '公办园在园幼儿占比为70%，居全市首位' },
      { indicator: 'XS01', districts: ['乙县'], own: '国家学生体质健康标准测试优良率为61%，居全市首位' },
    ]);
    const strengths = cityDraft(reports, DEFAULT_RULESET)
      .blocks.map((x) => ('text' in x ? x.text : ''))
      .join('');
    // after the city's own figure on it, the indicator is not named again
    expect(strengths).toContain(
      '全市一般公共预算教育支出34.5亿元，比上年增长15.0%，其中乙县比上年增长25.0%，增幅居全市首位',
    );
    expect(strengths).toContain('其中乙县为70%，居全市首位');
    expect(strengths).toContain('乙县国家学生体质健康标准测试优良率为61%，居全市首位');
  });
});

describe("a district's letter", () => {
  const leads = cityLeads(reports, DEFAULT_RULESET);

  it('opens its 主要成效 with where it leads, in place of its own figure on the same indicator', () => {
    const letter = districtDraft(b, DEFAULT_RULESET, { leads });
    const items = bodies(letter).filter((t) => /^[一二三四五]是/.test(t));
    // each after what its area achieved; a further strength of the same area joins it
    expect(items.slice(0, 3)).toEqual([
      '一是教育投入持续加大，经费保障政策有效落实。一般公共预算教育支出比上年增长25.0%，增幅居全市首位。',
      '二是学前教育普及普惠水平稳步提升。公办园在园幼儿占比为70%，居全市首位。',
      '三是学生身心健康工作持续加强。国家学生体质健康标准测试优良率为61%，居全市首位。儿童青少年总体近视率为48.5%，比上年（50%）下降1.5个百分点，超过每年下降1个百分点的要求。',
    ]);
    expect(items.length).toBeLessThanOrEqual(5);
    // one statement per indicator: its own JF01 figure is not said again
    expect(items.filter((t) => t.includes('一般公共预算教育支出'))).toHaveLength(1);
  });

  it('does not say an area was achieved where the letter finds a problem: its figure comes last, plainly', () => {
    // 丁区 pays 2000 of 3000 (66.7%, short of 90%): 经费 has a problem, its growth of 12.5% is still a figure
    const d = report({ name: '丁区', code: '371004', rows: { JF16: { F: 2000 } } });
    const items = bodies(districtDraft(d, DEFAULT_RULESET)).filter((t) => /^[一二三四五]是/.test(t));
    expect(items).toEqual([
      '一是教师队伍建设不断加强，待遇保障逐步落实。义务教育教师交流轮岗比例为15.0%，高出10%的要求5.0个百分点。',
      '二是学生身心健康工作持续加强。儿童青少年总体近视率为48.5%，比上年（50%）下降1.5个百分点，超过每年下降1个百分点的要求。',
      '三是校园安全与卫生保障水平不断提高。专职卫生专业技术人员125人，生员比为480∶1，优于600∶1的配备要求。',
      '四是学前教育普及普惠水平稳步提升。公办园在园幼儿占比为60%，高出50%的要求10个百分点。',
      '五是一般公共预算和政府性基金预算安排的教育经费135000万元，比上年增长12.5%，高于增长10%的要求。',
    ]);
  });

  it('says no first place of a district that leads nowhere, nor without the batch', () => {
    expect(bodies(districtDraft(a, DEFAULT_RULESET, { leads })).join('')).not.toContain('居全市首位');
    expect(bodies(districtDraft(b, DEFAULT_RULESET)).join('')).not.toContain('居全市首位');
  });

  it('is given the first places by the batch drafts (feedback, the page)', () => {
    const reviewed = reviewBatch(
      reports.map((report) => ({ report, ruleset: DEFAULT_RULESET })),
      null,
    );
    const { letters } = batchDrafts({ districtDraft, cityDraft }, reviewed);
    expect(bodies(letters[1]!)).toContain(
      '一是教育投入持续加大，经费保障政策有效落实。一般公共预算教育支出比上年增长25.0%，增幅居全市首位。',
    );
    expect(bodies(letters[0]!).join('')).not.toContain('居全市首位');
  });
});

test('a sentence that names what it compares is said as written; one going on from the name is given it', () => {
  const comparisons = [
    {
      ...BUNDLED_DOC.comparisons[2]!,
      id: 'XS02.lowest',
      indicator: 'XS02',
      metric: 'XS02',
      mode: '全市最低',
      sentence: '{地区}近视率最低',
    },
    {
      ...BUNDLED_DOC.comparisons[2]!,
      id: 'XS01.best',
      indicator: 'XS01',
      metric: 'XS01',
      mode: '全市最高',
      sentence: '{地区}为{XS01}%，居全市首位',
    },
  ];
  const { ruleset, problems } = compileRuleset({ ...BUNDLED_DOC, comparisons });
  if (!ruleset) throw new Error(problems.map((p) => p.message).join('; '));
  const district = (name: string, code: string, drop: number, xs: number) =>
    report({ name, code, rows: { XS02: { E: 50, F: 50 - drop }, XS01: { F: xs } } }, ruleset);
  const leads = cityLeads(
    [district('甲区', '371001', 0, 58), district('乙县', '371002', 3, 61), district('丙区', '371003', 2, 58)],
    ruleset,
  );
  expect(leads.map((l) => [l.districts, l.own])).toEqual([
    [['乙县'], '国家学生体质健康标准测试优良率为61%，居全市首位'],
    [['乙县'], '近视率最低'],
  ]);
});
