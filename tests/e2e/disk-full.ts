import type { Page } from '@playwright/test';
import { panelFrame } from './extension';

/**
 * The disk is full, as the panel sees it: every IndexedDB write in the panel's
 * realm fails the way Chromium fails it when the origin is over quota (a
 * DOMException named QuotaExceededError), while reads go on working.
 *
 * Why not DevTools' Storage.overrideQuotaForOrigin: in Chromium 156 it did not
 * take effect for the extension origin once its IndexedDB was in use (writes of
 * 30 MB passed under a 1-byte override; IndexedDB also trusts a cached
 * allowance for 30 s, BucketContext::kBucketSpaceCacheTimeLimit), so it cannot
 * fill the disk "after some data exists" reliably.
 */
export async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await panelFrame(page).evaluate((on) => {
    const w = window as unknown as { __diskFull?: boolean; __diskFullPatched?: boolean; __refusedAt?: number };
    w.__diskFull = on;
    if (w.__diskFullPatched) return;
    w.__diskFullPatched = true;
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['put', 'add', 'delete', 'clear']) {
      const original = proto[method]!;
      proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (w.__diskFull) {
          w.__refusedAt = performance.now();
          throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  }, full);
}
export const fillDisk = (page: Page) => setDiskFull(page, true);
export const makeRoom = (page: Page) => setDiskFull(page, false);
