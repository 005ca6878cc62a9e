/**
 * Builds the task pane with the project's webpack config into a test folder. It runs webpack in
 * a child process: copy-webpack-plugin loads ES modules, which Jest's sandbox cannot.
 */
import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { StatsCompilation } from 'webpack';

export const OUT = join(__dirname, '..', '.out');
const ROOT = join(__dirname, '..', '..');

export function buildTaskpane(outDir: string, baseUrl: string): Promise<StatsCompilation> {
  const statsFile = join(OUT, 'stats.json');
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const args = [cli, '--mode', 'production', '--env', `outDir=${outDir}`, '--devtool', 'false', '--json', statsFile];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, ADDIN_BASE_URL: baseUrl }, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (err) return reject(new Error(`webpack failed: ${stderr || err.message}`));
        resolve(JSON.parse(readFileSync(statsFile, 'utf8')) as StatsCompilation);
      },
    );
  });
}
