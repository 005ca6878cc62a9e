/** A worker of `check` (pool/checkPool.ts), thread or process: checks the files it is given, one at a time. */
import { checkJob, type CheckJob } from './checkJob';
import { rulesetsOf, toWire, type WireResult, type WorkerInit } from './checkPool';
import type { Reply } from './pool';
import { connect } from './port';

void connect<WorkerInit>().then(({ init, port }) => {
  const rulesets = rulesetsOf(init);
  port.on((message) => {
    const { id, job } = message as { id: number; job: CheckJob };
    checkJob(job, rulesets).then(
      (result) => port.post({ id, ok: true, result: toWire(result, rulesets) } satisfies Reply<WireResult>),
      (e: unknown) =>
        port.post({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Reply<WireResult>),
    );
  });
});
