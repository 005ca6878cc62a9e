#!/usr/bin/env node
/**
 * node scripts/bench-page.js [N] [--dist DIR] [--files DIR]
 *
 * The web page's file mode measured in headless Chromium (issue 14, item 6): N returned workbooks
 * (default 100; generated as `npm run bench` does, or the .xlsx files of --files DIR) given to the
 * page at once, served from the built page (dist/, or --dist DIR: e.g. an earlier version's build)
 * as `npm start` serves it. Prints the time until every file is checked and until the batch's
 * review is shown (the city's comparison and charts), the longest task that blocked the page's
 * main thread until then (PerformanceObserver 'longtask'), how many blocked it over 100 ms, and
 * the page's JavaScript heap after. Said apart: the page's own opening, and the task in which
 * Chromium takes the N files given to the input, with the time the page's scripts ran in it (from
 * 'long-animation-frame'; the rest of that task is the browser's own handling of the files, before
 * the page's `change` handler runs). Every other block over 100 ms is listed with its scripts.
 * With --profile FILE, the page's main thread is profiled during the batch (Chrome DevTools
 * Protocol) into FILE (.cpuprofile: open it in Chrome's DevTools), and the functions that took
 * the most of its time are listed.
 */
/* global window, document, performance, PerformanceObserver -- functions run in the page */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');
const { makeWorkbooks } = require('./benchFiles');

const ROOT = path.join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

function parseArgs(argv) {
  const o = { n: 100, dist: path.join(ROOT, 'dist'), files: null, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') o.dist = path.resolve(argv[++i]);
    else if (a === '--files') o.files = path.resolve(argv[++i]);
    else if (a === '--profile') o.profile = path.resolve(argv[++i]);
    else if (/^\d+$/.test(a)) o.n = Number(a);
    else {
      console.error(`不认识的参数：${a}`);
      process.exit(2);
    }
  }
  return o;
}

/** `node scripts/start.js` serving `dist` on a free port; resolves to the page's address. */
function serve(dist) {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'start.js'), '--no-build', '--dist', dist, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:\d+\/taskpane\.html/.exec(out);
      if (m) resolve({ child, url: m[0] });
    });
    child.stderr.on('data', (chunk) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`start.js exited (${code}): ${out}`)));
  });
}

/**
 * Every long task and long animation frame (with its scripts) of the page from its start, and
 * when the file input's `change` event came, kept where the script can read them.
 */
function observeLongTasks() {
  window.__longTasks = [];
  window.__longFrames = [];
  window.__changes = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longFrames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: (e.scripts ?? []).map((s) => ({
            start: s.startTime,
            duration: s.duration,
            what: `${s.invoker || s.invokerType} ${s.sourceFunctionName || ''}`.trim(),
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // a browser without long animation frames: the tasks alone
  }
  window.addEventListener('change', () => window.__changes.push(performance.now()), true);
}

/** The scripts that ran during a task (from the long animation frames): their time in all, the longest. */
function scriptsIn(task, frames) {
  const end = task.start + task.duration;
  const scripts = frames
    .flatMap((f) => f.scripts)
    .filter((s) => s.start >= task.start - 1 && s.start < end)
    .sort((a, b) => b.duration - a.duration);
  return { ms: scripts.reduce((n, s) => n + s.duration, 0), top: scripts.slice(0, 3) };
}

/** The batch's review shown: the city's part ready with its charts drawn, or too few districts for one. */
function reviewShown() {
  const panel = document.querySelector('[data-city-panel]');
  if (!panel) return document.querySelector('[data-mode="file"] h2') !== null;
  const state = panel.getAttribute('data-city-panel');
  if (state === 'tooFew') return true;
  if (state !== 'ready') return false;
  const charts = panel.querySelector('[data-city-charts]');
  return (
    charts !== null &&
    charts.querySelector('[role="progressbar"], .fui-Spinner, [data-charts-drawing]') === null &&
    charts.children.length > 1
  );
}

/** The functions with the most self time in a CPU profile, with their script and line. */
function printTop(profile, count = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0)));
  const byName = new Map();
  let busy = 0;
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    busy += us;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + us);
  }
  console.log(`main thread busy (profiled):    ${(busy / 1000).toFixed(0)} ms`);
  for (const [key, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}

async function run() {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(o.dist, 'taskpane.html'))) {
    console.error(`${o.dist} 中没有构建好的页面：请先运行 npm run build`);
    process.exit(2);
  }
  const temp = o.files ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'duty-review-page-'));
  const files = o.files
    ? fs
        .readdirSync(o.files)
        .filter((n) => /\.xlsx$/i.test(n))
        .slice(0, o.n)
        .map((n) => path.join(o.files, n))
    : await makeWorkbooks(temp, o.n);
  const { child, url } = await serve(o.dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(observeLongTasks);
    await page.goto(url);
    const input = page.getByLabel('选择要校验的填报表（.xlsx）');
    await input.waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    const cdp = o.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const started = Date.now();
    const from = await page.evaluate(() => performance.now());
    await input.setInputFiles(files);
    // done: the tally says every file was read (checked or not)
    await page.waitForFunction(
      (n) => {
        const text = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '').join(' ');
        const m = /已校验 (\d+) 个工作簿(?:，(\d+) 个文件无法校验)?/.exec(text);
        return Boolean(m) && Number(m[1]) + Number(m[2] ?? 0) >= n;
      },
      files.length,
      { timeout: 30 * 60_000, polling: 200 },
    );
    const total = Date.now() - started;
    // then the review of the batch (its ledger, the city's comparison, the charts), and a second
    // of quiet: the batch's tasks end here (stopping the profiler blocks the page too)
    await page.waitForFunction(reviewShown, null, { timeout: 10 * 60_000, polling: 100 });
    const reviewed = Date.now() - started;
    await page.waitForTimeout(1000);
    const until = await page.evaluate(() => performance.now());
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(o.profile, JSON.stringify(profile));
      // the long tasks beside it, from the profile's start (ms): to see what ran in each
      const since = await page.evaluate(() => window.__longTasks);
      const tasksFile = o.profile.replace(/(\.cpuprofile)?$/, '.tasks.json');
      fs.writeFileSync(
        tasksFile,
        JSON.stringify(since.filter((t) => t.start >= from).map((t) => ({ ...t, start: t.start - from }))),
      );
      printTop(profile);
    }
    const all = await page.evaluate(() => window.__longTasks);
    const frames = await page.evaluate(() => window.__longFrames);
    const changes = await page.evaluate(() => window.__changes);
    const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null));
    // the batch's, not the page's own start (its script evaluated before any file is given)
    const batchTasks = all.filter((t) => t.start >= from && t.start < until);
    // the task in which the browser took the files: the input's `change` came in it
    const giving = batchTasks.find((t) => changes.some((c) => c >= t.start && c <= t.start + t.duration + 1));
    const tasks = batchTasks.filter((t) => t !== giving).map((t) => t.duration);
    const opening = all.filter((t) => t.start < from).map((t) => t.duration);
    const longest = tasks.length ? Math.max(...tasks) : 0;
    const over = tasks.filter((d) => d > 100).length;
    console.log(`page: ${o.dist}`);
    console.log(
      `workbooks:                      ${files.length} (load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores)`,
    );
    console.log(
      `all checked after:              ${(total / 1000).toFixed(1)} s  (${(total / files.length).toFixed(0)} ms per workbook)`,
    );
    console.log(`review and charts shown after:  ${(reviewed / 1000).toFixed(1)} s`);
    if (giving) {
      const { ms } = scriptsIn(giving, frames);
      console.log(
        `taking the files given:         ${giving.duration.toFixed(0)} ms in one task, the page's scripts ${ms.toFixed(0)} ms of it (the rest: Chromium's own)`,
      );
    }
    console.log(
      `longest main-thread block:      ${longest.toFixed(0)} ms  (${over} blocks over 100 ms, ${tasks.length} over 50 ms${giving ? ', besides taking the files' : ''})`,
    );
    for (const t of batchTasks.filter((x) => x !== giving && x.duration > 100)) {
      const { ms, top } = scriptsIn(t, frames);
      const what = top.map((x) => `${x.what} ${x.duration.toFixed(0)} ms`).join('; ');
      console.log(
        `  ${t.duration.toFixed(0)} ms at ${((t.start - from) / 1000).toFixed(1)} s: scripts ${ms.toFixed(0)} ms (${what})`,
      );
    }
    if (opening.length) console.log(`  (opening the page, before:     ${Math.max(...opening).toFixed(0)} ms)`);
    if (heap !== null) console.log(`page heap after the batch:      ${(heap / 2 ** 20).toFixed(0)} MB`);
    if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    child.kill();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
