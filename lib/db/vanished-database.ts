import { browser } from 'wxt/browser';
import { recordVanishedDatabase } from '../backup/marker';
import { SESSION_KEYS, session } from '../crypto/session';

/**
 * The database was created afresh (Dexie's `populate`) while a session is
 * unlocked: it vanished under the running browser. Chromium deletes a
 * database whose LevelDB files it finds corrupt the next time it opens it
 * (seen after a full disk, tests/e2e/storage-full-disk.spec.ts), and a
 * caseworker can clear the browser's data. The keyring went with it, so the
 * data key still held in memory could only seal notes nobody can open after
 * the next lock.
 *
 * So the open that finds it records the loss (the alert with the way back
 * through a backup) and fails, so that the write waiting for it (a "Prøv
 * igen" once there is room) writes nothing under the lost key; then the
 * session ends, and every page follows to the set-up form.
 */
export class DatabaseVanishedError extends Error {
  override name = 'DatabaseVanishedError';
  constructor() {
    super('The database was gone and has been created empty; the session is locked');
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
  if ('DedicatedWorkerGlobalScope' in globalThis) throw new DatabaseVanishedError();
}

/** In Dexie's `ready` after a `populate`, before any queued read or write runs. */
export async function afterCreate(): Promise<void> {
  const storage = sessionStorage();
  if (!storage) return; // Outside the extension: no session to answer for.
  const stored = await storage.get(SESSION_KEYS.dataKey);
  if (stored[SESSION_KEYS.dataKey] === undefined) return; // The first run, or locked: checkDataLoss answers at start-up.
  await recordVanishedDatabase();
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
