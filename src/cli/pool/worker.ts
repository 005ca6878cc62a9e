/** A worker thread of `check` (pool/checkPool.ts): checks the files it is given, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkJob, type CheckJob } from './checkJob';
import { rulesetsOf, toWire, type WireResult, type WorkerInit } from './checkPool';
import type { Reply } from './pool';

const rulesets = rulesetsOf(workerData as WorkerInit);
const port = parentPort!;

port.on('message', ({ id, job }: { id: number; job: CheckJob }) => {
  checkJob(job, rulesets).then(
    (result) => port.postMessage({ id, ok: true, result: toWire(result, rulesets) } satisfies Reply<WireResult>),
    (e: unknown) =>
      port.postMessage({
        id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      } satisfies Reply<WireResult>),
  );
});
