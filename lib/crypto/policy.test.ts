import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lockIfIdle } from './idle';
import { loadEstimator, passphraseProblem } from './passphrase';
import { readLockPolicy } from './policy';
import { SESSION_KEYS } from './session';

const managed = (values: Record<string, unknown>) =>
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(values as never);

/** Unlocked, with the last activity `idleMs` before `now`. */
async function unlockedAndIdle(now: number, idleMs: number) {
  await fakeBrowser.storage.session.set({ [SESSION_KEYS.dataKey]: 'k', [SESSION_KEYS.lastActivityAt]: now - idleMs });
}
const locked = async () =>
  (await fakeBrowser.storage.session.get(SESSION_KEYS.dataKey))[SESSION_KEYS.dataKey] === undefined;

describe('lock policy (idleLockMinutes, minPassphraseLength)', () => {
  it('reads both keys from managed storage, and falls back per key to 15 minutes and 12 characters', async () => {
    managed({ idleLockMinutes: 5, minPassphraseLength: 20 });
    expect(await readLockPolicy()).toEqual({ idleLockMinutes: 5, minPassphraseLength: 20 });
    managed({ idleLockMinutes: 0, minPassphraseLength: 4 });
    expect(await readLockPolicy()).toEqual({ idleLockMinutes: 15, minPassphraseLength: 12 });
    managed({ idleLockMinutes: 'lang', minPassphraseLength: 500 });
    expect(await readLockPolicy()).toEqual({ idleLockMinutes: 15, minPassphraseLength: 12 });
    managed({ idleLockMinutes: 480 });
    expect(await readLockPolicy()).toEqual({ idleLockMinutes: 480, minPassphraseLength: 12 });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readLockPolicy()).toEqual({ idleLockMinutes: 15, minPassphraseLength: 12 });
  });

  it('idleLockMinutes: locks at exactly that many idle minutes, not a millisecond before', async () => {
    const now = 1_800_000_000_000;
    managed({ idleLockMinutes: 5 });
    await unlockedAndIdle(now, 5 * 60_000 - 1);
    expect(await lockIfIdle(now)).toBe(false);
    expect(await locked()).toBe(false);
    await unlockedAndIdle(now, 5 * 60_000);
    expect(await lockIfIdle(now)).toBe(true);
    expect(await locked()).toBe(true);
    // The activity time stays; only the key goes.
    expect((await fakeBrowser.storage.session.get(SESSION_KEYS.lastActivityAt))[SESSION_KEYS.lastActivityAt]).toBe(
      now - 5 * 60_000,
    );
  });

  it('idleLockMinutes: a longer policy keeps a session the default would lock; an invalid one locks at 15', async () => {
    const now = 1_800_000_000_000;
    managed({ idleLockMinutes: 60 });
    await unlockedAndIdle(now, 59 * 60_000);
    expect(await lockIfIdle(now)).toBe(false);
    managed({ idleLockMinutes: -1 });
    await unlockedAndIdle(now, 15 * 60_000);
    expect(await lockIfIdle(now)).toBe(true);
  });

  it('minPassphraseLength: counts characters (æ, ø, å are one each), not bytes', async () => {
    const estimate = await loadEstimator();
    const strong = 'Grøn cykel under æbletræet 42'; // 29 characters, 32 bytes in UTF-8
    expect(passphraseProblem(strong, strong, 29, estimate)).toBeNull();
    expect(passphraseProblem(strong, strong, 30, estimate)).toEqual({ problem: 'tooShort' });
    expect(passphraseProblem(strong.slice(0, 19), strong.slice(0, 19), 20, estimate)).toEqual({ problem: 'tooShort' });
  });
});
