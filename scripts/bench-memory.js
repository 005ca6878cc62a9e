#!/usr/bin/env node
/**
 * npm run bench:memory [-- --copies K] [--keep DIR]
 *
 * Peak memory of one `duty-review check` run (issue 14, item 1: under 1.5 GB whatever the
 * inputs), the command as a user runs it (a fresh process, its workers included). It generates
 * realistic returned workbooks and, K times each, the heaviest inputs the limits still let in or
 * must refuse:
 *   school30k  学校明细 with 30,000 schools (must still be checked)
 *   cells      学校明细 with ~990,000 cells, just under the limit
 *   strings    a shared-strings part of ~140 MB of Chinese text
 *   media      a 140 MB picture part (compressed to almost nothing)
 *   bomb       300,000 empty rows in 0.1 MB (refused)
 *   row400m    one row numbered 400,000,000 (refused)
 * then samples the resident memory of the command and every process it starts (from /proc,
 * every 50 ms) and prints the peak, the time and each file's status. Figures, not assertions.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');
const JSZip = require('jszip');
const { makeWorkbooks } = require('./benchFiles');

const ROOT = path.join(__dirname, '..');
if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) {
  console.error('请先运行 npm install（或 npm run build:cli）');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { copies: 2, keep: null, good: 20 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--copies') o.copies = Number(argv[++i]);
    else if (argv[i] === '--keep') o.keep = path.resolve(argv[++i]);
    else if (argv[i] === '--good') o.good = Number(argv[++i]);
    else {
      console.error(`不认识的参数：${argv[i]}`);
      process.exit(2);
    }
  }
  return o;
}

async function sheetPath(zip, name) {
  const wb = await zip.file('xl/workbook.xml').async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels').async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)[1];
  const t = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return `xl/${(t[1] || t[2]).replace(/^\/?xl\//, '')}`;
}

async function edited(bytes, edit) {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** Rows of 学校明细 from row 4 on: `rows` rows of `cols` cells. */
const schoolRows = (rows, cols) => async (zip) => {
  const p = await sheetPath(zip, '学校明细');
  const text = await zip.file(p).async('string');
  const body = [];
  for (let r = 4; r < 4 + rows; r++) {
    const cells = [`<c r="A${r}" t="inlineStr"><is><t>第${r}学校</t></is></c>`];
    for (let c = 1; c < cols; c++) cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * c) % 997}</v></c>`);
    body.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const kept = text.replace(/<row r="(\d+)"[\s\S]*?<\/row>/g, (m, n) => (Number(n) >= 4 ? '' : m));
  zip.file(p, kept.replace(/<dimension [^>]*\/>/, '').replace('</sheetData>', `${body.join('')}</sheetData>`));
};

const HEAVY = {
  school30k: schoolRows(30_000, 10),
  cells: schoolRows(98_000, 10),
  strings: async (zip) => {
    const text = await zip.file('xl/sharedStrings.xml').async('string');
    const item = `<si><t>${'教育经费投入持续增长，'.repeat(200)}</t></si>`;
    const n = Math.floor((140 * 1024 * 1024) / Buffer.byteLength(item));
    zip.file('xl/sharedStrings.xml', text.replace('</sst>', `${item.repeat(n)}</sst>`));
  },
  media: async (zip) => void zip.file('xl/media/image99.png', Buffer.alloc(140 * 1024 * 1024)),
  bomb: async (zip) => {
    const p = await sheetPath(zip, '学校明细');
    const text = await zip.file(p).async('string');
    zip.file(p, text.replace('</sheetData>', `${'<row/>'.repeat(300_000)}</sheetData>`));
  },
  row400m: async (zip) => {
    const p = await sheetPath(zip, '学校明细');
    const text = await zip.file(p).async('string');
    zip.file(p, text.replace('</sheetData>', '<row r="400000000"><c r="A400000000"><v>1</v></c></row></sheetData>'));
  },
};

/** Resident memory (bytes) of `pid` and all its descendants, read from /proc. */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  let largest = 0;
  let count = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    const r = rss.get(p) ?? 0;
    total += r;
    largest = Math.max(largest, r);
    count++;
    stack.push(...(children.get(p) ?? []));
  }
  return { total, largest, count };
}

const MB = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = o.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'duty-review-memory-'));
  const inputs = path.join(dir, 'in');
  fs.mkdirSync(inputs, { recursive: true });
  const [base] = await makeWorkbooks(inputs, Math.max(1, o.good));
  const bytes = fs.readFileSync(base);
  for (const [name, edit] of Object.entries(HEAVY)) {
    const heavy = await edited(bytes, edit);
    for (let k = 1; k <= o.copies; k++) fs.writeFileSync(path.join(inputs, `${name}-${k}.xlsx`), heavy);
    console.log(`generated ${name}: ${MB(heavy.length)} on disk`);
  }
  const out = path.join(dir, 'out');
  const json = path.join(dir, 'report.json');
  const t = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'duty-review.js'), 'check', inputs, '--out', out, '--json', json],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  let peak = { total: 0, largest: 0, count: 0 };
  const timer = setInterval(() => {
    const now = treeRss(child.pid);
    if (now.total > peak.total) peak = now;
  }, 50);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const ms = Date.now() - t;
  const report = JSON.parse(fs.readFileSync(json, 'utf8'));
  console.log(
    `files:            ${report.workbooks.length} (${o.good} ordinary, ${o.copies} of each heavy one; ${os.availableParallelism()} cores)`,
  );
  console.log(`time:             ${(ms / 1000).toFixed(1)} s, exit ${code}`);
  console.log(
    `peak memory:      ${MB(peak.total)} for ${peak.count} processes (largest ${MB(peak.largest)}); limit 1536 MB ${peak.total < 1536 * 1024 * 1024 ? '✓' : '✗'}`,
  );
  const byName = new Map();
  for (const w of report.workbooks) {
    const name = path.basename(w.file).replace(/-\d+\.xlsx$|\.xlsx$/, '');
    if (!/^district/.test(name)) byName.set(name, w.reason ? `${w.status}：${w.reason.slice(0, 60)}` : w.status);
  }
  for (const [name, status] of byName) console.log(`  ${name.padEnd(10)} ${status}`);
  if (!o.keep) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
