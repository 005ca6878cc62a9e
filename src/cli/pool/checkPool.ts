/**
 * `check` on both cores: the files' jobs run in worker threads (pool/worker.ts), their results
 * come back in the order the files were given. A compiled ruleset does not cross threads: each
 * worker compiles the command's rulesets from their documents, and a result names its ruleset
 * by position, or carries the document of a ruleset the workbook brought with it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { compileRuleset } from '../../core/ruleset/compile';
import type { RulesetDoc } from '../../core/ruleset/doc';
import type { Ruleset } from '../../core/ruleset/model';
import { CLI_TEXT as T } from '../text';
import type { CheckJob, JobResult } from './checkJob';
import { Pool, type WorkerKind } from './pool';

/** A ruleset as it crosses threads. */
export type RulesetRef = { index: number } | { doc: RulesetDoc; overrides: Readonly<Record<string, number>> };

type Wired<T> = T extends { ruleset: Ruleset } ? Omit<T, 'ruleset'> & { ruleset: RulesetRef } : T;

export interface WireResult extends Omit<JobResult, 'checked'> {
  checked: Wired<JobResult['checked']>;
}

export interface WorkerInit {
  rulesets: { doc: RulesetDoc; overrides: Readonly<Record<string, number>> }[];
}

/** The worker script beside this module once compiled; absent when run from the TypeScript sources. */
export const WORKER_SCRIPT = join(__dirname, 'worker.js');

/** Memory one worker may use (the limits on a workbook's size keep checking well below it). */
const WORKER_HEAP_MB = 768;

export function initOf(rulesets: readonly Ruleset[]): WorkerInit {
  return { rulesets: rulesets.map((r) => ({ doc: r.doc, overrides: r.overrides })) };
}

/** The rulesets of `init`, compiled again in a worker. */
export function rulesetsOf(init: WorkerInit): Ruleset[] {
  return init.rulesets.map(({ doc, overrides }) => {
    const { ruleset, problems } = compileRuleset(doc, overrides);
    if (!ruleset) throw new Error(problems[0]?.message ?? 'ruleset');
    return ruleset;
  });
}

export function toWire(r: JobResult, rulesets: readonly Ruleset[]): WireResult {
  const c = r.checked;
  if (c.status !== 'checked') return { ...r, checked: c };
  const index = rulesets.indexOf(c.ruleset);
  const ref: RulesetRef = index >= 0 ? { index } : { doc: c.ruleset.doc, overrides: c.ruleset.overrides };
  return { ...r, checked: { ...c, ruleset: ref } };
}

/** Results turned back into the command's own rulesets; a carried ruleset is compiled once per run. */
export class Rewire {
  private readonly carried = new Map<string, Ruleset>();
  constructor(private readonly rulesets: readonly Ruleset[]) {}

  result(w: WireResult): JobResult {
    const c = w.checked;
    if (c.status !== 'checked') return { ...w, checked: c };
    return { ...w, checked: { ...c, ruleset: this.ruleset(c.ruleset) } };
  }

  private ruleset(ref: RulesetRef): Ruleset {
    if ('index' in ref) return this.rulesets[ref.index]!;
    const key = JSON.stringify([ref.doc, ref.overrides]);
    let r = this.carried.get(key);
    if (!r) {
      const { ruleset, problems } = compileRuleset(ref.doc, ref.overrides);
      if (!ruleset) throw new Error(problems[0]?.message ?? 'ruleset');
      this.carried.set(key, (r = ruleset));
    }
    return r;
  }
}

/**
 * Files a worker should have at least. A worker process starts cold (its own start-up, its code
 * not yet optimised, its heap grown page by page) and two processes share the memory system: on
 * this 2-core machine two workers checked 200 workbooks slower than the command alone (3.6 s
 * against 3.3 s), 400 a little faster (5.3 s against 5.5 s), 2,800 much faster (27 s against 36 s).
 */
const FILES_PER_WORKER = 150;
/** …and when DUTY_REVIEW_THREADS asks for workers: starting one costs about what checking two does. */
const FILES_PER_ASKED_WORKER = 3;

/**
 * How many workers a batch of `files` gets: DUTY_REVIEW_THREADS when set (1: none), else one per
 * core (not per idle core: the load average still counts a run that just ended, so a second run
 * would check on one core what the first checked on two), as long as each has its files; none
 * when the compiled worker is absent (run from the sources).
 */
export function workersFor(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  script = WORKER_SCRIPT,
): number {
  const asked = Number(env.DUTY_REVIEW_THREADS);
  const workers =
    Number.isInteger(asked) && asked > 0
      ? Math.min(asked, Math.floor(files / FILES_PER_ASKED_WORKER))
      : Math.min(cores, Math.floor(files / FILES_PER_WORKER));
  return workers >= 2 && existsSync(script) ? workers : 0;
}

/**
 * Child processes unless DUTY_REVIEW_WORKERS=thread: on a machine of two cores, two processes
 * checked a batch 1.3× faster than one, two threads no faster (each heap collected apart).
 */
export function workerKind(env: NodeJS.ProcessEnv = process.env): WorkerKind {
  return env.DUTY_REVIEW_WORKERS === 'thread' ? 'thread' : 'process';
}

export class CheckPool {
  private readonly pool: Pool<CheckJob, WireResult>;
  private readonly rewire: Rewire;

  constructor(rulesets: readonly Ruleset[], size: number, script = WORKER_SCRIPT, kind = workerKind()) {
    this.pool = new Pool({
      script,
      size,
      workerData: initOf(rulesets),
      heapMb: WORKER_HEAP_MB,
      kind,
    });
    this.rewire = new Rewire(rulesets);
  }

  /** The file's result; a worker that died on it makes it unreadable, and the others go on. */
  async run(job: CheckJob): Promise<JobResult> {
    try {
      return this.rewire.result(await this.pool.run(job));
    } catch {
      // the worker died on this file (WorkerCrash) or could not answer for it
      return { checked: { file: job.file, status: 'unreadable', reason: T.workerCrashed }, problems: [] };
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
