import type { Frame, Locator, Page, Worker } from '@playwright/test';
import { startCaseSystem } from '../case-system/server.mjs';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { citizen } from './demo-data';
import { serviceWorker } from './extension';
import { expect, test } from './fixtures';
import { LockScreen } from './pages/lock';

declare const chrome: {
  storage: {
    session: { get(key: string | string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    managed: { get(keys: string[]): Promise<Record<string, unknown>> };
  };
};

/**
 * panel.html is web-accessible to every http(s) page (case systems are added at
 * run time, and the manifest's list is static), but only by its per-session
 * dynamic URL, and a framed copy gets nothing without the bridge's token. Here
 * a page on an origin no adapter covers (the demo server on 127.0.0.3) tries.
 */

const STATIC_PANEL = `chrome-extension://${EXTENSION_ID}/panel.html`;

/** Frames `src` in `page` and fetches it, from the page's own script. */
async function frameAndFetch(page: Page, id: string, src: string) {
  return page.evaluate(
    async ([frameId, url]) => {
      const frame = document.createElement('iframe');
      frame.id = frameId!;
      frame.title = frameId!;
      frame.src = url!;
      frame.style.cssText = 'width:400px;height:300px';
      document.body.append(frame);
      // The page also answers the panel's hello with a made-up token, as a bridge would.
      addEventListener('message', (e) => {
        if (e.source === frame.contentWindow && e.data === 'sidevogn:panel-ready')
          frame.contentWindow?.postMessage(crypto.randomUUID(), '*');
      });
      try {
        const response = await fetch(url!);
        return { fetched: true, status: response.status, body: await response.text() };
      } catch (e) {
        return { fetched: false, error: (e as Error).name };
      }
    },
    [id, src] as const,
  );
}

test('a page on an origin no adapter covers cannot load the panel by its static URL, and a copied dynamic URL gets no citizen', async ({
  context,
  caseSystem,
}) => {
  const other = await startCaseSystem({ host: '127.0.0.3' });
  try {
    const c = citizen(5);
    // The real panel, on the demo case system: its frame's URL is the dynamic one.
    await caseSystem.gotoCase(c.caseId);
    await expect(caseSystem.panel.citizenName).toHaveText(c.name);
    const dynamicUrl = await caseSystem.panel.element.getAttribute('src');
    expect(dynamicUrl).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/panel\.html$/);
    expect(dynamicUrl).not.toContain(EXTENSION_ID);

    // The same case system served from 127.0.0.3: no bridge, no panel.
    const stranger = await context.newPage();
    const failedLoads: string[] = [];
    stranger.on('requestfailed', (r) => failedLoads.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await stranger.goto(`${other.url}/borger/${c.caseId}`);
    await expect(stranger.locator('.citizen-header').first()).toContainText(c.name);
    await expect(stranger.locator('iframe[title^="Sidevogn"]')).toHaveCount(0);

    // By the static URL: the frame is refused and so is the fetch.
    const staticTry = await frameAndFetch(stranger, 'static-copy', STATIC_PANEL);
    expect(staticTry).toEqual({ fetched: false, error: 'TypeError' });
    const staticFrame = await stranger
      .locator('#static-copy')
      .elementHandle()
      .then((h) => h!.contentFrame());
    // Chromium turns a load of a resource that is not web-accessible into chrome-extension://invalid/.
    await expect.poll(() => failedLoads.join('\n')).toContain('chrome-extension://invalid/ net::ERR_FAILED');
    expect(staticFrame!.url()).not.toContain('panel.html');

    // By the dynamic URL copied from the real frame: the panel page loads (it is
    // web-accessible), but without our bridge in this tab it never connects.
    const dynamicTry = await frameAndFetch(stranger, 'dynamic-copy', dynamicUrl!);
    expect(dynamicTry.fetched).toBe(true);
    expect(dynamicTry.body).not.toContain(c.name);
    const copy = stranger.frameLocator('#dynamic-copy');
    await expect(copy.locator('body')).toContainText('Forbinder til sagssystemet');
    // It waits as long as it waits for a real page (3 s), then gives up and says so: still no connection.
    await expect(copy.locator('body')).toContainText('Sidevogn har ikke fået svar fra sagssystemets side', {
      timeout: 15_000,
    });
    await expect(copy.locator('body')).toContainText('Forbinder til sagssystemet');
    for (const leak of [c.name, c.cpr, c.cpr.slice(0, 6), 'Gem note']) {
      await expect(copy.locator('body')).not.toContainText(leak);
    }

    // Before its handshake the copy tracks no activity: clicks and keys in it do not
    // postpone the idle lock (issue 27, item 9).
    const worker = serviceWorker(context);
    const earlier = Date.now() - 5 * 60_000;
    await setLastActivity(worker, earlier);
    await copy.locator('body').click();
    await copy.locator('body').press('Tab');
    await copy.locator('body').click({ position: { x: 20, y: 250 } });
    await storageFence(await frameOf(stranger.locator('#dynamic-copy')));
    expect(await lastActivity(worker)).toBe(earlier);

    // Locked, the copy still shows no unlock form (its only controls would be the real
    // passphrase field, on a page that is not the case system).
    await worker.evaluate(() => chrome.storage.session.set({ lastActivityAt: Date.now() - 16 * 60_000 }));
    const lock = new LockScreen(caseSystem.panel.frame);
    await expect(lock.lockedHeading).toBeVisible();
    const copyLock = new LockScreen(copy);
    await stranger.reload();
    await frameAndFetch(stranger, 'dynamic-copy', dynamicUrl!);
    // The copy renders either this pre-handshake notice or the app with its lock gate, never
    // both. It turns into "no answer" after the copy's own patience (CONNECTING_PATIENCE_MS),
    // by which time the page's forged token has been offered and refused: the copy showing it
    // is the copy having finished its handshake unlinked, so nothing later mounts the lock gate.
    await expect(copy.locator('body')).toContainText('Sidevogn har ikke fået svar fra sagssystemets side', {
      timeout: 15_000,
    });
    await expect(copyLock.lockedHeading).toHaveCount(0);
    await expect(copyLock.passphrase).toHaveCount(0);
    await expect(copy.locator('input, textarea, select, button')).toHaveCount(0);

    // The real panel still offers its unlock form, and works once unlocked.
    await lock.unlock();
    await expect(caseSystem.panel.citizenName).toHaveText(c.name);
    // And it records a click as activity, seen by the same fence as in the copy above: the
    // fence is long enough for a write the click starts (a control for the copy's check).
    await setLastActivity(worker, earlier);
    await caseSystem.panel.citizenName.click();
    await storageFence(await frameOf(caseSystem.panel.element));
    expect(await lastActivity(worker)).toBeGreaterThan(earlier);
  } finally {
    await other.close();
  }
});

const frameOf = async (iframe: Locator): Promise<Frame> => (await (await iframe.elementHandle())!.contentFrame())!;

/**
 * Returns once a write of activity started by an earlier click in `frame` has been made,
 * so a test can check that none was (no fixed wait). Recording activity
 * (lib/crypto/idle.ts) reads the lock policy and the session, then writes; the fence
 * makes the same reads from the same frame, then one more session call. Calls from one
 * frame to one storage area are answered in order, so when the fence's reads come back
 * the click's reads have, and its write was sent before the fence's last call, which
 * is answered after it. The control at the end of the test shows the fence catches a
 * real write.
 */
const storageFence = (frame: Frame) =>
  frame.evaluate(async () => {
    await Promise.all([
      chrome.storage.managed.get(['idleLockMinutes', 'minPassphraseLength']).catch(() => undefined),
      chrome.storage.session.get(['dataKey', 'lastActivityAt']),
    ]);
    await chrome.storage.session.get('lastActivityAt');
  });

const setLastActivity = (worker: Worker, at: number) =>
  worker.evaluate((value) => chrome.storage.session.set({ lastActivityAt: value }), at);
const lastActivity = (worker: Worker) =>
  worker.evaluate(() => chrome.storage.session.get('lastActivityAt').then((s) => s.lastActivityAt));
