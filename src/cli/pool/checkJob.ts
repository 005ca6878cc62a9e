/**
 * One workbook of `check`: read and validate it, let last year's workbook add its notices, mark
 * the findings, write the 校验结果 sheet and save the annotated copy. The same steps whether the
 * file is checked in a worker thread or in the command's own thread, so the two agree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Ruleset } from '../../core/ruleset/model';
import { CLI_TEXT as T } from '../text';
import { checkFile, type Checked, type CheckedResult } from '../workbooks';

export interface CheckJob {
  file: string;
  /** where the annotated copy goes; none is made without */
  target?: string;
  outDir: string;
  /** the time the summary sheet states (ms since 1970) */
  now: number;
}

export interface JobResult {
  checked: CheckedResult;
  /** the annotated copy written, if one was */
  output?: string;
  /** lines for stderr said before the file's own line (the copy could not be made or written) */
  problems: string[];
}

/** Everything `check` does for one file; the open workbook is dropped before it returns. */
export async function checkJob(
  job: CheckJob,
  rulesets: readonly Ruleset[],
  /** last year's comparison, added to the report before it is marked */
  apply?: (c: Checked & { status: 'checked' }) => Promise<unknown>,
): Promise<JobResult> {
  const c = await checkFile(job.file, rulesets, new Date(job.now));
  if (c.status === 'unreadable') return { checked: c, problems: [] };
  // a workbook not of the template gets its copy too: the district sees what is wrong, and where
  if (apply && c.status === 'checked') await apply(c);
  const problems: string[] = [];
  const { host, ...checked } = c;
  if (!job.target) return { checked: { ...checked, report: c.report }, problems };
  let bytes: Uint8Array | null = null;
  try {
    await host.markFindings(c.report);
    await host.writeSummary(c.report);
    bytes = await host.toBytes();
  } catch {
    // a workbook the copy cannot be made of: its findings stand, the others go on
    problems.push(T.cannotAnnotate(job.file));
  }
  if (!bytes) return { checked: { ...checked, report: c.report }, problems };
  try {
    mkdirSync(job.outDir, { recursive: true });
    writeFileSync(job.target, bytes);
    return { checked: { ...checked, report: c.report }, output: job.target, problems };
  } catch (e) {
    problems.push(T.cannotWrite(job.target, (e as NodeJS.ErrnoException).code ?? String(e)));
    return { checked: { ...checked, report: c.report }, problems };
  }
}
