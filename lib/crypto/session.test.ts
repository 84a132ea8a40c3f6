import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lockIfIdle } from './idle';
import { newDataKey } from './keyring';
import { SESSION_KEYS, session } from './session';

describe('session and idle lock', () => {
  it('shares the key through storage.session, and forgets it when another page locks', async () => {
    const key = await newDataKey();
    await session.unlock(key, 1_000);
    const stored = await fakeBrowser.storage.session.get(null);
    expect(stored[SESSION_KEYS.lastActivityAt]).toBe(1_000);
    expect(typeof stored[SESSION_KEYS.dataKey]).toBe('string');
    expect(session.current()).toBe(key);
    // Another page (or the service worker) removes the key: this page forgets at once.
    await fakeBrowser.storage.session.remove(SESSION_KEYS.dataKey);
    expect(session.current()).toBeNull();
    expect(() => session.require()).toThrow('Sidevogn is locked');
  });

  it('keeps the key it holds as the same object when its own unlock comes back as a storage change, or a page reads it again', async () => {
    const key = await newDataKey();
    await session.unlock(key);
    // The storage change of this page's own unlock (and any import it started) has landed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.current()).toBe(key);
    expect(await session.restore()).toBe(true);
    expect(session.current()).toBe(key);
    // Another page unlocking with another key is still taken up.
    const other = await newDataKey();
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', other));
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.dataKey]: btoa(String.fromCharCode(...raw)) });
    await expect.poll(() => session.current() !== key && session.current() !== null).toBe(true);
    await session.lock();
  });

  it('the newest stored key wins: back to the key it holds while another was being imported, it keeps its own', async () => {
    const key = await newDataKey();
    await session.unlock(key);
    const raw = async (k: CryptoKey) =>
      btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('raw', k))));
    const [mine, other] = [await raw(key), await raw(await newDataKey())];
    // Two changes before the first one's import can land.
    void fakeBrowser.storage.session.set({ [SESSION_KEYS.dataKey]: other });
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.dataKey]: mine });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.current()).toBe(key);
    await session.lock();
  });

  it('a page opened later picks the key up from storage.session', async () => {
    const key = await newDataKey();
    await session.unlock(key);
    await session.lock();
    expect(await session.restore()).toBe(false);
    await session.unlock(key);
    expect(await session.restore()).toBe(true);
    await session.lock();
  });

  it('locks after the idle minutes (default 15), not before', async () => {
    const key = await newDataKey();
    const t = 10_000_000;
    await session.unlock(key, t);
    expect(await lockIfIdle(t + 14 * 60_000)).toBe(false);
    expect(session.current()).toBe(key);
    expect(await lockIfIdle(t + 15 * 60_000)).toBe(true);
    expect((await fakeBrowser.storage.session.get(null))[SESSION_KEYS.dataKey]).toBeUndefined();
    expect(session.current()).toBeNull();
    // Already locked: nothing to do.
    expect(await lockIfIdle(t + 60 * 60_000)).toBe(false);
  });
});
