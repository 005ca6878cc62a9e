/**
 * The 校验结果 sheet as data (src/core/summary.ts): its 指标名称 column names an indicator by its
 * full 指标名称 and a 清单 finding by the 清单's sheet and row (spec/FEEDBACK.md), on a workbook
 * built from the template and checked.
 */
import { rect } from '../../src/examples/city';
import { SUMMARY_COLUMNS, summaryData } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { all, cur, rectRow, schoolRow } from '../fixtures/engine';
import { check, district } from '../fixtures/workbooks';

const NAME = SUMMARY_COLUMNS.indexOf('指标名称');

function nameOf(report: Report, rule: string): unknown {
  const rows = summaryData(report, { checkedAt: new Date(), sheetNames: [] }).rows;
  const row = rows.find((r) => r.finding.rule === rule);
  if (!row) throw new Error(`no ${rule} in ${rows.map((r) => r.finding.rule).join(' ')}`);
  return row.cells[NAME];
}

describe('校验结果 指标名称', () => {
  let report: Report;
  beforeAll(async () => {
    report = await check(
      district(
        all(
          cur('XQ01', 80),
          schoolRow(0, { type: '高中' }),
          rectRow(1, { status: '推进中', due: new Date(Date.UTC(2026, 7, 31)), evidence: null }),
          (d) => d.rectification.push(rect(3, '其他', '课后服务覆盖不足', '扩大课后服务', '未启动', null, null)),
        ),
      ),
    );
  });

  it('an indicator: its 指标名称 as the ruleset gives it, not the 简称', () => {
    expect(nameOf(report, 'XQ01.min')).toBe('学前三年毛入园率（%）');
  });

  it('a 清单 finding: the 清单’s sheet and the row, not the feedback area', () => {
    const row = report.findings.find((f) => f.sheet === '学校明细')!;
    expect(nameOf(report, row.rule)).toBe('学校明细第3行');
    expect(nameOf(report, 'ZG.incomplete')).toBe('问题整改第4行');
  });
});
