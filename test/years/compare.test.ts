import {
  compareYears,
  checkAgainstLastYear,
  indicatorsIn,
  nameWithoutUnit,
  readRectification,
  stillFailing,
  YEAR_RULES,
  YEARS_MSG,
} from '../../src/core/years';
import { rect } from '../../src/examples/city';
import { DEFAULT_RULESET, indicator } from '../fixtures/ruleset2025';
import { district, lastYearOf, previousYear, yearInput } from './helpers';

const byRule = <F extends { rule: string }>(fs: F[], rule: string): F[] => fs.filter((f) => f.rule === rule);

describe('上年值 against last year’s 本年值', () => {
  it('says nothing when every 上年值 is last year’s 本年值', () => {
    const d = district();
    const found = compareYears(yearInput(d), previousYear(lastYearOf(d)));
    expect(byRule(found, YEAR_RULES.lastValue)).toEqual([]);
  });

  it('puts a notice on the 上年值 cell naming last year’s figure and file', () => {
    const d = district();
    const prev = previousYear(
      lastYearOf(d, (p) => (p.values.JF01 = { ...p.values.JF01, current: 51000 })),
      '2024/东城区.xlsx',
    );
    const [f, ...rest] = byRule(compareYears(yearInput(d), prev), YEAR_RULES.lastValue);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ indicator: 'JF01', level: 'notice', sheet: '经费投入', cell: 'E3' });
    expect(f!.message).toContain('52000万元');
    expect(f!.message).toContain('（51000万元）');
    expect(f!.message).toContain('2024年度');
    expect(f!.message).toContain('“2024/东城区.xlsx”');
    expect(f!.values).toMatchObject({ last: 52000, previous: 51000, file: '2024/东城区.xlsx', year: 2024 });
  });

  it('takes figures equal to two decimals as the same, and skips empty 上年值 and new indicators', () => {
    const d = district((x) => {
      x.values.XQ05 = { ...x.values.XQ05, last: 83.333 };
      x.values.XQ06 = { ...x.values.XQ06, last: null };
    });
    const prev = previousYear(
      lastYearOf(district(), (p) => {
        p.values.XQ06 = { ...p.values.XQ06, current: 40 };
      }),
    );
    expect(byRule(compareYears(yearInput(d), prev), YEAR_RULES.lastValue)).toEqual([]);
  });
});

describe('last year’s warnings against this year’s 问题整改', () => {
  const last = (change = (_: ReturnType<typeof district>) => undefined as void) =>
    previousYear(
      lastYearOf(district(), (p) => {
        p.values.JF12 = { current: '否' };
        change(p);
      }),
    );

  it('names each warning of last year that no 问题整改 row refers to, where the row should go', () => {
    const found = byRule(compareYears(yearInput(district()), last()), YEAR_RULES.notListed);
    expect(found.map((f) => f.values.previousRule).sort()).toEqual(['JF02.minGrowth', 'JF12.expected', 'XS02.minDrop']);
    for (const f of found) expect(f).toMatchObject({ indicator: 'ZG', level: 'notice', sheet: '问题整改' });
    // each at the 问题描述 cell of a row of its own after the data, not all on one
    expect(found.map((f) => f.cell).sort()).toEqual(['C5', 'C6', 'C7']);
    const jf12 = found.find((f) => f.values.previousRule === 'JF12.expected')!;
    expect(jf12.message).toContain('2024年度反馈的问题未列入“问题整改”表：普惠性民办幼儿园生均公用经费补助未落实');
  });

  it('quotes last year’s sentence as last year’s: 本年度 and 本年 become that year, 本年值 stays', () => {
    expect(YEARS_MSG.ofYear('本年度发生重大安全责任事故，本年仍未整改', 2024)).toBe(
      '2024年度发生重大安全责任事故，2024年仍未整改',
    );
    expect(YEARS_MSG.ofYear('本年值与本年度', null)).toBe('本年值与上年度');
  });

  it('counts a row as listing an indicator by its id, its 简称 or its name without the unit', () => {
    const d = district((x) => {
      x.rectification = [
        rect(1, '市级评价', 'jf12 补助未落实', '出台办法', '推进中', new Date(Date.UTC(2026, 5, 30)), null),
        rect(
          2,
          '市级评价',
          '儿童青少年总体近视率下降不够',
          '加强防控',
          '推进中',
          new Date(Date.UTC(2026, 5, 30)),
          null,
        ),
        rect(
          3,
          '市级评价',
          '一般公共预算和政府性基金预算安排的教育经费增长不足',
          '加大投入',
          '推进中',
          new Date(Date.UTC(2026, 5, 30)),
          null,
        ),
      ];
    });
    expect(byRule(compareYears(yearInput(d), last()), YEAR_RULES.notListed)).toEqual([]);
  });

  it('with the confirmed problems given, asks only for those', () => {
    const found = compareYears(yearInput(district()), last(), { confirmed: (f) => f.rule === 'JF12.expected' });
    expect(byRule(found, YEAR_RULES.notListed).map((f) => f.values.indicatorId)).toEqual(['JF12']);
  });
});

describe('问题整改 rows marked 已完成 whose indicator still fails', () => {
  it('puts a notice on the row’s 整改状态 cell', () => {
    const d = district((x) => {
      x.values.JF12 = { current: '否' };
      x.rectification[0] = rect(
        1,
        '市级评价',
        '普惠性民办幼儿园生均公用经费补助是否落实：未落实',
        '出台办法',
        '已完成',
        null,
        '文件',
      );
    });
    const input = yearInput(d);
    const [f, ...rest] = stillFailing(input);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: YEAR_RULES.stillFailing,
      indicator: 'ZG',
      level: 'notice',
      sheet: '问题整改',
      cell: 'E3',
    });
    expect(f!.message).toContain('第 3 行问题标为“已完成”');
    expect(f!.message).toContain('普惠性民办幼儿园生均公用经费补助未落实');
    expect(byRule(compareYears(input, previousYear(lastYearOf(d))), YEAR_RULES.stillFailing)).toHaveLength(1);
  });

  it('says nothing for a row still in progress, or whose indicator now meets the requirement', () => {
    const d = district((x) => {
      x.values.JF12 = { current: '否' };
      x.rectification = [
        rect(1, '市级评价', 'JF12 未落实', '出台办法', '推进中', new Date(Date.UTC(2026, 5, 30)), null),
        rect(2, '市级评价', '学前三年毛入园率偏低', '扩大供给', '已完成', null, '统计表'),
      ];
    });
    expect(stillFailing(yearInput(d))).toEqual([]);
  });
});

describe('the report with the notices added', () => {
  it('keeps findings in sheet, row, column order and recounts them', () => {
    const d = district();
    const input = yearInput(d);
    const prev = previousYear(lastYearOf(d, (p) => (p.values.XQ02 = { ...p.values.XQ02, current: 14000 })));
    const report = checkAgainstLastYear(input, prev);
    expect(report.counts.notice).toBe(input.report.counts.notice + compareYears(input, prev).length);
    const order = report.findings.map((f) => DEFAULT_RULESET.sheetOrder(f.sheet));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(report.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([YEAR_RULES.lastValue, YEAR_RULES.notListed]),
    );
    expect(input.report.findings.some((f) => f.rule.startsWith('YR.'))).toBe(false);
  });

  it('compares nothing with a workbook that is not the template', () => {
    const d = district();
    const prev = previousYear(lastYearOf(d));
    expect(compareYears(yearInput(d), { ...prev, report: { ...prev.report, status: 'not-template' } })).toEqual([]);
  });
});

describe('which indicators a 问题描述 refers to', () => {
  it('prefers the longest name: JF16’s 简称 is not also JF15', () => {
    expect([...indicatorsIn('上级下达教育专项资金中当年已支付金额偏低', [DEFAULT_RULESET])]).toEqual(['JF16']);
    expect([...indicatorsIn('上级下达教育专项资金到位慢', [DEFAULT_RULESET])]).toEqual(['JF15']);
  });

  it('reads ids whole, in any case, with full-width letters', () => {
    expect([...indicatorsIn('JF011 不是指标', [DEFAULT_RULESET])]).toEqual([]);
    expect([...indicatorsIn('见ｊｆ０１', [DEFAULT_RULESET])]).toEqual(['JF01']);
  });

  it('knows the name without its unit', () => {
    expect(nameWithoutUnit(indicator('JS07'))).toBe('专科及以上学历人数');
    expect(nameWithoutUnit(indicator('JS02'))).toBe('本年教师自然减员数（退休、调出、辞职等）');
    expect([...indicatorsIn('学前三年毛入园率', [DEFAULT_RULESET])]).toEqual(['XQ01']);
  });

  it('reads the 问题整改 rows with their cells', () => {
    const rows = readRectification(yearInput(district()).snapshot, DEFAULT_RULESET)!;
    expect(rows.rows.map((r) => [r.row, r.status, r.statusCell])).toEqual([
      [3, '已完成', 'E3'],
      [4, '已完成', 'E4'],
    ]);
    expect(rows.nextCell).toBe('C5');
  });
});
