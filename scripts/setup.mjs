// The check `npm start` and `npm test` run before anything else, so that on a
// fresh clone those two commands are the whole set-up:
//
//   1. Node at least as new as package.json's `engines` (a clear line, not a stack trace);
//   2. node_modules present and matching package-lock.json, else `npm ci` (said so);
//   3. a Chromium for the extension: CHROMIUM_PATH, Debian's package or Playwright's
//      own browser; as root on Debian it installs Debian's `chromium`, otherwise it
//      stops with one line naming the command to run.
//
// Built-in modules only: it runs before node_modules exists, and `npm ci` replaces it.
// Costs a few milliseconds when all is in place (two JSON files read, a few stats).
//
//   node scripts/setup.mjs [--no-browser]                  check (and set up)
//   node scripts/setup.mjs --then FILE [ARGS...]           then run FILE with ARGS (in this process)
//                                                          (`--no-browser` among ARGS also
//                                                          skips the Chromium check)
//
// Overrides (for the set-up test, tests/unit/setup.test.ts):
//   SIDEVOGN_CHROMIUM_CANDIDATES  colon-separated paths tried instead of the defaults
//   SIDEVOGN_SETUP_UID            the user id to act as (0 = root)
//   SIDEVOGN_OS_RELEASE           the os-release file to read (default /etc/os-release)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`sidevogn: ${message}`);
  process.exit(1);
}

// --- 1. Node --------------------------------------------------------------------

/** `>=20.19` style ranges only (what package.json uses); returns the unmet minimum or null. */
export function unmetNode(range, version) {
  const m = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  if (!m) return null;
  const want = [m[1], m[2], m[3]].map((n) => Number(n ?? 0));
  const have = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) > want[i]) return null;
    if ((have[i] ?? 0) < want[i]) return want.join('.');
  }
  return null;
}

// --- 2. node_modules ------------------------------------------------------------

/**
 * Why node_modules does not match package-lock.json, or null when it does.
 * npm writes node_modules/.package-lock.json (the "hidden lockfile") on every
 * install: each package it installed, with its version. A package of the lock
 * may be missing only when it is optional (another platform's esbuild, say).
 */
export function dependencyMismatch(root) {
  const hiddenPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(hiddenPath)) return 'node_modules was not installed by npm';
  // WXT's generated types (the postinstall `wxt prepare`): tsc needs them.
  if (!existsSync(join(root, '.wxt', 'tsconfig.json'))) return '.wxt/ (from `wxt prepare`) is missing';
  let lock, hidden;
  try {
    lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    hidden = JSON.parse(readFileSync(hiddenPath, 'utf8')).packages ?? {};
  } catch (e) {
    return `cannot read the lockfiles (${e.message})`;
  }
  for (const [path, entry] of Object.entries(lock)) {
    if (path === '' || !path.includes('node_modules/')) continue;
    const have = hidden[path];
    if (!have) {
      if (entry.optional) continue;
      return `${path.replace(/^.*node_modules\//, '')} is not installed`;
    }
    if (have.version !== entry.version)
      return `${path.replace(/^.*node_modules\//, '')} is ${have.version}, the lock says ${entry.version}`;
  }
  for (const path of Object.keys(hidden)) {
    if (!lock[path]) return `${path.replace(/^.*node_modules\//, '')} is installed but not in package-lock.json`;
  }
  return null;
}

// --- 3. Chromium ----------------------------------------------------------------

/** Where the harness (tests/harness/chromium.mjs) looks, in the same order. */
export function chromiumCandidates(env = process.env) {
  if (env.SIDEVOGN_CHROMIUM_CANDIDATES !== undefined)
    return env.SIDEVOGN_CHROMIUM_CANDIDATES.split(':').filter(Boolean);
  const list = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  // Playwright's own browser, where `npx playwright install chromium` could download one.
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  try {
    for (const dir of readdirSync(cache).filter((d) => /^chromium-\d+$/.test(d)))
      for (const sub of ['chrome-linux64', 'chrome-linux']) list.push(join(cache, dir, sub, 'chrome'));
  } catch {
    // No Playwright browsers.
  }
  return list;
}

function osRelease(env) {
  try {
    const text = readFileSync(env.SIDEVOGN_OS_RELEASE ?? '/etc/os-release', 'utf8');
    const get = (k) => (new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text) ?? [])[1] ?? '';
    return { id: get('ID'), like: get('ID_LIKE') };
  } catch {
    return { id: '', like: '' };
  }
}

const CHROMIUM_HINT = 'or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary';

function ensureChromium(env) {
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH))
    fail(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.`);
  if (chromiumCandidates(env).some((p) => existsSync(p))) return;
  const uid = env.SIDEVOGN_SETUP_UID !== undefined ? Number(env.SIDEVOGN_SETUP_UID) : process.getuid?.();
  const os = osRelease(env);
  if (os.id === 'ubuntu' || / ubuntu /.test(` ${os.like} `))
    fail(
      "No Chromium found. On Ubuntu, apt's `chromium` is a stub that installs a snap, which does not work " +
        'in containers: run `npx playwright install --with-deps chromium` (or install Chrome for Testing), ' +
        `${CHROMIUM_HINT}.`,
    );
  const debian = os.id === 'debian' || / debian /.test(` ${os.like} `);
  if (!debian) fail(`No Chromium found. Install Chromium with your system's package manager, ${CHROMIUM_HINT}.`);
  if (uid !== 0)
    fail(`No Chromium found. Run \`sudo apt-get update && sudo apt-get install -y chromium\`, ${CHROMIUM_HINT}.`);
  console.log("sidevogn: no Chromium found; installing Debian's package (apt-get install -y chromium)");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
    if (r.status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed (exit ${r.status ?? r.error?.message}).`);
  }
  if (!chromiumCandidates(env).some((p) => existsSync(p)))
    fail(`apt-get installed chromium, but it is not at /usr/bin/chromium; ${CHROMIUM_HINT}.`);
}

/**
 * The Chromium the suite is checked on. An older one still runs it, but not
 * cleanly: on 150 (Debian 12's package when apt's lists are stale)
 * tests/e2e/open-in-case-system.spec.ts fails and the full-disk tests discard
 * databases far more often (docs/development.md).
 */
export const CHECKED_CHROMIUM = 156;

/** A warning line when the Chromium found is older than CHECKED_CHROMIUM; null if newer or unreadable. */
export function oldChromiumWarning(env = process.env) {
  const path = chromiumCandidates(env).find((p) => existsSync(p));
  if (!path) return null;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const major = Number(/(\d+)\.\d+\.\d+/.exec(r.stdout ?? '')?.[1]);
  if (!(major < CHECKED_CHROMIUM)) return null;
  return (
    `sidevogn: ${path} is Chromium ${major}; the tests are checked on ${CHECKED_CHROMIUM} and some fail on older ones. ` +
    'Run `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a newer one.'
  );
}

// --- main -----------------------------------------------------------------------

function main() {
  const args = process.argv.slice(2);
  const thenAt = args.indexOf('--then');
  const own = thenAt < 0 ? args : args.slice(0, thenAt);
  const next = thenAt < 0 ? [] : args.slice(thenAt + 1);
  const noBrowser = own.includes('--no-browser') || next.includes('--no-browser');
  const env = process.env;

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const need = unmetNode(pkg.engines?.node, process.versions.node);
  if (need)
    fail(
      `Sidevogn needs Node ${pkg.engines.node} (package.json "engines"); this is Node ${process.versions.node}. ` +
        'Install a newer Node (https://nodejs.org, or `nvm install 20`).',
    );

  const why = dependencyMismatch(ROOT);
  if (why) {
    console.log(`sidevogn: ${why}; running \`npm ci\` to install the locked dependencies`);
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) fail(`\`npm ci\` failed (exit ${r.status ?? r.error?.message}).`);
  }

  if (!noBrowser) {
    ensureChromium(env);
    const old = oldChromiumWarning(env);
    if (old) console.warn(old);
  }

  return next;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = main();
  // In this process, so Ctrl+C and exit codes reach the script as if it were started itself.
  if (file) {
    process.argv = [process.argv[0], resolve(ROOT, file), ...rest];
    await import(pathToFileURL(resolve(ROOT, file)).href);
  }
}
