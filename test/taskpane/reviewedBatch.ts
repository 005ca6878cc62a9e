/**
 * The batch reviewed at once by core's reviewBatch: what the page's sliced review
 * (useBatchReview.ts) must give, and what the .zip tests draft from.
 */
import { decidedRows, reviewBatch, type Decisions } from '../../src/core/review';
import type { CheckedEntry } from '../../src/taskpane/file/types';
import type { ReviewedBatch } from '../../src/taskpane/file/useLedger';

export function reviewedBatch(included: readonly CheckedEntry[], decisions: Decisions): ReviewedBatch {
  const workbooks = included.map((e) => ({ id: e.id, report: e.outcome.report, ruleset: e.outcome.ruleset }));
  const rows = decidedRows(
    workbooks.map((w) => w.report),
    decisions,
  );
  const reviewed = reviewBatch(workbooks, rows);
  return {
    reports: new Map(reviewed.workbooks.map((w) => [w.id, w.report])),
    cityReports: reviewed.reports,
    ruleset: reviewed.ruleset,
    comparisons: reviewed.comparisons,
    rows,
  };
}
