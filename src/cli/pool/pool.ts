/**
 * A small pool of workers that runs jobs on every core: worker threads (node:worker_threads) or
 * child processes (node:child_process, structured-clone messages). Jobs are taken in the order
 * given; each job's promise settles with its own result. A worker that dies during a job (an
 * uncaught error, running out of memory, exiting) rejects that job with `WorkerCrash` and is
 * replaced: the other jobs go on.
 */
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';

/** The worker running the job died before answering. */
export class WorkerCrash extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'WorkerCrash';
  }
}

/** Threads share one process; processes have a heap and a garbage collector each. */
export type WorkerKind = 'thread' | 'process';

export interface PoolOptions {
  /** the worker script (compiled JavaScript); see port.ts for its side */
  script: string;
  /** how many workers at most */
  size: number;
  /** given to every worker (workerData for a thread, the first message for a process) */
  workerData?: unknown;
  /** the largest heap a worker may use, in MB */
  heapMb?: number;
  kind?: WorkerKind;
}

/** What a worker posts back for a job: its result, or the message of an error it caught. */
export type Reply<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: string };

/** One worker as the pool sees it, whatever it runs in. */
interface Channel {
  send(message: unknown): void;
  onMessage(fn: (message: unknown) => void): void;
  onDeath(fn: (detail: string) => void): void;
  stop(): Promise<void>;
}

function threadChannel(options: PoolOptions): Channel {
  const worker = new Worker(options.script, {
    workerData: options.workerData,
    ...(options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } } : {}),
  });
  return {
    send: (m) => worker.postMessage(m),
    onMessage: (fn) => worker.on('message', fn),
    onDeath: (fn) => {
      worker.on('error', (e) => fn(e instanceof Error ? e.message : String(e)));
      worker.on('exit', (code) => fn(`exit ${code}`));
    },
    stop: async () => void (await worker.terminate()),
  };
}

function processChannel(options: PoolOptions): Channel {
  const child = fork(options.script, [], {
    serialization: 'advanced',
    execArgv: options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [],
    // a dying worker's own words (V8's, in English) are not the user's business: its file is reported
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  child.send({ init: options.workerData ?? null });
  return {
    send: (m) => child.send(m as object),
    onMessage: (fn) => child.on('message', fn),
    onDeath: (fn) => {
      child.on('error', (e) => fn(e.message));
      child.on('exit', (code, signal) => fn(`exit ${code ?? signal}`));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

interface Pending<J, R> {
  id: number;
  job: J;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot<J, R> {
  channel: Channel;
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
    await Promise.all(this.slots.splice(0).map((s) => s.channel.stop()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = next;
      slot.channel.send({ id: next.id, job: next.job });
    }
  }

  private spawn(): Slot<J, R> {
    const channel = (this.options.kind === 'process' ? processChannel : threadChannel)(this.options);
    const slot: Slot<J, R> = { channel, busy: null };
    this.slots.push(slot);
    channel.onMessage((message) => {
      const reply = message as Reply<R>;
      const p = slot.busy;
      if (!p || p.id !== reply.id) return;
      slot.busy = null;
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
      this.dispatch();
    });
    let died = false;
    channel.onDeath((detail) => {
      if (died) return;
      died = true;
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      const p = slot.busy;
      slot.busy = null;
      if (p) p.reject(new WorkerCrash(detail));
      void channel.stop();
      if (!this.closed) this.dispatch();
    });
    return slot;
  }
}
