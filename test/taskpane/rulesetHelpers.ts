/** Rulesets for the task pane's tests: an office's own (the bundled one under another version), a broken one. */
import { BUNDLED_DOC, carriedPieces } from '../../src/core/ruleset';
import type { RulesetDoc } from '../../src/core/ruleset/doc';
import { RULESET_SHEET } from '../../src/core/layout';
import type { CellInput } from '../excel/fakeExcel';
import { templateSheets, type TemplateOptions } from '../excel/templateWorkbook';

export const WEIHAI = { version: '威海2026.1', name: '威海市县级人民政府履行教育职责评价指标（2026年版）' };

/** Ruleset 2025.1 as an office would re-issue it: its own version and name. */
export function weihaiDoc(): RulesetDoc {
  const doc = JSON.parse(JSON.stringify(BUNDLED_DOC)) as RulesetDoc;
  doc.ruleset = { ...doc.ruleset, ...WEIHAI };
  return doc;
}

/** A ruleset that cannot be used: a condition that does not parse, an indicator of an unknown type. */
export function brokenDoc(): RulesetDoc {
  const doc = weihaiDoc();
  doc.rules[0]!.condition = 'JF01 >= ';
  doc.indicators[0]!.type = '金额';
  return doc;
}

/** The ruleset's authoring workbook as .xlsx bytes. */
export async function rulesetWorkbookBytes(doc: RulesetDoc): Promise<Uint8Array> {
  const { buildRulesetWorkbook } = await import('../../src/hosts/file/rulesetWorkbook');
  return new Uint8Array(await buildRulesetWorkbook(doc).xlsx.writeBuffer());
}

/**
 * The fake Excel's filled-in workbook with another 模板版本, carrying `carried` in its very hidden
 * sheet as a template made from that ruleset does.
 */
export function sheetsOfVersion(
  version: string,
  carried: RulesetDoc | null,
  opts: TemplateOptions = { problems: true },
): [string, CellInput[][]][] {
  const sheets = templateSheets(opts);
  const info = sheets.find(([, rows]) => rows.some((r) => r[0] === '模板版本'))![1];
  info.find((r) => r[0] === '模板版本')![1] = `'${version}`;
  if (carried) sheets.push([RULESET_SHEET, carriedPieces(carried).map((piece) => [piece])]);
  return sheets;
}
