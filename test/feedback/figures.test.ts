/**
 * Figures in the drafts (issue 10): a value the district typed is quoted as typed, with its unit;
 * a value the product computes is rounded as RULESET.md says (one decimal; a large sum in 万元 in
 * 亿元 with at most two decimals).
 */
import { cityDraft } from '../../src/core/feedback/city';
import { districtDraft } from '../../src/core/feedback/district';
import { draftToText } from '../../src/core/feedback/text';
import { BUNDLED_DOC } from '../../src/core/ruleset';
import { compileRuleset } from '../../src/core/ruleset/compile';
import { validate } from '../../src/core/validate';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { TODAY, report, snapshot } from './helpers';

const NOW = new Date(2025, 5, 20);

/** 2025.1 with JF01's message saying the decrease in 万元, as the reporter's ruleset does. */
function withDecreaseInWan() {
  const rules = BUNDLED_DOC.rules.map((r) =>
    r.id === 'JF01.noDecrease'
      ? { ...r, message: '{简称}为{本年值}万元，比上年（{上年值}万元）减少{上年(JF01)-JF01}万元，未做到只增不减' }
      : r,
  );
  const { ruleset, problems } = compileRuleset({ ...BUNDLED_DOC, rules });
  if (!ruleset) throw new Error(problems.map((p) => p.message).join('; '));
  return ruleset;
}

describe('a typed figure is quoted as typed', () => {
  it('29012.34万元 stays 29012.34万元 in the letter, as the check says it', () => {
    const r = report({ name: '山阳县', code: '371102', rows: { JF01: { E: 30000.5, F: 29012.34 } } });
    const warning = r.findings.find((f) => f.rule === 'JF01.noDecrease')!;
    expect(warning.message).toContain('29012.34万元');
    const text = draftToText(districtDraft(r, DEFAULT_RULESET, { now: NOW }));
    expect(text).toContain('一般公共预算教育支出为29012.34万元，比上年（30000.5万元）下降3.3%');
    expect(text).not.toMatch(/2\.901234亿元|3\.00005亿元/);
  });
});

describe('a computed figure is rounded as the ruleset says', () => {
  const ruleset = withDecreaseInWan();
  const letter = (last: number, now: number) =>
    draftToText(
      districtDraft(
        validate(snapshot({ name: '山阳县', code: '371102', rows: { JF01: { E: last, F: now } } }), ruleset, {
          now: TODAY,
        }),
        ruleset,
        { now: NOW },
      ),
    );

  it('a difference with one decimal: 减少988.2万元, not 988.16', () => {
    expect(letter(30000.5, 29012.34)).toContain('为29012.34万元，比上年（30000.5万元）减少988.2万元，未做到只增不减');
  });

  it('a computed sum of 1亿元 or more in 亿元 with at most two decimals; the typed figures stay', () => {
    expect(letter(150000.5, 29012.34)).toContain('为29012.34万元，比上年（150000.5万元）减少12.1亿元，未做到只增不减');
  });
});

describe('a city total is a computed figure', () => {
  it('a sum in 万元 reads in 亿元 with at most two decimals', () => {
    const comparisons = BUNDLED_DOC.comparisons.map((c) =>
      c.id === 'JF01.city'
        ? {
            ...c,
            sentence:
              '全市一般公共预算教育支出{全市合计(JF01)}万元，比上年增加{全市合计(JF01) - 全市合计(上年(JF01))}万元',
          }
        : c,
    );
    const { ruleset } = compileRuleset({ ...BUNDLED_DOC, comparisons });
    const a = validate(
      snapshot({ name: '甲区', code: '371001', rows: { JF01: { E: 100000.12, F: 112345.67 } } }),
      ruleset!,
      {
        now: TODAY,
      },
    );
    const b = validate(snapshot({ name: '乙区', code: '371002', rows: { JF01: { E: 50000, F: 52000.5 } } }), ruleset!, {
      now: TODAY,
    });
    const text = draftToText(cityDraft([a, b], ruleset!, { now: NOW }));
    // 164346.17万元 in all, 14346.05万元 more than last year
    expect(text).toContain('全市一般公共预算教育支出16.43亿元，比上年增加1.43亿元');
    expect(text).not.toContain('16.434617亿元');
  });
});
