/** Running the command in-process with captured output, in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/check';
import { TODAY } from '../fixtures/workbooks';

export interface Run {
  code: number;
  out: string;
  err: string;
  json: string;
}

export async function run(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let json = '';
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    writeJson: (t) => (json += t),
    now: () => TODAY,
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), json };
}

export function tempDir(): { dir: string; path: (name: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'duty-review-test-'));
  return { dir, path: (name) => join(dir, name), done: () => rmSync(dir, { recursive: true, force: true }) };
}
