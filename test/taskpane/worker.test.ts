/**
 * The page's workbook worker (issue 14, item 6), with the worker's real work (worker/handle.ts on
 * real workbooks) run by a stand-in Worker: the page sends the File itself and keeps no bytes,
 * the findings are the engine's, the annotated copy reads the file again; a file that crashes or
 * hangs the worker is reported for that file and the next one gets a new worker; a worker that
 * cannot start leaves the work to the page; and without any worker the page keeps no workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRuleset, checkRuleset } from '../../src/core/ruleset';
import type { Ruleset } from '../../src/core/ruleset/model';
import { SUMMARY_SHEET } from '../../src/core/summary';
import { checkBytes } from '../../src/hosts/file/check';
import { zh } from '../../src/i18n';
import { UserError } from '../../src/taskpane/errors';
import { readOne, type FileLike } from '../../src/taskpane/file/readFiles';
import type { Outcome, WorkbookEngine } from '../../src/taskpane/file/types';
import { WorkerClient, workerEngine, type WorkerLike } from '../../src/taskpane/file/worker/client';
import { handle } from '../../src/taskpane/file/worker/handle';
import { READY, type CheckRequest } from '../../src/taskpane/file/worker/protocol';
import { installZeroTimeout } from '../../src/taskpane/file/worker/zeroTimeout';
import { workbookEngine } from '../../src/taskpane/file/workbookEngine';
import { WEIHAI, weihaiDoc } from './rulesetHelpers';
import { workbook as workbookOf } from '../fixtures/readBack';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NOW = new Date(Date.UTC(2026, 10, 22));
const example = (name: string) => new File([readFileSync(join(EXAMPLES, `${name}.xlsx`))], `${name}.xlsx`);

/** A stand-in Worker: the real handler, except for files whose bytes say CRASH, HANG or (at start) NOSTART. */
class StandIn implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  readonly sources: unknown[] = [];
  readonly requests: CheckRequest[] = [];

  /** a real worker says it is ready before it takes any work */
  private readonly started: Promise<void>;

  constructor(private readonly starts = true) {
    this.started = new Promise((done) =>
      setTimeout(() => {
        if (starts) this.emit(READY);
        else this.fail();
        done();
      }, 0),
    );
  }

  postMessage(req: CheckRequest): void {
    this.sources.push(req.source);
    this.requests.push(req);
    void (async () => {
      await this.started;
      const bytes = req.source instanceof ArrayBuffer ? req.source : await (req.source as Blob).arrayBuffer();
      const head = new TextDecoder().decode(new Uint8Array(bytes).slice(0, 4));
      if (this.terminated) return;
      if (head === 'CRAS') return this.fail();
      if (head === 'HANG') return;
      // what crosses to the page is cloned, as a real worker's message is
      const { reply } = await handle(req);
      if (!this.terminated) this.emit(structuredClone(reply));
    })();
  }

  terminate(): void {
    this.terminated = true;
  }

  private emit(data: unknown): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }

  private fail(): void {
    if (!this.terminated) this.onerror?.({ preventDefault: () => undefined } as unknown as Event);
  }
}

function setUp(opts: { hangMs?: number; starts?: boolean; startsNext?: boolean } = {}) {
  const spawned: StandIn[] = [];
  let onPage = 0;
  const client = new WorkerClient(
    () => {
      const w = new StandIn(spawned.length ? (opts.startsNext ?? opts.starts ?? true) : (opts.starts ?? true));
      spawned.push(w);
      return w;
    },
    { hangMs: opts.hangMs ?? 60_000 },
  );
  const fallback = async (): Promise<WorkbookEngine> => {
    onPage++;
    return workbookEngine;
  };
  const engine = workerEngine(client, fallback);
  const read = (file: FileLike, rulesets: readonly Ruleset[] = [bundledRuleset()]) =>
    readOne(file, async () => engine, { rulesets, now: () => NOW, annotate: true, strings: zh });
  return { spawned, read, onPage: () => onPage };
}

function checked(o: Outcome): Extract<Outcome, { status: 'checked' }> {
  if (o.status !== 'checked') throw new Error(`not checked: ${JSON.stringify(o)}`);
  return o;
}

test('a workbook is checked in the worker from the File itself; the findings are the engine’s; the copy reads the file again', async () => {
  const { spawned, read, onPage } = setUp();
  const file = example('南山县');
  const outcome = checked(await read(file));
  const expected = await checkBytes(new Uint8Array(await file.arrayBuffer()), [bundledRuleset()], NOW);
  expect(expected.status).toBe('checked');
  expect(outcome.report).toEqual(expected.status === 'checked' ? expected.report : null);
  expect(outcome.ruleset).toBe(bundledRuleset());
  expect(outcome.marks).not.toBeNull();
  // the page sent the File, not its bytes
  expect(spawned).toHaveLength(1);
  expect(spawned[0]!.sources).toEqual([file]);

  const copy = await outcome.annotated();
  expect(spawned[0]!.sources).toEqual([file, file]);
  const wb = await workbookOf(copy);
  expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
  expect(onPage()).toBe(0);
});

test('a workbook carrying a ruleset the page does not have is checked with it, compiled on the page once', async () => {
  const { read } = setUp();
  const weihai = checkRuleset(weihaiDoc()).ruleset!;
  const template = await workbookEngine.template(weihai);
  const file = new File([template.slice().buffer as ArrayBuffer], 'weihai.xlsx');
  const a = checked(await read(file));
  const b = checked(await read(file));
  expect(a.ruleset.version).toBe(WEIHAI.version);
  expect(a.report.rulesetVersion).toBe(WEIHAI.version);
  expect(b.ruleset).toBe(a.ruleset);
});

test('each ruleset crosses to the worker as one text, made once: not its document’s objects with every file', async () => {
  const { spawned, read } = setUp();
  const ruleset = bundledRuleset();
  checked(await read(example('南山县'), [ruleset]));
  checked(await read(example('东城区'), [ruleset]));
  const [first, second] = spawned[0]!.requests;
  expect(typeof first!.rulesets[0]).toBe('string');
  // the same string both times (a string is copied to a worker at once)
  expect(second!.rulesets[0]).toBe(first!.rulesets[0]);
  expect(JSON.parse(first!.rulesets[0]!)).toEqual({ doc: ruleset.doc, overrides: ruleset.overrides });
});

test('a file that crashes the worker is reported for that file; the next file gets a new worker', async () => {
  const { spawned, read } = setUp();
  const results = [
    await read(new File(['CRASH and burn'], 'crash.xlsx')),
    await read(example('东城区')),
    await read(new File(['not a zip'], 'bad.xlsx')),
  ];
  expect(results[0]).toEqual({ status: 'unreadable', reason: zh.file.workerCrashed });
  expect(results[1]!.status).toBe('checked');
  expect(results[2]!.status).toBe('unreadable');
  expect(results[2]).not.toEqual({ status: 'unreadable', reason: zh.file.workerCrashed });
  expect(spawned).toHaveLength(2);
  expect(spawned[0]!.terminated).toBe(true);
  expect(spawned[1]!.terminated).toBe(false);
});

test('a file that hangs the worker is stopped after the time allowed and reported; the others go on', async () => {
  const { spawned, read } = setUp({ hangMs: 3000 });
  // the first file starts the worker (and warms the engine), then the one that hangs
  expect((await read(example('西城区'))).status).toBe('checked');
  const t = Date.now();
  expect(await read(new File(['HANG on'], 'hang.xlsx'))).toEqual({ status: 'unreadable', reason: zh.file.workerHung });
  expect(Date.now() - t).toBeLessThan(10_000);
  expect(spawned[0]!.terminated).toBe(true);
  expect((await read(example('北海区'))).status).toBe('checked');
  expect(spawned).toHaveLength(2);
});

test('files sent together are answered in the order given', async () => {
  const { read } = setUp();
  const names = ['东城区', '西城区', '北海区', '南山县'];
  const outcomes = await Promise.all(names.map((n) => read(example(n))));
  expect(outcomes.map((o) => checked(o).report.district.name)).toEqual(names);
});

test('a worker that cannot start leaves the work to the page, which does not try again', async () => {
  const { spawned, read, onPage } = setUp({ starts: false });
  const first = checked(await read(example('南山县')));
  const second = checked(await read(example('东城区')));
  expect(first.report.district.name).toBe('南山县');
  expect(second.report.district.name).toBe('东城区');
  expect(spawned).toHaveLength(1);
  expect(onPage()).toBeGreaterThan(0);
  const wb = await workbookOf(await first.annotated());
  expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
});

test('a copy of a file that can no longer be read says so in Chinese', async () => {
  const { read } = setUp();
  const bytes = readFileSync(join(EXAMPLES, '南山县.xlsx'));
  let readable = true;
  const file: FileLike = {
    name: '南山县.xlsx',
    arrayBuffer: async () => {
      if (!readable) throw new Error('NotReadableError');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  const outcome = checked(await read(file));
  readable = false;
  await expect(outcome.annotated()).rejects.toEqual(new UserError(zh.file.readAgainFailed));
});

test('a copy whose worker crashed is said so; asked again with no worker starting, the page makes it', async () => {
  const { spawned, read } = setUp({ startsNext: false });
  const bytes = readFileSync(join(EXAMPLES, '南山县.xlsx'));
  const contents = [bytes, Buffer.from('CRASH'), bytes, bytes];
  let reads = 0;
  const file: FileLike = {
    name: '南山县.xlsx',
    arrayBuffer: async () => {
      const b = contents[Math.min(reads++, contents.length - 1)]!;
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
  const outcome = checked(await read(file));
  await expect(outcome.annotated()).rejects.toEqual(new UserError(zh.file.workerCrashed));
  const wb = await workbookOf(await outcome.annotated());
  expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
  expect(spawned).toHaveLength(2);
});

describe('without a worker (old WebViews, jsdom): the page thread checks and keeps no workbook', () => {
  test('the annotated copy reads the file again and checks it again', async () => {
    const bytes = readFileSync(join(EXAMPLES, '南山县.xlsx'));
    let reads = 0;
    const file: FileLike = {
      name: '南山县.xlsx',
      arrayBuffer: async () => {
        reads++;
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
    };
    let checks = 0;
    const counting: WorkbookEngine = {
      ...workbookEngine,
      check: (...args) => (checks++, workbookEngine.check(...args)),
    };
    const outcome = checked(
      await readOne(file, async () => counting, {
        rulesets: [bundledRuleset()],
        now: () => NOW,
        annotate: true,
        strings: zh,
      }),
    );
    expect([reads, checks]).toEqual([1, 1]);
    // nothing of the open workbook is kept with the outcome
    expect(Object.keys(outcome).sort()).toEqual(['annotated', 'marks', 'report', 'ruleset', 'status']);
    const wb = await workbookOf(await outcome.annotated());
    expect([reads, checks]).toEqual([2, 2]);
    expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
  });
});

describe('zero timers in the worker', () => {
  const channels: MessageChannel[] = [];
  afterAll(() => {
    // Node's ports keep the process alive while they listen
    for (const c of channels) {
      c.port1.close();
      c.port2.close();
    }
  });

  function scope() {
    class Channel extends MessageChannel {
      constructor() {
        super();
        channels.push(this);
      }
    }
    const realTimers: number[] = [];
    const s = {
      setTimeout: (fn: () => void, delay?: number, ...args: unknown[]) => {
        realTimers.push(delay ?? 0);
        return setTimeout(fn, delay, ...args);
      },
      clearTimeout,
      MessageChannel: Channel,
    } as unknown as Parameters<typeof installZeroTimeout>[0];
    installZeroTimeout(s);
    return { s, realTimers };
  }

  test('run in order with their arguments; clearTimeout cancels one; other delays are real timers', async () => {
    const { s, realTimers } = scope();
    const ran: string[] = [];
    await new Promise<void>((done) => {
      s.setTimeout((x: string) => ran.push(x), 0, 'a');
      const cancelled = s.setTimeout(() => ran.push('cancelled'), 0);
      s.setTimeout(() => ran.push('b'));
      s.clearTimeout(cancelled);
      const later = s.setTimeout(() => ran.push('never'), 50);
      s.clearTimeout(later);
      s.setTimeout(() => {
        ran.push('late');
        done();
      }, 20);
    });
    expect(ran).toEqual(['a', 'b', 'late']);
    expect(realTimers).toEqual([50, 20]);
  });

  test('a chain of 500 nested zero timers never waits on a real timer (no 4 ms clamp each)', async () => {
    const { s, realTimers } = scope();
    let n = 0;
    await new Promise<void>((done) => {
      const hop = () => (++n < 500 ? s.setTimeout(hop, 0) : done());
      s.setTimeout(hop, 0);
    });
    expect(n).toBe(500);
    expect(realTimers).toEqual([]);
  });
});
