import {
  diffCells,
  diffFindings,
  matchPrevious,
  nextYearFileName,
  nextYearPlan,
  pickPrevious,
  readRectification,
} from '../../src/core/years';
import { rect } from '../../src/examples/city';
import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import { district, yearInput } from './helpers';

const d = (code: string, year: number | null, name = '东城区') => ({ name, code, year, city: '滨海市' });

describe('matching last year’s workbooks', () => {
  it('by 行政区划代码 and the year before; the rest one line each', () => {
    const current = [d('379902', 2025), d('379903', 2025, '西城区')];
    const prev = [
      { file: 'a.xlsx', district: d('379902', 2024), item: 1 },
      { file: 'b.xlsx', district: d('379902', 2024), item: 2 },
      { file: 'c.xlsx', district: d('379903', 2023), item: 3 },
      { file: 'd.xlsx', district: d('379999', 2024), item: 4 },
      { file: 'e.xlsx', district: d('', 2024), item: 5 },
    ];
    const m = matchPrevious(current, prev);
    expect([...m.byCode].map(([k, v]) => [k, v.item])).toEqual([['379902', 1]]);
    expect(m.unused.map((u) => u.file)).toEqual(['b.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx']);
    expect(m.unused[0]!.reason).toContain('a.xlsx');
    expect(m.unused[1]!.reason).toContain('不是 2024 年度');
    expect(m.unused[2]!.reason).toContain('379999');
    expect(pickPrevious(current[0]!, prev)?.item).toBe(1);
    expect(pickPrevious(current[1]!, prev)).toBeUndefined();
  });
});

describe('next year’s workbook as data', () => {
  it('year + 1, 上年值 from this year’s 本年值, one 问题整改 row per warning', () => {
    const input = yearInput(district((x) => (x.values.JF12 = { current: '否', explanation: '在制定' })));
    const plan = nextYearPlan(input.report, DEFAULT_RULESET);
    expect(plan.info).toEqual({ name: '东城区', code: '379902', city: '滨海市', year: 2026, version: '2025.1' });
    expect(plan.last.JF01).toBe(56000);
    expect(plan.last.JF08).toBeUndefined();
    expect(Object.keys(plan.last)).toHaveLength(DEFAULT_RULESET.indicators.filter((i) => i.hasLast).length);
    expect(plan.problems).toEqual([
      {
        问题来源: '市级评价',
        问题描述: '普惠性民办幼儿园生均公用经费补助是否落实：普惠性民办幼儿园生均公用经费补助未落实',
      },
    ]);
    expect(nextYearFileName(plan)).toBe('东城区2026年度填报表.xlsx');
    expect(nextYearPlan(input.report, DEFAULT_RULESET, DEFAULT_RULESET, () => false).problems).toEqual([]);
  });
});

describe('next year’s 问题整改 rows: every problem found this year (CLI.md)', () => {
  const unfinished = district((x) => {
    x.rectification.push(
      rect(3, '专项督导', '大班额尚未全部消除', '新建第二实验小学', '推进中', new Date(Date.UTC(2026, 7, 31)), null),
      rect(4, '其他', '课后服务覆盖不足', '扩大课后服务', '未启动', new Date(Date.UTC(2026, 11, 31)), null),
    );
  });

  it('carries this year’s unfinished 问题整改 rows as written, not the 问题整改 warning itself', () => {
    const input = yearInput(unfinished);
    expect(input.report.findings.map((f) => f.rule)).toContain('ZG.incomplete');
    const plan = nextYearPlan(
      input.report,
      DEFAULT_RULESET,
      DEFAULT_RULESET,
      undefined,
      readRectification(input.snapshot, DEFAULT_RULESET),
    );
    expect(plan.problems).toEqual([
      { 问题来源: '专项督导', 问题描述: '大班额尚未全部消除', 整改措施: '新建第二实验小学' },
      { 问题来源: '其他', 问题描述: '课后服务覆盖不足', 整改措施: '扩大课后服务' },
    ]);
  });

  it('without this year’s sheet, only the findings are carried (no 问题整改 warning as a row)', () => {
    const input = yearInput(unfinished);
    expect(nextYearPlan(input.report, DEFAULT_RULESET).problems).toEqual([]);
  });
});

describe('two returns of one district', () => {
  it('lists changed cells in sheet order and matches findings by rule, sheet and cell', () => {
    const a = yearInput(district((x) => (x.values.JF01 = { last: 52000, current: '约56000' })));
    const b = yearInput(district((x) => (x.values.XQ01 = { last: 96.5, current: 80 })));
    expect(diffCells(a.snapshot, b.snapshot, DEFAULT_RULESET)).toEqual([
      { sheet: '经费投入', cell: 'F3', before: '约56000', after: '56000' },
      { sheet: '学前教育', cell: 'F3', before: '97.2', after: '80' },
    ]);
    const f = diffFindings(a.report, b.report);
    expect(f.resolved.map((x) => x.rule)).toEqual(['G2']);
    expect(f.added.map((x) => x.rule)).toEqual(expect.arrayContaining(['XQ01.min']));
    expect(diffFindings(b.report, b.report).remaining).toHaveLength(b.report.findings.length);
  });
});
