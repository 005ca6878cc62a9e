/**
 * validate(snapshot, ruleset) → Report. Template integrity first; a workbook that is not the
 * template gets one error. Then 基本信息, the indicator sheets (G1–G4), the 清单 (their fields),
 * and the ruleset's rules in their order (G5, G6 after them).
 */
import { MSG } from '../messages';
import { normalizeLabel } from '../parse';
import { parseA1 } from '../address';
import { RULESET_SHEET } from '../layout';
import type { Ruleset } from '../ruleset/model';
import type { Counts, Finding, IndicatorResult, Report, WorkbookSnapshot } from '../types';
import { Context, type ValidateOptions } from './context';
import { checkInfo } from './info';
import { readIndicatorSheet, type IndicatorRow } from './indicatorSheets';
import { readList, type ListSheet } from './lists';
import { checkRules, workbookScope } from './rules';
import { chooseRuleset, infoValue } from '../ruleset';

export type { ValidateOptions };

/** A sheet not named as in the template that looks like a renamed template sheet. */
function renamedFrom(ctx: Context, name: string): string | undefined {
  const def = ctx.ruleset.sheet(name)!;
  const ids = new Set(ctx.ruleset.indicatorsOf(name).map((d) => d.id.toUpperCase()));
  for (const sheet of ctx.sheets.values()) {
    if (ctx.ruleset.sheet(sheet.name)) continue;
    if (normalizeLabel(sheet.cell(1, 1)?.v) === normalizeLabel(def.title)) return sheet.name;
    for (let r = 1; r <= Math.min(sheet.rowCount, 40) && ids.size; r++) {
      if (ids.has(sheet.label(r, 1).toUpperCase())) return sheet.name;
    }
  }
  return undefined;
}

export function countLevels(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

/** Findings in sheet order (the ruleset's), then row, then column. */
export function sortFindings(findings: Finding[], sheetOrder: (name: string) => number): Finding[] {
  const key = (f: Finding) => {
    const a = parseA1(f.cell) ?? { row: 0, col: 0 };
    return [sheetOrder(f.sheet), a.row, a.col] as const;
  };
  return findings
    .map((f, i) => ({ f, k: key(f), i }))
    .sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.k[2] - y.k[2] || x.i - y.i)
    .map((x) => x.f);
}

function finish(ctx: Context, report: Omit<Report, 'findings' | 'counts' | 'readyToReturn'>): Report {
  const findings = sortFindings([...ctx.findings, ...ctx.unlistedFindings()], (n) => ctx.ruleset.sheetOrder(n));
  const counts = countLevels(findings);
  const readyToReturn = counts.error === 0 && findings.every((f) => f.level !== 'warning' || f.explained);
  return { ...report, findings, counts, readyToReturn };
}

export function validate(snapshot: WorkbookSnapshot, ruleset: Ruleset, options: ValidateOptions = {}): Report {
  const ctx = new Context(snapshot, ruleset, options);
  const base = {
    rulesetVersion: ruleset.version,
    templateVersion: ruleset.version,
    district: { name: '', code: '', year: null, city: '' },
    indicators: {},
  };
  for (const f of options.extraFindings ?? []) ctx.findings.push(f);

  const expected = ruleset.sheets;
  const present = expected.filter((s) => ctx.sheet(s.name));
  if (present.length < expected.length / 2) {
    const first = snapshot.sheets.find((s) => s.name !== RULESET_SHEET)?.name ?? '';
    ctx.engine(
      'TPL.notTemplate',
      null,
      { sheet: first, row: 1, col: 1 },
      MSG.notTemplate(ruleset.meta.name, ruleset.version, present.length, expected.length),
    );
    return finish(ctx, { ...base, status: 'not-template' });
  }
  expected.forEach((def, i) => {
    if (ctx.sheet(def.name)) return;
    // marked on the renamed sheet when there is one; else on the name of the missing sheet (a
    // sheet the workbook does not have: the message says where it belongs)
    const renamed = renamedFrom(ctx, def.name);
    const after = expected[i - 1]?.name;
    ctx.engine(
      'TPL.missingSheet',
      null,
      { sheet: renamed ?? def.name, row: 1, col: 1 },
      MSG.missingSheet(def.name, renamed, after),
      { values: { sheet: def.name } },
    );
  });

  const district = checkInfo(ctx);
  const rows = new Map<string, IndicatorRow>();
  for (const def of expected) if (def.kind === 'indicators') readIndicatorSheet(ctx, def, rows);
  const lists = new Map<string, ListSheet>();
  const scope = workbookScope(ctx, rows, lists, new Set());
  for (const def of ruleset.lists) {
    const list = readList(ctx, def, scope);
    if (list) lists.set(def.sheet, list);
  }
  const outcomes = checkRules(ctx, rows, lists);

  const indicators: Record<string, IndicatorResult> = {};
  for (const def of ruleset.indicators) {
    const row = rows.get(def.id);
    indicators[def.id] = {
      id: def.id,
      last: row?.last ?? null,
      current: row?.current ?? null,
      explanation: row?.explanation ?? '',
      evidence: row?.evidence ?? '',
      outcome: outcomes.get(def.id) ?? 'notEvaluated',
    };
  }
  return finish(ctx, { ...base, status: 'checked', district, indicators });
}

/** 地区名称, 行政区划代码, 评价年度 and 所属地市 of any workbook, found by their labels. */
function districtOf(snapshot: WorkbookSnapshot): Report['district'] {
  const get = (label: string): string => String(infoValue(snapshot, label)?.cell?.v ?? '').trim();
  const year = Number(get('评价年度'));
  return {
    name: get('地区名称'),
    code: get('行政区划代码'),
    year: Number.isInteger(year) && year > 0 ? year : null,
    city: get('所属地市'),
  };
}

/**
 * Checks a workbook with the ruleset of its 模板版本 among `available` (the user's first, then
 * the bundled), or the one it carries; a workbook no ruleset matches gets one integrity error.
 */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  available: readonly Ruleset[],
  options: ValidateOptions = {},
): Report {
  return checkWorkbookWith(snapshot, available, options).report;
}

/** checkWorkbook, and the ruleset it used (null when none matched): drafts need that one. */
export function checkWorkbookWith(
  snapshot: WorkbookSnapshot,
  available: readonly Ruleset[],
  options: ValidateOptions = {},
): { report: Report; ruleset: Ruleset | null } {
  const choice = chooseRuleset(snapshot, available);
  if ('error' in choice) {
    const findings = [choice.error];
    const report: Report = {
      status: 'not-template',
      rulesetVersion: '',
      templateVersion: choice.district.version,
      district: districtOf(snapshot),
      findings,
      counts: countLevels(findings),
      readyToReturn: false,
      indicators: {},
    };
    return { report, ruleset: null };
  }
  const report = validate(snapshot, choice.ruleset, { ...options, extraFindings: choice.findings });
  return { report, ruleset: choice.ruleset };
}
