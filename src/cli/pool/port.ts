/**
 * The worker's side of a pool (pool.ts): what it was given to start with and its line to the
 * pool, the same whether it runs as a thread or as a child process.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface Port {
  on(fn: (message: unknown) => void): void;
  post(message: unknown): void;
}

/** The start data and the port; a child process receives its start data as the first message. */
export function connect<I>(): Promise<{ init: I; port: Port }> {
  if (parentPort) {
    const thread = parentPort;
    return Promise.resolve({
      init: workerData as I,
      port: { on: (fn) => thread.on('message', fn), post: (m) => thread.postMessage(m) },
    });
  }
  return new Promise((resolve) => {
    const first = (message: unknown) => {
      process.off('message', first);
      // the pool has gone (the command ended or was stopped): so does this worker
      process.on('disconnect', () => process.exit(0));
      resolve({
        init: (message as { init: I }).init,
        port: { on: (fn) => process.on('message', fn), post: (m) => process.send!(m as object) },
      });
    };
    process.on('message', first);
  });
}
