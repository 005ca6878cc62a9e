/**
 * What the Excel that offices really run does, and the fake now does too (issue 11): undo is
 * cleared by deleting a sheet and by protection changes, a cell with a legacy note refuses a
 * comment, change events come from the ribbon's writes and from the product's own sheets, and
 * conditional formats are rules the user sees in Excel's rule manager.
 */
import { LEVEL_COLOURS, SUMMARY_SHEET } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { COMMENT_PREFIX } from '../../src/hosts/host';
import { markFormula } from '../../src/hosts/excel/marks';
import { zh } from '../../src/i18n';
import { check, fakeTemplate, hostOf, protectedTemplate, settle } from './helpers';

const ownComments = (wb: ReturnType<typeof fakeTemplate>) =>
  wb.comments.filter((c) => c.content.startsWith(COMMENT_PREFIX));
const writes = (wb: ReturnType<typeof fakeTemplate>) => wb.sheets.reduce((n, s) => n + s.writes, 0);

describe('undo survives live validation: only what changed is written', () => {
  test('validating again with the same findings writes nothing, saves nothing, touches no protection', async () => {
    const wb = protectedTemplate({ problems: true });
    const host = hostOf(wb);
    const report = await check(host);
    await host.markFindings(report);
    await settle();
    const before = { writes: writes(wb), saves: wb.settings.saves, dump: wb.dump() };

    const again = await host.markFindings(await check(host));
    await settle();
    expect(again).toEqual({ marked: report.findings.length, summaryOnly: 0, warnings: [] });
    expect(writes(wb)).toBe(before.writes);
    expect(wb.settings.saves).toBe(before.saves);
    expect(wb.dump()).toBe(before.dump);
    expect(wb.protectionLog).toEqual([]);
    expect(wb.undoClearedBy).toEqual([]);
  });

  test('an edit changes only its own cell’s marks; other comments (and their replies) stay as they are', async () => {
    const wb = fakeTemplate({ problems: true });
    const host = hostOf(wb);
    await host.markFindings(await check(host));
    const ids = new Map(ownComments(wb).map((c) => [`${c.sheet.name}!${c.r},${c.c}`, c.id]));
    const writesBefore = writes(wb);

    wb.userEdit('经费投入', 'F5', 12000); // fixes the error in F5
    const report = await check(host);
    await host.markFindings(report);
    expect(wb.look('经费投入', 'F5').comment).toBeUndefined();
    expect(wb.look('经费投入', 'F5').fill).toBe('');
    expect(wb.look('经费投入', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);
    for (const c of ownComments(wb)) expect(c.id).toBe(ids.get(`${c.sheet.name}!${c.r},${c.c}`));
    // the F5 comment deleted, 经费投入's error format replaced (F3 only now): a handful of commands
    expect(writes(wb) - writesBefore).toBeLessThanOrEqual(6);
    expect(wb.undoClearedBy).toEqual([]);
  });

  test('a comment whose text changes is edited in place, not deleted and added again', async () => {
    const wb = fakeTemplate({ problems: true });
    const host = hostOf(wb);
    const report = await check(host);
    await host.markFindings(report);
    const f3 = ownComments(wb).find((c) => c.sheet.name === '经费投入' && c.r === 2 && c.c === 5)!;
    const changed: Report = {
      ...report,
      findings: report.findings.map((f) =>
        f.sheet === '经费投入' && f.cell === 'F3' ? { ...f, message: `${f.message}（已复核）` } : f,
      ),
    };
    await host.markFindings(changed);
    const after = ownComments(wb).find((c) => c.sheet.name === '经费投入' && c.r === 2 && c.c === 5)!;
    expect(after.id).toBe(f3.id);
    expect(after.content).toMatch(/（已复核）/);
  });

  test('校验结果 is cleared and rewritten, never deleted (deleting a sheet clears undo and breaks links)', async () => {
    const wb = fakeTemplate({ problems: true });
    const host = hostOf(wb);
    const report = await check(host);
    await host.writeSummary(report);
    const id = wb.sheet(SUMMARY_SHEET).id;
    wb.sheet(SUMMARY_SHEET).edit(500, 0, { v: '旧的一行', type: 'String' });
    await host.writeSummary({ ...report, findings: report.findings.slice(0, 1) });
    expect(wb.sheet(SUMMARY_SHEET).id).toBe(id);
    expect(wb.look(SUMMARY_SHEET, 'A501').value).toBe('');
    expect(wb.values(SUMMARY_SHEET).length).toBeLessThan(20);
    expect(wb.undoClearedBy).toEqual([]);
  });
});

describe('a cell that refuses a comment does not stop the others', () => {
  test('a legacy note (unreadable before ExcelApi 1.18) in the middle of a batch: that cell is skipped', async () => {
    const wb = fakeTemplate({ problems: true, version: '1.17' });
    wb.addUserComment('安全与卫生', 'F6', '旧式批注（WPS）', 'notes');
    const host = hostOf(wb);
    const report = await check(host);
    const result = await host.markFindings(report);
    const refused = report.findings.filter((f) => f.sheet === '安全与卫生' && f.cell === 'F6').length;
    expect(result.summaryOnly).toBe(refused);
    expect(result.marked).toBe(report.findings.length - refused);
    expect(result.warnings).toEqual([zh.host.occupiedCells(1)]);
    expect(wb.look('安全与卫生', 'F6').note).toBe('旧式批注（WPS）');
    expect(wb.look('安全与卫生', 'I6').comment).toMatch(new RegExp(`^${COMMENT_PREFIX}`));
    expect(wb.look('安全与卫生', 'F6').fill).toBe(`#${LEVEL_COLOURS.warning}`);
  });

  test('legacy notes on the first cells tried: comments still go on every other cell', async () => {
    const wb = fakeTemplate({ problems: true, version: '1.17' });
    const host = hostOf(wb);
    const report = await check(host);
    const cells = [...new Set(report.findings.map((f) => `${f.sheet}!${f.cell}`))];
    for (const c of cells.slice(0, 2)) {
      const [sheet, cell] = c.split('!') as [string, string];
      wb.addUserComment(sheet, cell, '旧式批注', 'notes');
    }
    const result = await host.markFindings(report);
    expect(result.warnings).toEqual([zh.host.occupiedCells(2)]);
    expect(ownComments(wb)).toHaveLength(cells.length - 2);
  });

  test('a workbook that takes no comments at all still ends in a warning, not a comment per cell tried forever', async () => {
    const wb = fakeTemplate({ problems: true, version: '1.17', commentsFail: true });
    const host = hostOf(wb);
    const report = await check(host);
    const result = await host.markFindings(report);
    expect(result.warnings).toEqual([zh.host.commentsFailed]);
    expect(result.summaryOnly).toBe(report.findings.length);
  });
});

describe('change events', () => {
  test('edits on the product’s own sheets (the ribbon’s writes, a remark typed into 校验结果) are ignored', async () => {
    const wb = fakeTemplate({ problems: true });
    const host = hostOf(wb);
    await host.writeSummary(await check(host));
    await settle(450);
    const changes: number[] = [];
    const stop = await host.watchChanges(() => changes.push(1));
    wb.userEdit(SUMMARY_SHEET, 'K10', '已电话核实');
    await settle(20);
    expect(changes).toHaveLength(0);
    wb.userEdit('经费投入', 'F3', 11500);
    await settle(20);
    expect(changes).toHaveLength(1);
    await stop!();
  });
});

describe('marks scale: one conditional format per level per sheet (ExcelApi 1.9+)', () => {
  test('a level’s cells on a sheet share one rule over a multi-area range', async () => {
    const wb = fakeTemplate({ problems: true });
    const host = hostOf(wb);
    const report = await check(host);
    const many: Report = {
      ...report,
      findings: [
        ...report.findings,
        ...Array.from({ length: 300 }, (_, i) => ({ ...report.findings[0]!, sheet: '经费投入', cell: `M${i + 3}` })),
      ],
    };
    await host.markFindings(many);
    const cfs = wb.sheet('经费投入').cfs;
    expect(cfs.map((cf) => cf.formula)).toEqual([markFormula('error')]);
    expect(wb.look('经费投入', 'M200').fill).toBe(`#${LEVEL_COLOURS.error}`);
    expect(wb.look('经费投入', 'F5').fill).toBe(`#${LEVEL_COLOURS.error}`);
    expect(wb.look('经费投入', 'F4').fill).not.toBe(`#${LEVEL_COLOURS.error}`);
    await host.clearMarks();
    expect(wb.sheet('经费投入').cfs).toEqual([]);
  });

  test('before ExcelApi 1.9 the marks are one format per cell, diffed the same way', async () => {
    const wb = fakeTemplate({ problems: true, version: '1.8' });
    const host = hostOf(wb);
    await host.markFindings(await check(host));
    expect(wb.sheet('经费投入').cfs).toHaveLength(2);
    const before = writes(wb);
    await host.markFindings(await check(host));
    expect(writes(wb)).toBe(before);
  });
});
