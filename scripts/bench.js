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
const { BUNDLED_DOC, bundledRuleset, checkRuleset } = require(path.join(build, 'core', 'ruleset', 'index.js'));
const { buildRulesetWorkbook, readRulesetWorkbook } = require(path.join(build, 'hosts', 'file', 'rulesetWorkbook.js'));

/** The bundled ruleset grown to 100 indicators and 150 rules, for the ruleset timings. */
function bigRuleset() {
  const doc = JSON.parse(JSON.stringify(BUNDLED_DOC));
  for (let i = doc.indicators.length; i < 100; i++) {
    const id = `ZZ${String(i).padStart(3, '0')}`;
    doc.indicators.push({ id, sheet: '经费投入', group: '扩展', name: `扩展指标${i}（万元）`, unit: '万元', type: 'money', hasLast: true });
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
  const ruleset = bundledRuleset();
  const engineMs = await time(async () => {
    for (let i = 0; i < engineRuns; i++) validate(snapshots[i % snapshots.length], ruleset);
  });
  const big = bigRuleset();
  const bigBytes = new Uint8Array(await buildRulesetWorkbook(big).xlsx.writeBuffer());
  checkRuleset(big); // warm-up
  const compileRuns = 20;
  const compileMs = await time(async () => {
    for (let i = 0; i < compileRuns; i++) checkRuleset(big);
  });
  const readMs = await time(async () => {
    for (let i = 0; i < 5; i++) checkRuleset((await readRulesetWorkbook(bigBytes)).doc);
  });
  const best = (xs) => Math.min(...xs);
  const f = best(floors);
  const c = best(checks);
  console.log(`workbooks:                         ${N} (best of ${ROUNDS} rounds)`);
  console.log(`floor (ExcelJS read + write):      ${f.toFixed(0)} ms  (${(f / N).toFixed(1)} ms per workbook)`);
  console.log(`duty-review check:                 ${c.toFixed(0)} ms  (${(c / N).toFixed(1)} ms per workbook)`);
  console.log(`ratio check / floor:               ${(c / f).toFixed(2)}  (goal ≤ 1.20)`);
  console.log(`engine alone (validate):           ${(engineMs / engineRuns).toFixed(2)} ms per workbook (goal < 5)`);
  console.log(
    `ruleset of ${big.indicators.length} indicators, ${big.rules.length} rules: compile + examples ${(compileMs / compileRuns).toFixed(1)} ms (goal < 50); read from .xlsx + compile ${(readMs / 5).toFixed(0)} ms`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outA, { recursive: true, force: true });
  fs.rmSync(outB, { recursive: true, force: true });
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
