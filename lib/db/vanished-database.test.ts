import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markCitizenData, pageDataLoss, readDataMarker } from '../backup/marker';
import { newDataKey } from '../crypto/keyring';
import { SESSION_KEYS, session } from '../crypto/session';
import { SidevognDb } from './database';
import { META_KEYS } from './keyring-store';
import { DatabaseVanishedError, KEYRING_META_KEY } from './vanished-database';

const opened: SidevognDb[] = [];
const aDb = (name: string) => {
  const db = new SidevognDb(name);
  opened.push(db);
  return db;
};
afterEach(async () => {
  await session.lock();
  for (const db of opened.splice(0)) await db.delete();
});
const unlocked = async () => (await fakeBrowser.storage.session.get(SESSION_KEYS.dataKey))[SESSION_KEYS.dataKey];

describe('a database that vanished under an unlocked session', () => {
  it('fails the write waiting for it, records the loss, and locks; the next open finds the empty database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await markCitizenData(100);
    await session.unlock(await newDataKey());
    // The database is not there (Chromium deleted it): the next write opens it afresh.
    const db = aDb(name);
    // (Dexie hands a queued operation the failed open's error as its `inner`.)
    await expect(db.meta.put({ key: 'probe', value: 1 })).rejects.toMatchObject({
      inner: expect.any(DatabaseVanishedError),
    });
    expect(session.current()).toBeNull();
    await vi.waitFor(async () => expect(await unlocked()).toBeUndefined());
    const marker = await readDataMarker();
    expect(marker?.lostAt).toEqual(expect.any(Number));
    expect(await pageDataLoss()).toEqual({ lostAt: marker?.lostAt });
    // Nothing was written; the database opens now (the set-up form reads it), locked.
    expect(await db.meta.count()).toBe(0);
    await db.meta.put({ key: 'probe', value: 1 });
    expect(await db.meta.count()).toBe(1);
  });

  it('without citizen data it locks all the same, and records no loss', async () => {
    await session.unlock(await newDataKey());
    const db = aDb(`test-${crypto.randomUUID()}`);
    await expect(db.open()).rejects.toThrow(DatabaseVanishedError);
    await vi.waitFor(async () => expect(await unlocked()).toBeUndefined());
    expect(await readDataMarker()).toBeNull();
  });

  it('a dedicated worker does not create it: the page that opens it next does, and answers', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await markCitizenData(100);
    await session.unlock(await newDataKey());
    // What a dedicated worker has: its global scope's class, and no extension storage.
    const storage = Object.getOwnPropertyDescriptor(fakeBrowser, 'storage')!;
    vi.stubGlobal('DedicatedWorkerGlobalScope', class {});
    Object.defineProperty(fakeBrowser, 'storage', { value: undefined, configurable: true });
    try {
      await expect(aDb(name).open()).rejects.toThrow(DatabaseVanishedError);
    } finally {
      vi.unstubAllGlobals();
      Object.defineProperty(fakeBrowser, 'storage', storage);
    }
    expect(await Dexie.exists(name)).toBe(false);
    expect(await unlocked()).toBeDefined();
    await expect(aDb(name).open()).rejects.toThrow(DatabaseVanishedError);
    expect((await readDataMarker())?.lostAt).toEqual(expect.any(Number));
  });

  it('a dedicated worker writes nothing into a database another page created anew (no keyring), and opens one with it', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await aDb(name).open(); // Created by a page after the old one vanished: no keyring.
    const inWorker = async (write: () => Promise<unknown>) => {
      const storage = Object.getOwnPropertyDescriptor(fakeBrowser, 'storage')!;
      vi.stubGlobal('DedicatedWorkerGlobalScope', class {});
      Object.defineProperty(fakeBrowser, 'storage', { value: undefined, configurable: true });
      try {
        return await write();
      } finally {
        vi.unstubAllGlobals();
        Object.defineProperty(fakeBrowser, 'storage', storage);
      }
    };
    // The search worker's snapshot write, sealed under the key of the keyring that went.
    const snapshot = { range: '["",null]', seq: 1, iv: new Uint8Array(12), ct: new Uint8Array(4) };
    await expect(inWorker(() => aDb(name).searchIndex.put(snapshot as never))).rejects.toMatchObject({
      inner: expect.any(DatabaseVanishedError),
    });
    expect(await aDb(name).searchIndex.count()).toBe(0);
    // With the keyring there (set up again, or never lost), the worker writes.
    await aDb(name).meta.put({ key: KEYRING_META_KEY, value: 'the keyring' });
    await inWorker(() => aDb(name).searchIndex.put(snapshot as never));
    expect(await aDb(name).searchIndex.count()).toBe(1);
  });

  it('outside the extension (no extension storage: tests, benchmarks) it is created as ever', async () => {
    const storage = Object.getOwnPropertyDescriptor(fakeBrowser, 'storage')!;
    Object.defineProperty(fakeBrowser, 'storage', { value: undefined, configurable: true });
    try {
      const db = aDb(`test-${crypto.randomUUID()}`);
      await db.meta.put({ key: 'probe', value: 1 });
      expect(await db.meta.count()).toBe(1);
    } finally {
      Object.defineProperty(fakeBrowser, 'storage', storage);
    }
  });

  it('the first run (no session) creates the database as ever', async () => {
    const db = aDb(`test-${crypto.randomUUID()}`);
    await db.meta.put({ key: 'probe', value: 1 });
    expect(await db.meta.count()).toBe(1);
  });

  it('a database that is there, with its keyring, opens unlocked, in another page too', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await aDb(name).meta.put({ key: KEYRING_META_KEY, value: 'the keyring' });
    await markCitizenData(100);
    const key = await newDataKey();
    await session.unlock(key);
    await aDb(name).meta.put({ key: 'probe', value: 1 });
    expect(session.current()).toBe(key);
    expect((await readDataMarker())?.lostAt).toBeUndefined();
  });

  it('created by another connection: a page that holds the key finds no keyring, and fails and locks too', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await markCitizenData(100);
    // Another connection created it (a page whose lock has not reached this one yet).
    await aDb(name).open();
    await session.unlock(await newDataKey());
    const db = aDb(name);
    await expect(db.meta.put({ key: 'probe', value: 1 })).rejects.toMatchObject({
      inner: expect.any(DatabaseVanishedError),
    });
    expect(session.current()).toBeNull();
    expect((await readDataMarker())?.lostAt).toEqual(expect.any(Number));
    expect(await db.meta.get('probe')).toBeUndefined();
  });

  it('fails closed: with the loss marker unwritable (a full disk), it still fails and locks', async () => {
    await markCitizenData(100);
    await session.unlock(await newDataKey());
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES'));
    const db = aDb(`test-${crypto.randomUUID()}`);
    await expect(db.meta.put({ key: 'probe', value: 1 })).rejects.toMatchObject({
      inner: expect.any(DatabaseVanishedError),
    });
    vi.restoreAllMocks();
    await vi.waitFor(async () => expect(await unlocked()).toBeUndefined());
    expect(await db.meta.get('probe')).toBeUndefined();
  });

  it('names the keyring as the keyring store does', () => {
    expect(KEYRING_META_KEY).toBe(META_KEYS.keyring);
  });
});
