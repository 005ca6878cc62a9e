/**
 * The batch as the reviewer decided (ReviewedBatch, useLedger.ts) and the city comparison,
 * computed in slices that leave the page free between them (each district's first places when a
 * letter first needs them): for 1,000 workbooks this is a few hundred milliseconds of work, which
 * in one go blocked the page when a batch ended (issue 14, item 6). The result is the same as
 * core's reviewBatch, cityFindings and cityLeads over the whole batch at once
 * (test/taskpane/batchReview.test.ts).
 *
 * A batch of up to AT_ONCE workbooks is reviewed at once, as the page renders; a larger one in
 * slices after it, while the page shows the last review done for the entries it shows (while a
 * decision is applied, the one before it); downloads wait for the review of what the page holds
 * now (`latest`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cityFindings, cityLeads, type CityFinding, type CityLead } from '../../core/city';
import { compareByCode } from '../../core/feedback/common';
import { applyLedger, type Decision, type LedgerRow } from '../../core/ledger';
import { decidedRows, decisionCounts, majorityBatch, type Decisions } from '../../core/review';
import type { Ruleset } from '../../core/ruleset/model';
import type { Report } from '../../core/types';
import { Slices, chunks, nextTask } from './slices';
import type { CheckedEntry } from './types';
import type { ReviewedBatch } from './useLedger';

export interface BatchReview extends ReviewedBatch {
  /** the batch's comparisons as the city panel shows them; none without a city ruleset */
  city: CityFinding[];
  /**
   * where each district leads the batch, for its letter (none without a city ruleset): computed
   * when a letter is first made, not when the batch is shown (tens of milliseconds for 1,000)
   */
  leads(): CityLead[];
  /** how many warnings have each decision (decisionCounts of the included reports) */
  counts: Record<Decision, number>;
}

/** Workbooks a slice takes at a time (each a few hundredths of a millisecond). */
const CHUNK = 25;

/**
 * The review of `included` with `decisions`, and with `cityRuleset` the city's comparisons and
 * (when asked for) first places, in pieces: the generator pauses between two (a slice may end there).
 */
function* reviewPieces(
  included: readonly CheckedEntry[],
  decisions: Decisions,
  cityRuleset: Ruleset | null,
): Generator<void, BatchReview> {
  // the ledger lists districts by 行政区划代码 (a stable sort, as ledgerRows' own): cut in runs of
  // that order, the runs' rows one after the other are the whole batch's
  const sorted = [...included].sort((a, b) => compareByCode(a.outcome.report, b.outcome.report));
  const rows: LedgerRow[] = [];
  const reviewed = new Map<number, Report>();
  for (const run of chunks(sorted, CHUNK)) {
    const own = decidedRows(
      run.map((e) => e.outcome.report),
      decisions,
    );
    // a warning's decision is the one of its key, whichever district's row carries it
    const applied = applyLedger(
      run.map((e) => e.outcome.report),
      own,
    );
    run.forEach((e, k) => reviewed.set(e.id, applied.reports[k]!));
    rows.push(...own);
    yield;
  }
  const workbooks = included.map((e) => ({ id: e.id, report: reviewed.get(e.id)!, ruleset: e.outcome.ruleset }));
  // by id in the entries' order, as reviewBatch has them
  const reports = new Map(workbooks.map((w) => [w.id, w.report]));
  const batch = majorityBatch(workbooks);
  const comparisons = workbooks.length > 1 && batch.ruleset ? cityFindings(batch.reports, batch.ruleset) : [];
  yield;
  const wanted = cityRuleset && batch.reports.length ? cityRuleset : null;
  // the city panel's comparison is the review's when their ruleset is the same
  const city = !wanted
    ? []
    : wanted === batch.ruleset && workbooks.length > 1
      ? comparisons
      : cityFindings(batch.reports, wanted);
  let leads: CityLead[] | null = null;
  // every decision at nought, as decisionCounts has them, then one for each row
  const counts = decisionCounts([], decisions);
  for (const row of rows) counts[row.decision]++;
  return {
    reports,
    cityReports: batch.reports,
    ruleset: batch.ruleset,
    comparisons,
    rows,
    city,
    leads: () => (leads ??= wanted ? cityLeads(batch.reports, wanted) : []),
    counts,
  };
}

/** The review in one go (a batch small enough for one slice). */
export function reviewAtOnce(
  included: readonly CheckedEntry[],
  decisions: Decisions,
  cityRuleset: Ruleset | null,
): BatchReview {
  const pieces = reviewPieces(included, decisions, cityRuleset);
  for (;;) {
    const next = pieces.next();
    if (next.done) return next.value;
  }
}

/**
 * The review cut into slices (`slices.step()` between two pieces). Null once `alive()` says the
 * page no longer wants it (the entries or the decisions changed meanwhile).
 */
export async function reviewInSlices(
  included: readonly CheckedEntry[],
  decisions: Decisions,
  cityRuleset: Ruleset | null,
  slices: Slices = new Slices(),
  alive: () => boolean = () => true,
): Promise<BatchReview | null> {
  const pieces = reviewPieces(included, decisions, cityRuleset);
  for (;;) {
    const next = pieces.next();
    if (next.done) return next.value;
    await slices.step();
    if (!alive()) return null;
  }
}

/**
 * Up to this many workbooks the review is done at once, as the page renders (a few milliseconds:
 * the city's part shows with the last file); above, in slices after it.
 */
export const AT_ONCE = 50;

interface Done {
  included: readonly CheckedEntry[];
  review: BatchReview;
}

/**
 * The review of the entries the page shows: `review` is null until one is done for `included`
 * (then the last one done, until the next); `latest()` waits for the review of what the page
 * holds now.
 */
export function useBatchReview(included: readonly CheckedEntry[], decisions: Decisions, cityRuleset: Ruleset | null) {
  const [done, setDone] = useState<Done | null>(null);
  const job = useRef<Promise<BatchReview | null> | null>(null);
  const atOnce = useMemo(
    () => (included.length <= AT_ONCE ? reviewAtOnce(included, decisions, cityRuleset) : null),
    [included, decisions, cityRuleset],
  );

  useEffect(() => {
    if (atOnce) {
      job.current = Promise.resolve(atOnce);
      return;
    }
    let alive = true;
    const promise = reviewInSlices(included, decisions, cityRuleset, new Slices(), () => alive);
    job.current = promise;
    void promise.then((review) => {
      if (alive && review) setDone({ included, review });
    });
    return () => {
      alive = false;
    };
  }, [atOnce, included, decisions, cityRuleset]);

  const latest = useCallback(async (): Promise<BatchReview> => {
    for (;;) {
      const current = job.current;
      const review = current ? await current : null;
      if (current === job.current) {
        if (review) return review;
        // not started yet (the page's first effects), or given up as the page went away
        if (current) throw new Error('no review: the page is gone');
        await nextTask();
      }
      // else a review given up for a newer one, or done while a newer one started: wait for that
    }
  }, []);

  const sliced = done && done.included === included ? done.review : null;
  return { review: atOnce ?? sliced, latest };
}
