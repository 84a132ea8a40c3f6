// Issue 33 goal 4: a panel left folded creates no frame on page load; how soon
// is it interactive when the caseworker unfolds it? Run on its own:
//
//   node tests/bench/unfold.mjs [--reps 15] [--builds .output/chrome-mv3,/other/build/chrome-mv3]
//
// Per build: a fresh profile set up and unlocked, the demo case system, the
// panel folded; then, round by round (builds alternating), the citizen's page
// is loaded again, and once it has loaded and settled, the folded tab is
// clicked: the host page's own tab (no frame yet) or, in a build without it,
// the tab inside the folded frame. Measured from the click (its timestamp in
// the page that got it) to the panel showing the citizen's name and having
// painted (epoch ms through timeOrigin, comparable across processes).
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCaseSystem } from '../case-system/server.mjs';
import { citizens } from '../case-system/public/data.js';
import { EXTENSION_DIR, extensionArgs, findChromium, prepareProfile, removeProfile } from '../harness/chromium.mjs';

const PASSPHRASE = 'Grøn cykel under æbletræet 42';
const TAB = 'Vis Sidevogn-panelet';

function arg(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** In every frame: the click on the tab (host page or panel), and when the panel showed a name and painted. */
function probe() {
  const now = () => performance.timeOrigin + performance.now();
  const state = {};
  globalThis.__unfold = state;
  addEventListener(
    'click',
    (e) => {
      if (
        e.target instanceof Element &&
        e.target.closest('button')?.getAttribute('aria-label') === 'Vis Sidevogn-panelet'
      )
        state.clickAt = now();
    },
    true,
  );
  if (location.protocol !== 'chrome-extension:') return;
  new MutationObserver(() => {
    if (state.namedAt || !document.querySelector('h1')?.textContent?.trim()) return;
    state.namedAt = now();
    requestAnimationFrame(() => setTimeout(() => (state.paintedAt = now()), 0));
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function launch(extensionDir) {
  const dir = mkdtempSync(join(tmpdir(), 'sidevogn-unfold-'));
  prepareProfile(dir, { developerMode: false });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'da-DK',
    args: extensionArgs().map((a) => a.replace(EXTENSION_DIR, extensionDir)),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/options.html`);
  await setup.getByLabel('Adgangskode', { exact: true }).fill(PASSPHRASE);
  await setup.getByLabel('Gentag adgangskoden', { exact: true }).fill(PASSPHRASE);
  await setup.getByRole('button', { name: 'Gem adgangskode' }).click();
  await setup.getByLabel('Jeg har gemt nøglen').check();
  await setup.getByRole('button', { name: 'Fortsæt' }).click();
  await setup.getByRole('button', { name: 'Lås nu' }).waitFor();
  await setup.close();
  await context.addInitScript(probe);
  return {
    extensionDir,
    context,
    async close() {
      await context.close().catch(() => undefined);
      removeProfile(dir);
    },
  };
}

const panelFrame = (page) => page.frames().find((f) => f.url().startsWith('chrome-extension://'));

async function once(browser, url, name) {
  const page = browser.page;
  await page.goto(url, { waitUntil: 'load' });
  await sleep(700);
  const hostTab = page.getByRole('button', { name: TAB });
  const inHost = (await hostTab.count()) > 0;
  const frames = await page.locator('iframe').count();
  const tab = inHost ? hostTab : page.frameLocator('iframe[title^="Sidevogn"]').getByRole('button', { name: TAB });
  await tab.click();
  let probed;
  for (let i = 0; i < 400; i++) {
    const frame = panelFrame(page);
    probed = frame ? await frame.evaluate(() => globalThis.__unfold).catch(() => undefined) : undefined;
    if (probed?.paintedAt) break;
    await sleep(25);
  }
  const clickAt = inHost ? await page.evaluate(() => globalThis.__unfold.clickAt) : probed?.clickAt;
  const shown = await panelFrame(page)?.locator('h1').textContent();
  if (shown?.trim() !== name) throw new Error(`The panel shows ${shown}, not ${name}`);
  // Folded again for the next round.
  await panelFrame(page).getByRole('button', { name: 'Skjul panel' }).click();
  await sleep(300);
  return { ms: probed.paintedAt - clickAt, nameMs: probed.namedAt - clickAt, framesAtLoad: frames, load: loadavg()[0] };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const reps = Number(arg('reps', '15'));
const builds = arg('builds', EXTENSION_DIR).split(',');
const server = await startCaseSystem();
const browsers = [];
try {
  for (const build of builds) {
    const browser = await launch(build);
    browser.page = await browser.context.newPage();
    browsers.push(browser);
  }
  const shown = citizens[0];
  const url = `${server.url}/borger/${shown.caseId}`;
  // Fold the panel once (a preference: it holds for every later load).
  for (const browser of browsers) {
    await browser.page.goto(url);
    await browser.page.frameLocator('iframe[title^="Sidevogn"]').getByRole('button', { name: 'Skjul panel' }).click();
    await sleep(500);
  }
  const runs = builds.map(() => []);
  for (let r = 0; r < reps + 1; r++) {
    const order = builds.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const run = await once(browsers[i], url, shown.name);
      // The first round warms the browser's caches: not counted.
      if (r > 0) runs[i].push(run);
    }
  }
  builds.forEach((build, i) => {
    const ms = runs[i].map((r) => r.ms);
    console.log(
      `${build}: unfold to interactive (click to the panel painted with the citizen) ${median(ms).toFixed(0)} ms median ` +
        `(goal ≤ 150), runs ${ms.map((x) => x.toFixed(0)).join(', ')}; to the name ${median(runs[i].map((r) => r.nameMs)).toFixed(0)} ms; ` +
        `frames on the page before the click: ${[...new Set(runs[i].map((r) => r.framesAtLoad))].join('/')}; ` +
        `load average ${median(runs[i].map((r) => r.load)).toFixed(1)}`,
    );
  });
} finally {
  for (const browser of browsers) await browser.close();
  await server.close();
}
