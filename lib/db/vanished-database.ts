import type { Table } from 'dexie';
import { browser } from 'wxt/browser';
import { recordVanishedDatabase } from '../backup/marker';
import { SESSION_KEYS, session } from '../crypto/session';
import type { MetaRecord } from './records';

/** META_KEYS.keyring (./keyring-store; the unit test holds them equal), not imported with that module's crypto. */
export const KEYRING_META_KEY = 'keyring';

/**
 * The database vanished under an unlocked session. Chromium deletes a
 * database whose LevelDB files it finds corrupt the next time it opens it
 * (seen after a full disk, tests/e2e/storage-full-disk.spec.ts), and a
 * caseworker can clear the browser's data. The keyring went with it, so the
 * data key still held in memory could only seal notes nobody can open after
 * the next lock.
 *
 * Every open checks, before any queued read or write runs: one that created
 * the database (Dexie's `populate`) while storage.session holds a key, or
 * one in a page that holds a key while `meta` has no keyring. Such an open
 * records the loss (the alert with the way back through a backup) and fails,
 * so the writes waiting for it (a "Prøv igen" once there is room) write
 * nothing under the lost key; then the session ends, and every page follows
 * to the set-up form. In doubt (storage.session unreadable) it fails too.
 * The note search's worker cannot read the session: its open fails whenever
 * `meta` has no keyring, so it seals nothing into a database created anew
 * (until a new keyring is set up there; such a snapshot does not open and is dropped at its next load).
 */
export class DatabaseVanishedError extends Error {
  override name = 'DatabaseVanishedError';
  constructor(message = 'The database was gone and has been created empty; the session is locked') {
    super(message);
  }
}

/** Extension storage: absent in a dedicated worker (the note search's), and outside the extension (tests, benchmarks). */
const sessionStorage = () => (browser as Partial<typeof browser> | undefined)?.storage?.session;

/**
 * In Dexie's `populate`, inside the transaction that creates the database. A
 * dedicated worker (the note search's) cannot tell whether a session is
 * unlocked, so it does not create the database (the throw aborts it): the page
 * that next opens it does, and answers.
 */
export function beforeCreate(): void {
  if (inWorker()) throw new DatabaseVanishedError('The database was gone; a worker does not create it');
}

const inWorker = () => 'DedicatedWorkerGlobalScope' in globalThis;

/**
 * In Dexie's sticky `ready`, on every open; `meta` is the opening
 * connection's table (the only one usable before the open completes).
 */
export async function checkOpened(meta: Pick<Table<MetaRecord, string>, 'get'>, created: boolean): Promise<void> {
  if (inWorker()) {
    // The note search's worker holds the data key its page handed it, and cannot read the session:
    // a database without the keyring was created anew by another page after it vanished, and a
    // snapshot sealed under the lost key must not go into it. Its page finds the loss and answers.
    if (!(await meta.get(KEYRING_META_KEY)))
      throw new DatabaseVanishedError("The database was gone; the worker's key went with it");
    return;
  }
  const storage = sessionStorage();
  if (!storage) return; // Outside the extension: no session to answer for.
  if (created) {
    const unlocked = await storage.get(SESSION_KEYS.dataKey).then(
      (stored) => stored[SESSION_KEYS.dataKey] !== undefined,
      () => true,
    );
    if (!unlocked) return; // The first run, or locked: checkDataLoss answers at start-up.
  } else {
    // Another connection created it: this page still holds the key, and the keyring is gone.
    if (session.current() === null || (await meta.get(KEYRING_META_KEY))) return;
  }
  await recordVanishedDatabase().catch(() => undefined); // No marker (a full disk?): still fail and lock.
  // For IT, in the console of the page that found it (no citizen data).
  console.warn('Sidevogn: the database was gone (discarded by the browser, or its data cleared); locking');
  throw new DatabaseVanishedError();
}

/**
 * After the open failed (so that the pages' lock gates, reading the keyring
 * on the lock, open the database anew): lock, if it failed for this reason.
 */
export function lockIfVanished(error: unknown): void {
  if (!sessionStorage() || !isVanished(error)) return;
  // Locking clears this page's key at once; storage.session, which every other page follows, a moment later.
  session.lock().catch(() => undefined);
}

/**
 * A page's start-up step that may be the open finding the database vanished
 * (its error then reaches that step): once more, on the empty database, so
 * the page starts (locked, to the set-up form) instead of showing a storage error.
 */
export const retryIfVanished = <T>(step: () => Promise<T>): Promise<T> =>
  step().catch((error: unknown) => (isVanished(error) ? step() : Promise.reject(error)));

function isVanished(error: unknown): boolean {
  const vanished = (e: unknown) => e instanceof DatabaseVanishedError;
  return vanished(error) || vanished((error as { inner?: unknown } | null)?.inner);
}
