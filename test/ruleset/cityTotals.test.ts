/**
 * 全市成效 rows of 全市比较 (the city as a whole in 主要成效), 全市合计(上年(ID)), and the
 * 成效表述 of 反馈领域: read, checked at their cell, and drafted.
 */
import { checkRuleset, BUNDLED_DOC } from '../../src/core/ruleset';
import type { ComparisonDoc, RulesetDoc } from '../../src/core/ruleset/doc';
import { cityTotalSentence } from '../../src/core/city';
import { report } from '../feedback/helpers';

function withComparisons(...rows: ComparisonDoc[]): RulesetDoc {
  const doc = structuredClone(BUNDLED_DOC);
  doc.comparisons.push(...rows);
  return doc;
}

const problemsOf = (doc: RulesetDoc) =>
  checkRuleset(doc)
    .problems.filter((p) => p.level === 'error')
    .map((p) => `${p.sheet}!${p.cell} ${p.message}`);

describe('全市成效 in a ruleset', () => {
  const at = BUNDLED_DOC.comparisons.length + 2;

  it('the bundled ruleset has them, and 成效表述 for every area', () => {
    const { ruleset } = checkRuleset(BUNDLED_DOC);
    expect(ruleset!.comparisons.filter((c) => c.mode === 'total').map((c) => c.id)).toContain('JF01.city');
    expect(ruleset!.areas.every((a) => a.strength.length > 0)).toBe(true);
  });

  it('says where a 条件 is not a yes/no', () => {
    const doc = withComparisons({
      id: 'X.city',
      indicator: 'JF01',
      mode: '全市成效',
      condition: '全市合计(JF01)',
      sentence: '全市{全市合计(JF01)}万元',
    });
    expect(problemsOf(doc)).toEqual([expect.stringMatching(new RegExp(`^全市比较!G${at} `))]);
  });

  it('allows 上年() inside 全市合计 only for an indicator with 上年值', () => {
    const ok = withComparisons({
      id: 'X.city',
      indicator: 'JF01',
      mode: '全市成效',
      sentence: '比上年增加{全市合计(JF01) - 全市合计(上年(JF01))}万元',
    });
    expect(problemsOf(ok)).toEqual([]);
    const bad = withComparisons({
      id: 'X.city',
      indicator: 'JF08',
      mode: '全市成效',
      sentence: '{全市合计(上年(JF08))}元',
    });
    expect(problemsOf(bad)).toEqual([
      `全市比较!H${at} “{全市合计(上年(JF08))}”：指标 JF08 没有上年值，不能用 上年(JF08)`,
    ]);
  });

  it('keeps 全市合计 out of the sentences that speak of one district', () => {
    const doc = withComparisons({
      id: 'X.best',
      indicator: 'JF01',
      mode: '全市最高',
      sentence: '{地区}占全市{JF01 / 全市合计(JF01) * 100}%',
    });
    expect(problemsOf(doc)).toEqual([expect.stringMatching(new RegExp(`^全市比较!H${at} .*全市合计`))]);
  });

  it('names 全市成效 among the modes', () => {
    const doc = withComparisons({ id: 'X', indicator: 'JF01', mode: '全省', sentence: 'x' });
    expect(problemsOf(doc)).toEqual([`全市比较!C${at} 方式“全省”无效，应为“低于全市”“全市最高”“全市最低”或“全市成效”`]);
  });
});

describe('cityTotalSentence', () => {
  const ruleset = checkRuleset(
    withComparisons(
      {
        id: 'JF03.more',
        indicator: 'JF03',
        mode: '全市成效',
        condition: '全市合计(JF03) > 全市合计(上年(JF03))',
        sentence: '合计比上年增加{全市合计(JF03) - 全市合计(上年(JF03))}元',
      },
      { id: 'GG06.sum', indicator: 'GG06', mode: '全市成效', sentence: '{地区}共查处{全市合计(GG06)}起' },
    ),
  ).ruleset!;
  const c = (id: string) => ruleset.comparisons.find((x) => x.id === id)!;
  const a = report({ name: '环翠区', code: '371002', rows: { JF03: { E: 12000, F: 12500 } } }, ruleset);
  const b = report({ name: '文登区', code: '371003', rows: { JF03: { E: 12000, F: 11800 } } }, ruleset);

  it('sums this year and last year over every district, when the 条件 holds', () => {
    // 24000 → 24300
    expect(cityTotalSentence([a, b], c('JF03.more'), ruleset)).toEqual({
      sentence: '合计比上年增加300元',
      without: [],
    });
    // 24000 → 23700: not said
    const less = report({ name: '乳山市', code: '371083', rows: { JF03: { E: 12000, F: 11900 } } }, ruleset);
    expect(cityTotalSentence([b, less], c('JF03.more'), ruleset)).toBe(undefined);
    expect(cityTotalSentence([a, b], c('GG06.sum'), ruleset)?.sentence).toBe('各县（市、区）共查处6起');
  });

  it('sums over the districts with a usable figure and names the others; nothing over fewer than two', () => {
    const blank = report({ name: '乳山市', code: '371083', rows: { GG06: { F: null } } }, ruleset);
    // 3 + 3 over 环翠区 and 文登区; 乳山市's blank is left out, and said to be
    expect(cityTotalSentence([a, b, blank], c('GG06.sum'), ruleset)).toEqual({
      sentence: '各县（市、区）共查处6起',
      without: ['乳山市'],
    });
    expect(cityTotalSentence([a, blank], c('GG06.sum'), ruleset)).toBe(undefined);
    expect(cityTotalSentence([a], c('GG06.sum'), ruleset)).toBe(undefined);
  });
});
