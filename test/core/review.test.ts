/** The reviewer's decisions against a batch's warnings (core/review), shared by the page and `feedback --review`. */
import { decidedRows, decisionCounts, findingKey, matchLedger, reviewBatch } from '../../src/core/review';
import { bundledRuleset } from '../../src/core/ruleset';
import { finding, reportOf } from '../taskpane/helpers';

const report = (name: string, code: string) =>
  reportOf(
    [
      finding({ level: 'error', rule: 'E1', cell: 'F3' }),
      finding({ level: 'warning', rule: 'W1', cell: 'F4', explanation: '原因', explained: true }),
      finding({ level: 'warning', rule: 'W2', cell: 'G5' }),
    ],
    { district: { name, code, year: 2025, city: '威海市' } },
  );

test('the ledger as decided: defaults where nothing was decided, a cell in any case matches', () => {
  const reports = [report('环翠区', '371002'), report('文登区', '371003')];
  const rows = decidedRows(
    reports,
    new Map([[findingKey('371003', { rule: 'W2', cell: 'g5' }), { decision: '退回补充' as const, note: '请补充' }]]),
  );
  expect(rows.map((r) => `${r.district} ${r.rule} ${r.decision} ${r.note}`)).toEqual([
    '环翠区 W1 确认问题 ',
    '环翠区 W2 确认问题 ',
    '文登区 W1 确认问题 ',
    '文登区 W2 退回补充 请补充',
  ]);
  expect(decisionCounts(reports, new Map())).toEqual({ 确认问题: 4, 采纳说明: 0, 退回补充: 0 });
});

test('a loaded ledger: rows on warnings are decisions; a row on an error or on nothing is unmatched; the later row wins', () => {
  const reports = [report('环翠区', '371002')];
  const base = { district: '环翠区', code: '371002', indicator: '', sheet: '经费投入', message: '', explanation: '' };
  const rows = [
    { ...base, row: 2, rule: 'W1', cell: 'F4', decision: '采纳说明' as const, note: '' },
    { ...base, row: 3, rule: 'E1', cell: 'F3', decision: '采纳说明' as const, note: '' },
    { ...base, row: 4, rule: 'W9', cell: 'Z9', decision: '确认问题' as const, note: '' },
    { ...base, row: 5, rule: 'W1', cell: 'f4', decision: '退回补充' as const, note: '再说明' },
  ];
  const { decisions, unmatched } = matchLedger(reports, rows);
  expect(unmatched.map((r) => r.row)).toEqual([3, 4]);
  expect([...decisions.values()]).toEqual([{ decision: '退回补充', note: '再说明' }]);

  // applied: an accepted warning leaves the report, a sent-back one carries the decision, errors stay
  const ruleset = bundledRuleset();
  const accepted = reviewBatch([{ report: reports[0]!, ruleset }], [rows[0]!]);
  expect(accepted.workbooks[0]!.report.findings.map((f) => f.rule)).toEqual(['E1', 'W2']);
  expect(accepted.workbooks[0]!.report.counts).toEqual({ error: 1, warning: 1, notice: 0 });
  const sent = reviewBatch([{ report: reports[0]!, ruleset }], [rows[3]!]);
  expect(sent.workbooks[0]!.report.findings[1]).toMatchObject({ rule: 'W1', review: '退回补充', reviewNote: '再说明' });
  // the input report is never changed
  expect(reports[0]!.findings).toHaveLength(3);
});
