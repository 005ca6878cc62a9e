import { check, district } from '../fixtures/workbooks';

describe('a 情况说明 merged across the rows it explains', () => {
  it('explains every row of the merge', async () => {
    const report = await check(
      district((d) => {
        d.values.JF03 = { last: 12000, current: 11800, explanation: '两项生均支出因在校生增加而下降' };
        d.values.JF04 = { last: 14000, current: 13900 };
      }),
      { edit: (wb) => wb.getWorksheet('经费投入')!.mergeCells('I5:I6'), roundTrip: true },
    );
    const warnings = report.findings.filter((f) => f.level === 'warning');
    expect(warnings.map((f) => [f.rule, f.explained, f.explanation])).toEqual([
      ['JF03.noDecrease', true, '两项生均支出因在校生增加而下降'],
      ['JF04.noDecrease', true, '两项生均支出因在校生增加而下降'],
    ]);
    expect(report.findings.map((f) => f.rule)).not.toContain('G5');
    expect(report.readyToReturn).toBe(true);
  });
});
