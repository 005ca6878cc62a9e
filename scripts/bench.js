#!/usr/bin/env node
/**
 * npm run bench [-- N] [--counties M] [--before DIR] [--keep DIR]
 *
 * Speed measured the user's way (issue 14, item 5). It generates N returned workbooks (default
 * 100: the template filled with the example city's figures, each district with its own name and
 * 行政区划代码, protected as districts receive it), then times, best of 3 rounds:
 *   - the floor: ExcelJS alone reading and writing the same files, in one run of one process;
 *   - `node bin/duty-review.js check DIR --out DIR2` as a fresh process (start-up included): as
 *     it chooses its workers (a process per core for 300 workbooks or more), and with DUTY_REVIEW_THREADS=1;
 * and prints the ratio check / floor (at most 1.2 required, 0.5 the goal). Then the start-up of
 * `duty-review --help` and of `check` on one file (median of 5 fresh processes), the engine alone
 * and the ruleset timings.
 *   --counties M   also checks M workbooks in one run (2800: every county of China; goal < 30 s);
 *                  the files are copies of the N generated ones, made in a temporary folder
 *   --before DIR   a checkout of an earlier version (built: npm run build:cli): its start-up and
 *                  its check of the same files are timed beside this one's
 *   --keep DIR     generates the workbooks into DIR and keeps them (for scripts/bench-page.js)
 * Figures, not assertions; nothing generated is left in the repository.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { makeWorkbooks } = require('./benchFiles');

const ROOT = path.join(__dirname, '..');
const build = path.join(ROOT, 'build');
if (!fs.existsSync(path.join(build, 'cli', 'main.js'))) {
  console.error('请先运行 npm install（或 npm run build:cli）');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { n: 100, counties: 0, before: null, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--counties') o.counties = Number(argv[++i]);
    else if (a === '--before') o.before = path.resolve(argv[++i]);
    else if (a === '--keep') o.keep = path.resolve(argv[++i]);
    else if (/^\d+$/.test(a)) o.n = Number(a);
    else {
      console.error(`不认识的参数：${a}`);
      process.exit(2);
    }
  }
  return o;
}

const OPTS = parseArgs(process.argv.slice(2));
const N = OPTS.n;
const ROUNDS = 3;

/** ExcelJS alone reading and writing each file, in this process (its loading not counted). */
async function floor(files, outDir) {
  const ExcelJS = require('exceljs');
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    fs.writeFileSync(path.join(outDir, path.basename(f)), Buffer.from(await wb.xlsx.writeBuffer()));
  }
}

/** Wall time of a fresh `node bin/duty-review.js ARGS` of the checkout at `root`, in ms. */
function command(root, args, env = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'duty-review.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status === null || r.status > 1) throw new Error(`duty-review ${args[0]} failed (${r.status}): ${r.stderr}`);
  return ms;
}

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const best = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function startUp(root, oneFile, outDir) {
  const help = [];
  const one = [];
  for (let i = 0; i < 5; i++) {
    help.push(command(root, ['--help']));
    one.push(command(root, ['check', oneFile, '--out', outDir, '--quiet']));
  }
  return { help: median(help), one: median(one) };
}

/** The engine alone and the ruleset timings (validate on snapshots already read; a 100-indicator ruleset). */
async function engineFigures(files) {
  const ExcelJS = require('exceljs');
  const { workbookSnapshot } = require(path.join(build, 'hosts', 'file', 'snapshot.js'));
  const { validate } = require(path.join(build, 'core', 'validate', 'index.js'));
  const { BUNDLED_DOC, bundledRuleset, checkRuleset } = require(path.join(build, 'core', 'ruleset', 'index.js'));
  const { buildRulesetWorkbook, readRulesetWorkbook } = require(
    path.join(build, 'hosts', 'file', 'rulesetWorkbook.js'),
  );
  const snapshots = [];
  for (const f of files.slice(0, 6)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    snapshots.push(workbookSnapshot(wb));
  }
  const engineRuns = 200;
  const ruleset = bundledRuleset();
  const engineMs = await time(async () => {
    for (let i = 0; i < engineRuns; i++) validate(snapshots[i % snapshots.length], ruleset);
  });
  const big = bigRuleset(BUNDLED_DOC);
  const bigBytes = new Uint8Array(await buildRulesetWorkbook(big).xlsx.writeBuffer());
  checkRuleset(big); // warm-up
  const compileRuns = 20;
  const compileMs = await time(async () => {
    for (let i = 0; i < compileRuns; i++) checkRuleset(big);
  });
  const readMs = await time(async () => {
    for (let i = 0; i < 5; i++) checkRuleset((await readRulesetWorkbook(bigBytes)).doc);
  });
  console.log(`engine alone (validate):           ${(engineMs / engineRuns).toFixed(2)} ms per workbook (goal < 5)`);
  console.log(
    `ruleset of ${big.indicators.length} indicators, ${big.rules.length} rules: compile + examples ${(compileMs / compileRuns).toFixed(1)} ms (goal < 50); read from .xlsx + compile ${(readMs / 5).toFixed(0)} ms`,
  );
}

/** The bundled ruleset grown to 100 indicators and 150 rules, for the ruleset timings. */
function bigRuleset(bundledDoc) {
  const doc = JSON.parse(JSON.stringify(bundledDoc));
  for (let i = doc.indicators.length; i < 100; i++) {
    const id = `ZZ${String(i).padStart(3, '0')}`;
    doc.indicators.push({
      id,
      sheet: '经费投入',
      group: '扩展',
      name: `扩展指标${i}（万元）`,
      unit: '万元',
      type: 'money',
      hasLast: true,
    });
  }
  const extra = doc.indicators.filter((d) => d.id.startsWith('ZZ'));
  for (let i = 0; doc.rules.length < 150; i++) {
    const d = extra[i % extra.length];
    doc.rules.push({
      id: `${d.id}.r${i}`,
      target: d.id,
      level: '未达标',
      condition: `AND(${d.id} >= 上年(${d.id}), 增长率(${d.id}) >= JF02.minGrowth / 2)`,
      requirement: '不低于上年值',
      message: '{简称}为{本年值}万元，比上年增长{增长率(' + d.id + ')}%',
      citySentence: '{地区}{简称}{均}未达到要求',
      passExample: `${d.id}=110; 上年(${d.id})=100`,
      failExample: `${d.id}=90; 上年(${d.id})=100`,
    });
  }
  return doc;
}

/** `count` workbooks in a new folder: copies of `files` under their own names. */
function copies(files, count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-review-counties-'));
  for (let i = 0; i < count; i++) {
    fs.copyFileSync(files[i % files.length], path.join(dir, `county-${String(i + 1).padStart(4, '0')}.xlsx`));
  }
  return dir;
}

async function run() {
  const temp = [];
  const tmp = (prefix) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    temp.push(d);
    return d;
  };
  try {
    const dir = OPTS.keep ?? tmp('duty-review-bench-');
    fs.mkdirSync(dir, { recursive: true });
    const files = await makeWorkbooks(dir, N);
    const outA = tmp('bench-floor-');
    const outB = tmp('bench-check-');
    const one = path.join(tmp('bench-one-'), path.basename(files[0]));
    fs.copyFileSync(files[0], one);

    await floor(files.slice(0, 2), outA); // warm-up (and ExcelJS loaded)
    const floors = [];
    const checks = [];
    const singles = [];
    const befores = [];
    const cores = os.availableParallelism();
    for (let r = 0; r < ROUNDS; r++) {
      floors.push(await time(() => floor(files, outA)));
      checks.push(command(ROOT, ['check', dir, '--out', outB, '--quiet']));
      singles.push(command(ROOT, ['check', dir, '--out', outB, '--quiet'], { DUTY_REVIEW_THREADS: '1' }));
      if (OPTS.before) befores.push(command(OPTS.before, ['check', dir, '--out', outB, '--quiet']));
    }
    const f = best(floors);
    const c = best(checks);
    const s = best(singles);
    console.log(
      `workbooks:                         ${N} (best of ${ROUNDS} rounds; ${cores} cores, load ${os.loadavg()[0].toFixed(1)})`,
    );
    console.log(
      `floor (ExcelJS read + write):      ${ms(f)}  (${(f / N).toFixed(1)} ms per workbook, one process, loading not counted)`,
    );
    console.log(
      `duty-review check (fresh process): ${ms(c)}  (${(c / N).toFixed(1)} ms per workbook; workers as the command chooses)`,
    );
    console.log(`  … with DUTY_REVIEW_THREADS=1:    ${ms(s)}  (${(s / N).toFixed(1)} ms per workbook)`);
    if (OPTS.before)
      console.log(`  … the version in ${OPTS.before}: ${ms(best(befores))}  (ratio ${(best(befores) / f).toFixed(2)})`);
    console.log(
      `ratio check / floor:               ${(c / f).toFixed(2)}  (at most 1.20 required, 0.50 the goal; on one core ${(s / f).toFixed(2)})`,
    );

    const now = startUp(ROOT, one, outB);
    console.log(`start-up, duty-review --help:      ${ms(now.help)}  (median of 5 fresh processes)`);
    console.log(`start-up + check of one workbook:  ${ms(now.one)}`);
    if (OPTS.before) {
      const then = startUp(OPTS.before, one, outB);
      console.log(`  … the version in ${OPTS.before}: --help ${ms(then.help)}, check of one workbook ${ms(then.one)}`);
    }

    if (OPTS.counties) {
      const many = copies(files, OPTS.counties);
      temp.push(many);
      const out = tmp('bench-counties-');
      const verdict = (t) => (t < 30_000 ? '✓ under 30 s' : '✗ over 30 s');
      const line = (t) =>
        `${(t / 1000).toFixed(1)} s  (${(t / OPTS.counties).toFixed(1)} ms per workbook) ${verdict(t)}`;
      const load = os.loadavg()[0].toFixed(1);
      const t = command(ROOT, ['check', many, '--out', out, '--quiet']);
      console.log(`${OPTS.counties} workbooks in one run:       ${line(t)}  (${cores} processes; load ${load} before)`);
      const one = command(ROOT, ['check', many, '--out', out, '--quiet'], { DUTY_REVIEW_THREADS: '1' });
      console.log(`  … with DUTY_REVIEW_THREADS=1:    ${line(one)}`);
    }

    await engineFigures(files);
  } finally {
    for (const d of temp) fs.rmSync(d, { recursive: true, force: true });
  }
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
