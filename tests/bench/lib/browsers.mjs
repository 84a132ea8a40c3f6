// Browsers for the benchmarks: the same Chromium, same flags and same kind of
// profile, with or without Sidevogn. Without it is the baseline; two baselines
// launched alike give the A/A pair that shows the noise floor.
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertExtensionBuilt,
  EXTENSION_DIR,
  extensionArgs,
  findChromium,
  prepareProfile,
  removeProfile,
} from '../../harness/chromium.mjs';

export const VIEWPORT = { width: 1400, height: 900 };

function argsFor(withExtension, extensionDir = EXTENSION_DIR) {
  const args = extensionArgs();
  return withExtension
    ? args.map((a) => a.replace(EXTENSION_DIR, extensionDir))
    : args.filter((a) => !a.startsWith('--load-extension=') && !a.startsWith('--disable-extensions-except='));
}

export function tempProfile(label) {
  return mkdtempSync(join(tmpdir(), `sidevogn-bench-${label}-`));
}

/**
 * Launches Chromium on `profileDir` (a fresh one by default). With the
 * extension (the build, or a variant of it in `extensionDir`), waits for its
 * service worker and returns it with the id. `args`: further Chromium flags.
 */
export async function launchBrowser({
  withExtension,
  profileDir,
  label = withExtension ? 'ext' : 'base',
  extensionDir,
  args = [],
}) {
  if (withExtension) assertExtensionBuilt();
  const dir = profileDir ?? tempProfile(label);
  // As a caseworker's browser: no developer mode (nothing here reloads the extension).
  prepareProfile(dir, { developerMode: false });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: VIEWPORT,
    locale: 'da-DK',
    args: [...argsFor(withExtension, extensionDir), ...args],
  });
  // The context opens with one blank tab; measurements use tabs of their own.
  let serviceWorker;
  let extensionId;
  if (withExtension) {
    [serviceWorker] = context.serviceWorkers();
    serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    label,
    withExtension,
    context,
    serviceWorker,
    extensionId,
    profileDir: dir,
    async close({ keepProfile = !!profileDir } = {}) {
      await context.close().catch(() => undefined);
      if (!keepProfile) removeProfile(dir);
    },
  };
}

export async function chromiumVersion() {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: argsFor(false) });
  const version = browser.version();
  await browser.close();
  return version;
}

/** The service worker of a browser launched with the extension (it can be restarted by Chromium). */
export async function serviceWorkerOf(browser) {
  const live = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  return live ?? browser.context.waitForEvent('serviceworker', { timeout: 15_000 });
}
