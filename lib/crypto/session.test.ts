import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lockIfIdle, registerIdleLock, trackActivity } from './idle';
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

  it("work in a case-system page counts as activity: the field script's word from a tab, and only that, while unlocked", async () => {
    type Sender = Parameters<Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]>[1];
    const fromTab: Sender = { id: fakeBrowser.runtime.id, tab: { id: 4 } as never, frameId: 0 };
    const word = { type: 'host-activity' };
    const lastActivity = async () => (await fakeBrowser.storage.session.get(null))[SESSION_KEYS.lastActivityAt];
    registerIdleLock();
    const now = vi.spyOn(Date, 'now');
    const t = 10_000_000;
    await session.unlock(await newDataKey(), t);

    // Refused: another extension, no tab, an extension page in a tab, a word with more in it.
    now.mockReturnValue(t + 13 * 60_000);
    for (const [message, sender] of [
      [word, { ...fromTab, id: 'abcdefghijklmnopabcdefghijklmnop' }],
      [word, { id: fakeBrowser.runtime.id }],
      [word, { ...fromTab, url: fakeBrowser.runtime.getURL('/options.html') }],
      [{ ...word, text: 'x' }, fromTab],
    ] as const)
      await fakeBrowser.runtime.onMessage.trigger(message, sender);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await lastActivity()).toBe(t);
    now.mockReturnValue(t + 14 * 60_000);
    await fakeBrowser.runtime.onMessage.trigger(word, { ...fromTab, url: 'https://sag.kommune.dk/borger/1' });
    await vi.waitFor(async () => expect(await lastActivity()).toBe(t + 14 * 60_000));
    // 14 minutes more of work in the case system: still unlocked.
    now.mockReturnValue(t + 28 * 60_000);
    expect(await lockIfIdle()).toBe(false);

    // Back after a long pause: the first key in the case system locks, and does not extend the session.
    now.mockReturnValue(t + 60 * 60_000);
    await fakeBrowser.runtime.onMessage.trigger(word, fromTab);
    await vi.waitFor(() => expect(session.current()).toBeNull());
    expect(await lastActivity()).toBe(t + 14 * 60_000);
    // Locked: no activity is recorded.
    now.mockReturnValue(t + 61 * 60_000);
    await fakeBrowser.runtime.onMessage.trigger(word, fromTab);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await lastActivity()).toBe(t + 14 * 60_000);
    now.mockRestore();
  });

  it('a page opened after the idle minutes locks instead of taking the key, so it never draws citizen data first', async () => {
    const t = 10_000_000;
    // Unlocked in another page at t: the key and the activity are in storage.session, not in this page.
    const stored = { [SESSION_KEYS.dataKey]: await rawOf(await newDataKey()), [SESSION_KEYS.lastActivityAt]: t };
    await fakeBrowser.storage.session.set(stored);
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
    // Within the shortest idle time policy allows, the policy is not even read.
    expect(await session.restore(t + 59_000)).toBe(true);
    expect(managed).not.toHaveBeenCalled();
    expect(await session.restore(t + 14 * 60_000)).toBe(true);
    expect(managed).toHaveBeenCalled();
    expect(await session.restore(t + 15 * 60_000)).toBe(false);
    expect(session.current()).toBeNull();
    // Locked for every page, as the idle check would have.
    expect((await fakeBrowser.storage.session.get(null))[SESSION_KEYS.dataKey]).toBeUndefined();
  });

  it('a page that opens follows the policy’s idle minutes, shorter or longer than the default', async () => {
    const t = 10_000_000;
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const stored = async () => ({
      [SESSION_KEYS.dataKey]: await rawOf(await newDataKey()),
      [SESSION_KEYS.lastActivityAt]: t,
    });
    managed.mockResolvedValue({ idleLockMinutes: 5 } as never);
    await fakeBrowser.storage.session.set(await stored());
    expect(await session.restore(t + 5 * 60_000 - 1)).toBe(true);
    expect(await session.restore(t + 5 * 60_000)).toBe(false);
    managed.mockResolvedValue({ idleLockMinutes: 30 } as never);
    await fakeBrowser.storage.session.set(await stored());
    expect(await session.restore(t + 29 * 60_000)).toBe(true);
    expect(await session.restore(t + 30 * 60_000)).toBe(false);
  });

  it('a lock or an unlock in another page while a page opening reads the policy wins over what it read', async () => {
    const t = 10_000_000;
    let answer: (() => void) | undefined;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      () => new Promise((resolve) => (answer = () => resolve({}))) as never,
    );
    const policyAsked = () => expect.poll(() => answer !== undefined).toBe(true);
    const stored = async (key: CryptoKey, at: number) =>
      fakeBrowser.storage.session.set({ [SESSION_KEYS.dataKey]: await rawOf(key), [SESSION_KEYS.lastActivityAt]: at });

    // Within the idle minutes, and another page locks meanwhile: the lock stands.
    await stored(await newDataKey(), t);
    let opening = session.restore(t + 5 * 60_000);
    await policyAsked();
    await fakeBrowser.storage.session.remove(SESSION_KEYS.dataKey);
    answer!();
    expect(await opening).toBe(false);
    expect(session.current()).toBeNull();

    // Past them, and another page unlocks meanwhile (activity now): its key stays, and is taken up.
    answer = undefined;
    await stored(await newDataKey(), t);
    opening = session.restore(t + 16 * 60_000);
    await policyAsked();
    const fresh = await newDataKey();
    await stored(fresh, t + 16 * 60_000);
    answer!();
    expect(await opening).toBe(true);
    expect((await fakeBrowser.storage.session.get(SESSION_KEYS.dataKey))[SESSION_KEYS.dataKey]).toBe(
      await rawOf(fresh),
    );
    expect(session.current()).not.toBeNull();
    await session.lock();
  });

  it('an open page checks the idle time when it is shown again, not at the next interval', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await session.unlock(await newDataKey());
      let visibility: DocumentVisibilityState = 'hidden';
      const document = Object.defineProperty(new EventTarget(), 'visibilityState', { get: () => visibility });
      // No interval: only the events can lock.
      const page = Object.assign(new EventTarget(), { document, setInterval: () => 0, clearInterval: () => {} });
      const stop = trackActivity(page as unknown as Window);
      const unlocked = async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return (await fakeBrowser.storage.session.get(SESSION_KEYS.dataKey))[SESSION_KEYS.dataKey] !== undefined;
      };
      expect(await unlocked()).toBe(true);
      // The laptop slept for 16 minutes; hidden, nothing is checked.
      vi.setSystemTime(Date.now() + 16 * 60_000);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(await unlocked()).toBe(true);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await expect.poll(unlocked, { timeout: 2_000 }).toBe(false);
      expect(session.current()).toBeNull();
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

async function rawOf(key: CryptoKey): Promise<string> {
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('raw', key))));
}
