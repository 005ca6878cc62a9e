/**
 * What the headless-Chromium e2e test files share: the browser, how it is launched, when the tests
 * run without it, where they put their screenshots, and the city-wide draft title they expect.
 */
import { spawn, type ChildProcess } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Download } from 'playwright-core';
import { cityDraft } from '../../src/core/feedback/city';
import { bundledRuleset } from '../../src/core/ruleset';
import { checkBytes } from '../../src/hosts/file/check';
import { DIST, OUT } from './build';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(OUT, 'screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`Skipping the e2e tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}
/** `describe` where Chromium is installed, else `describe.skip`. */
// on CI a missing browser is a failure, not a skip: .ci/run installs it
export const describeE2e = haveChromium || process.env.CI ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The title of the city-wide draft of these workbooks, as the engine drafts it. */
export async function cityTitle(workbooks: Buffer[]): Promise<string> {
  const reports = [];
  for (const bytes of workbooks) {
    const c = await checkBytes(bytes, [bundledRuleset()], new Date());
    if (c.status === 'checked') reports.push(c.report);
  }
  return cityDraft(reports, bundledRuleset()).title;
}

/** Starts `node scripts/start.js` on the built page (a free port) and resolves to the address it prints. */
export function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const start = join(__dirname, '..', '..', 'scripts', 'start.js');
  const child = spawn(process.execPath, [start, '--no-build', '--dist', DIST, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`start.js printed no address: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:\d+\/taskpane\.html/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`start.js exited (${code}): ${out}`)));
  });
}

/** The bytes of a download the page made. */
export async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync((await d.path())!);
}
