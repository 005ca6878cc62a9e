#!/usr/bin/env node
/**
 * npm run bench [-- N]: generates N returned workbooks, then times in one run
 *   - the floor: ExcelJS merely reading and writing each file;
 *   - `duty-review check` on the same files (read, validate, mark, summary, write);
 *   - the engine alone (validate on snapshots already read).
 * Prints the figures and the ratio check / floor. Figures, not assertions.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const build = path.join(__dirname, '..', 'build');
if (!fs.existsSync(path.join(build, 'cli', 'main.js'))) {
  console.error('请先运行 npm install（或 npm run build:cli）');
  process.exit(2);
}
const ExcelJS = require('exceljs');
const { exampleCity } = require(path.join(build, 'examples', 'city.js'));
const { buildTemplate } = require(path.join(build, 'hosts', 'file', 'template.js'));
const { fillWorkbook } = require(path.join(build, 'hosts', 'file', 'fill.js'));
const { workbookSnapshot } = require(path.join(build, 'hosts', 'file', 'snapshot.js'));
const { validate } = require(path.join(build, 'core', 'validate', 'index.js'));
const { main } = require(path.join(build, 'cli', 'main.js'));

const N = Number(process.argv[2] ?? 24);
const ROUNDS = 3;

async function makeFiles(dir) {
  const city = Object.values(exampleCity());
  const files = [];
  for (let i = 0; i < N; i++) {
    const data = city[i % city.length];
    const wb = buildTemplate();
    fillWorkbook(wb, data);
    const file = path.join(dir, `district-${String(i + 1).padStart(3, '0')}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

async function floor(files, outDir) {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    fs.writeFileSync(path.join(outDir, path.basename(f)), Buffer.from(await wb.xlsx.writeBuffer()));
  }
}

const silent = { out: () => {}, err: () => {}, writeJson: () => {}, now: () => new Date() };

async function check(files, outDir) {
  await main(['check', ...files, '--out', outDir, '--quiet'], silent);
}

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-review-bench-'));
  const files = await makeFiles(dir);
  const outA = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  const outB = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  await floor(files.slice(0, 2), outA); // warm-up
  await check(files.slice(0, 2), outB);
  const floors = [];
  const checks = [];
  for (let r = 0; r < ROUNDS; r++) {
    floors.push(await time(() => floor(files, outA)));
    checks.push(await time(() => check(files, outB)));
  }
  const snapshots = [];
  for (const f of files.slice(0, 6)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    snapshots.push(workbookSnapshot(wb));
  }
  const engineRuns = 200;
  const engineMs = await time(async () => {
    for (let i = 0; i < engineRuns; i++) validate(snapshots[i % snapshots.length]);
  });
  const best = (xs) => Math.min(...xs);
  const f = best(floors);
  const c = best(checks);
  console.log(`workbooks:                         ${N} (best of ${ROUNDS} rounds)`);
  console.log(`floor (ExcelJS read + write):      ${f.toFixed(0)} ms  (${(f / N).toFixed(1)} ms per workbook)`);
  console.log(`duty-review check:                 ${c.toFixed(0)} ms  (${(c / N).toFixed(1)} ms per workbook)`);
  console.log(`ratio check / floor:               ${(c / f).toFixed(2)}  (goal ≤ 1.20)`);
  console.log(`engine alone (validate):           ${(engineMs / engineRuns).toFixed(2)} ms per workbook`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outA, { recursive: true, force: true });
  fs.rmSync(outB, { recursive: true, force: true });
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
