import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startCaseSystem } from '../case-system/server.mjs';
import { EXTENSION_DIR, profileProcesses, ROOT, spawnWithExtension, TEST_TLS_DIR } from '../harness/chromium.mjs';
import { citizen } from './demo-data';
import { grantSiteOnExtensionsPage, openOptions } from './extension';
import { expect, PASSPHRASE, setUpPassphrase, test, unlock } from './fixtures';
import { Panel } from './pages/panel';

/**
 * The package the stores receive (`SIDEVOGN_STORE=1`, as `npm run zip` builds
 * it), not the development build every other spec loads: no demo origins in its
 * manifest, no demo adapter in its code, no fixed key. Loaded as a caseworker's
 * browser has it: developer mode off, third-party cookies left as Chromium has
 * them, started without Playwright's flags (spawnWithExtension). The case system
 * is the demo's second layout (/b/), served over https on an origin the manifest
 * does not name, and taught at run time as a team lead does: the site granted,
 * "Lær siden" on the options page, the picker.
 *
 * The Chrome and Edge store packages are built here, into `$SIDEVOGN_OUT/e2e-store`
 * (about 15 s each); `SIDEVOGN_SKIP_BUILD=1` reuses ones already there.
 */

test.use({ trace: 'off' });
// One worker builds the packages and runs these in order: two workers' builds into the same
// directory raced (one read a manifest the other's build had just removed).
test.describe.configure({ mode: 'default' });

const STORE_OUT = resolve(ROOT, process.env.SIDEVOGN_OUT ?? '.output', 'e2e-store');
const STORE_DIR = join(STORE_OUT, 'chrome-mv3');
/** The Edge Add-ons package (`wxt build -b edge`, the project's `npm run build:edge`). */
const EDGE_DIR = join(STORE_OUT, 'edge-mv3');

/** What only the demo adapter and the demo case system's origins put into a build. */
const DEMO_MARKS = ['demo-sagssystem', 'citizen-header', 'Jobcenter Vesthavn', 'journal-tekst', '127.0.0.1'];

test.beforeAll(() => {
  test.setTimeout(240_000);
  // `npm run zip` packs these two (SIDEVOGN_STORE=1 wxt zip, … -b edge).
  for (const [dir, args] of [
    [STORE_DIR, []],
    [EDGE_DIR, ['-b', 'edge']],
  ] as const) {
    if (process.env.SIDEVOGN_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'))) continue;
    const build = spawnSync('npx', ['wxt', 'build', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SIDEVOGN_STORE: '1', SIDEVOGN_UPDATE_URL: '', SIDEVOGN_OUT: STORE_OUT },
    });
    if (build.status !== 0)
      throw new Error(`SIDEVOGN_STORE=1 wxt build ${args.join(' ')} failed:\n${build.stderr.slice(-4_000)}`);
  }
});

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/** Every built file's text, by path under the build. */
function builtFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && /\.(js|json|html)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path, 'utf8'));
    }
  return files;
}

type Manifest = Record<string, unknown> & {
  default_locale: string;
  minimum_chrome_version: string;
  permissions: string[];
  background: { service_worker: string };
  options_ui: { page: string };
  icons: Record<string, string>;
  storage: { managed_schema: string };
  commands: Record<string, { suggested_key?: { default?: string }; description: string }>;
  web_accessible_resources: { resources: string[] }[];
};

for (const [browser, dir] of [
  ['Chrome', STORE_DIR],
  ['Edge', EDGE_DIR],
] as const)
  test(`the ${browser} store package: a valid MV3 manifest, with no demo origin, no demo adapter and no key`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.manifest_version).toBe(3);
    // sidePanel.open() needs 116 (Edge numbers its versions the same); the side panel's page is
    // set per tab at run time (lib/background/side-panel.ts), so the manifest has no side_panel.
    expect(manifest.minimum_chrome_version).toBe('116');
    expect(manifest.permissions).toContain('sidePanel');
    expect(existsSync(join(dir, 'side.html'))).toBe(true);
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain('side.html');
    expect(manifest.commands['toggle-panel']?.suggested_key?.default).toBe('Alt+Shift+S');
    // Every file the manifest names is in the package, and every __MSG_…__ has its message.
    const named = [
      manifest.background.service_worker,
      manifest.options_ui.page,
      manifest.storage.managed_schema,
      ...Object.values(manifest.icons),
      ...manifest.web_accessible_resources.flatMap((w) => w.resources),
    ];
    expect(named.filter((f) => !existsSync(join(dir, f)))).toEqual([]);
    const messages = JSON.parse(
      readFileSync(join(dir, '_locales', manifest.default_locale, 'messages.json'), 'utf8'),
    ) as Record<string, unknown>;
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !(k in messages))).toEqual([]);

    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('update_url');
    const found = (d: string) =>
      [...builtFiles(d)].flatMap(([path, text]) =>
        DEMO_MARKS.filter((m) => text.includes(m)).map((m) => `${path}: ${m}`),
      );
    // The development build has every mark (so the search can find them); the store package none.
    const dev = found(EXTENSION_DIR);
    for (const mark of DEMO_MARKS)
      expect(
        dev.some((f) => f.endsWith(`: ${mark}`)),
        mark,
      ).toBe(true);
    expect(found(dir)).toEqual([]);
    // What every taught case-system page loads, as shipped (build.spec.ts checks the development build).
    expect(Buffer.byteLength(readFileSync(join(dir, 'host.js')))).toBeLessThanOrEqual(10 * 1024);
    expect(Buffer.byteLength(readFileSync(join(dir, 'host-fields.js')))).toBeLessThanOrEqual(16 * 1024);
  });

/** In the picker: click the element for this step, then Enter for "Næste"/"Færdig". */
async function pick(page: Page, selector: string) {
  await page.locator(selector).click();
  await page.keyboard.press('Enter');
}

const quillText = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __caseSystem: { quill: { getText(): string } } }).__caseSystem.quill.getText(),
  );

test('the store package on an https case system taught at run time: the citizen, a note that survives a restart, an insert', async ({
  profileDir,
}) => {
  test.setTimeout(120_000);
  const tls = {
    key: readFileSync(join(TEST_TLS_DIR, 'pack-server.key')),
    cert: readFileSync(join(TEST_TLS_DIR, 'pack-server.crt')),
  };
  const server = await startCaseSystem({ tls });
  const id = unpackedExtensionId(STORE_DIR);
  const launch = () =>
    spawnWithExtension(profileDir, {
      extensionDir: STORE_DIR,
      profile: { developerMode: false, thirdPartyCookies: false },
    });
  let browser = await launch();
  try {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const c = citizen(0);
    const { context } = browser;
    await setUpPassphrase(context, PASSPHRASE, id);
    let page = await context.newPage();
    // A miss costs seconds, not the whole run.
    page.setDefaultTimeout(15_000);
    const caseUrl = `${server.url}/b/sag/${c.caseId}`;
    await page.goto(caseUrl);
    await page.locator('#personnummer').waitFor();
    // Nothing in the package knows this case system.
    await expect(page.locator('iframe[title^="Sidevogn"]')).toHaveCount(0);

    await grantSiteOnExtensionsPage(context, 'https://127.0.0.1/*', id);
    const options = await openOptions(context, id);
    await options.getByLabel('Adresse på en borgerside i sagssystemet').fill(page.url());
    await options.getByRole('button', { name: 'Lær siden' }).click();
    await expect(options.getByTestId('adapter-message')).toContainText('Følg vejledningen');
    await pick(page, '#personnummer');
    await pick(page, '[data-qa="person-fullname"]');
    await pick(page, '[data-qa="maalgruppe"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter'); // Spring over ydelse … næste møde
    await pick(page, '#notat-editor .ql-editor');
    await options.getByLabel('Navn på sagssystemet').fill('Fagsystem Nord');
    await options.getByRole('button', { name: 'Gem sagssystem' }).click();
    await expect(options.getByTestId('adapter-message')).toContainText('Fagsystem Nord er gemt');

    // The tab reloads with the bridge registered: the panel names the citizen. The caseworker
    // goes back to it (a background tab is not painted here: no Playwright flags against that).
    await page.bringToFront();
    let panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(c.name);
    await panel.writeNote('Gemt i butikspakken.');
    await panel.openTemplate('kontakt');
    await panel.field(/Hvad blev oplyst/).fill('Borgeren ringede om butikspakken.');
    await panel.field(/Aftaler og næste skridt/).fill('Møde næste uge.');
    await panel.insert();
    await expect.poll(() => quillText(page)).toContain('Borgeren ringede om butikspakken.');

    // A normal browser restart: the registration and the note are still there.
    const cdp = await browser.browser.newBrowserCDPSession();
    await cdp.send('Browser.close').catch(() => undefined);
    await expect.poll(() => profileProcesses(profileDir).length, { timeout: 15_000 }).toBe(0);
    browser = await launch();
    await unlock(browser.context, PASSPHRASE, id);
    page = await browser.context.newPage();
    await page.goto(caseUrl);
    panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(c.name);
    await panel.showNotes();
    await expect(panel.note('Gemt i butikspakken.')).toBeVisible();
  } finally {
    await browser.browser.close().catch(() => undefined);
    await browser.kill().catch(() => undefined);
    await server.close();
  }
});
