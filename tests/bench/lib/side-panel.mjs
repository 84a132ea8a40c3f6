// The browser's side panel (issue 34's layout) in the benchmarks: choosing the
// layout, opening the side panel for a tab (it needs a user gesture), and
// finding its page, which is no page of Playwright's persistent context.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serviceWorkerOf } from './browsers.mjs';

/** Launch flags a browser needs for sidePanelPage(): its DevTools port, written to the profile. */
export const SIDE_PANEL_ARGS = ['--remote-debugging-port=0'];

export const SIDE_LAYOUT = { collapsed: false, width: 400, mode: 'side' };

/** The caseworker's layout choice, as the panel's "Visning" stores it. */
export async function chooseSideLayout(browser) {
  await chooseLayout(browser, SIDE_LAYOUT);
}

/** Stores `layout` as the caseworker's choice, as the panel's layout menu does. */
export async function chooseLayout(browser, layout) {
  const worker = await serviceWorkerOf(browser);
  await worker.evaluate((stored) => chrome.storage.local.set({ layout: stored }), layout);
}

/**
 * Opens the browser's side panel for `page`'s tab, from a click in an
 * extension page in that same tab (sidePanel.open needs a user gesture, and
 * is called in the click's handler before any await); the tab then goes to
 * about:blank, as a new tab starts, and the panel stays open for it through
 * the navigations that follow. Returns the tab's id and 'opened' or the error.
 */
export async function openSidePanelIn(browser, page) {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const tabId = await page.evaluate(() => chrome.tabs.getCurrent().then((t) => t.id));
  await page.evaluate((id) => {
    const button = document.createElement('button');
    button.id = 'sidevogn-bench-open';
    button.textContent = 'Åbn sidepanelet';
    button.onclick = () => {
      // The path the service worker sets when the bridge asks for the side panel.
      void chrome.sidePanel.setOptions({ tabId: id, path: `side.html?tab=${id}`, enabled: true });
      chrome.sidePanel.open({ tabId: id }).then(
        () => (button.dataset.result = 'opened'),
        (e) => (button.dataset.result = e.message),
      );
    };
    document.body.prepend(button);
  }, tabId);
  await page.locator('#sidevogn-bench-open').click();
  await page.waitForFunction(() => document.querySelector('#sidevogn-bench-open')?.dataset.result);
  const result = await page.locator('#sidevogn-bench-open').getAttribute('data-result');
  // From where every other variant's load starts: a blank tab.
  await page.goto('about:blank');
  return { tabId, result };
}

/** Whether the side panel of `tabId` is still open (its page is one of the extension's contexts). */
export async function sidePanelOpen(browser, tabId) {
  const worker = await serviceWorkerOf(browser);
  return worker.evaluate(
    (id) =>
      chrome.runtime
        .getContexts({ contextTypes: ['SIDE_PANEL'] })
        .then((cs) => cs.some((c) => c.documentUrl?.endsWith(`side.html?tab=${id}`))),
    tabId,
  );
}

/**
 * The side panel's page of `browser` (launched with SIDE_PANEL_ARGS), once it
 * is open: a second CDP connection lists it among its context's pages. Waits up
 * to `timeout` ms. Returns { cdp, page }; close `cdp` when done (that leaves the
 * browser and the side panel running).
 */
export async function sidePanelPage(browser, { timeout = 15_000 } = {}) {
  const port = readFileSync(join(browser.profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const until = Date.now() + timeout;
  for (;;) {
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = cdp
      .contexts()[0]
      ?.pages()
      .find((p) => p.url().includes('/side.html?tab='));
    if (page) return { cdp, page };
    await cdp.close();
    if (Date.now() > until) throw new Error('The side panel did not open');
    await new Promise((r) => setTimeout(r, 250));
  }
}
