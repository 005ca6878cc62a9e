/**
 * No long comma chains (issue 10): statements of several clauses about the same districts are set
 * apart with `；`, a paragraph starts a new sentence when one would grow beyond four clauses, and a
 * district's clause that would grow beyond four goes on after `；同时`. Expected texts written by hand.
 */
import { cityFindings } from '../../src/core/city';
import { cityDraft } from '../../src/core/feedback/city';
import { clauseCount, joinClauses } from '../../src/core/feedback/common';
import { districtDraft } from '../../src/core/feedback/district';
import type { Draft } from '../../src/core/types';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { preschool, report, type RowChange } from './helpers';

const h2 = (d: Draft) => d.blocks.filter((b) => b.style === 'h2').map((b) => ('text' in b ? b.text : ''));

/** Three 经费 problems of one district: two of two clauses each, one of one. */
const funding: Record<string, RowChange> = {
  JF01: { E: 100000, F: 98000 },
  JF05: { E: 15000, F: 14000 },
  JF12: { F: '否' },
};

describe('clauses', () => {
  it('counts the clauses outside brackets and quotes', () => {
    expect(clauseCount('甲，乙；丙')).toBe(3);
    expect(clauseCount('甲（说明：乙，丙）')).toBe(1);
    expect(clauseCount('未达到“甲，乙”要求')).toBe(1);
    expect(clauseCount('')).toBe(0);
  });

  it('joins short sentences with ；, starts a new one beyond four clauses or after a ；-list', () => {
    expect(joinClauses(['甲', '乙，丙', '丁'])).toBe('甲；乙，丙；丁。');
    expect(joinClauses(['甲，乙，丙', '丁，戊'])).toBe('甲，乙，丙。丁，戊。');
    expect(joinClauses(['甲；乙', '丙'])).toBe('甲；乙。丙。');
    expect(joinClauses([])).toBe('');
  });
});

describe('the city report', () => {
  const sound = report({ name: '丙区', code: '371003' });

  it('sets statements of several clauses about one district apart with ；, and the next district after 。', () => {
    const draft = cityDraft(
      [
        report({ name: '甲区', code: '371001', rows: funding }),
        report({ name: '乙县', code: '371002', rows: { JF16: { F: 2000 } } }),
        sound,
      ],
      DEFAULT_RULESET,
    );
    expect(h2(draft)).toContain(
      '（一）教育经费保障政策落实不到位。甲区一般公共预算教育支出比上年下降，未达到“两个只增不减”要求；普通初中生均一般公共预算教育支出比上年下降，未达到“只增不减”要求；未落实普惠性民办幼儿园生均公用经费补助。乙县上级教育专项资金支付率未达到90%。',
    );
  });

  it('keeps 均 in each statement when every district has them', () => {
    const draft = cityDraft(
      [
        report({ name: '甲区', code: '371001', rows: funding }),
        report({ name: '乙县', code: '371002', rows: funding }),
      ],
      DEFAULT_RULESET,
    );
    expect(h2(draft)).toContain(
      '（一）教育经费保障政策落实不到位。各县（市、区）一般公共预算教育支出均比上年下降，未达到“两个只增不减”要求；普通初中生均一般公共预算教育支出均比上年下降，未达到“只增不减”要求；均未落实普惠性民办幼儿园生均公用经费补助。',
    );
  });
});

describe("a district's letter", () => {
  it('goes on after ；同时 rather than a fifth comma', () => {
    // 公办园 45% this year (55% last year): below 50%, down, and below the city's 55.0%
    const falling = {
      ...preschool(10000, 4500, 4500),
      XQ03: { E: 5500, F: 4500 },
      XQ05: { E: 100, F: 90 },
      XQ06: { E: 55, F: 45 },
    };
    const a = report({ name: '甲区', code: '371001', rows: falling });
    const others = [
      report({ name: '乙县', code: '371002', rows: preschool(10000, 6000, 3000) }),
      report({ name: '丙区', code: '371003', rows: preschool(10000, 6000, 3000) }),
    ];
    const city = cityFindings([a, ...others], DEFAULT_RULESET);
    const letter = districtDraft(a, DEFAULT_RULESET, { city });
    expect(h2(letter).find((t) => t.includes('公办园'))).toBe(
      '（一）学前教育普及普惠水平有待提高。公办园在园幼儿占比为45%，未达到50%的要求，且比上年（55%）下降10个百分点，不升反降；同时低于全市平均水平（55.0%）。',
    );
  });
});
