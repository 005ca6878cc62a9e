/**
 * In the workbook worker only: `setTimeout(fn, 0)` runs `fn` on the next task without the
 * browser's 4 ms minimum for nested timers. Libraries that hop through setTimeout(0) between
 * small steps (the stream shims bundled with ExcelJS and JSZip) otherwise leave the worker idle
 * most of the time. Other delays are the browser's own timers; clearTimeout cancels either.
 */
type Scope = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> & { MessageChannel?: typeof MessageChannel };

/** Ids of our zero timers, above any id a browser gives its own timers. */
const FIRST_ID = 2 ** 30;

export function installZeroTimeout(scope: Scope): void {
  if (typeof scope.MessageChannel !== 'function') return;
  const channel = new scope.MessageChannel();
  const due = new Map<number, () => void>();
  const order: number[] = [];
  let next = FIRST_ID;
  channel.port1.onmessage = () => {
    const id = order.shift();
    const fn = id === undefined ? undefined : due.get(id);
    if (id !== undefined) due.delete(id);
    fn?.();
  };
  const timer = scope.setTimeout.bind(scope);
  const clear = scope.clearTimeout.bind(scope);
  scope.setTimeout = ((fn: unknown, delay?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function' || (delay !== undefined && delay > 0)) return timer(fn as () => void, delay, ...args);
    const id = next++;
    due.set(id, () => (fn as (...a: unknown[]) => void)(...args));
    order.push(id);
    channel.port2.postMessage(0);
    return id;
  }) as typeof setTimeout;
  scope.clearTimeout = ((id?: number) => {
    if (typeof id === 'number' && id >= FIRST_ID) due.delete(id);
    else clear(id);
  }) as typeof clearTimeout;
}
