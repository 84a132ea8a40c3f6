import Dexie from 'dexie';
import { LockedError, session, type KeySource } from '../crypto/session';
import type { SidevognDb } from './database';

/**
 * What every domain repository (lib/notes, lib/summary, lib/deadlines …) works
 * with: the one database, the clock and the data key.
 *
 * Citizen records are sealed under the data key (./sealed): repositories hand
 * out plain records, and while Sidevogn is locked every citizen read or write
 * throws LockedError (the UI shows the lock screen). Templates, packs, adapters
 * and signing keys are not citizen data and stay readable while locked.
 *
 * Sealing and opening are WebCrypto calls, which do not keep an IndexedDB
 * transaction alive: records are sealed before a transaction where possible,
 * and a read-change-write inside one waits through Dexie.waitFor.
 */
export interface DataContext {
  db: SidevognDb;
  now: () => number;
  keys: KeySource;
  /** The data key, or LockedError. */
  key(): CryptoKey;
  waitFor<T>(promise: Promise<T>): Promise<T>;
  /**
   * The caseworker wrote something for this citizen: retention counts days
   * without activity from here (lib/privacy/erasure.ts). Opening a citizen is
   * not activity, so only writing keeps the data. Call inside a transaction
   * that includes db.citizens.
   */
  touch(citizenKey: string, t: number): Promise<number>;
}

export function dataContext(db: SidevognDb, now: () => number = Date.now, keys: KeySource = session): DataContext {
  return {
    db,
    now,
    keys,
    key() {
      const current = keys.current();
      if (current === null) throw new LockedError();
      return current;
    },
    waitFor: <T>(promise: Promise<T>) => Dexie.waitFor(promise),
    touch: (citizenKey, t) => db.citizens.update(citizenKey, { lastActivityAt: t }),
  };
}
