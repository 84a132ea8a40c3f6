import { afterEach, beforeEach } from 'vitest';
import { newDataKey, unlockWithRecoveryKey } from '@/lib/crypto/keyring';
import { readKeyring } from '@/lib/db/keyring-store';
import { fixedKey } from './fixed-key';
import { openRows, sealRecord } from '@/lib/db/sealed';
import type { NoteRecord } from '@/lib/db/records';
import { SidevognDb } from '@/lib/db/database';
import { createRepositories, type Repositories } from '@/lib/repositories';

/** One data key for unit tests of the repository (as if unlocked). */
export const testKey = await newDataKey();
export const testKeys = fixedKey(testKey);

export const sealNotes = (notes: readonly (NoteRecord | Record<string, unknown>)[]) =>
  Promise.all(notes.map((n) => sealRecord(testKey, 'notes', n)));

/** Opened notes by id, as the repository returns them (undefined where gone). */
export async function openNotes(rows: readonly unknown[]): Promise<(NoteRecord | undefined)[]> {
  const present = rows.filter((r) => r !== undefined);
  const opened = await openRows(testKey, 'notes', present);
  let i = 0;
  return rows.map((r) => (r === undefined ? undefined : opened[i++]));
}

/**
 * A fresh database and repository (unlocked with testKey, on a clock that ticks
 * a second per call) for every test of the file, deleted afterwards.
 */
export function freshTestRepository(): { readonly db: SidevognDb; readonly repo: Repositories } {
  let db: SidevognDb | undefined;
  let repo: Repositories | undefined;
  let clock = 1_700_000_000_000;
  beforeEach(async () => {
    db = new SidevognDb(`test-${crypto.randomUUID()}`);
    repo = createRepositories(db, () => (clock += 1000), testKeys);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
  });
  return {
    get db() {
      return db!;
    },
    get repo() {
      return repo!;
    },
  };
}

/** The data key the recovery key opens (what resetting the passphrase unlocks with). */
export async function unlockWithRecovery(db: SidevognDb, recoveryKey: string): Promise<CryptoKey> {
  const keyring = await readKeyring(db);
  if (!keyring) throw new Error('no keyring: Sidevogn is not set up');
  return unlockWithRecoveryKey(keyring, recoveryKey);
}
