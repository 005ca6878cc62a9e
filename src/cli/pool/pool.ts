/**
 * A small pool of worker threads (node:worker_threads) that runs jobs on every core. Jobs are
 * taken in the order given; each job's promise settles with its own result. A worker that dies
 * during a job (an uncaught error, running out of memory, exiting) rejects that job with
 * `WorkerCrash` and is replaced: the other jobs go on.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The worker running the job died before answering. */
export class WorkerCrash extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'WorkerCrash';
  }
}

export interface PoolOptions {
  /** the worker script (compiled JavaScript) */
  script: string;
  /** how many workers at most */
  size: number;
  /** given to every worker as `workerData` */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
}

/** What a worker posts back for a job: its result, or the message of an error it caught. */
export type Reply<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: string };

interface Pending<J, R> {
  id: number;
  job: J;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot<J, R> {
  worker: Worker;
  busy: Pending<J, R> | null;
}

export class Pool<J, R> {
  private readonly queue: Pending<J, R>[] = [];
  private readonly slots: Slot<J, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Runs one job on the next free worker. */
  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs not started are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = next;
      slot.worker.postMessage({ id: next.id, job: next.job });
    }
  }

  private spawn(): Slot<J, R> {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    const slot: Slot<J, R> = { worker, busy: null };
    this.slots.push(slot);
    worker.on('message', (reply: Reply<R>) => {
      const p = slot.busy;
      if (!p || p.id !== reply.id) return;
      slot.busy = null;
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
      this.dispatch();
    });
    let died = false;
    const die = (detail: string) => {
      if (died) return;
      died = true;
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      const p = slot.busy;
      slot.busy = null;
      if (p) p.reject(new WorkerCrash(detail));
      void worker.terminate();
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (e) => die(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => die(`exit ${code}`));
    return slot;
  }
}
