import { z } from '../zod';
import {
  createKeyring,
  keyringSchema,
  rekey,
  renewRecovery,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type Keyring,
} from '../crypto/keyring';
import { seal, open, sealedSchema, type Sealed } from '../crypto/seal';
import { fromBase64, toBase64 } from '../crypto/encoding';
import { newCitizenKeySecret } from './citizen-key';
import type { SidevognDb } from './database';
import { StoredDataError } from './records';
import { SEALED_TABLES, aadOf, sealRecord } from './sealed';
import type { SealedTableName } from './records';

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
 * written in one transaction: on any failure nothing changes. `made`: the
 * keyring for this passphrase (createKeyring), when the caller began deriving
 * it earlier: the set-up form does while it reads the policy's minimum.
 */
export async function setUpEncryption(
  db: SidevognDb,
  passphrase: string,
  made?: ReturnType<typeof createKeyring>,
): Promise<{ dataKey: CryptoKey; recoveryKey: string; sealedRecords: number }> {
  if (await isSetUp(db)) throw new AlreadySetUpError();
  const { keyring, dataKey, recoveryKey } = await (made ?? createKeyring(passphrase));

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

/** Another page changed the keyring (passphrase, recovery key or data key) meanwhile. */
export class KeyringChangedError extends Error {
  override name = 'KeyringChangedError';
  constructor() {
    super('The passphrase or key was changed elsewhere; try again');
  }
}

const sameKeyring = (stored: unknown, expected: Keyring) => JSON.stringify(stored) === JSON.stringify(expected);

async function storeRewrapped(db: SidevognDb, before: Keyring, after: Keyring, passphraseSet = true): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await db.meta.get(META_KEYS.keyring);
    // Another page changed the passphrase meanwhile: refuse rather than undo it.
    if (!sameKeyring(current?.value, before)) throw new KeyringChangedError();
    await db.meta.bulkPut([
      { key: META_KEYS.keyring, value: after },
      ...(passphraseSet ? [{ key: META_KEYS.passphraseSet, value: Date.now() }] : []),
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

/**
 * "Lav ny gendannelsesnøgle": the passphrase proves it is the caseworker (an
 * unlocked, unattended computer is not enough), and the data key is wrapped
 * under a new recovery key. The old recovery key stops working at once.
 * Returns the new recovery key, to be shown once.
 */
export async function renewRecoveryKey(db: SidevognDb, passphrase: string): Promise<string> {
  const keyring = await requireKeyring(db);
  const dataKey = await unlockWithPassphrase(keyring, passphrase);
  const renewed = await renewRecovery(keyring, dataKey);
  await storeRewrapped(db, keyring, renewed.keyring, false);
  return renewed.recoveryKey;
}

export interface RotationProgress {
  /** Sealed values re-encrypted so far, of `total`. */
  done: number;
  total: number;
}

/** A row that cannot be opened with the current key: rotating would lose it, so nothing is changed. */
export class UnreadableRowError extends Error {
  override name = 'UnreadableRowError';
  constructor(readonly table: string) {
    super(`A record in ${table} cannot be opened with the current key; nothing was changed`);
  }
}

/** Citizen data changed between reading and writing (another page wrote); the rotation starts over. */
class ChangedMeanwhile extends Error {}

type SealedRow = Record<string, unknown> & { sealed: Sealed };

const PRIMARY_KEY: Record<SealedTableName, string> = {
  citizens: 'key',
  notes: 'id',
  drafts: 'id',
  formDrafts: 'id',
  history: 'id',
  summaries: 'citizenKey',
  deadlines: 'id',
  checklistRuns: 'id',
};

/** The same rows, sealed the same (a new write always has a fresh IV). */
function unchanged(table: SealedTableName, now: readonly SealedRow[], then: readonly SealedRow[]): boolean {
  if (now.length !== then.length) return false;
  const pk = PRIMARY_KEY[table];
  const before = new Map(then.map((row) => [row[pk], row.sealed]));
  return now.every((row) => {
    const sealed = before.get(row[pk]);
    return sealed !== undefined && sealed.iv === row.sealed?.iv && sealed.ct === row.sealed.ct;
  });
}

async function reseal(from: CryptoKey, to: CryptoKey, table: SealedTableName, row: SealedRow): Promise<SealedRow> {
  const { sealed, ...clear } = row;
  const parsed = sealedSchema.safeParse(sealed);
  if (!parsed.success) throw new UnreadableRowError(table);
  const aad = aadOf(table, clear);
  const value = await open(from, parsed.data, aad).catch(() => {
    throw new UnreadableRowError(table);
  });
  return { ...clear, sealed: await seal(to, value, aad) };
}

/** Values re-encrypted concurrently per batch; progress is reported between batches. */
const BATCH = 200;

/**
 * A passphrase change with a new data key: every sealed value is decrypted
 * with the old key and encrypted with the new one, then all of it — every
 * citizen table, the citizen-key secret and the new keyring — is written in
 * ONE transaction. A crash or failure before it commits leaves the old
 * keyring and the old rows (the old passphrase and recovery key open all
 * data); after it commits, only the new ones exist. The crypto runs outside
 * any transaction (a non-Dexie await inside one commits it early); the
 * writing transaction re-reads every table first and starts over (up to
 * `attempts` times) if another page wrote meanwhile, so nothing written
 * during the rotation is lost or left under the old key.
 * Returns the new data key and the new recovery key (shown once: the old one
 * wraps the old data key and stops working).
 * Pages that hold the old key must not write once the new rows are stored:
 * the caller locks every page in `beforeCommit` and unlocks with the new key
 * afterwards (and resealStragglers() catches a write that slipped through).
 */
export async function rotateDataKey(
  db: SidevognDb,
  oldPassphrase: string,
  newPassphrase: string,
  {
    onProgress = () => undefined,
    beforeCommit = async () => undefined,
    attempts = 3,
  }: {
    onProgress?: (progress: RotationProgress) => void;
    /** Runs before each attempt to write (outside any transaction): the options page locks every page here. */
    beforeCommit?: () => Promise<void>;
    attempts?: number;
  } = {},
): Promise<{ dataKey: CryptoKey; oldKey: CryptoKey; recoveryKey: string; rows: number }> {
  const keyring = await requireKeyring(db);
  const oldKey = await unlockWithPassphrase(keyring, oldPassphrase);
  const next = await rekey(keyring, newPassphrase);
  const tables = SEALED_TABLES.map((name) => db.table<SealedRow>(name));

  for (let attempt = 1; ; attempt++) {
    const snapshot = await db.transaction('r', [...tables, db.meta], async () => ({
      keyring: (await db.meta.get(META_KEYS.keyring))?.value,
      secret: (await db.meta.get(META_KEYS.citizenKeySecret))?.value,
      rows: await Promise.all(tables.map((t) => t.toArray())),
    }));
    if (!sameKeyring(snapshot.keyring, keyring)) throw new KeyringChangedError();

    const total = snapshot.rows.reduce((n, rows) => n + rows.length, 0);
    let done = 0;
    onProgress({ done, total });
    const resealed: SealedRow[][] = [];
    for (const [i, name] of SEALED_TABLES.entries()) {
      const rows = snapshot.rows[i]!;
      const out: SealedRow[] = [];
      for (let from = 0; from < rows.length; from += BATCH) {
        const batch = rows.slice(from, from + BATCH);
        out.push(...(await Promise.all(batch.map((row) => reseal(oldKey, next.dataKey, name, row)))));
        done += batch.length;
        onProgress({ done, total });
      }
      resealed.push(out);
    }
    const secret =
      snapshot.secret === undefined ? null : await sealSecret(next.dataKey, await openSecret(oldKey, snapshot.secret));

    try {
      await beforeCommit();
      // The search index's snapshots (ADR 0007) go too: nothing stays sealed under the old key.
      await db.transaction('rw', [...tables, db.meta, db.searchIndex], async () => {
        if (!sameKeyring((await db.meta.get(META_KEYS.keyring))?.value, keyring)) throw new KeyringChangedError();
        await db.searchIndex.clear();
        const secretNow = (await db.meta.get(META_KEYS.citizenKeySecret))?.value;
        if (JSON.stringify(secretNow) !== JSON.stringify(snapshot.secret)) throw new ChangedMeanwhile();
        for (const [i, table] of tables.entries())
          if (!unchanged(SEALED_TABLES[i]!, await table.toArray(), snapshot.rows[i]!)) throw new ChangedMeanwhile();
        for (const [i, table] of tables.entries()) await table.bulkPut(resealed[i]!);
        await db.meta.bulkPut([
          ...(secret ? [{ key: META_KEYS.citizenKeySecret, value: secret }] : []),
          { key: META_KEYS.keyring, value: next.keyring },
          { key: META_KEYS.passphraseSet, value: Date.now() },
        ]);
      });
      return { dataKey: next.dataKey, oldKey, recoveryKey: next.recoveryKey, rows: total };
    } catch (error) {
      if (error instanceof ChangedMeanwhile && attempt < attempts) continue;
      if (error instanceof ChangedMeanwhile)
        throw new Error('Citizen data kept changing during the re-encryption; nothing was changed. Try again.');
      throw error;
    }
  }
}

/**
 * After a rotation, once every page has the new key (session.unlock): a page
 * that still held the old key in the moment after the rotation committed can
 * have written a record under it. Such records are re-encrypted under the new
 * key (each only if it is still the same); returns how many there were. (A
 * search-index snapshot sealed then: lib/search/index-store.ts dropSnapshotsSealedUnder.)
 */
export async function resealStragglers(db: SidevognDb, oldKey: CryptoKey, newKey: CryptoKey): Promise<number> {
  const tables = SEALED_TABLES.map((name) => db.table<SealedRow>(name));
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const fixes: { table: number; before: SealedRow; after: SealedRow }[] = [];
  for (const [i, name] of SEALED_TABLES.entries()) {
    await Promise.all(
      rows[i]!.map(async (row) => {
        const { sealed, ...clear } = row;
        const opensWithNew = await open(newKey, sealed, aadOf(name, clear)).then(
          () => true,
          () => false,
        );
        if (opensWithNew) return;
        const after = await reseal(oldKey, newKey, name, row).catch(() => null);
        if (after) fixes.push({ table: i, before: row, after });
      }),
    );
  }
  if (fixes.length === 0) return 0;
  await db.transaction('rw', tables, async () => {
    for (const { table, before, after } of fixes) {
      const pk = PRIMARY_KEY[SEALED_TABLES[table]!];
      const now = await tables[table]!.get(before[pk] as string);
      if (now && unchanged(SEALED_TABLES[table]!, [now], [before])) await tables[table]!.put(after);
    }
  });
  return fixes.length;
}
