/**
 * Which of the page's workbooks count for the city, as the command decides it (core/batch): a
 * district's earlier return is superseded by its later one; a workbook of another 所属地市,
 * 评价年度 or ruleset than most is set aside. Those left out are still shown, with the reason, and
 * enter no city figure, comparison or draft.
 */
import { classifyBatch, type BatchStatus } from '../../core/batch';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import type { CheckedEntry } from './types';

export interface BatchPlaces {
  /** each checked entry's place, by id */
  status: ReadonlyMap<number, BatchStatus>;
  /** the entries that count for the city, in the order given */
  included: CheckedEntry[];
  /** their reports, for the city-wide comparison and draft */
  reports: Report[];
  /** the ruleset they share (the most common one), null when none counts */
  ruleset: Ruleset | null;
  /** how many were left out */
  setAside: number;
}

export function batchPlaces(checked: readonly CheckedEntry[]): BatchPlaces {
  const statuses = classifyBatch(
    checked.map((e) => ({ file: e.file, report: e.outcome.report, modified: e.modified })),
  );
  const status = new Map<number, BatchStatus>();
  const included: CheckedEntry[] = [];
  checked.forEach((e, i) => {
    const s = statuses[i]!;
    status.set(e.id, s);
    if (s.included) included.push(e);
  });
  return {
    status,
    included,
    reports: included.map((e) => e.outcome.report),
    ruleset: included[0]?.outcome.ruleset ?? null,
    setAside: checked.length - included.length,
  };
}
