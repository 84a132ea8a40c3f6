import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { EXTENSION_ID } from '../harness/chromium.mjs';

/** The few extension APIs the specs read in the service worker (it runs them, not Node). */
interface ExtensionApis {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>> };
    managed: { get(keys: null): Promise<Record<string, unknown>> };
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> };
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
}
declare const chrome: ExtensionApis;

/** The panel's frame in a case-system page (cross-origin, so a Frame of its own). */
export function panelFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) throw new Error('No panel frame on the page');
  return frame;
}

export const serviceWorker = (context: BrowserContext): Worker => {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('The extension has no service worker');
  return worker;
};

export const deadlineAlarmTime = (worker: Worker) =>
  worker.evaluate(() => chrome.alarms.get('deadlines').then((a) => a?.scheduledTime ?? null));
export const notificationIds = (worker: Worker) =>
  worker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));
export const storedLocal = (worker: Worker) => worker.evaluate(() => chrome.storage.local.get(null));
/** Resolves once Chromium answers the managed-storage (policy) read in `page`, an extension page; it may refuse. */
export const policyAnswered = (page: Page) =>
  page.evaluate(() =>
    chrome.storage.managed.get(null).then(
      () => undefined,
      () => undefined,
    ),
  );
export const registeredScripts = (worker: Worker) =>
  worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
export const grantedOrigins = (worker: Worker) =>
  worker.evaluate(() => chrome.permissions.getAll().then((p) => p.origins ?? []));

/** `id`: another build's (the store package has no fixed key). */
export async function openOptions(context: BrowserContext, id = EXTENSION_ID): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByRole('heading', { name: 'Sidevogn – indstillinger' }).waitFor();
  return page;
}

/**
 * Headless Chromium cannot click the browser's permission prompt. A user can
 * also grant a site ahead of time on chrome://extensions (Site access → add a
 * site); that page's API does the same here. The extension's own
 * permissions.request() then resolves `true` without a prompt, and nothing in
 * the extension knows it ran under test.
 */
export async function grantSiteOnExtensionsPage(
  context: BrowserContext,
  origin: string,
  id = EXTENSION_ID,
  change: 'add' | 'remove' = 'add',
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${id}`);
  await page.evaluate(
    ([id, host, change]) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            developerPrivate: Record<
              'addHostPermission' | 'removeHostPermission',
              (id: string, host: string) => Promise<void>
            >;
          };
        }
      ).chrome.developerPrivate;
      return change === 'add' ? api.addHostPermission(id!, host!) : api.removeHostPermission(id!, host!);
    },
    [id, origin, change],
  );
  await page.close();
}

/** Withdraws a site's access as its switch on chrome://extensions does. */
export const withdrawSiteOnExtensionsPage = (context: BrowserContext, origin: string) =>
  grantSiteOnExtensionsPage(context, origin, EXTENSION_ID, 'remove');

/**
 * The search index's snapshots at rest (ADR 0007), and the changed notes logged that some snapshot does not
 * include yet, read directly from IndexedDB in an extension page (the options page or the panel frame).
 */
export function searchSnapshots(page: Page | Frame): Promise<{ rows: number; unindexed: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sidevogn');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['searchIndex', 'searchStale']);
          const rows = tx.objectStore('searchIndex').count();
          // Row 0 of the log is its prune mark, not a change.
          const unindexed = tx.objectStore('searchStale').count(IDBKeyRange.lowerBound(0, true));
          tx.oncomplete = () => resolve({ rows: rows.result, unindexed: unindexed.result });
          tx.onerror = () => reject(tx.error);
          db.close();
        };
      }),
  );
}
