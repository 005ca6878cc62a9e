/**
 * The file mode's workbook worker: reads and checks workbooks off the page's thread, so that the
 * page never waits on a large file (worker/client.ts sends the work, worker/handle.ts does it).
 */
import { installZeroTimeout } from './worker/zeroTimeout';
import { READY, type CheckRequest } from './worker/protocol';

// before the engine's libraries load: they keep the timer functions they find then
installZeroTimeout(self);

const engine = import(/* webpackChunkName: "workbook-worker" */ './worker/handle');

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  void engine.then(({ handle }) => handle(e.data).then(({ reply, transfer }) => self.postMessage(reply, { transfer })));
};
void engine.then(() => self.postMessage(READY));
