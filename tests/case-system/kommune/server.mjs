/**
 * Server for the "Kommune" test host: a case system built unlike the demo
 * (hash routing, citizen data fetched late from a JSON API, facts in a <dl>,
 * CPR written `DDMMYY NNNN`, TinyMCE in iframe mode as the journal beside a
 * CKEditor 5 remark field, a household page with two citizens). No
 * dependencies beyond the editors it serves from node_modules.
 *
 *   node tests/case-system/kommune/server.mjs [--port 5190] [--host 127.0.0.1]
 *
 * or from code:
 *
 *   import { startKommune } from './tests/case-system/kommune/server.mjs';
 *   const { port, close } = await startKommune(); // random free port on 127.0.0.1
 *
 * Tests open it as http://sag.kommune.test:<port>/ with Chromium's
 * `--host-resolver-rules=MAP sag.kommune.test 127.0.0.1`: a second origin the
 * manifest does not cover, and, unlike loopback, not a secure context.
 *
 * Routes: public/ (index.html, app.js, styles.css); /vendor/tinymce/* →
 * node_modules/tinymce/*; /vendor/ckeditor5/* → node_modules/ckeditor5/dist/browser/*;
 * /api/borger/<id> and /api/husstand/<id> → JSON after `?forsinkelse=<ms>`
 * (default 400 ms, at most 5000), as a slow back end answers.
 */
import { listen } from '../listen.mjs';
import { createReadStream, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BORGERE, HUSSTANDE } from './data.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = path.join(HERE, 'public');
const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
const VENDOR = {
  tinymce: path.join(REPO_ROOT, 'node_modules', 'tinymce'),
  ckeditor5: path.join(REPO_ROOT, 'node_modules', 'ckeditor5', 'dist', 'browser'),
};
export const DEFAULT_DELAY_MS = 400;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** `rel` inside `root`, or null if it would escape it. */
function safeJoin(root, rel) {
  const full = path.resolve(root, '.' + path.posix.sep + rel);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

async function serveFile(req, res, file) {
  const info = file ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) return send(res, 404, 'Ikke fundet\n');
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function apiAnswer(pathname) {
  const borger = /^\/api\/borger\/([a-z0-9-]+)$/.exec(pathname);
  if (borger) return BORGERE[borger[1]] ?? null;
  const husstand = /^\/api\/husstand\/([a-z0-9-]+)$/.exec(pathname);
  if (husstand) {
    const h = HUSSTANDE[husstand[1]];
    return h ? { ...h, medlemmer: h.medlemmer.map((id) => BORGERE[id]) } : null;
  }
  if (pathname === '/api/borgere') return Object.values(BORGERE).map(({ id, navn }) => ({ id, navn }));
  return null;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Metode ikke tilladt\n');
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
    url.pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'Ugyldig adresse\n');
  }
  const { pathname } = url;
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..'))
    return send(res, 400, 'Ugyldig sti\n');

  if (pathname.startsWith('/api/')) {
    const answer = apiAnswer(pathname);
    const delay = Math.min(Math.max(Number(url.searchParams.get('forsinkelse') ?? DEFAULT_DELAY_MS) || 0, 0), 5000);
    await new Promise((r) => setTimeout(r, delay));
    if (!answer) return send(res, 404, JSON.stringify({ fejl: 'Ikke fundet' }), CONTENT_TYPES['.json']);
    return send(res, 200, JSON.stringify(answer), CONTENT_TYPES['.json']);
  }
  for (const [name, root] of Object.entries(VENDOR)) {
    const prefix = `/vendor/${name}/`;
    if (pathname.startsWith(prefix)) return serveFile(req, res, safeJoin(root, pathname.slice(prefix.length)));
  }
  // Hash routing: every route is the one page at `/`.
  if (pathname === '/') return serveFile(req, res, path.join(PUBLIC_DIR, 'index.html'));
  return serveFile(req, res, safeJoin(PUBLIC_DIR, pathname));
}

/**
 * Starts the Kommune host.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ port: number, url: string, close: () => Promise<void> }>}
 */
export function startKommune(options = {}) {
  return listen(handle, options);
}

function isMain() {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  startKommune({ port: Number(arg('port') ?? process.env.PORT ?? 5190), host: arg('host') ?? '127.0.0.1' }).then(
    ({ url, close }) => {
      console.log(`Kommune (sagssystem): ${url}/`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
