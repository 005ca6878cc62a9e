/** The JSON report of `check --json` (spec/CLI.md). */
import type { Ruleset } from '../core/ruleset/model';
import type { CityFinding } from '../core/city';
import type { Finding } from '../core/types';
import type { CheckedResult } from './workbooks';

export const TOOL = { name: 'duty-review', version: '0.1.0' };

/** A finding as the JSON reports give it (spec/CLI.md). */
export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    indicator: f.indicator,
    level: f.level,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
    ...(f.level === 'warning' ? { explained: Boolean(f.explained) } : {}),
    ...(f.requirement ? { requirement: f.requirement } : {}),
    ...(f.explanation ? { explanation: f.explanation } : {}),
  };
}

export function workbookJson(c: CheckedResult, output?: string): Record<string, unknown> {
  if (c.status === 'unreadable') return { file: c.file, status: c.status, reason: c.reason };
  const r = c.report;
  return {
    file: c.file,
    status: c.status,
    ...(c.status === 'not-template' ? { reason: c.reason } : {}),
    ruleset: r.rulesetVersion || null,
    district: { name: r.district.name, code: r.district.code, year: r.district.year },
    counts: r.counts,
    readyToReturn: r.readyToReturn,
    ...(output ? { output } : {}),
    findings: r.findings.map(findingJson),
  };
}

export function reportJson(ruleset: Ruleset, workbooks: unknown[], city: CityFinding[] | null) {
  return {
    tool: TOOL,
    ruleset: { version: ruleset.version, overrides: ruleset.overrides },
    workbooks,
    ...(city ? { city: { findings: city } } : {}),
  };
}
