// `npm start`: build the extension, serve the demo case system and open
// Chromium with Sidevogn loaded on it.
//
//   npm start                                  a browser window; Ctrl+C or close it to stop
//   npm start -- --headless --screenshot out.png
//                                              no display: on a fresh profile, open a
//                                              citizen, set the demo passphrase in the
//                                              panel, save a screenshot, exit
//   npm start -- --no-build --port 5180        reuse the last build, fixed port
//   npm start -- --no-browser                  build and serve the demo, open no browser
//                                              (load the extension in your own Chrome/Edge)
//
// `npm start` runs scripts/setup.mjs first (dependencies, Chromium), then this file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCaseSystem } from '../case-system/server.mjs';
import {
  EXTENSION_DIR,
  extensionArgs,
  findChromium,
  launchWithExtension,
  prepareProfile,
  removeProfile,
  ROOT,
} from './chromium.mjs';

const { values: opts } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string', default: '5180' },
    profile: { type: 'string' },
  },
});

// Fail early, with the install command, if there is none.
const chromiumPath = opts['no-browser'] ? undefined : findChromium();
if (!opts['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** The passphrase `--screenshot` sets on its throwaway profile (demo data only). */
const DEMO_PASSPHRASE = 'Demo: grøn cykel under æbletræet';

const server = await startCaseSystem({ port: Number(opts.port) });
console.log(`Demo case system: ${server.url}/`);

if (opts['no-browser']) {
  console.log(`Extension built in ${EXTENSION_DIR}: load it unpacked (chrome://extensions, developer mode).`);
  console.log('Press Ctrl+C to stop the demo case system.');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else if (opts.headless || opts.screenshot) {
  const out = resolve(opts.screenshot ?? 'sidevogn.png');
  // A fresh profile each time, so the first-run passphrase set-up is known.
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'sidevogn-shot-'));
  const { context } = await launchWithExtension(profile, { headless: opts.headless });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await page.locator('a[href^="/borger/"]').first().click();
    const panel = page.frameLocator('iframe[title^="Sidevogn"]');
    const setUp = panel.getByLabel('Gentag adgangskoden', { exact: true });
    const tabs = panel.getByRole('tablist');
    await setUp.or(tabs).first().waitFor({ timeout: 15_000 });
    if (await setUp.isVisible()) {
      await panel.getByLabel('Adgangskode', { exact: true }).fill(DEMO_PASSPHRASE);
      await setUp.fill(DEMO_PASSPHRASE);
      await panel.getByRole('button', { name: 'Gem adgangskode' }).click();
      await panel.getByLabel('Jeg har gemt nøglen').check();
      await panel.getByRole('button', { name: 'Fortsæt' }).click();
      console.log(`Passphrase set on the demo profile: ${DEMO_PASSPHRASE}`);
    }
    await tabs.waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: out });
    console.log(`Screenshot: ${out}`);
  } finally {
    await context.close();
    await server.close();
    if (!opts.profile) removeProfile(profile);
  }
} else {
  // The interactive browser keeps its profile, so demo notes persist between runs.
  const profile = opts.profile ?? join(ROOT, '.cache/profile');
  mkdirSync(profile, { recursive: true });
  // A developer's browser: developer mode on (the error console, reloads of the unpacked build).
  prepareProfile(profile, { developerMode: true });
  const browser = spawn(chromiumPath, [...extensionArgs(), `--user-data-dir=${profile}`, `${server.url}/`], {
    stdio: 'ignore',
  });
  const stop = async () => {
    browser.kill();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.on('exit', () => void stop());
  console.log('Chromium is open with Sidevogn. Close it or press Ctrl+C to stop.');
}
