/**
 * validate(snapshot, ruleset) → Report. Template integrity first; a workbook that is not the
 * template gets one error. Then 基本信息, the indicator sheets (G1–G6 and every indicator rule),
 * 学校明细 and its links to 义务教育, and 问题整改.
 */
import { INDICATORS, SHEETS, indicatorsOf, sheetOrder } from '../catalogue';
import { MSG } from '../messages';
import { DEFAULT_RULESET, type Ruleset } from '../params';
import { normalizeLabel } from '../parse';
import { parseA1 } from '../address';
import type { Counts, Finding, IndicatorResult, Report, WorkbookSnapshot } from '../types';
import { Context, type ValidateOptions } from './context';
import { checkInfo } from './info';
import { readIndicatorSheet, type IndicatorRow } from './indicatorSheets';
import { checkIndicatorRules } from './indicatorRules';
import { checkSchools } from './schools';
import { checkRectification } from './rectification';

export type { ValidateOptions };

/** A sheet not named as in the template that looks like a renamed template sheet. */
function renamedFrom(ctx: Context, name: string): string | undefined {
  const def = SHEETS.find((s) => s.name === name)!;
  const ids = new Set(indicatorsOf(name).map((d) => d.id));
  for (const sheet of ctx.sheets.values()) {
    if (SHEETS.some((s) => s.name === sheet.name)) continue;
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

export function sortFindings(findings: Finding[]): Finding[] {
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
  const findings = sortFindings(ctx.findings);
  const counts = countLevels(findings);
  const readyToReturn = counts.error === 0 && findings.every((f) => f.level !== 'warning' || f.explained);
  return { ...report, findings, counts, readyToReturn };
}

export function validate(
  snapshot: WorkbookSnapshot,
  ruleset: Ruleset = DEFAULT_RULESET,
  options: ValidateOptions = {},
): Report {
  const ctx = new Context(snapshot, ruleset, options);
  const base = {
    rulesetVersion: ruleset.version,
    templateVersion: ruleset.templateVersion,
    district: { name: '', code: '', year: null, city: '' },
    indicators: {},
    rectification: { total: 0, done: 0 },
  };

  const present = SHEETS.filter((s) => ctx.sheet(s.name));
  if (present.length < SHEETS.length / 2) {
    const first = snapshot.sheets[0]?.name ?? '';
    ctx.add('error', 'TPL.notTemplate', null, first, 1, 1, MSG.notTemplate(present.length, SHEETS.length));
    return finish(ctx, { ...base, status: 'not-template' });
  }
  for (const def of SHEETS) {
    if (ctx.sheet(def.name)) continue;
    ctx.add('error', 'TPL.missingSheet', null, def.name, 1, 1, MSG.missingSheet(def.name, renamedFrom(ctx, def.name)));
  }

  const district = checkInfo(ctx);
  const rows = new Map<string, IndicatorRow>();
  for (const def of SHEETS) if (def.kind === 'indicators') readIndicatorSheet(ctx, def, rows);
  const schools = checkSchools(ctx);
  const outcomes = checkIndicatorRules(ctx, rows, schools);
  const rectification = checkRectification(ctx);

  const indicators: Record<string, IndicatorResult> = {};
  for (const def of INDICATORS) {
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
  return finish(ctx, { ...base, status: 'checked', district, indicators, rectification });
}
