/**
 * Static server for the demo case systems (no dependencies).
 *
 *   node tests/case-system/server.mjs [--port 5180] [--host 127.0.0.1]
 *
 * or from code:
 *
 *   import { startCaseSystem } from './tests/case-system/server.mjs';
 *   const { url, close } = await startCaseSystem(); // random free port
 *
 * Serves tests/case-system/public/, maps /vendor/<name>/* to the editors'
 * npm packages (VENDOR below), bundles the editor test bed's ES modules
 * (tests/case-system/editors/<name>.js) with esbuild on first request as
 * /editors/bundle/<name>.js (and .css), and falls back to the SPA shells for
 * paths without a file extension (/b/... → public/b/index.html,
 * /fjendtlig/... → the hostile test page public/fjendtlig/index.html,
 * /editors/ → the test bed's list, else public/index.html).
 */
import { listen } from './listen.mjs';
import { createReadStream } from 'node:fs';
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = path.join(HERE, 'public');
const REPO_ROOT = path.resolve(HERE, '..', '..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
const BUNDLE_SOURCES = path.join(HERE, 'editors');

/** `/vendor/<name>/…` → a folder of an installed package (served as it is, no build). */
const VENDOR = {
  quill: path.join(NODE_MODULES, 'quill', 'dist'),
  tinymce: path.join(NODE_MODULES, 'tinymce'),
  ckeditor4: path.join(NODE_MODULES, 'ckeditor4'),
};

/** name → Promise<Map<'.js' | '.css', string>>: each bundle is built once per server. */
const bundles = new Map();

/** Bundles tests/case-system/editors/<name>.js (an ES module and its CSS) in memory. */
function bundle(name) {
  let built = bundles.get(name);
  if (!built) {
    built = (async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [path.join(BUNDLE_SOURCES, `${name}.js`)],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        outdir: path.join(BUNDLE_SOURCES, 'out'),
        logLevel: 'silent',
        legalComments: 'none',
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      return new Map(result.outputFiles.map((f) => [path.extname(f.path), f.text]));
    })();
    bundles.set(name, built);
    built.catch(() => bundles.delete(name));
  }
  return built;
}

async function serveBundle(req, res, file) {
  const ext = path.extname(file);
  const name = file.slice(0, -ext.length);
  if (!/^[a-z0-9-]+$/.test(name) || (ext !== '.js' && ext !== '.css')) return send(res, 404, 'Ikke fundet\n');
  try {
    await stat(path.join(BUNDLE_SOURCES, `${name}.js`));
  } catch {
    return send(res, 404, 'Ikke fundet\n');
  }
  const text = (await bundle(name)).get(ext) ?? '';
  send(res, 200, text, { 'Content-Type': CONTENT_TYPES[ext] });
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Resolves `rel` inside `root`, or null if it would escape it. */
function safeJoin(root, rel) {
  const full = path.resolve(root, '.' + path.posix.sep + rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

function hasExtension(pathname) {
  const last = pathname.split('/').pop() ?? '';
  return last.includes('.');
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function serveFile(req, res, file) {
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, 'Ikke fundet\n');
  }
  if (!info.isFile()) return send(res, 404, 'Ikke fundet\n');
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Metode ikke tilladt\n', { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Ugyldig adresse\n');
  }
  // Reject traversal outright (also catches encoded %2e%2e and backslashes).
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((segment) => segment === '..')) {
    return send(res, 400, 'Ugyldig sti\n');
  }

  const vendor = /^\/vendor\/([a-z0-9]+)\/(.+)$/.exec(pathname);
  if (vendor && Object.hasOwn(VENDOR, vendor[1])) {
    const file = safeJoin(VENDOR[vendor[1]], vendor[2]);
    return file ? serveFile(req, res, file) : send(res, 400, 'Ugyldig sti\n');
  }

  if (pathname.startsWith('/editors/bundle/')) return serveBundle(req, res, pathname.slice('/editors/bundle/'.length));

  if (!hasExtension(pathname)) {
    const shell =
      pathname === '/b' || pathname.startsWith('/b/')
        ? 'b/index.html'
        : pathname === '/fjendtlig' || pathname.startsWith('/fjendtlig/')
          ? 'fjendtlig/index.html'
          : pathname === '/editors' || pathname === '/editors/'
            ? 'editors/index.html'
            : 'index.html';
    return serveFile(req, res, path.join(PUBLIC_DIR, shell));
  }

  const file = safeJoin(PUBLIC_DIR, pathname);
  return file ? serveFile(req, res, file) : send(res, 400, 'Ugyldig sti\n');
}

/**
 * Starts the demo case system server.
 * @param {{ port?: number, host?: string, tls?: { key: Buffer | string, cert: Buffer | string } }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startCaseSystem(options = {}) {
  return listen(handle, options);
}

function argValue(args, name) {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  const arg = args[i];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, 'port') ?? process.env.PORT ?? 5180);
  const host = argValue(args, 'host') ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Ugyldig port: ${argValue(args, 'port')}`);
    process.exit(2);
  }
  const { url, close } = await startCaseSystem({ port, host });
  console.log(`Sagssystem (Jobcenter Vesthavn): ${url}/`);
  console.log(`Fagsystem Nord:                  ${url}/b/`);
  console.log(`Editor test bed:                 ${url}/editors/`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// No top-level await: keeps the module loadable through require(esm) too.
if (isMain()) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
