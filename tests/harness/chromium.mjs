// Finding and launching Chromium with the built extension loaded. Shared by the
// e2e tests, `npm start` and the benchmarks.
import { spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// resolve, not join: an absolute SIDEVOGN_OUT (as the build takes it) must not be read below ROOT.
export const EXTENSION_DIR = resolve(ROOT, process.env.SIDEVOGN_OUT ?? '.output', 'chrome-mv3');
/** Chromium derives this id from the manifest `key` in wxt.config.ts. */
export const EXTENSION_ID = 'feohapeeggemacecolfmbiphbdhhjebf';

const INSTALL_HINT =
  'No Chromium found. Install it with `sudo apt-get update && sudo apt-get install -y chromium` ' +
  '(or set CHROMIUM_PATH to a Chromium/Chrome for Testing binary).';

/** CHROMIUM_PATH, then Debian's chromium, then Playwright's own browser if one was downloaded. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

export function assertExtensionBuilt() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built (${EXTENSION_DIR}). Run \`npm run build\` first.`);
  }
}

/** The test pack server's TLS certificate (tests/fixtures/tls; a test-only key, no secret). */
export const TEST_TLS_DIR = join(ROOT, 'tests', 'fixtures', 'tls');

/**
 * Base64 SHA-256 of the test certificate's key: Chromium trusts that one key
 * (`--ignore-certificate-errors-spki-list`), not every bad certificate, so pack
 * URLs can be https in tests as they must be in use.
 */
function testTlsSpki() {
  const cert = new X509Certificate(readFileSync(join(TEST_TLS_DIR, 'pack-server.crt')));
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/**
 * Chromium flags for a quiet, offline-friendly browser with our extension.
 * This machine's network is closed, so background networking is off.
 */
export function extensionArgs(extensionDir = EXTENSION_DIR) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    `--ignore-certificate-errors-spki-list=${testTlsSpki()}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/**
 * A new profile's preferences:
 * - Real Chrome and Edge partition third-party storage, which gives an extension
 *   frame on a web page the extension's own IndexedDB. Playwright's default flags
 *   turn partitioning off, and then IndexedDB in our panel frame is denied.
 *   Allowing third-party cookies in the profile restores the real behaviour.
 * - Developer mode off, as a caseworker has it. Only a test that reloads the
 *   unpacked extension (`chrome.runtime.reload()`, as after an update) turns it
 *   on (`developerMode`): without it Chromium may disable the unpacked extension
 *   on reload with the reason DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION
 *   (chrome://extensions-internals), seen in about one reload in four on this VM.
 *   `npm start` turns it on for the developer (it also turns on Chromium's error
 *   console for extensions).
 */
export function prepareProfile(userDataDir, { developerMode = false, thirdPartyCookies = true } = {}) {
  const prefs = join(userDataDir, 'Default', 'Preferences');
  if (existsSync(prefs)) return;
  mkdirSync(dirname(prefs), { recursive: true });
  writeFileSync(
    prefs,
    JSON.stringify({
      ...(thirdPartyCookies ? { profile: { cookie_controls_mode: 0 } } : {}),
      extensions: { ui: { developer_mode: developerMode } },
    }),
  );
}

/**
 * Removes a profile directory. A browser that was just killed or closed can
 * still be writing into it for a moment (ENOTEMPTY), so removal is retried.
 */
export function removeProfile(userDataDir) {
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/**
 * SIDEVOGN_HEADED=1: the e2e browsers run headed (under `xvfb-run -a` where there is no
 * display), e.g. to press the toggle command's key for real: headless Chromium has no
 * browser window to take it.
 */
const HEADED = process.env.SIDEVOGN_HEADED === '1';

/**
 * A Playwright persistent context with the extension, on `userDataDir`.
 * `args`: further Chromium flags, e.g. `--host-resolver-rules=MAP sag.kommune.test 127.0.0.1`.
 * `env`: further environment variables for the browser, e.g. `{ TZ: 'Etc/GMT-3' }`.
 * `developerMode`: on for a test that reloads the extension (see prepareProfile).
 */
export async function launchWithExtension(
  userDataDir,
  {
    headless = !HEADED,
    viewport = { width: 1400, height: 900 },
    args = [],
    env = undefined,
    developerMode = false,
  } = {},
) {
  assertExtensionBuilt();
  prepareProfile(userDataDir, { developerMode });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport,
    locale: 'da-DK',
    args: [...extensionArgs(), ...args],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

/** How much of a spawned Chromium's stderr is kept. */
const STDERR_KEEP = 64 * 1024;

/**
 * Chromium as a child process we own, driven over CDP: for crash tests, where
 * we SIGKILL exactly this browser and relaunch it on the same profile.
 * Started without Playwright's default flags, so third-party storage is
 * partitioned as in Chrome and Edge. `extensionDir`: another build (the store
 * package, tests/e2e/store-build.spec.ts); `profile`: prepareProfile's options.
 */
export async function spawnWithExtension(
  userDataDir,
  { headless = !HEADED, extensionDir = EXTENSION_DIR, profile = {} } = {},
) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension built in ${extensionDir}`);
  prepareProfile(userDataDir, profile);
  const child = spawn(
    findChromium(),
    [
      ...extensionArgs(extensionDir),
      ...(headless ? ['--headless'] : []),
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1400,900',
      'about:blank',
    ],
    // Its own process group (and session): Chromium's zygotes, renderers, GPU and
    // utility processes all stay in it, so one kill(-pgid) stops every process
    // of the profile at the same instant (tests/e2e/crash.spec.ts checks the group).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  // Chromium's own log (stderr), its last STDERR_KEEP characters: the DevTools
  // address is read from it at start, and failure messages quote it.
  let log = '';
  let onLog = () => undefined;
  child.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-STDERR_KEEP);
    onLog();
  });
  const wsEndpoint = await new Promise((resolveEndpoint, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${log}`)), 20_000);
    onLog = () => {
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (!m) return;
      clearTimeout(timer);
      onLog = () => undefined;
      resolveEndpoint(m[1]);
    };
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${log}`));
    });
  });
  child.stderr.resume();
  // Debian's /usr/bin/chromium is a shell script that execs the browser; make
  // sure the pid we will SIGKILL is the browser itself, not a wrapper.
  const exe = executableOf(child.pid);
  if (exe && /\/(ba|da)?sh$/.test(exe)) throw new Error(`Spawned pid ${child.pid} is a shell (${exe}), not Chromium`);
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0];
  const strays = [];
  return {
    browser,
    context,
    pid: child.pid,
    exe,
    /** The DevTools endpoint: a second connectOverCDP sees targets opened later (the browser's side panel). */
    wsEndpoint,
    userDataDir,
    /** What this Chromium wrote to stderr (its last STDERR_KEEP characters). */
    stderr: () => log,
    /**
     * SIGKILL every process of the profile at once: one kill() on the browser's
     * process group, so no renderer, network or storage process outlives the
     * browser and finishes a write (a power cut, not a browser crash). Any
     * process of the profile outside the group (none seen) is killed right
     * after and named in `strays`. Waits until every process of the profile is
     * gone, so a relaunch on the same profile starts a new browser.
     */
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGKILL');
      // The group's own members may still show for a moment while the signal lands.
      for (const pid of profileProcesses(userDataDir).filter((p) => processGroupOf(p) !== child.pid)) {
        strays.push(pid);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
      await exited;
      await waitForProfileProcessesGone(userDataDir);
    },
    /** Processes of the profile that were not in the browser's process group when it was killed. */
    strays,
    /** The browser's process group: every process of the profile should be in it. */
    processGroup: child.pid,
  };
}

/**
 * The profile's IndexedDB directories as files and sizes, with the tail of
 * each LevelDB's own LOG and any corruption record Chromium left: what a
 * crash test quotes when the database is not what it was before the kill.
 */
export function indexedDbSnapshot(userDataDir) {
  const root = join(userDataDir, 'Default', 'IndexedDB');
  if (!existsSync(root)) return `${root}: none`;
  const lines = [];
  for (const store of readdirSync(root)) {
    const dir = join(root, store);
    let files;
    try {
      files = readdirSync(dir);
    } catch {
      lines.push(store);
      continue;
    }
    lines.push(`${store}/: ${files.map((f) => `${f} ${statSync(join(dir, f)).size}`).join(', ')}`);
    for (const f of files.filter((f) => f === 'LOG' || f.startsWith('corruption')))
      lines.push(
        `  ${f}, last lines:`,
        ...readFileSync(join(dir, f), 'utf8')
          .trimEnd()
          .split('\n')
          .slice(-12)
          .map((l) => `    ${l}`),
      );
  }
  return lines.join('\n');
}

/** The executable of a process (Linux /proc), or null where that is not available. */
export function executableOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

/** The process group of a process (Linux /proc), or null where that is not available. */
export function processGroupOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}

/** Pids of processes started with this profile (Linux /proc; empty elsewhere). */
export function profileProcesses(userDataDir) {
  if (!existsSync('/proc')) return [];
  const flag = `--user-data-dir=${userDataDir}`;
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Split on spaces too: Chromium's child processes rewrite their title, which
      // can leave all arguments in one space-separated string (seen with the network
      // service, which went on writing into the profile after its browser was killed).
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/).includes(flag)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function waitForProfileProcessesGone(userDataDir, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = profileProcesses(userDataDir);
    if (left.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`Chromium processes of ${userDataDir} still running after SIGKILL: ${left.join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
