#!/usr/bin/env node
/**
 * npm start: the web page (file mode) on this computer, for a newcomer.
 *   1. builds the page (npm run build) when dist/ is missing or older than the sources;
 *   2. serves dist/ over plain http on localhost, port 3000 or the next free one;
 *   3. prints the address to open.
 * Files dropped on the page are processed in the browser: this server only hands out the page.
 *
 * Options (for tests and the curious): --port N (0: any free port), --dist DIR, --no-build.
 * PORT in the environment works like --port.
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
/** What the built page is made from: when any is newer than dist/, build again. */
const SOURCES = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'];
const PAGE = 'taskpane.html';
const PORT_TRIES = 20;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

function parseArgs(argv, env) {
  const opts = { port: env.PORT ? Number(env.PORT) : 3000, dist: path.join(ROOT, 'dist'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--dist') opts.dist = path.resolve(argv[++i]);
    else throw new Error(`未知选项 / unknown option: ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`端口号无效 / invalid port: ${opts.port}`);
  }
  return opts;
}

/** The newest modification time under `p` (a file or a folder), 0 when it does not exist. */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, name)));
  return t;
}

/** Why the page must be built first, or null when dist/ is up to date. */
function buildReason(dist, root = ROOT) {
  const page = path.join(dist, PAGE);
  if (!fs.existsSync(page)) return '还没有构建 / not built yet';
  const built = fs.statSync(page).mtimeMs;
  const changed = SOURCES.some((s) => newest(path.join(root, s)) > built);
  return changed ? '源代码比 dist/ 新 / the sources are newer than dist/' : null;
}

function build() {
  // run through the npm that runs us when there is one, so that it works the same on Windows
  const npmCli = process.env.npm_execpath;
  const [cmd, args] =
    npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: cmd === 'npm' && process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。/ The build failed; see the messages above.');
    process.exit(r.status || 1);
  }
}

/** A request path as a file inside `dist`, or null when it would leave it. */
function fileFor(dist, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = `/${PAGE}`;
  const file = path.resolve(dist, `.${path.posix.normalize(rel)}`);
  return file === dist || file.startsWith(dist + path.sep) ? file : null;
}

function handler(dist) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url || '/';
    if (url === '/' || url.startsWith('/?')) {
      res.writeHead(302, { Location: `/${PAGE}${url.slice(1)}` }).end();
      return;
    }
    const file = fileFor(dist, url);
    let st;
    try {
      st = file && fs.statSync(file);
    } catch {
      st = null;
    }
    if (!file || !st || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 找不到该文件 / not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}

/** Listens on `port` or the next free one (up to PORT_TRIES); port 0 takes any free port. */
function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = (p) => {
      const onError = (e) => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' && port !== 0 && ++tries < PORT_TRIES) attempt(p + 1);
        else reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    };
    attempt(port);
  });
}

async function serve(dist, port) {
  const server = http.createServer(handler(dist));
  const actual = await listen(server, port);
  return { server, port: actual, url: `http://localhost:${actual}/${PAGE}` };
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (opts.build) {
    const why = buildReason(opts.dist);
    if (why) {
      console.log(`正在构建网页（${why}）…`);
      build();
    }
  }
  if (!fs.existsSync(path.join(opts.dist, PAGE))) {
    console.error(`找不到 ${path.join(opts.dist, PAGE)}：请先运行 npm run build。/ Run npm run build first.`);
    process.exit(1);
  }
  let served;
  try {
    served = await serve(opts.dist, opts.port);
  } catch (e) {
    console.error(`无法启动本地服务器 / cannot start the local server: ${e.message}`);
    process.exit(1);
  }
  if (opts.port !== 0 && served.port !== opts.port) {
    console.log(`端口 ${opts.port} 已被占用，改用 ${served.port}。/ Port ${opts.port} is busy; using ${served.port}.`);
  }
  console.log('');
  console.log('履职评价填报校验 · 文件模式已就绪 / Duty Review file mode is ready');
  console.log('');
  console.log(`  请在浏览器中打开 / Open in your browser:  ${served.url}`);
  console.log('');
  console.log('  文件只在本机浏览器中处理，不会上传。/ Files are processed in your browser; nothing is uploaded.');
  console.log('  按 Ctrl+C 停止。/ Press Ctrl+C to stop.');
  const stop = () => served.server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { parseArgs, buildReason, fileFor, serve, listen };

if (require.main === module) void main();
