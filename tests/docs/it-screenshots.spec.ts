// `npm run docs:screenshots`: the screenshots in docs/it.md, of what a caseworker
// sees when IT enforces a setting by policy. Not part of `npm test`.
//
// It applies managed policy as tests/e2e/policy.spec.ts does (a JSON file in
// Chromium's machine-wide /etc/chromium/policies/managed/, so it must run as
// root), but to a copy of the built extension with a manifest key of its own:
// the policy names that copy's ID only, so it neither reaches nor is reached by
// the e2e policy tests' browsers (their policy names the fixed test ID). The
// policy file is removed after each screenshot.
//
// Demo data only: the demo case system's made-up citizens, a demo pack served
// as "intranet.vesthavn.dk" (mapped to a local https server).
import { chromium, expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPublicKey, generateSigningKey, signPack } from '@/lib/packs/signing';
import { packSchema } from '@/lib/packs/schema';
import { startCaseSystem } from '../case-system/server.mjs';
import {
  EXTENSION_DIR,
  extensionArgs,
  findChromium,
  prepareProfile,
  removeProfile,
  ROOT,
} from '../harness/chromium.mjs';
import { citizen } from '../e2e/demo-data';
import { CaseSystem } from '../e2e/pages/case-system';
import { LockScreen } from '../e2e/pages/lock';
import { startPackServer } from '../e2e/pack-server';
import { aTeamPack } from '../fixtures/packs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'sidevogn-docs-screenshots.json');
const IMAGES = join(ROOT, 'docs', 'images');
/** Each image stays small enough for the repository. */
const MAX_BYTES = 100 * 1024;
const INTRANET = 'intranet.vesthavn.dk';
const PACK_URL = `https://${INTRANET}/sidevogn/team.json`;
/** A demo passphrase for the throwaway profiles (16 characters and more). */
const PASSPHRASE = 'Blå båd ved den gamle mole 17';

test.describe.configure({ mode: 'serial' });

/** The built extension, copied with a fresh manifest key: its ID is its own. */
function extensionCopy(): { dir: string; id: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sidevogn-docs-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  // Chromium's ID: the first 128 bits of SHA-256(SPKI), hex digits 0-f written as a-p.
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((h) => String.fromCharCode(97 + parseInt(h, 16)))
    .join('');
  return { dir, id };
}

let extension: { dir: string; id: string };
let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>;
let packServer: Awaited<ReturnType<typeof startPackServer>>;
let packKey: string;
let open: { context: BrowserContext; profile: string } | undefined;

test.beforeAll(async () => {
  extension = extensionCopy();
  caseSystem = await startCaseSystem();
  const keys = await generateSigningKey();
  packKey = await exportPublicKey(keys.publicKey);
  const pack = packSchema.parse(aTeamPack());
  const signed = await signPack(pack, keys);
  packServer = await startPackServer(() => JSON.stringify(signed));
  mkdirSync(IMAGES, { recursive: true });
});

test.afterEach(async () => {
  rmSync(POLICY_FILE, { force: true });
  if (open) {
    await open.context.close().catch(() => undefined);
    removeProfile(open.profile);
    open = undefined;
  }
});

test.afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await packServer?.close();
  await caseSystem?.close();
  if (extension) rmSync(extension.dir, { recursive: true, force: true });
});

/** Writes the policy (before the browser starts, as IT's arrives), then launches Chromium on a fresh profile. */
async function launchWithPolicy(values: Record<string, unknown>, viewport = { width: 1000, height: 760 }) {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch {
    throw new Error(`The screenshots need a Chromium policy file in ${POLICY_DIR}; run as root.`);
  }
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extension.id]: values } } }));
  const profile = mkdtempSync(join(tmpdir(), 'sidevogn-docs-profile-'));
  prepareProfile(profile);
  const packPort = new URL(packServer.url).port;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport,
    locale: 'da-DK',
    // (A file input's button is the browser's own text: English here, where Debian's
    // chromium has no Danish locale without chromium-l10n; Danish in a Danish Chrome or Edge.)
    args: [
      ...extensionArgs().map((arg) => arg.replaceAll(EXTENSION_DIR, extension.dir)),
      `--host-resolver-rules=MAP ${INTRANET}:443 127.0.0.1:${packPort}`,
    ],
  });
  open = { context, profile };
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return context;
}

async function optionsPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/options.html`);
  await page.getByRole('heading', { name: 'Sidevogn – indstillinger' }).waitFor();
  return page;
}

/**
 * Saves a screenshot of `targets` (the box around them all, with a margin) as
 * docs/images/<name>.png and checks its size. `maxHeight` crops the box.
 */
async function shot(page: Page, name: string, targets: Locator[], { pad = 12, maxHeight = Infinity } = {}) {
  // The first target at the top of the viewport (at the page's end, as far as it goes).
  await targets[0]!.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const boxes = await Promise.all(targets.map((t) => t.boundingBox()));
  if (boxes.some((b) => !b)) throw new Error(`${name}: a target is not visible`);
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b!.x)) - pad);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b!.y)) - pad);
  const x1 = Math.max(...boxes.map((b) => b!.x + b!.width)) + pad;
  const y1 = Math.min(y0 + maxHeight, Math.max(...boxes.map((b) => b!.y + b!.height)) + pad);
  const viewport = page.viewportSize()!;
  const clip = { x: x0, y: y0, width: Math.min(x1, viewport.width) - x0, height: Math.min(y1, viewport.height) - y0 };
  const path = join(IMAGES, `${name}.png`);
  await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide', scale: 'css' });
  expect(statSync(path).size, `${name}.png is too large for the repository`).toBeLessThanOrEqual(MAX_BYTES);
}

test('packs: a pack installed by the organisation, and no packs of the caseworker’s own', async () => {
  const context = await launchWithPolicy({ packUrls: [PACK_URL], allowUserPacks: false, trustedPackKeys: [packKey] });
  const options = await optionsPage(context);
  const packs = options.locator('section[aria-labelledby="packs-heading"]');
  const team = packs.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team).toContainText(`Installeret af din organisation (${PACK_URL})`, { timeout: 15_000 });
  await expect(packs.getByText('Din organisation har bestemt, hvilke pakker der bruges.')).toBeVisible();
  await expect(packs.getByLabel('Importér pakke (JSON-fil)')).toHaveCount(0);
  await shot(options, 'policy-packs', [packs]);
});

test('packs, for comparison: without a policy the caseworker can import a pack file or subscribe to a URL', async () => {
  const context = await launchWithPolicy({});
  const options = await optionsPage(context);
  const packs = options.locator('section[aria-labelledby="packs-heading"]');
  await expect(packs.getByLabel('Importér pakke (JSON-fil)')).toBeVisible();
  await shot(options, 'policy-packs-none', [packs]);
});

test('packs: a policy value Sidevogn cannot read is named in the options page', async () => {
  const context = await launchWithPolicy({
    packUrls: [PACK_URL],
    allowUserPacks: false,
    trustedPackKeys: ['abc', packKey],
  });
  const options = await optionsPage(context);
  const problems = options.getByTestId('policy-problems');
  await expect(problems).toContainText('trustedPackKeys[0]', { timeout: 15_000 });
  // The box with its heading, and what the caseworker sees below it.
  await shot(options, 'policy-problems', [
    options.getByRole('alert').filter({ has: problems }),
    options.getByText('Din organisation har bestemt, hvilke pakker der bruges.'),
  ]);
});

test('lock: the passphrase’s minimum length at set-up, the idle time in the options page, the lock screen', async () => {
  const context = await launchWithPolicy({ minPassphraseLength: 16, idleLockMinutes: 5 });
  const options = await optionsPage(context);
  const lock = new LockScreen(options);
  await expect(lock.setUpHeading).toBeVisible();
  await expect(options.getByText('Mindst 16 tegn.')).toBeVisible();
  const short = 'Rød cykel ved å';
  await lock.passphrase.fill(short);
  await lock.confirm.fill(short);
  await options.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(lock.error).toHaveText('Adgangskoden skal have mindst 16 tegn.');
  const setUpForm = options.locator('form').filter({ has: options.getByRole('button', { name: 'Gem adgangskode' }) });
  await shot(options, 'policy-passphrase-length', [setUpForm]);

  await lock.setUp(PASSPHRASE);
  const lockSection = options.locator('section').filter({ has: options.getByRole('button', { name: 'Lås nu' }) });
  await expect(lockSection.getByText('Sidevogn låser efter 5 minutter uden aktivitet')).toBeVisible();
  await shot(options, 'policy-idle-lock', [lockSection]);

  // Six minutes without use: the service worker's idle check locks.
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(
    (ms) =>
      (
        globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }
      ).chrome.storage.session.set({ lastActivityAt: Date.now() - ms }),
    6 * 60_000,
  );
  await expect(lock.lockedHeading).toBeVisible({ timeout: 90_000 });
  const lockedForm = options.locator('form').filter({ has: options.getByRole('button', { name: 'Lås op' }) });
  await shot(options, 'policy-locked', [lockedForm]);
});

test('retention: the rule in the options page, and the citizens whose data is deleted within the week', async () => {
  const context = await launchWithPolicy({ retentionDays: 5 }, { width: 1400, height: 900 });
  const options = await optionsPage(context);
  await new LockScreen(options).setUp(PASSPHRASE);
  const page = await context.newPage();
  const system = new CaseSystem(page, caseSystem.url);
  const c = citizen(0);
  await system.gotoCase(c.caseId);
  await expect(system.panel.citizenName).toHaveText(c.name);
  await system.panel.writeNote('Samtale om praktikplads aftalt til næste uge.');

  await options.bringToFront();
  await options.reload();
  const caseload = options.locator('section[aria-labelledby="caseload-heading"]');
  await expect(caseload.getByTestId('deletion-badge')).toHaveText('slettes om 5 dage');
  await shot(options, 'policy-retention-caseload', [caseload]);
  const privacy = options.locator('section[aria-labelledby="privacy-settings-heading"]');
  await expect(
    privacy.getByText('Sidevogn sletter automatisk data om borgere, du ikke har skrevet om i 5 dage.'),
  ).toBeVisible();
  await shot(options, 'policy-retention-rule', [
    privacy.getByRole('heading', { level: 2 }).first(),
    privacy.getByText('Sidevogn sletter automatisk'),
  ]);
});

test('defaultLayout: the panel lies over the case system until the caseworker chooses otherwise', async () => {
  const context = await launchWithPolicy({ defaultLayout: 'overlay' }, { width: 1100, height: 640 });
  const options = await optionsPage(context);
  await new LockScreen(options).setUp(PASSPHRASE);
  const page = await context.newPage();
  const system = new CaseSystem(page, caseSystem.url);
  const c = citizen(0);
  await system.gotoCase(c.caseId);
  await expect(system.panel.citizenName).toHaveText(c.name);
  await expect(system.panel.frame.getByLabel('Visning')).toHaveValue('overlay');
  // The top of the page: the case system's header, the citizen, and the panel over the page's right side.
  await shot(page, 'policy-default-layout', [page.locator('body')], { pad: 0, maxHeight: 380 });
});
