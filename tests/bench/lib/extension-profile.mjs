// A browser with Sidevogn set up as after a caseworker's first run: a fresh
// profile, the passphrase chosen in the options page, unlocked. Shared by the
// modules that need the panel working (templates, interaction, unfold,
// frame-at-idle, search-ready and others), which each had their own copy.
import { EXTENSION_ID } from '../../harness/chromium.mjs';
import { launchBrowser } from './browsers.mjs';

export const PASSPHRASE = 'Benchmark-adgangskode med æøå 2026';

/**
 * The first-run passphrase set-up, in the options page (another page, so no
 * probe in the case system's page counts its keystrokes); leaves it unlocked.
 */
export async function firstRunSetUp(context, extensionId = EXTENSION_ID, passphrase = PASSPHRASE) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Adgangskode', { exact: true }).fill(passphrase);
  await options.getByLabel('Gentag adgangskoden', { exact: true }).fill(passphrase);
  await options.getByRole('button', { name: 'Gem adgangskode' }).click();
  await options.getByLabel('Jeg har gemt nøglen').check();
  await options.getByRole('button', { name: 'Fortsæt' }).click();
  await options.getByRole('button', { name: 'Lås nu' }).waitFor();
  await options.close();
}

/**
 * Launches Chromium with the build in `extensionDir` (this checkout's by
 * default) on a fresh profile and sets it up (firstRunSetUp); `initScript`
 * then runs in every frame of every page opened afterwards. Returns
 * launchBrowser's handle (close() removes the profile).
 */
export async function launchSetUp({ extensionDir, label = 'ext', initScript, args } = {}) {
  const browser = await launchBrowser({ withExtension: true, extensionDir, label, args });
  try {
    await firstRunSetUp(browser.context, browser.extensionId);
    if (initScript) await browser.context.addInitScript(initScript);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
