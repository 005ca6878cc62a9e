import { check, district } from '../fixtures/workbooks';

/** A figure that misses a requirement must never be printed as the requirement itself. */
describe('figures in messages never hide a miss', () => {
  it.each([
    ['a share just below its minimum', 'XQ01', { value: 0.899996, numFmt: '0.0%' }, 'XQ01.min', '89.9996%'],
    ['an amount just below its minimum', 'JF08', 649.999, 'JF08.min', '649.999元'],
  ])('%s', async (_name, id, current, rule, shown) => {
    const report = await check(district((d) => (d.values[id] = { current })));
    const f = report.findings.find((x) => x.rule === rule)!;
    expect(f.message).toContain(shown);
  });

  it('a ratio just over 600:1', async () => {
    const report = await check(
      district((d) => {
        d.values.AQ07 = { current: 60040 };
        d.values.AQ08 = { current: 100 };
      }),
    );
    expect(report.findings.find((x) => x.rule === 'AQ08.maxStudents')!.message).toContain('生员比为600.4∶1');
  });

  it('a tiny fall is not printed as a fall of 0', async () => {
    const report = await check(district((d) => (d.values.JF03 = { last: 12000, current: 11999.999 })));
    const f = report.findings.find((x) => x.rule === 'JF03.noDecrease')!;
    expect(f.message).not.toMatch(/下降0%/);
    expect(f.message).toContain('11999.999');
  });
});
