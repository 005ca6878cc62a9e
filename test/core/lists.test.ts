import { check, district, rulesOf } from '../fixtures/workbooks';

describe('list sheets with pre-numbered blank rows', () => {
  it('skips rows that hold only a 序号, and reads the rows after them', async () => {
    const report = await check(
      district((d) => {
        const [a, b] = d.schools;
        d.schools = [a!, { no: 2 }, { no: 3 }, { ...b!, no: 4 }, { no: 5 }];
        d.rectification = [d.rectification[0]!, { no: 2 }, { no: 3 }];
      }),
    );
    expect(rulesOf(report)).toEqual([]);
  });

  it('still stops at the first fully empty row', async () => {
    const report = await check(
      district((d) => {
        d.schools = [d.schools[0]!, {}, { no: 9, name: '孤立的学校' }];
      }),
    );
    expect(rulesOf(report)).not.toContain('SCH.required');
  });
});
