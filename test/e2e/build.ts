/**
 * Builds the task pane with the project's webpack config into a test folder. It runs webpack in
 * a child process: copy-webpack-plugin loads ES modules, which Jest's sandbox cannot.
 *
 * Several e2e test files run in parallel and all need the same build: `builtTaskpane()` builds
 * once under a lock folder (the others wait), and reuses a build newer than every source.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { StatsCompilation } from 'webpack';

export const OUT = join(__dirname, '..', '.out');
export const DIST = join(OUT, 'dist');
export const E2E_BASE_URL = 'https://e2e.example.test/addin/';
const ROOT = join(__dirname, '..', '..');
const STATS = join(OUT, 'stats.json');
const STAMP = join(OUT, 'build-stamp.json');
const LOCK = join(OUT, 'build.lock');
/** What the build is made from. */
const SOURCES = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json'];
const STALE_LOCK_MS = 5 * 60_000;

export function buildTaskpane(outDir: string, baseUrl: string): Promise<StatsCompilation> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const args = [cli, '--mode', 'production', '--env', `outDir=${outDir}`, '--devtool', 'false', '--json', STATS];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, ADDIN_BASE_URL: baseUrl }, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (err) return reject(new Error(`webpack failed: ${stderr || err.message}`));
        resolve(JSON.parse(readFileSync(STATS, 'utf8')) as StatsCompilation);
      },
    );
  });
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), st.mtimeMs);
}

function fresh(baseUrl: string): boolean {
  if (!existsSync(STAMP) || !existsSync(STATS) || !existsSync(join(DIST, 'taskpane.html'))) return false;
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { baseUrl: string; sources: number };
  return stamp.baseUrl === baseUrl && stamp.sources === Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lock(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true });
      await sleep(250);
    }
  }
}

/** The task pane built into test/.out/dist for the e2e tests, with its webpack stats. */
export async function builtTaskpane(baseUrl = E2E_BASE_URL): Promise<StatsCompilation> {
  await lock();
  try {
    if (fresh(baseUrl)) return JSON.parse(readFileSync(STATS, 'utf8')) as StatsCompilation;
    const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
    rmSync(STAMP, { force: true });
    const stats = await buildTaskpane(DIST, baseUrl);
    writeFileSync(STAMP, JSON.stringify({ baseUrl, sources }));
    return stats;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
