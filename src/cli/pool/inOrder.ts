/**
 * The files of a batch checked on every core the machine can spare (checkPool.ts) or in the
 * command's own thread, their results given back one by one in the order of the files. Last
 * year's comparison needs each open workbook, so with it the files are checked here.
 */
import type { Ruleset } from '../../core/ruleset/model';
import type { Checked } from '../workbooks';
import type { CheckJob, JobResult } from './checkJob';
import { CheckPool, workersFor } from './checkPool';

export async function* checkedInOrder(
  jobs: readonly CheckJob[],
  rulesets: readonly Ruleset[],
  /** last year's comparison, added to each report before it is marked */
  apply?: (c: Checked & { status: 'checked' }) => Promise<unknown>,
): AsyncGenerator<JobResult> {
  const threads = apply ? 0 : workersFor(jobs.length);
  const pool = threads ? new CheckPool(rulesets, threads) : null;
  const results = pool ? jobs.map((job) => pool.run(job)) : [];
  const here = pool ? null : await import('./checkJob');
  try {
    for (const [i, job] of jobs.entries()) yield pool ? await results[i]! : await here!.checkJob(job, rulesets, apply);
  } finally {
    await pool?.close();
  }
}
