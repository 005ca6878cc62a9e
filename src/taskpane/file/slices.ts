/**
 * Work on the page's thread cut into slices, so that the page takes input and paints between
 * them (issue 14, item 6: the page never blocks more than 100 ms). A slice ends when it has run
 * `ms`; the next starts on a new task of the event loop: `scheduler.yield()` where the browser has
 * it, else a MessageChannel message — never a chain of setTimeout(0), which browsers hold back
 * 4 ms each once nested.
 */

interface YieldingScheduler {
  yield(): Promise<void>;
}

function browserScheduler(): YieldingScheduler | null {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  return s && typeof s.yield === 'function' ? (s as YieldingScheduler) : null;
}

/** Resolves on a new task: the page may handle input, render and paint before it. */
export function nextTask(): Promise<void> {
  const scheduler = browserScheduler();
  if (scheduler) return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  // no channel at all (the tests' jsdom): one timer per slice, not one per small step
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const clock = (): number => (typeof performance === 'object' ? performance.now() : Date.now());

/** Up to about 8 ms of work at a time: a frame's worth, far under the 50 ms of a long task. */
export const SLICE_MS = 8;

export class Slices {
  private started = clock();

  constructor(private readonly ms: number = SLICE_MS) {}

  /** Called between two pieces of work: gives the page its turn when this slice has run its time. */
  async step(): Promise<void> {
    if (clock() - this.started < this.ms) return;
    await nextTask();
    this.started = clock();
  }
}

/** `items` in consecutive runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
