/** The fake behaves like Office where the host depends on it. */
import type { XContext, XProtectionOptions, XWorksheet } from '../../src/hosts/excel/api';
import { createFakeExcel, DEFAULT_PROTECTION, FakeOfficeError, TEMPLATE_PROTECTION } from './fakeExcel';

const wb = () => createFakeExcel({ sheets: [['表', [['a', 1]]]] });

test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
  await expect(
    wb().run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B1');
      return range.values;
    }),
  ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
});

test('a loaded property is readable after sync, and every sync is counted', async () => {
  const fake = wb();
  const values = await fake.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B1').load('values');
    await ctx.sync();
    return range.values;
  });
  expect(values).toEqual([['a', 1]]);
  expect(fake.syncs).toBe(1);
});

test('a comment on more than one cell is rejected', async () => {
  await expect(
    wb().run(async (ctx) => {
      ctx.workbook.comments.add("'表'!A1:B2", 'x');
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('a cell takes one comment or note', async () => {
  const fake = wb();
  fake.addUserComment('表', 'A1', '我的批注', 'notes');
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.comments.add("'表'!A1", 'x');
      await ctx.sync();
    }),
  ).rejects.toBeInstanceOf(FakeOfficeError);
});

test('missing requirement sets and protected sheets fail like Office', async () => {
  const old = createFakeExcel({ version: '1.5', sheets: [['表', []]] });
  await expect(old.run(async (ctx) => void ctx.workbook.comments)).rejects.toMatchObject({ code: 'ApiNotFound' });
  const locked = createFakeExcel({ sheets: [['表', []]], protectedSheets: ['表'] });
  await expect(
    locked.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['x']];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
});

describe('a protected sheet takes what its options allow, as in Excel', () => {
  /** Runs one write on 表 (B2 unlocked) and says whether Excel took it. */
  async function takes(
    options: XProtectionOptions | null,
    write: (ws: XWorksheet, ctx: XContext) => void,
    version = '1.18',
  ): Promise<boolean> {
    const fake = createFakeExcel({ version, sheets: [['表', [['标签', '']]]], unlocked: { 表: ['B2'] } });
    if (options) fake.protect('表', { options });
    const before = fake.dump();
    try {
      await fake.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem('表'), ctx);
        await ctx.sync();
      });
    } catch (e) {
      expect(e).toMatchObject({ code: 'AccessDenied' });
      expect(fake.dump()).toBe(before);
      return false;
    }
    return true;
  }
  const fill = (address: string) => (ws: XWorksheet) => void (ws.getRange(address).format.fill.color = '#FFC7CE');
  const value = (address: string) => (ws: XWorksheet) => void (ws.getRange(address).values = [[1]]);
  const cf = (ws: XWorksheet) => void ws.getRange('B2').conditionalFormats.add('Custom');
  const comment = (_: XWorksheet, ctx: XContext) => void ctx.workbook.comments.add('表!B2', '批注');
  const template = TEMPLATE_PROTECTION;
  const strict = DEFAULT_PROTECTION;
  const noObjects = { ...TEMPLATE_PROTECTION, allowEditObjects: false };

  test.each([
    ['a fill on a locked cell, formatting allowed', template, fill('A1'), true],
    ['a fill on an unlocked cell, formatting allowed', template, fill('B2'), true],
    ['a fill on an unlocked cell, formatting not allowed', strict, fill('B2'), false],
    ['a fill on a locked cell, formatting not allowed', strict, fill('A1'), false],
    ['a value in an unlocked cell', strict, value('B2'), true],
    ['a value in a locked cell, formatting allowed', template, value('A1'), false],
    [
      'a value over locked and unlocked cells',
      template,
      (ws: XWorksheet) => void (ws.getRange('A2:B2').values = [[1, 2]]),
      false,
    ],
    ['a conditional format, formatting allowed (Format cells covers it)', template, cf, true],
    ['a comment, objects allowed', template, comment, true],
    ['a comment, objects not allowed', noObjects, comment, false],
    ['a fill on an unprotected sheet', null, fill('A1'), true],
  ] as const)('%s', async (_, options, write, expected) => {
    expect(await takes(options, write)).toBe(expected);
  });

  test('what the fake takes on ExcelApi 1.1: fills where formatting is allowed', async () => {
    expect(await takes(template, fill('A1'), '1.1')).toBe(true);
    expect(await takes(strict, fill('B2'), '1.1')).toBe(false);
  });
});

test('a failing command drops the commands queued after it', async () => {
  const fake = wb();
  await expect(
    fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      ws.getRange('A1').values = [['changed']];
      ctx.workbook.comments.add("'表'!A1:B2", 'x');
      ws.getRange('B1').values = [['never']];
      await ctx.sync();
    }),
  ).rejects.toBeDefined();
  expect(fake.look('表', 'A1').value).toBe('changed');
  expect(fake.look('表', 'B1').value).toBe(1);
});

test('sheet protection round-trips its options, and a password keeps it shut', async () => {
  const fake = createFakeExcel({
    sheets: [
      ['表', []],
      ['锁', []],
    ],
    protectedSheets: ['表'],
    passwordSheets: { 锁: 'pw' },
  });
  const before = fake.protectionOf('表');
  const read = await fake.run(async (ctx) => {
    const p = ctx.workbook.worksheets.getItem('表').protection.load('protected,options');
    await ctx.sync();
    const saved = { protected: p.protected, options: p.options };
    p.unprotect();
    p.load('protected,options');
    await ctx.sync();
    const open = { protected: p.protected, options: p.options };
    p.protect(saved.options);
    await ctx.sync();
    return { saved, open };
  });
  expect(read.saved).toEqual({ protected: true, options: TEMPLATE_PROTECTION });
  expect(read.open.protected).toBe(false);
  expect(read.open.options).not.toEqual(TEMPLATE_PROTECTION);
  expect(fake.protectionOf('表')).toEqual(before);

  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').protection.protect();
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperation' });
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('锁').protection.unprotect();
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
  expect(fake.protectionOf('锁')).toMatchObject({ protected: true, password: 'pw' });
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('锁').protection.load('isPasswordProtected');
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
});

test('below ExcelApi 1.7 the protection options lack selection mode, objects and scenarios', async () => {
  const fake = createFakeExcel({ version: '1.6', sheets: [['表', []]], protectedSheets: ['表'] });
  const options = await fake.run(async (ctx) => {
    const p = ctx.workbook.worksheets.getItem('表').protection.load('options');
    await ctx.sync();
    return p.options;
  });
  expect(options.selectionMode).toBeUndefined();
  expect(options.allowEditObjects).toBeUndefined();
  expect(options.allowFormatCells).toBe(true);
});
