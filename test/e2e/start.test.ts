/**
 * `npm start` (scripts/start.js): builds when dist/ is missing or stale, serves it on localhost
 * (3000 or the next free port), prints the address in Chinese and English, serves nothing else.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { createServer, request, type Server } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';

const START = join(__dirname, '..', '..', 'scripts', 'start.js');
let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'taskpane.html'), '<!doctype html><title>页面</title>');
  writeFileSync(join(dir, 'dist', 'taskpane.1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not to be served');
});

afterAll(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]): Promise<{ out: string; url: string }> {
  const child = spawn(process.execPath, [START, '--no-build', '--dist', join(dir, 'dist'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/localhost:\d+\/taskpane\.html/.exec(out);
      if (m && out.includes('Ctrl+C')) resolve({ out, url: m[0] });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

test('serves the page on localhost and prints where, in Chinese and English', async () => {
  const { out, url } = await start(['--port', '0']);
  expect(out).toContain('请在浏览器中打开 / Open in your browser');
  expect(out).toContain('文件只在本机浏览器中处理，不会上传。');
  const origin = new URL(url).origin;
  const page = await get(url);
  expect(page.status).toBe(200);
  expect(page.type).toBe('text/html; charset=utf-8');
  expect(page.body).toContain('页面');
  expect((await get(`${origin}/taskpane.1234.js`)).type).toMatch(/^text\/javascript/);
  expect(await get(`${origin}/`)).toMatchObject({ status: 302, location: '/taskpane.html' });
  expect(await get(`${origin}/?lang=en`)).toMatchObject({ status: 302, location: '/taskpane.html?lang=en' });
  expect((await get(`${origin}/nothing.js`)).status).toBe(404);
  expect((await get(`${origin}/..%2fsecret.txt`)).status).toBe(404);
  expect((await get(`${origin}/%2e%2e/secret.txt`)).status).toBe(404);
  expect((await get(url, 'POST')).status).toBe(405);
});

test('a busy port: the next free one, and it says so', async () => {
  const { server, port } = await occupy();
  try {
    const { out, url } = await start(['--port', String(port)]);
    expect(new URL(url).port).not.toBe(String(port));
    expect(Number(new URL(url).port)).toBeGreaterThan(port);
    expect(out).toContain(`端口 ${port} 已被占用`);
  } finally {
    server.close();
  }
});

test('builds when dist/ is missing or older than the sources, not otherwise', () => {
  const root = join(dir, 'project');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'index.ts'), '');
  const reason = (dist: string) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(JSON.stringify(require(${JSON.stringify(START)}).buildReason(process.argv[1], process.argv[2])))`,
        dist,
        root,
      ],
      { encoding: 'utf8' },
    ).stdout;
  const dist = join(root, 'dist');
  expect(JSON.parse(reason(dist))).toMatch(/not built yet/);
  mkdirSync(dist);
  writeFileSync(join(dist, 'taskpane.html'), '');
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'src', 'index.ts'), past, past);
  utimesSync(join(root, 'src'), past, past);
  expect(JSON.parse(reason(dist))).toBeNull();
  writeFileSync(join(root, 'src', 'index.ts'), 'changed');
  expect(JSON.parse(reason(dist))).toMatch(/sources are newer/);
});

test('without a built page and with --no-build it says what to run', () => {
  const r = spawnSync(process.execPath, [START, '--no-build', '--dist', join(dir, 'empty'), '--port', '0'], {
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('npm run build');
});
