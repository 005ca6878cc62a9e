/**
 * The page's side of the workbook worker: one worker checks the files one at a time. A worker
 * that dies on a file (an error it did not catch, running out of memory) or does not answer in
 * time is ended and replaced: that file is reported, the next one goes to a new worker. A worker
 * that cannot even start (an old WebView, a blocked script) leaves the work to the page's thread.
 *
 * `workerEngine` is a WorkbookEngine whose `checkFile` sends the File itself to the worker: the
 * page never holds a workbook's bytes, and the annotated copy is made by reading the file again.
 */
import type { Ruleset } from '../../../core/ruleset/model';
import type { FileSource, Outcome, WorkbookEngine } from '../types';
import { READY, RulesetCache, toWire, type CheckReply, type CheckRequest, type WireOutcome } from './protocol';

/** What the page uses of a Worker (tests give a fake one). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: Event) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

/** The worker died while checking the file. */
export class WorkerCrash extends Error {
  constructor() {
    super('worker crashed');
    this.name = 'WorkerCrash';
  }
}

/** The worker did not answer for the file in time. */
export class WorkerHang extends Error {
  constructor() {
    super('worker hung');
    this.name = 'WorkerHang';
  }
}

/** The worker could not start: the page's thread does the work instead. */
export class WorkerUnavailable extends Error {
  constructor() {
    super('worker unavailable');
    this.name = 'WorkerUnavailable';
  }
}

/** The file could not be read again (moved, changed or deleted since). */
export class FileGone extends Error {
  constructor() {
    super('file gone');
    this.name = 'FileGone';
  }
}

export interface ClientOptions {
  /** how long one file may take before its worker is ended */
  hangMs: number;
}

/** Two minutes: the largest workbook within the limits takes seconds; a hung reader never answers. */
export const HANG_MS = 120_000;

type Job = Omit<CheckRequest, 'id'>;
type Answer = Extract<CheckReply, { ok: true }>;

export class WorkerClient {
  private worker: WorkerLike | null = null;
  private ready = false;
  /** a worker that never started once: the page's thread does the work from now on */
  private unavailable = false;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly options: ClientOptions = { hangMs: HANG_MS },
  ) {}

  /** The worker's answer for one file, after the files sent before it. */
  run(job: Job): Promise<Answer> {
    const turn = this.queue.then(() => this.send(job));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Ends the worker (a new one starts with the next file). */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
  }

  private send(job: Job): Promise<Answer> {
    if (this.unavailable) return Promise.reject(new WorkerUnavailable());
    let worker: WorkerLike;
    try {
      worker = this.worker ??= this.spawn();
    } catch {
      this.unavailable = true;
      return Promise.reject(new WorkerUnavailable());
    }
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const finish = (fail?: Error, answer?: Answer) => {
        clearTimeout(timer);
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        if (fail) {
          this.stop();
          reject(fail);
        } else resolve(answer!);
      };
      const timer = setTimeout(() => finish(this.ready ? new WorkerHang() : this.giveUp()), this.options.hangMs);
      worker.onmessage = (e: MessageEvent) => {
        if (e.data === READY) {
          this.ready = true;
          return;
        }
        const reply = e.data as CheckReply;
        if (reply.id !== id) return;
        if (reply.ok) finish(undefined, reply);
        else if (reply.error === 'read') finish(new FileGone());
        else finish(new WorkerCrash());
      };
      worker.onerror = (e: Event) => {
        e.preventDefault();
        finish(this.ready ? new WorkerCrash() : this.giveUp());
      };
      worker.onmessageerror = () => finish(new WorkerCrash());
      const transfer = job.source instanceof ArrayBuffer ? [job.source] : [];
      worker.postMessage({ ...job, id }, transfer);
    });
  }

  private giveUp(): Error {
    this.unavailable = true;
    return new WorkerUnavailable();
  }
}

/** A source the worker can read itself (a File), or its bytes read here and handed over. */
async function sourceOf(file: FileSource): Promise<Blob | ArrayBuffer> {
  if (typeof Blob === 'function' && file instanceof Blob) return file;
  try {
    return await file.arrayBuffer();
  } catch {
    throw new FileGone();
  }
}

function copyOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * The file mode's engine with the checking done by `client`'s worker; rulesets and templates
 * (and everything, once the worker cannot start) by `fallback`, the engine on the page's thread.
 */
export function workerEngine(client: WorkerClient, fallback: () => Promise<WorkbookEngine>): WorkbookEngine {
  const carried = new RulesetCache();
  let onPage = false;

  const outcomeOf = (w: WireOutcome, rulesets: readonly Ruleset[], annotated: () => Promise<Uint8Array>): Outcome => {
    if (w.status !== 'checked') return w;
    const ruleset = 'index' in w.ruleset ? rulesets[w.ruleset.index]! : carried.get(w.ruleset.carried);
    return { status: 'checked', report: w.report, ruleset, marks: w.marks, annotated };
  };

  /** Checks `source()` in the worker, or on the page when the worker cannot start. */
  const check = async (
    source: () => Promise<Blob | ArrayBuffer>,
    onPageBytes: () => Promise<Uint8Array>,
    rulesets: readonly Ruleset[],
    now: Date,
    annotate: boolean,
  ): Promise<Outcome> => {
    const job = { rulesets: rulesets.map(toWire), now: now.getTime(), annotate };
    if (!onPage) {
      try {
        const first = await client.run({ ...job, source: await source(), copy: false });
        const annotated = async () => {
          try {
            const again = await client.run({ ...job, source: await source(), annotate: true, copy: true });
            if (!again.copy) throw new FileGone();
            return again.copy;
          } catch (e) {
            if (!(e instanceof WorkerUnavailable)) throw e;
            // the worker stopped starting since: the page makes the copy
            const copy = await (await fallback()).check(await onPageBytes(), rulesets, now, { annotate: true });
            if (copy.status !== 'checked') throw new FileGone();
            return copy.annotated();
          }
        };
        return outcomeOf(first.outcome, rulesets, annotated);
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e;
        onPage = true;
      }
    }
    return (await fallback()).check(await onPageBytes(), rulesets, now, { annotate });
  };

  return {
    check: (bytes, rulesets, now, { annotate }) =>
      check(
        async () => copyOf(bytes),
        async () => bytes,
        rulesets,
        now,
        annotate,
      ),
    checkFile: (file, rulesets, now, { annotate }) =>
      check(
        () => sourceOf(file),
        async () => new Uint8Array(await file.arrayBuffer()),
        rulesets,
        now,
        annotate,
      ),
    readRuleset: async (bytes) => (await fallback()).readRuleset(bytes),
    template: async (ruleset) => (await fallback()).template(ruleset),
  };
}
