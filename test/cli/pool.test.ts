/**
 * `check` on both cores (issue 14, item 5): the pool, of threads or of child processes, keeps the
 * input order, a worker that dies on one file makes that file unreadable and the rest goes on,
 * and the command compiled as users run it writes the same JSON report and the same lines on two
 * processes and on two threads as on one, for real workbooks (the examples, a workbook carrying its own ruleset, a broken file and
 * a workbook that is not the template).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { compileRuleset } from '../../src/core/ruleset/compile';
import { bundledRuleset } from '../../src/core/ruleset';
import { CheckPool, workersFor } from '../../src/cli/pool/checkPool';
import { Pool, WorkerCrash } from '../../src/cli/pool/pool';
import { CLI_TEXT as T } from '../../src/cli/text';
import { district, workbookOf } from '../fixtures/workbooks';
import { WEIHAI, weihaiDoc } from '../taskpane/rulesetHelpers';
import { tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

/**
 * A worker that doubles `n` after a delay that makes later jobs finish first, and dies on `die`;
 * as a thread or as a child process (whose first message is its start data).
 */
const ECHO_WORKER = `
const { parentPort } = require('node:worker_threads');
const post = parentPort ? (m) => parentPort.postMessage(m) : (m) => process.send(m);
const on = parentPort ? (fn) => parentPort.on('message', fn) : (fn) => process.on('message', fn);
on((message) => {
  if ('init' in message) return;
  const { id, job } = message;
  if (job.die === 'exit') process.exit(3);
  if (job.die === 'throw') setTimeout(() => { throw new Error('boom'); }, 0);
  else setTimeout(() => post({ id, ok: true, result: job.n * 2 }), job.wait);
});
`;

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (e, out, err) =>
      resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });
}

describe.each(['thread', 'process'] as const)('the worker pool, %s workers', (kind) => {
  const tmp = tempDir();
  afterAll(() => tmp.done());

  test('results come back to each job in the order given, however the workers finish', async () => {
    const script = tmp.path('echo.js');
    writeFileSync(script, ECHO_WORKER);
    const pool = new Pool<{ n: number; wait: number }, number>({ script, size: 2, kind });
    try {
      const jobs = Array.from({ length: 12 }, (_, n) => ({ n, wait: n % 2 ? 10 : 1000 }));
      const finished: number[] = [];
      const results = await Promise.all(jobs.map((j) => pool.run(j).then((r) => (finished.push(j.n), r))));
      expect(results).toEqual(jobs.map((j) => j.n * 2));
      // two workers really ran at once: some later job finished before an earlier one
      expect(finished).not.toEqual([...finished].sort((a, b) => a - b));
    } finally {
      await pool.close();
    }
  });

  test('a worker that exits or throws fails its own job only; the others are done by a new worker', async () => {
    const script = tmp.path('echo2.js');
    writeFileSync(script, ECHO_WORKER);
    const pool = new Pool<{ n: number; wait: number; die?: string }, number>({ script, size: 2, kind });
    try {
      const jobs = [
        { n: 1, wait: 1 },
        { n: 2, wait: 1, die: 'exit' },
        { n: 3, wait: 1 },
        { n: 4, wait: 1, die: 'throw' },
        { n: 5, wait: 1 },
        { n: 6, wait: 1 },
      ];
      const settled = await Promise.allSettled(jobs.map((j) => pool.run(j)));
      expect(settled.map((s) => s.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrash);
      expect((settled[3] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrash);
      expect(
        settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value),
      ).toEqual([2, 6, 10, 12]);
    } finally {
      await pool.close();
    }
  });

  test("check's pool says in Chinese that the file could not be checked when its worker dies", async () => {
    const script = tmp.path('dies.js');
    // dies as soon as it starts, as a thread and as a process
    writeFileSync(script, "throw new Error('boom');");
    const pool = new CheckPool([bundledRuleset()], 2, script, kind);
    try {
      const job = { file: 'a.xlsx', target: tmp.path('a.checked.xlsx'), outDir: tmp.dir, now: Date.now() };
      const r = await pool.run(job);
      expect(r.checked).toEqual({ file: 'a.xlsx', status: 'unreadable', reason: T.workerCrashed });
      expect(r.output).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});

test('workers: one per core for a batch big enough, DUTY_REVIEW_THREADS when set, none on one core or without the compiled worker', () => {
  const script = __filename;
  expect(workersFor(2800, {}, 2, script)).toBe(2);
  expect(workersFor(2800, {}, 8, script)).toBe(8);
  // a worker pays for its cold start only with enough files, and on a second core
  expect(workersFor(2800, {}, 1, script)).toBe(0);
  expect(workersFor(200, {}, 8, script)).toBe(0);
  expect(workersFor(300, {}, 8, script)).toBe(2);
  // asked for: from a few files on
  expect(workersFor(12, { DUTY_REVIEW_THREADS: '2' }, 1, script)).toBe(2);
  expect(workersFor(2800, { DUTY_REVIEW_THREADS: '1' }, 8, script)).toBe(0);
  expect(workersFor(5, { DUTY_REVIEW_THREADS: '2' }, 8, script)).toBe(0);
  expect(workersFor(100, { DUTY_REVIEW_THREADS: '2' }, 8, join(__dirname, 'no-such-worker.js'))).toBe(0);
});

describe('duty-review check, compiled, on two processes, two threads and one', () => {
  const tmp = tempDir();
  const build = tmp.path('build');
  const inputs = tmp.path('in');
  afterAll(() => tmp.done());

  beforeAll(async () => {
    // the command as users run it: compiled, so that the worker script exists beside the pool
    const tsc = require.resolve('typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', build]);
    expect(existsSync(join(build, 'cli', 'pool', 'worker.js'))).toBe(true);
    mkdirSync(inputs);
    for (const copy of ['a', 'b']) {
      for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.xlsx'))) {
        cpSync(join(EXAMPLES, name), join(inputs, `${copy}-${name}`));
      }
    }
    // a workbook of another office's ruleset, which it carries (the command does not know it)
    const weihai = compileRuleset(weihaiDoc()).ruleset!;
    const carried = workbookOf(
      district((d) => (d.info.version = WEIHAI.version)),
      weihai,
    );
    await carried.xlsx.writeFile(join(inputs, 'c-威海.xlsx'));
    writeFileSync(join(inputs, 'd-broken.xlsx'), 'PK\u0003\u0004 not really a workbook');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '工资表';
    await other.xlsx.writeFile(join(inputs, 'e-other.xlsx'));
  }, 240_000);

  async function check(threads: string, out: string, kind = 'process') {
    const script = `require(${JSON.stringify(join(build, 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => process.exit(c))`;
    const json = tmp.path(`${out}.json`);
    const r = await run(process.execPath, ['-e', script, 'check', inputs, '--out', tmp.path(out), '--json', json], {
      DUTY_REVIEW_THREADS: threads,
      DUTY_REVIEW_WORKERS: kind,
    });
    const same = (s: string) => s.split(tmp.path(out)).join('OUT');
    return { ...r, out: same(r.out), err: same(r.err), json: same(readFileSync(json, 'utf8')) };
  }

  test('the JSON report and every line are the same; each file has its copy', async () => {
    const one = await check('1', 'one');
    const two = await check('2', 'two');
    const threads = await check('2', 'threads', 'thread');
    for (const many of [two, threads]) {
      expect(many.code).toBe(one.code);
      expect(many.json).toEqual(one.json);
      expect(many.out).toEqual(one.out);
      expect(many.err).toEqual(one.err);
    }

    const report = JSON.parse(two.json) as { workbooks: { file: string; status: string; ruleset?: string }[] };
    // every input is in the report, once
    expect(report.workbooks.map((w) => w.file).sort()).toEqual(
      readdirSync(inputs)
        .map((n) => join(inputs, n))
        .sort(),
    );
    const statuses = Object.fromEntries(report.workbooks.map((w) => [w.file.replace(/.*\//, ''), w.status]));
    expect(statuses['c-威海.xlsx']).toBe('checked');
    expect(report.workbooks.find((w) => w.file.endsWith('c-威海.xlsx'))!.ruleset).toBe(WEIHAI.version);
    expect(statuses['d-broken.xlsx']).toBe('unreadable');
    expect(statuses['e-other.xlsx']).toBe('not-template');
    const copies = (dir: string) => readdirSync(tmp.path(dir)).sort();
    expect(copies('two')).toEqual(copies('one'));
    expect(copies('threads')).toEqual(copies('one'));
    // a copy of every workbook that could be read, the one not of the template too
    expect(copies('two')).toHaveLength(report.workbooks.filter((w) => w.status !== 'unreadable').length);
  }, 240_000);

  test('feedback reads on two processes and writes the same letters and lines as on one', async () => {
    const script = `require(${JSON.stringify(join(build, 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => process.exit(c))`;
    const feedback = async (threads: string, out: string) => {
      const r = await run(
        process.execPath,
        ['-e', script, 'feedback', inputs, '--out', tmp.path(out), '--format', 'txt'],
        {
          DUTY_REVIEW_THREADS: threads,
        },
      );
      const letters = readdirSync(tmp.path(out))
        .sort()
        .map((name) => [name, readFileSync(join(tmp.path(out), name), 'utf8')]);
      return { code: r.code, out: r.out.split(tmp.path(out)).join('OUT'), err: r.err, letters };
    };
    const one = await feedback('1', 'letters-one');
    const two = await feedback('2', 'letters-two');
    expect(two).toEqual(one);
    // the examples' six districts (a and b copies of each: the batch keeps one) and the city report
    expect(one.letters.length).toBeGreaterThanOrEqual(7);
    expect(one.out).toContain('c-威海.xlsx');
  }, 240_000);
});
