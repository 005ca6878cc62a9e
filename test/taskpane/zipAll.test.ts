/**
 * Everything in one download (file/zipAll) on the real example workbooks with the real engines:
 * the .zip's entries, each of them opens, the ledger carries the page's decisions, the letters
 * follow them — and the command (`check --out --ledger`, `feedback --out --review`) writes the
 * same letters, city draft and copies.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LEDGER_SHEET } from '../../src/core/ledger';
import { findingKey, type Decided } from '../../src/core/review';
import { bundledRuleset } from '../../src/core/ruleset';
import { SUMMARY_SHEET } from '../../src/core/summary';
import { draftToDocx } from '../../src/feedback/docx';
import { nodeRasteriser } from '../../src/feedback/rasterNode';
import { zh } from '../../src/i18n';
import { draftEngine } from '../../src/taskpane/file/draftEngine';
import { ledgerEngine } from '../../src/taskpane/file/ledgerEngine';
import type { CheckedEntry, Engines } from '../../src/taskpane/file/types';
import { reviewedBatch } from './reviewedBatch';
import { workbookEngine } from '../../src/taskpane/file/workbookEngine';
import { zipFiles } from '../../src/taskpane/file/zip';
import { zipAll } from '../../src/taskpane/file/zipAll';
import { run, tempDir } from '../cli/helpers';
import { TODAY } from '../fixtures/workbooks';
import { docxText, workbook } from '../fixtures/readBack';

jest.setTimeout(180_000);

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const DISTRICTS = ['东城区', '西城区', '北海区'];

const engines: Engines = {
  workbook: async () => workbookEngine,
  drafts: async () => draftEngine,
  docx: async () => draftToDocx,
  zip: async () => zipFiles,
  ledger: async () => ledgerEngine,
};

async function entryOf(id: number, file: string, bytes: Uint8Array): Promise<CheckedEntry> {
  const outcome = await workbookEngine.check(bytes, [bundledRuleset()], TODAY, { annotate: true });
  if (outcome.status !== 'checked') throw new Error(`${file}: ${outcome.status}`);
  return { id, file, outcome };
}

const examples = (names: string[]) =>
  Promise.all(
    names.map((d, i) => entryOf(i + 1, `${d}.xlsx`, new Uint8Array(readFileSync(join(EXAMPLES, `${d}.xlsx`))))),
  );

/** A sheet's values, row by row, as text. */
function sheetValues(ws: ExcelJS.Worksheet): string[] {
  const rows: string[] = [];
  ws.eachRow((row) => rows.push(JSON.stringify(row.values)));
  return rows;
}

test('the .zip holds every letter, the city draft, every copy and the ledger, each opens, and the command writes the same', async () => {
  const included = await examples(DISTRICTS);
  const [aside] = await examples(['南山县']);
  const setAside = [{ entry: { ...aside!, id: 9 }, why: '已被替代：另有一份填报日期更晚的同一地区填报表' }];
  // the reviewer accepts 西城区's explanation of JF02 and sends JS07 back with a note
  const west = included[1]!.outcome.report;
  const warning = (rule: string) => west.findings.find((f) => f.rule === rule && f.level === 'warning')!;
  const decisions = new Map<string, Decided>([
    [findingKey(west.district.code, warning('JF02.minGrowth')), { decision: '采纳说明', note: '' }],
    [
      findingKey(west.district.code, warning('JS07.minRate')),
      { decision: '退回补充', note: '请说明学历提升计划的完成时限' },
    ],
  ]);
  const review = reviewedBatch(included, decisions);

  // pictures drawn as the command draws them (resvg), so that the two city drafts can be compared
  const rasterise = await nodeRasteriser();
  const { bytes, failures } = await zipAll(engines, zh, { included, setAside, review, now: TODAY, rasterise });
  expect(failures).toEqual([]);
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  expect(names.sort()).toEqual(
    [
      '全市汇总反馈意见（初稿）.docx',
      '审核台账.xlsx',
      ...DISTRICTS.map((d) => `反馈意见/${d}反馈意见（初稿）.docx`),
      ...DISTRICTS.map((d) => `标注副本/${d}.checked.xlsx`),
      '标注副本/未纳入全市汇总/南山县.checked.xlsx',
      '标注副本/未纳入全市汇总/说明.txt',
    ].sort(),
  );
  const entry = (name: string) => zip.file(name)!.async('nodebuffer');

  // every document opens
  const texts = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.docx'))) texts.set(name, await docxText(await entry(name)));
  for (const name of names.filter((n) => n.endsWith('.checked.xlsx')))
    expect((await workbook(await entry(name))).getWorksheet(SUMMARY_SHEET)).toBeDefined();
  expect((await entry('标注副本/未纳入全市汇总/说明.txt')).toString('utf8')).toContain(
    `南山县.xlsx：${setAside[0]!.why}`,
  );

  // the ledger carries the decisions made on the page
  const ledgerBytes = await entry('审核台账.xlsx');
  const ws = (await workbook(ledgerBytes)).getWorksheet(LEDGER_SHEET)!;
  const decided: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(10).value !== '确认问题')
      decided.push([row.getCell(2).value, row.getCell(5).value, row.getCell(10).value].join(' '));
  });
  expect(decided).toEqual(['西城区 JF02.minGrowth 采纳说明', '西城区 JS07.minRate 退回补充']);

  // the letter follows the decisions
  const [body, annex] = texts.get('反馈意见/西城区反馈意见（初稿）.docx')!.split('\n附件\n待补充说明事项\n');
  expect(body).not.toContain('幼儿园专任教师专科及以上学历比例为');
  expect(annex).toContain('请说明学历提升计划的完成时限');

  // the command, given the same workbooks and this ledger, writes the same files
  const t = tempDir();
  try {
    mkdirSync(t.path('returned'));
    for (const d of DISTRICTS) copyFileSync(join(EXAMPLES, `${d}.xlsx`), t.path(`returned/${d}.xlsx`));
    const ledger = t.path('审核台账.xlsx');
    writeFileSync(ledger, ledgerBytes);
    await run([
      'check',
      t.path('returned'),
      '--out',
      t.path('标注副本'),
      '--ledger',
      t.path('空白台账.xlsx'),
      '--quiet',
    ]);
    const f = await run([
      'feedback',
      t.path('returned'),
      '--out',
      t.path('反馈意见'),
      '--review',
      ledger,
      '--format',
      'docx',
    ]);
    expect(f.err).not.toContain('对不上');
    expect(readdirSync(t.path('反馈意见')).sort()).toEqual(
      [...DISTRICTS.map((d) => `${d}反馈意见（初稿）.docx`), '全市汇总反馈意见（初稿）.docx'].sort(),
    );
    for (const d of DISTRICTS)
      expect(await docxText(readFileSync(t.path(`反馈意见/${d}反馈意见（初稿）.docx`)))).toBe(
        texts.get(`反馈意见/${d}反馈意见（初稿）.docx`),
      );
    expect(await docxText(readFileSync(t.path('反馈意见/全市汇总反馈意见（初稿）.docx')))).toBe(
      texts.get('全市汇总反馈意见（初稿）.docx'),
    );
    expect(readdirSync(t.path('标注副本')).sort()).toEqual(DISTRICTS.map((d) => `${d}.checked.xlsx`).sort());
    for (const d of DISTRICTS) {
      const mine = (await workbook(await entry(`标注副本/${d}.checked.xlsx`))).getWorksheet(SUMMARY_SHEET)!;
      const theirs = (await workbook(readFileSync(t.path(`标注副本/${d}.checked.xlsx`)))).getWorksheet(SUMMARY_SHEET)!;
      // each says when it was checked (the two runs may fall in different minutes), the rest is the same
      const undated = (ws: ExcelJS.Worksheet) => sheetValues(ws).filter((row) => !row.includes('"校验时间"'));
      expect(sheetValues(mine).length - undated(mine).length).toBe(1);
      expect(undated(mine)).toEqual(undated(theirs));
    }
    // the command's blank ledger lists the same warnings as the page's
    const blank = (await workbook(readFileSync(t.path('空白台账.xlsx')))).getWorksheet(LEDGER_SHEET)!;
    expect(blank.rowCount).toBe(ws.rowCount);
  } finally {
    t.done();
  }
});

test('a file that cannot be made is named, in the .zip and to the caller; the rest is still packed', async () => {
  const included = await examples(['东城区', '北海区']);
  const broken: CheckedEntry = {
    ...included[1]!,
    outcome: { ...included[1]!.outcome, annotated: () => Promise.reject(new Error('磁盘已满')) },
  };
  const list = [included[0]!, broken];
  const review = reviewedBatch(list, new Map());
  const { bytes, failures } = await zipAll(engines, zh, { included: list, setAside: [], review, now: TODAY });
  expect(failures).toEqual([zh.ledger.zipFailed('标注副本/北海区.checked.xlsx', zh.errors.generic('磁盘已满'))]);
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file('标注副本/北海区.checked.xlsx')).toBeNull();
  expect(zip.file('标注副本/东城区.checked.xlsx')).not.toBeNull();
  expect(zip.file('反馈意见/北海区反馈意见（初稿）.docx')).not.toBeNull();
  const note = await zip.file('未能生成的文件.txt')!.async('string');
  expect(note).toContain(failures[0]);
});
