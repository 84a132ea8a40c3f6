import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync, mkdtempSync, mkdirSync, accessSync, constants } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test, type Browser, type Worker } from '@playwright/test';
import { generatePolicy } from '../../scripts/policy.mjs';
import { buildSelfHosted, extensionId } from '../../scripts/self-hosted.mjs';
import { EXTENSION_ID as DEV_EXTENSION_ID, findChromium, removeProfile, ROOT } from '../harness/chromium.mjs';

/**
 * The self-hosted package as a municipality's IT department deploys it: built
 * and signed by `npm run zip` (scripts/self-hosted.mjs) with a key of its own,
 * served with its update.xml from an intranet URL (here a local server), and
 * force-installed by the Linux policy file `npm run policy` generates, which also
 * sets Sidevogn's own settings. Chromium is started plainly, without
 * --load-extension: everything it gets, it gets from the policy.
 *
 * Writes a machine-wide policy file, so it runs after everything else
 * (playwright.config.ts); the policy is removed again at the end.
 */
declare const chrome: typeof import('wxt/browser').browser;

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'sidevogn-e2e-self-hosted.json');
const VALUES = { allowUserPacks: false, minPassphraseLength: 14 };

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let server: Server;
const served: string[] = [];
let id: string;
let updateUrl: string;
let child: ChildProcess | undefined;
let browser: Browser | undefined;
let profile: string;
let publicKey: string;

test.beforeAll(async () => {
  // A production build of its own (about 20 s of CPU) before anything is served.
  test.setTimeout(300_000);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch {
    throw new Error(`This test writes a Chromium policy file in ${POLICY_DIR}; run it as root (CI does).`);
  }
  // The intranet: update.xml and the CRX, from the folder the build writes.
  let dir = '';
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    served.push(name);
    try {
      const body = readFileSync(join(dir, name));
      const type = name.endsWith('.crx') ? 'application/x-chrome-extension' : 'text/xml';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sidevogn/`;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  publicKey = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const out = resolve(ROOT, process.env.SIDEVOGN_OUT ?? '.output', 'e2e-self-hosted');
  const built = await buildSelfHosted({ keyPem, baseUrl: base, out, quiet: true });
  expect(built.id).toBe(extensionId(keyPem));
  id = built.id;
  updateUrl = `${base}update.xml`;
  // The served paths carry the base's /sidevogn/ prefix: map them onto the folder.
  const servedDir = join(out, 'served');
  rmSync(servedDir, { recursive: true, force: true });
  mkdirSync(join(servedDir, 'sidevogn'), { recursive: true });
  for (const f of ['update.xml', `sidevogn-${built.version}.crx`])
    writeFileSync(join(servedDir, 'sidevogn', f), readFileSync(join(built.dir, f)));
  dir = servedDir;

  // The generated Linux policy file, as IT would copy it to /etc/chromium/policies/managed/.
  const policy = JSON.parse(generatePolicy({ id, updateUrl, values: VALUES })['linux/chromium/sidevogn.json']!);
  // For the test only: Chromium refuses DevTools (and so Playwright) on force-installed extensions.
  policy.DeveloperToolsAvailability = 1;
  writeFileSync(POLICY_FILE, JSON.stringify(policy));
});

test.afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close().catch(() => undefined);
  child?.kill('SIGKILL');
  await new Promise((r) => server?.close(r));
  // The policy-installed browser may still be writing its profile as it closes: wait, then try again.
  if (profile)
    try {
      removeProfile(profile);
    } catch {
      await new Promise((r) => setTimeout(r, 1_000));
      removeProfile(profile);
    }
});

/** A plain Chromium on a fresh profile, driven over CDP: no extension flags at all. */
async function launchPlainChromium(): Promise<Browser> {
  profile = mkdtempSync(join(tmpdir(), 'sidevogn-self-hosted-'));
  child = spawn(
    findChromium(),
    [
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--no-first-run',
      '--no-default-browser-check',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const ws = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${log}`)), 20_000);
    child!.stderr!.on('data', (chunk) => {
      log = (log + chunk).slice(-16_000);
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
  });
  return chromium.connectOverCDP(ws);
}

test('IT force-installs the signed self-hosted CRX by policy from its update URL, and it runs with the policy', async () => {
  browser = await launchPlainChromium();
  const context = browser.contexts()[0]!;
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 60_000 }));

  // Installed from the intranet: update.xml first, then the CRX it names.
  expect(served[0]).toBe('sidevogn/update.xml');
  expect(served).toContain(
    `sidevogn/sidevogn-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.crx`,
  );

  // The store-like manifest, plus the update URL: no demo origins, no development key.
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.update_url).toBe(updateUrl);
  // Chromium puts the CRX's public key in `key`: the municipality's, not the development key.
  expect(manifest.key).toBe(publicKey);
  expect(id).not.toBe(DEV_EXTENSION_ID);
  expect(manifest).not.toHaveProperty('content_scripts');
  const { update_url: _served, ...rest } = manifest;
  expect(JSON.stringify(rest)).not.toMatch(/127\.0\.0\.1|localhost/);
  const installType = await worker.evaluate(() => chrome.management.getSelf().then((s) => s.installType));
  expect(installType).toBe('admin');

  // Sidevogn's own settings from the same policy file reach the extension…
  await expect.poll(() => worker.evaluate(() => chrome.storage.managed.get()), { timeout: 15_000 }).toEqual(VALUES);

  // …and the caseworker meets them on the options page.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await expect(options.getByText('Mindst 14 tegn.', { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(options.getByText('Din organisation har bestemt, hvilke pakker der bruges.')).toBeVisible();
});
