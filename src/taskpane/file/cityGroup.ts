/**
 * The districts a city-wide comparison and draft cover: those checked with one ruleset (the
 * version most of them have, as the command line chooses), since the drafts speak that ruleset's
 * language. Workbooks of other versions are left out, and the page says so.
 */
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';

export interface CityGroup {
  ruleset: Ruleset;
  reports: Report[];
  /** the versions left out, with how many workbooks each */
  others: { version: string; count: number }[];
}

export function cityGroup(checked: readonly { report: Report; ruleset: Ruleset }[]): CityGroup | null {
  const byVersion = new Map<string, { ruleset: Ruleset; reports: Report[] }>();
  for (const c of checked) {
    const v = c.ruleset.version;
    const group = byVersion.get(v) ?? { ruleset: c.ruleset, reports: [] };
    group.reports.push(c.report);
    byVersion.set(v, group);
  }
  // the most workbooks; on a tie the version seen first
  const sorted = [...byVersion.values()].sort((a, b) => b.reports.length - a.reports.length);
  const main = sorted[0];
  if (!main) return null;
  return {
    ruleset: main.ruleset,
    reports: main.reports,
    others: sorted.slice(1).map((g) => ({ version: g.ruleset.version, count: g.reports.length })),
  };
}

/** `威海2026.1 × 2、2024.1 × 1`: the versions left out and their numbers of workbooks, for a sentence. */
export function othersText(others: CityGroup['others'], sep: string): string {
  return others.map((o) => `${o.version} × ${o.count}`).join(sep);
}
