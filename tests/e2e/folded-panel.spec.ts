import { expect, test } from './fixtures';
import { citizen } from './demo-data';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * Issue 33 goal 4: a panel left folded costs the host no frame. The bridge's
 * page script draws the tab, and the frame is created only when the
 * caseworker unfolds it (a click, Enter on the tab, or the toggle command).
 */
test('a panel left folded loads no frame on the next page load until its tab is used, then works', async ({
  caseSystem,
  context,
  page,
}) => {
  const shown = citizen(2);
  await caseSystem.gotoCase(shown.caseId);
  const { panel } = caseSystem;
  await expect(panel.citizenName).toHaveText(shown.name);
  await panel.frame.getByRole('button', { name: 'Skjul panel' }).click();
  await expect.poll(async () => (await panel.element.boundingBox())?.width).toBe(36);

  const htmlMargin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
  const tab = page.getByRole('button', { name: 'Vis Sidevogn-panelet' });
  const frames = page.locator('iframe');
  // Reloaded folded: the tab is the page script's, in the host page; no frame at all, however long we wait.
  await page.reload();
  await expect(tab).toBeVisible();
  await expect(tab).toHaveAttribute('aria-expanded', 'false');
  expect((await tab.boundingBox())?.width).toBe(36);
  await expect.poll(htmlMargin).toBe('36px');
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(frames).toHaveCount(0);
  expect(page.frames()).toHaveLength(1);
  // A click the page makes itself does not unfold it.
  await page.evaluate(() => document.querySelector<HTMLElement>('button[aria-label="Vis Sidevogn-panelet"]')?.click());
  await page.waitForTimeout(300);
  await expect(frames).toHaveCount(0);

  // The caseworker's click: the frame comes, unfolded, with the citizen, and the tab goes.
  await tab.click();
  await expect(panel.citizenName).toHaveText(shown.name);
  await expect(tab).toHaveCount(0);
  await expect(frames).toHaveCount(1);
  expect((await panel.element.boundingBox())?.width).toBe(400);
  await expect.poll(htmlMargin).toBe('400px');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  // The panel works: a note is written and shown.
  await panel.writeNote('Skrevet efter udfoldning.');
  await expect(panel.notes.first()).toContainText('Skrevet efter udfoldning.');

  // Folded again and reloaded: by keyboard (Enter on the tab) it opens as well.
  await panel.frame.getByRole('button', { name: 'Skjul panel' }).click();
  await page.reload();
  await expect(tab).toBeVisible();
  await expect(frames).toHaveCount(0);
  await tab.press('Enter');
  await expect(panel.citizenName).toHaveText(shown.name);

  // And by the toggle command (what lib/background/commands.ts sends), from a folded load.
  await panel.frame.getByRole('button', { name: 'Skjul panel' }).click();
  await page.reload();
  await expect(tab).toBeVisible();
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(async () => {
    const [active] = await chrome.tabs.query({ active: true });
    await chrome.tabs.sendMessage(active!.id!, { type: 'toggle-panel' }, { frameId: 0 });
  });
  await expect(panel.citizenName).toHaveText(shown.name);
  await expect(tab).toHaveCount(0);
  expect((await panel.element.boundingBox())?.width).toBe(400);
});
