import { z } from '../zod';
import {
  createKeyring,
  keyringSchema,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type Keyring,
} from '../crypto/keyring';
import { seal, open, sealedSchema } from '../crypto/seal';
import { fromBase64, toBase64 } from '../crypto/encoding';
import { newCitizenKeySecret } from './citizen-key';
import type { SidevognDb } from './database';
import { StoredDataError } from './records';
import { SEALED_TABLES, sealRecord } from './sealed';

/**
 * The keyring in the database: set-up (which seals whatever citizen data a
 * profile already holds), unlocking, and passphrase changes. The keyring
 * holds only wrapped keys, so it is stored in clear in `meta`.
 */

export const META_KEYS = {
  keyring: 'keyring',
  /** When the passphrase was set; its presence means the database is encrypted. */
  passphraseSet: 'passphraseSet',
  /** The citizen-key HMAC secret, sealed under the data key. */
  citizenKeySecret: 'citizenKeySecret',
  /** When the default pack was installed (once; afterwards it is an ordinary pack). */
  defaultPackInstalled: 'defaultPackInstalled',
  /** The version of the default pack last installed or updated (absent: 1.0.0, installed before it was kept). */
  defaultPackVersion: 'defaultPackVersion',
} as const;

const SECRET_AAD = 'sidevogn/meta/citizenKeySecret';

export class AlreadySetUpError extends Error {
  override name = 'AlreadySetUpError';
  constructor() {
    super('A passphrase is already set');
  }
}

export async function readKeyring(db: SidevognDb): Promise<Keyring | null> {
  const row = await db.meta.get(META_KEYS.keyring);
  if (!row) return null;
  const parsed = keyringSchema.safeParse(row.value);
  if (!parsed.success) throw new StoredDataError('meta', `keyring: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const isSetUp = async (db: SidevognDb) => (await readKeyring(db)) !== null;

async function requireKeyring(db: SidevognDb): Promise<Keyring> {
  const keyring = await readKeyring(db);
  if (!keyring) throw new StoredDataError('meta', 'no keyring: Sidevogn is not set up');
  return keyring;
}

export const sealSecret = async (key: CryptoKey, secret: Uint8Array) => seal(key, toBase64(secret), SECRET_AAD);

/** The citizen-key secret, opened with the data key. */
export async function openSecret(key: CryptoKey, value: unknown): Promise<Uint8Array> {
  const sealed = sealedSchema.safeParse(value);
  if (!sealed.success) throw new StoredDataError('meta', 'citizen key secret is not sealed');
  const opened = z.base64().safeParse(await open(key, sealed.data, SECRET_AAD).catch(() => null));
  if (!opened.success) throw new StoredDataError('meta', 'citizen key secret cannot be opened');
  return fromBase64(opened.data);
}

/**
 * First run: creates the keyring and seals every citizen record the profile
 * already holds (an older version stored them in clear), the existing
 * citizen-key secret included so citizen keys stay the same. All of it is
 * written in one transaction: on any failure nothing changes.
 */
export async function setUpEncryption(
  db: SidevognDb,
  passphrase: string,
  iterations?: number,
): Promise<{ dataKey: CryptoKey; recoveryKey: string; sealedRecords: number }> {
  if (await isSetUp(db)) throw new AlreadySetUpError();
  const { keyring, dataKey, recoveryKey } = await createKeyring(passphrase, iterations);

  const tables = SEALED_TABLES.map((name) => db.table(name));
  const { clearRows, secretRow } = await db.transaction('r', [...tables, db.meta], async () => ({
    clearRows: await Promise.all(tables.map((t) => t.toArray() as Promise<Record<string, unknown>[]>)),
    secretRow: await db.meta.get(META_KEYS.citizenKeySecret),
  }));
  const legacySecret: unknown = secretRow?.value;
  if (secretRow && !(legacySecret instanceof Uint8Array))
    throw new StoredDataError('meta', 'citizen key secret is not bytes');
  const sealedRows = await Promise.all(
    SEALED_TABLES.map((name, i) =>
      Promise.all(clearRows[i]!.map((row) => ('sealed' in row ? row : sealRecord(dataKey, name, row)))),
    ),
  );
  const secret = await sealSecret(dataKey, legacySecret instanceof Uint8Array ? legacySecret : newCitizenKeySecret());

  await db.transaction('rw', [...tables, db.meta], async () => {
    if (await db.meta.get(META_KEYS.keyring)) throw new AlreadySetUpError();
    // Nothing can write citizen data without a key, but check rather than assume.
    for (const [i, table] of tables.entries())
      if ((await table.count()) !== clearRows[i]!.length)
        throw new Error(`The ${table.name} table changed during set-up; try again`);
    for (const [i, table] of tables.entries()) await table.bulkPut(sealedRows[i]!);
    await db.meta.bulkPut([
      { key: META_KEYS.citizenKeySecret, value: secret },
      { key: META_KEYS.keyring, value: keyring },
      { key: META_KEYS.passphraseSet, value: Date.now() },
    ]);
  });
  return { dataKey, recoveryKey, sealedRecords: clearRows.reduce((n, rows) => n + rows.length, 0) };
}

export async function unlock(db: SidevognDb, passphrase: string): Promise<CryptoKey> {
  return unlockWithPassphrase(await requireKeyring(db), passphrase);
}

export async function unlockWithRecovery(db: SidevognDb, recoveryKey: string): Promise<CryptoKey> {
  return unlockWithRecoveryKey(await requireKeyring(db), recoveryKey);
}

async function storeRewrapped(db: SidevognDb, before: Keyring, after: Keyring): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await db.meta.get(META_KEYS.keyring);
    // Another page changed the passphrase meanwhile: refuse rather than undo it.
    if (JSON.stringify(current?.value) !== JSON.stringify(before))
      throw new Error('The passphrase was changed elsewhere; try again');
    await db.meta.bulkPut([
      { key: META_KEYS.keyring, value: after },
      { key: META_KEYS.passphraseSet, value: Date.now() },
    ]);
  });
}

/** Old passphrase, then the new one: only the wrap changes. Returns the (same) data key. */
export async function changePassphrase(
  db: SidevognDb,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<CryptoKey> {
  const keyring = await requireKeyring(db);
  const dataKey = await unlockWithPassphrase(keyring, oldPassphrase);
  await storeRewrapped(db, keyring, await rewrapPassphrase(keyring, dataKey, newPassphrase));
  return dataKey;
}

/** Forgotten passphrase: the recovery key opens the keyring and a new passphrase is set. */
export async function resetPassphrase(db: SidevognDb, recoveryKey: string, newPassphrase: string): Promise<CryptoKey> {
  const keyring = await requireKeyring(db);
  const dataKey = await unlockWithRecoveryKey(keyring, recoveryKey);
  await storeRewrapped(db, keyring, await rewrapPassphrase(keyring, dataKey, newPassphrase));
  return dataKey;
}
