/** The file mode's ExcelJS chunk: rulesets and templates, on real workbooks. */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { RULESET_SHEET } from '../../src/core/layout';
import { bundledRuleset, checkRuleset } from '../../src/core/ruleset';
import type { Ruleset } from '../../src/core/ruleset/model';
import { workbookEngine } from '../../src/taskpane/file/workbookEngine';
import { WEIHAI, brokenDoc, rulesetWorkbookBytes, weihaiDoc } from './rulesetHelpers';

const NOW = new Date(2026, 0, 15);
const weihai: Ruleset = checkRuleset(weihaiDoc()).ruleset!;

test('the blank template of a ruleset is protected and carries that ruleset, which then checks it', async () => {
  const bytes = await workbookEngine.template(weihai);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.getWorksheet(RULESET_SHEET)!.state).toBe('veryHidden');
  const sheetProtected = (name: string) =>
    Boolean((wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  expect(sheetProtected('经费投入')).toBe(true);
  expect(wb.getWorksheet('基本信息')!.getCell('B10').value).toBe(WEIHAI.version);

  // checked with the bundled ruleset only at hand: the template's own is used
  const outcome = await workbookEngine.check(bytes, [bundledRuleset()], NOW, { annotate: true });
  expect(outcome.status).toBe('checked');
  if (outcome.status !== 'checked') return;
  expect(outcome.ruleset.version).toBe(WEIHAI.version);
  expect(outcome.report.rulesetVersion).toBe(WEIHAI.version);
  expect((await outcome.annotated()).length).toBeGreaterThan(1000);
});

test('a workbook is checked with the ruleset of its version among those given', async () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'examples', '东城区.xlsx')));
  const outcome = await workbookEngine.check(bytes, [weihai, bundledRuleset()], NOW, { annotate: false });
  expect(outcome.status === 'checked' && outcome.ruleset).toBe(bundledRuleset());

  // the example carries 2025.1: with only 威海 at hand, its own copy checks it
  const carried = await workbookEngine.check(bytes, [weihai], NOW, { annotate: false });
  expect(carried.status === 'checked' && carried.ruleset.version).toBe('2025.1');

  // without the copy, no ruleset matches its version
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.removeWorksheet(wb.getWorksheet(RULESET_SHEET)!.id);
  const bare = new Uint8Array(await wb.xlsx.writeBuffer());
  const other = await workbookEngine.check(bare, [weihai], NOW, { annotate: false });
  expect(other.status).toBe('not-template');
  expect(other.status !== 'checked' && other.reason).toMatch(/模板版本为“2025\.1”.*“威海2026\.1”/);
});

test('an authoring workbook is read into its document, problems and all', async () => {
  const good = await workbookEngine.readRuleset(await rulesetWorkbookBytes(weihaiDoc()));
  expect(good.problems).toEqual([]);
  expect(good.doc?.ruleset.version).toBe(WEIHAI.version);
  const bad = await workbookEngine.readRuleset(await rulesetWorkbookBytes(brokenDoc()));
  expect(checkRuleset(bad.doc!).problems.map((p) => `${p.sheet}!${p.cell}`)).toContain('规则!E2');
  const none = await workbookEngine.readRuleset(new TextEncoder().encode('not a workbook'));
  expect(none).toEqual({ doc: null, problems: [expect.objectContaining({ level: 'error' })] });
});
