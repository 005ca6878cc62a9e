import { SUMMARY_SHEET } from '../../src/core/summary';
import { check, fakeTemplate, hostOf, settle } from './helpers';

for (const version of ['1.7', '1.8', '1.18']) {
  test(`ExcelApi ${version}: the user's edits are reported, the add-in's own writes are not`, async () => {
    const wb = fakeTemplate({ problems: true, version });
    const host = hostOf(wb);
    const changes: number[] = [];
    const stop = await host.watchChanges(() => changes.push(Date.now()));
    expect(stop).not.toBeNull();

    const report = await check(host);
    await host.markFindings(report);
    await host.writeSummary(report);
    await settle(20);
    expect(changes).toHaveLength(0);

    await settle(450); // past the quiet time after a write
    wb.userEdit('经费投入', 'F3', 11500);
    await settle();
    expect(changes).toHaveLength(1);

    await stop!();
    wb.userEdit('经费投入', 'F3', 11600);
    await settle();
    expect(changes).toHaveLength(1);
  });
}

test('events are switched back on after writing (ExcelApi 1.8+)', async () => {
  const wb = fakeTemplate({ problems: true, version: '1.8' });
  const host = hostOf(wb);
  await host.writeSummary(await check(host));
  expect(wb.sheets.some((s) => s.name === SUMMARY_SHEET)).toBe(true);
  expect(wb.eventsEnabled).toBe(true);
});

test('before ExcelApi 1.7 there is no live validation', async () => {
  const wb = fakeTemplate({ version: '1.6' });
  expect(await hostOf(wb).watchChanges(() => undefined)).toBeNull();
});
