/**
 * A 清单 of hundreds of faulty rows: each rule lists its first LISTED_PER_RULE findings on a sheet
 * and one more finding counts the rest, at the first row not listed, with the same level.
 */
import { LISTED_PER_RULE } from '../../src/core/validate/context';
import { check, district } from '../fixtures/workbooks';

describe('findings beyond the listed number', () => {
  it('lists 200 of 500 bad school types and counts the other 300 in one finding', async () => {
    const report = await check(
      district((d) => {
        const base = d.schools[0]!;
        d.schools = Array.from({ length: 500 }, (_, i) => ({
          ...base,
          no: i + 1,
          name: `第${i + 1}小学`,
          type: '小学校',
        }));
      }),
    );
    const enums = report.findings.filter((f) => f.rule === report.findings.find((x) => x.cell === 'C3')?.rule);
    expect(enums).toHaveLength(LISTED_PER_RULE + 1);
    const more = enums.find((f) => f.values.unlisted !== undefined)!;
    expect(more.values.unlisted).toBe(500 - LISTED_PER_RULE);
    expect(more.level).toBe(enums[0]!.level);
    expect(more.cell).toBe(`C${3 + LISTED_PER_RULE}`);
    expect(more.message).toBe(
      `“学校明细”自第${3 + LISTED_PER_RULE}行起另有300处同类问题，未逐一列出和标注：请对照以上所列问题一并核对改正`,
    );
    expect(report.readyToReturn).toBe(false);
  });

  it('lists every finding when a rule has no more than that', async () => {
    const report = await check(
      district((d) => {
        d.schools[0] = { ...d.schools[0]!, type: '小学校' };
      }),
    );
    expect(report.findings.some((f) => f.values.unlisted !== undefined)).toBe(false);
    expect(report.findings.some((f) => f.cell === 'C3' && f.sheet === '学校明细')).toBe(true);
  });
});
