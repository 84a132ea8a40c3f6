import { lazySchema, z } from '../zod';
import {
  RecoveryKeyFormatError,
  WrongSecretError,
  keyringSchema,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type Keyring,
} from '../crypto/keyring';
import { SealedDataError, open, seal, sealedSchema } from '../crypto/seal';
import { LockedError, type KeySource } from '../crypto/session';
import type { SidevognDb } from '../db/database';
import { readKeyring } from '../db/keyring-store';
import { CITIZEN_TABLES, type CitizenTable } from '../db/citizen-tables';
import { openRow, openRows, recordSchemas, sealRecord, type RecordOf } from '../db/sealed';

/**
 * Encrypted backups of all citizen data. The file carries the installation's
 * keyring (wrapped keys only) and the records sealed under the data key, so
 * the same passphrase or recovery key opens it, on this machine or a fresh
 * one. Import validates the file and the decrypted records with zod, re-keys
 * the citizens to this installation, re-seals under the current data key and
 * merges in one transaction (newer wins per record). Anything wrong: a
 * specific error and nothing changes.
 */

export const BACKUP_FORMAT = 'sidevogn-backup';
export const BACKUP_VERSION = 1;
const BACKUP_AAD = 'sidevogn/backup/v1';

export const backupFileSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    keyring: keyringSchema,
    iv: sealedSchema.shape.iv,
    // The whole payload is one ciphertext, so it is not held to a row's limit
    // (sealedSchema's 1,000,000 characters refused any backup over ~750 KB that
    // export had just made); the bound is the longest string the engine holds.
    ct: z
      .string()
      .min(24)
      .max(2 ** 29),
  }),
);
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * The most PBKDF2 iterations an imported file may ask for: Sidevogn itself
 * writes MIN_PBKDF2_ITERATIONS (600,000); a crafted file asking for a billion
 * would hold the import (and the page) for minutes.
 */
export const MAX_IMPORT_PBKDF2_ITERATIONS = 5_000_000;

/**
 * Time stamps more than this after now are set to now on import. A day allows
 * for a file from a machine whose clock runs somewhat ahead; year 9999 does not pass.
 */
const CLOCK_SLACK_MS = 24 * 60 * 60_000;

/**
 * Sets every time stamp in the future to now: `at`, `…At` (never `due`, a
 * deadline's date, which may lie ahead). A record dated year 9999 would
 * otherwise win "newer wins" for ever and never fall under retention.
 */
export function clampTimes<T>(value: T, now: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => clampTimes(v, now)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const isTime = (k === 'at' || /^[a-z]+At$/.test(k)) && typeof v === 'number';
      out[k] = isTime ? (v > now + CLOCK_SLACK_MS ? now : v) : clampTimes(v, now);
    }
    return out as T;
  }
  return value;
}

export const backupPayloadSchema = lazySchema(() =>
  z.strictObject(
    Object.fromEntries(CITIZEN_TABLES.map((t) => [t, z.array(recordSchemas[t]).max(1_000_000)])) as {
      [T in CitizenTable]: z.ZodArray<(typeof recordSchemas)[T]>;
    },
  ),
);
export type BackupPayload = z.infer<typeof backupPayloadSchema>;

export type BackupErrorCode =
  | 'not-json'
  | 'truncated'
  | 'foreign'
  | 'version'
  | 'malformed'
  | 'wrong-secret'
  | 'recovery-format'
  | 'corrupt'
  | 'content'
  | 'locked'
  | 'changed';

/** Why a backup was refused; `detail` is a path and reason, never record contents. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(file)'}: ${issue.message}`;
};

/** Checks the file's envelope; says what is wrong with it as specifically as it can. */
export function parseBackupFile(text: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Our files begin like this; a cut-off one does too but does not parse.
    if (/^\s*\{\s*"format"\s*:\s*"sidevogn-backup"/.test(text)) throw new BackupError('truncated');
    throw new BackupError('not-json');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT)
    throw new BackupError('foreign');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('version', String(version));
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) throw new BackupError('malformed', firstIssue(parsed.error));
  if (parsed.data.keyring.kdf.iterations > MAX_IMPORT_PBKDF2_ITERATIONS)
    throw new BackupError(
      'malformed',
      `keyring.kdf.iterations: ${parsed.data.keyring.kdf.iterations} is more than the ${MAX_IMPORT_PBKDF2_ITERATIONS} Sidevogn accepts`,
    );
  return parsed.data;
}

export type BackupSecret = { kind: 'passphrase' | 'recovery'; value: string };

async function unlockFile(keyring: Keyring, secret: BackupSecret): Promise<CryptoKey> {
  try {
    return secret.kind === 'passphrase'
      ? await unlockWithPassphrase(keyring, secret.value)
      : await unlockWithRecoveryKey(keyring, secret.value);
  } catch (e) {
    if (e instanceof WrongSecretError) throw new BackupError('wrong-secret');
    if (e instanceof RecoveryKeyFormatError) throw new BackupError('recovery-format');
    throw e;
  }
}

/** Unlocks and decrypts a backup file and validates every record. Changes nothing. */
export async function openBackup(text: string, secret: BackupSecret): Promise<BackupPayload> {
  const file = parseBackupFile(text);
  const key = await unlockFile(file.keyring, secret);
  let plain: unknown;
  try {
    plain = await open(key, { iv: file.iv, ct: file.ct }, BACKUP_AAD);
  } catch (e) {
    if (e instanceof SealedDataError || e instanceof SyntaxError) throw new BackupError('corrupt');
    throw e;
  }
  const parsed = backupPayloadSchema.safeParse(plain);
  if (!parsed.success) throw new BackupError('content', firstIssue(parsed.error));
  const citizens = new Set(parsed.data.citizens.map((c) => c.key));
  for (const table of CITIZEN_TABLES)
    for (const [i, record] of (parsed.data[table] as { citizenKey?: string }[]).entries())
      if (table !== 'citizens' && !citizens.has(record.citizenKey!))
        throw new BackupError('content', `${table}.${i}.citizenKey: refers to a citizen not in the backup`);
  return parsed.data;
}

const requireKey = (keys: KeySource) => {
  const key = keys.current();
  if (!key) throw new BackupError('locked');
  return key;
};

/** A consistent snapshot of every citizen table, opened with the data key. */
async function readAll(db: SidevognDb, key: CryptoKey): Promise<BackupPayload> {
  const rows = await db.transaction(
    'r',
    CITIZEN_TABLES.map((t) => db[t]),
    () => Promise.all(CITIZEN_TABLES.map((t) => db[t].toArray() as Promise<unknown[]>)),
  );
  const opened = await Promise.all(CITIZEN_TABLES.map((t, i) => openRows(key, t, rows[i]!)));
  return Object.fromEntries(CITIZEN_TABLES.map((t, i) => [t, opened[i]])) as BackupPayload;
}

/** The backup file's text, and how many citizens it holds. */
export async function createBackup(
  db: SidevognDb,
  keys: KeySource,
  now: number,
): Promise<{ text: string; citizens: number; fileName: string }> {
  const key = requireKey(keys);
  const keyring = await readKeyring(db);
  if (!keyring) throw new LockedError();
  const payload = await readAll(db, key);
  const sealed = await seal(key, payload, BACKUP_AAD);
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(now).toISOString(),
    keyring,
    ...sealed,
  };
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { text: JSON.stringify(file), citizens: payload.citizens.length, fileName: `sidevogn-backup-${stamp}.json` };
}

/** When a record last changed, for "newer wins". */
const maxOf = (...xs: (number | null | undefined)[]) =>
  Math.max(0, ...xs.filter((x): x is number => typeof x === 'number'));
export function recordTime<T extends CitizenTable>(table: T, record: RecordOf<T>): number {
  const r = record as never as Record<string, unknown>;
  switch (table) {
    case 'citizens':
      return r.lastActivityAt as number;
    case 'history':
      return r.at as number;
    case 'deadlines':
      return maxOf(r.createdAt as number, r.doneAt as number | null);
    case 'checklistRuns': {
      const run = record as RecordOf<'checklistRuns'>;
      return maxOf(run.startedAt, run.finishedAt, ...Object.values(run.items).map((i) => i.at));
    }
    case 'summaries': {
      const s = record as RecordOf<'summaries'>;
      const stamps = [s.text, s.hostFacts, s.ownFacts].flatMap((m) => Object.values(m).map((v) => v?.at));
      return maxOf(...stamps, ...s.contacts.map((c) => c.at));
    }
    default:
      return r.updatedAt as number;
  }
}

const primaryKey = (table: CitizenTable, record: Record<string, unknown>) =>
  String(table === 'citizens' ? record.key : table === 'summaries' ? record.citizenKey : record.id);

/** Gives the backup's records this installation's citizen keys (the key is an HMAC under a per-installation secret). */
function rekey(payload: BackupPayload, keyOf: Map<string, string>): BackupPayload {
  const k = (old: string) => keyOf.get(old) ?? old;
  return {
    citizens: payload.citizens.map((c) => ({ ...c, key: k(c.key) })),
    notes: payload.notes.map((n) => ({ ...n, citizenKey: k(n.citizenKey) })),
    drafts: payload.drafts.map((d) => ({
      ...d,
      id: d.id.startsWith('new:') ? `new:${k(d.id.slice(4))}` : d.id,
      citizenKey: k(d.citizenKey),
    })),
    formDrafts: payload.formDrafts.map((f) => ({
      ...f,
      id: `${k(f.citizenKey)}:${f.templateId}`,
      citizenKey: k(f.citizenKey),
    })),
    history: payload.history.map((h) => ({ ...h, citizenKey: k(h.citizenKey) })),
    summaries: payload.summaries.map((s) => ({ ...s, citizenKey: k(s.citizenKey) })),
    deadlines: payload.deadlines.map((d) => ({ ...d, citizenKey: k(d.citizenKey) })),
    checklistRuns: payload.checklistRuns.map((r) => ({ ...r, citizenKey: k(r.citizenKey) })),
  };
}

export interface ImportResult {
  added: number;
  updated: number;
  kept: number;
  citizens: number;
  /** The file was made by another installation (another browser profile or computer): the caseworker is told. */
  otherInstallation: boolean;
}

/**
 * Opens the file with the typed secret and merges it into the database under
 * the current data key, in one transaction. `citizenKey` derives this
 * installation's key for a CPR (the repository's).
 */
export async function importBackup(
  db: SidevognDb,
  keys: KeySource,
  citizenKey: (cpr: string) => Promise<string>,
  text: string,
  secret: BackupSecret,
): Promise<ImportResult> {
  const key = requireKey(keys);
  const now = Date.now();
  // The salt stays the same across passphrase changes (lib/crypto/keyring): it names the installation.
  const otherInstallation = (await readKeyring(db))?.kdf.salt !== parseBackupFile(text).keyring.kdf.salt;
  const opened = clampTimes(await openBackup(text, secret), now);
  const keyOf = new Map<string, string>();
  for (const c of opened.citizens) keyOf.set(c.key, await citizenKey(c.cpr));
  const payload = rekey(opened, keyOf);

  // Work out the winners and seal them before the transaction (WebCrypto does not keep it alive).
  const result: ImportResult = {
    added: 0,
    updated: 0,
    kept: 0,
    citizens: payload.citizens.length,
    otherInstallation,
  };
  const plan: { table: CitizenTable; pks: string[]; seen: unknown[]; rows: unknown[] }[] = [];
  for (const table of CITIZEN_TABLES) {
    const records = payload[table] as Record<string, unknown>[];
    const pks = records.map((r) => primaryKey(table, r));
    const seen = (await db.table(table).bulkGet(pks)) as unknown[];
    const rows: unknown[] = [];
    for (const [i, record] of records.entries()) {
      const existing = seen[i];
      if (existing) {
        const current = await openRow(key, table, existing);
        if (recordTime(table, record as never) <= recordTime(table, current)) {
          result.kept++;
          continue;
        }
        result.updated++;
        // A newer citizen from a file without the case-system address keeps the one known here.
        const { caseAddress } = current as { caseAddress?: string };
        if (table === 'citizens' && caseAddress && !record.caseAddress) record.caseAddress = caseAddress;
      } else result.added++;
      rows.push(await sealRecord(key, table, record));
    }
    plan.push({ table, pks, seen, rows });
  }

  await db.transaction(
    'rw',
    CITIZEN_TABLES.map((t) => db[t]),
    async () => {
      for (const { table, pks, seen } of plan) {
        const current = (await db.table(table).bulkGet(pks)) as unknown[];
        if (current.some((row, i) => JSON.stringify(row) !== JSON.stringify(seen[i])))
          throw new BackupError('changed', table);
      }
      for (const { table, rows } of plan) await db.table(table).bulkPut(rows);
    },
  );
  return result;
}
