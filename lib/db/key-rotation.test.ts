import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WrongSecretError, newDataKey } from '@/lib/crypto/keyring';
import { fixedKey } from '../../tests/unit/fixed-key';
import { unlockWithRecovery } from '../../tests/unit/test-key';
import { SidevognDb } from '@/lib/db/database';
import {
  META_KEYS,
  openSecret,
  renewRecoveryKey,
  resealStragglers,
  rotateDataKey,
  setUpEncryption,
  unlock,
  type RotationProgress,
} from '@/lib/db/keyring-store';
import { StoredDataError } from '@/lib/db/records';
import { createRepositories, type Repositories } from '@/lib/repositories';
import { draftIdForNewNote } from '@/lib/notes/draft-repository';
import { SEALED_TABLES, openRows } from '@/lib/db/sealed';
import { defaultPack } from '@/lib/packs/default-pack';
import { packSchema } from '@/lib/packs/schema';
import { rawDump } from '../../tests/unit/raw-dump';
import { sealSnapshot } from '@/lib/search/index-snapshot';
import { dropSnapshotsSealedUnder } from '@/lib/search/index-store';

/*
 * Issue 27, item 12: a new recovery key, and a passphrase change that
 * re-encrypts everything under a new data key, atomically. The tests run in
 * order on one installation (each PBKDF2 derivation costs half a second).
 */

const PASS = 'korrekt hest batteri hæfteklamme';
const NEW_PASS = 'blæksprutten synger i regnvejr om fredagen';
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

let db: SidevognDb;
let repo: Repositories;
let firstRecoveryKey: string;
let oldKey: CryptoKey;
let anna: string;

const raw = async (key: CryptoKey) => new Uint8Array(await crypto.subtle.exportKey('raw', key));

/** Every citizen record of every table, opened with `key` (throws if any does not open). */
async function openAll(key: CryptoKey): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of SEALED_TABLES) out[table] = await openRows(key, table, await db.table(table).toArray());
  return out;
}

beforeAll(async () => {
  db = new SidevognDb(`key-rotation-${crypto.randomUUID()}`);
  await db.open();
  const set = await setUpEncryption(db, PASS);
  ({ dataKey: oldKey, recoveryKey: firstRecoveryKey } = set);
  repo = createRepositories(db, tick, fixedKey(oldKey));
  anna = await repo.citizens.open('070761-4285', 'Anna Jensen');
  // More notes than one re-encryption batch, and a record in every citizen table.
  for (let i = 0; i < 201; i++) await repo.notes.create(anna, `Note ${i} om Anna`);
  await repo.drafts.save(draftIdForNewNote(anna), anna, 'Halvskrevet');
  await repo.formDrafts.save(anna, 'skabelon', { emne: 'x' });
  await repo.summaries.setText(anna, 'goal', 'Elektriker');
  await repo.deadlines.add(anna, 'Opfølgning', '2026-12-01');
  await repo.checklistRuns.start(anna, { id: 'tjek', packId: 'p', packVersion: '1.0.0' });
  await repo.history.templateInserted(anna, packSchema.parse(structuredClone(defaultPack)).templates[0]!, null);
  for (const table of SEALED_TABLES) expect(await db.table(table).count(), table).toBeGreaterThan(0);
});

afterAll(async () => {
  await db.delete();
});

describe('key rotation (issue 27, item 12)', () => {
  it('"Lav ny gendannelsesnøgle": the old recovery key stops working, the new one opens the same data key', async () => {
    const before = await rawDump(db.name);
    await expect(renewRecoveryKey(db, 'ikke min adgangskode')).rejects.toBeInstanceOf(WrongSecretError);
    expect(await rawDump(db.name)).toBe(before);

    await expect(raw(await unlockWithRecovery(db, firstRecoveryKey))).resolves.toEqual(await raw(oldKey));
    const renewed = await renewRecoveryKey(db, PASS);
    expect(renewed).not.toBe(firstRecoveryKey);
    await expect(unlockWithRecovery(db, firstRecoveryKey)).rejects.toBeInstanceOf(WrongSecretError);
    expect(await raw(await unlockWithRecovery(db, renewed))).toEqual(await raw(oldKey));
    expect(await raw(await unlock(db, PASS))).toEqual(await raw(oldKey));
    firstRecoveryKey = renewed;
  });

  it('a failure while writing the re-encrypted rows (after some tables were written) changes nothing', async () => {
    const before = await rawDump(db.name);
    // The transaction has written citizens (first in SEALED_TABLES) when the notes fail.
    expect(SEALED_TABLES.indexOf('citizens')).toBeLessThan(SEALED_TABLES.indexOf('notes'));
    const citizensPut = vi.spyOn(db.table('citizens'), 'bulkPut');
    vi.spyOn(db.table('notes'), 'bulkPut').mockRejectedValueOnce(new Error('disk gone'));
    await expect(rotateDataKey(db, PASS, NEW_PASS)).rejects.toThrow('disk gone');
    expect(citizensPut).toHaveBeenCalled();
    vi.restoreAllMocks();

    expect(await rawDump(db.name)).toBe(before);
    expect(await raw(await unlock(db, PASS))).toEqual(await raw(oldKey));
    await expect(unlock(db, NEW_PASS)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(openAll(oldKey)).resolves.toBeDefined();
  });

  it('a failure half-way through the re-encryption changes nothing', async () => {
    const before = await rawDump(db.name);
    const failHalfWay = ({ done, total }: RotationProgress) => {
      if (done > total / 2) throw new Error('tab closed');
    };
    await expect(rotateDataKey(db, PASS, NEW_PASS, { onProgress: failHalfWay })).rejects.toThrow('tab closed');
    expect(await rawDump(db.name)).toBe(before);
    await expect(openAll(oldKey)).resolves.toBeDefined();
  });

  it('rotation: every record opens with the new data key and none with the old; a note written meanwhile is kept', async () => {
    const content = await openAll(oldKey);
    const secret = await openSecret(oldKey, (await db.meta.get(META_KEYS.citizenKeySecret))?.value);
    const progress: RotationProgress[] = [];
    let wroteMeanwhile = false;
    let commits = 0;
    const { dataKey: newKey, recoveryKey } = await rotateDataKey(db, PASS, NEW_PASS, {
      onProgress: (p) => {
        progress.push(p);
        // Another page (still on the old key) writes a note while the rotation re-encrypts.
        if (!wroteMeanwhile && p.done > 0) {
          wroteMeanwhile = true;
          void repo.notes.create(anna, 'Skrevet under omkrypteringen');
        }
      },
      beforeCommit: async () => void commits++,
    });
    expect(commits).toBe(2);

    const after = await openAll(newKey);
    const notes = after.notes as { body: string }[];
    expect(notes.map((n) => n.body)).toContain('Skrevet under omkrypteringen');
    // Everything else as before (writing a note also cleared the new-note draft and touched the citizen).
    expect(notes.filter((n) => n.body !== 'Skrevet under omkrypteringen')).toEqual(content.notes);
    expect(after.drafts).toEqual([]);
    expect(after.citizens).toEqual([{ ...(content.citizens![0] as object), lastActivityAt: expect.any(Number) }]);
    for (const table of ['formDrafts', 'history', 'summaries', 'deadlines', 'checklistRuns'])
      expect(after[table], table).toEqual(content[table]);
    for (const table of SEALED_TABLES) {
      const rows = await db.table(table).toArray();
      if (table !== 'drafts') expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows)
        await expect(openRows(oldKey, table, [row]), table).rejects.toBeInstanceOf(StoredDataError);
    }
    // Citizen keys stay the same: the HMAC secret is the same bytes, sealed under the new key.
    expect(await openSecret(newKey, (await db.meta.get(META_KEYS.citizenKeySecret))?.value)).toEqual(secret);
    await expect(openSecret(oldKey, (await db.meta.get(META_KEYS.citizenKeySecret))?.value)).rejects.toThrow();

    // The new passphrase and new recovery key open the new key; the old ones open nothing.
    expect(await raw(newKey)).not.toEqual(await raw(oldKey));
    expect(await raw(await unlock(db, NEW_PASS))).toEqual(await raw(newKey));
    expect(await raw(await unlockWithRecovery(db, recoveryKey))).toEqual(await raw(newKey));
    await expect(unlock(db, PASS)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(unlockWithRecovery(db, firstRecoveryKey)).rejects.toBeInstanceOf(WrongSecretError);

    // Progress counts up to every record; the note written meanwhile made it start over once.
    let rows = 0;
    for (const table of SEALED_TABLES) rows += await db.table(table).count();
    expect(progress.at(-1)).toEqual({ done: rows, total: rows });
    expect(rows).toBeGreaterThan(201);
    for (const [i, p] of progress.entries())
      if (i > 0 && p.done !== 0) expect(p.done).toBeGreaterThan(progress[i - 1]!.done);
    expect(progress.filter((p) => p.done === 0)).toHaveLength(2);
    // A page that still had the old key in the moment after the commit writes; the sweep re-encrypts it.
    await repo.deadlines.add(anna, 'Skrevet med den gamle nøgle', '2027-01-01');
    await expect(openAll(newKey)).rejects.toBeInstanceOf(StoredDataError);
    // So can a search worker's snapshot (two shares: one sealed under the old key, one under the new).
    const snapshot = async (key: CryptoKey, range: string) =>
      db.searchIndex.put({ range, seq: 1, ...(await sealSnapshot(key, range, new Uint8Array([1, 2, 3]))) });
    await snapshot(oldKey, '["","8"]');
    await snapshot(newKey, '["8",null]');
    expect(await resealStragglers(db, oldKey, newKey)).toBe(1);
    expect(await dropSnapshotsSealedUnder(db, oldKey)).toBe(1);
    expect(await db.searchIndex.toCollection().primaryKeys()).toEqual(['["8",null]']);
    expect(((await openAll(newKey)).deadlines as { title: string }[]).map((d) => d.title)).toContain(
      'Skrevet med den gamle nøgle',
    );
    expect(await resealStragglers(db, oldKey, newKey)).toBe(0);

    const newRepo = createRepositories(db, tick, fixedKey(newKey));
    expect(await newRepo.citizens.open('070761-4285', 'Anna Jensen')).toBe(anna);
  });
});

describe('dropping the snapshots sealed under an old key', () => {
  it('keeps a snapshot a worker wrote again, under the new key, between the check and the delete', async () => {
    const store = new SidevognDb(`drop-snapshots-${crypto.randomUUID()}`);
    await store.open();
    const [old, next] = [await newDataKey(), await newDataKey()];
    const put = async (key: CryptoKey, range: string) =>
      store.searchIndex.put({ range, seq: 1, ...(await sealSnapshot(key, range, new Uint8Array([1, 2, 3]))) });
    const [first, second] = ['["","8"]', '["8",null]'];
    await put(old, first);
    await put(old, second);
    // The first share's row is rewritten (the same seq, a new iv) after the sweep read it.
    const transaction = store.transaction.bind(store) as (...args: unknown[]) => Promise<unknown>;
    let rewritten = false;
    vi.spyOn(store, 'transaction').mockImplementation((async (...args: unknown[]) => {
      if (!rewritten) {
        rewritten = true;
        await put(next, first);
      }
      return transaction(...args);
    }) as never);
    expect(await dropSnapshotsSealedUnder(store, old)).toBe(1);
    expect(await store.searchIndex.toCollection().primaryKeys()).toEqual([first]);
    store.close();
  });
});
