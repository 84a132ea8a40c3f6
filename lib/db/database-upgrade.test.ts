import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveCitizenKey } from '@/lib/db/citizen-key';
import { SidevognDb } from '@/lib/db/database';
import { AlreadySetUpError, META_KEYS, isSetUp, setUpEncryption, unlock } from '@/lib/db/keyring-store';
import { createRepositories } from '@/lib/repositories';
import { LockedError } from '@/lib/crypto/session';
import { fixedKey } from '../../tests/unit/fixed-key';
import { WrongSecretError } from '@/lib/crypto/keyring';
import { defaultPack } from '@/lib/packs/default-pack';
import { validatePack } from '@/lib/packs/validate';
import { draftFromPack } from '@/lib/packs/editor/build';
import { demoAdapter } from '@/lib/host/demo-adapter';
import { parseTemplate } from '@/lib/templates/schema';
import { defaultTemplates } from '@/lib/templates/default-templates';
import { SEALED_TABLES } from '@/lib/db/sealed';

/**
 * Issue 6: "Schema upgrade from the previous DB version keeps every record".
 * A database written by version 5 (records in clear) opens with the current
 * SidevognDb; set-up seals it; every record reads back through the repository.
 */

const PASS = 'Grøn cykel under æbletræet 42';
const CPR = '070761-4285';
const NAME = 'Mette Kanarie Hansen';
const CANARY = 'kanariefugl-lænd-og-ryg';

/** The schema as each version up to `last` declared it (lib/db/database.ts of that time). */
function openVersion(name: string, last: number): Dexie {
  const db = new Dexie(name);
  const versions: Record<string, string>[] = [
    { meta: 'key', citizens: 'key, lastActivityAt', notes: 'id, [citizenKey+createdAt]', drafts: 'id, citizenKey' },
    { templates: 'id', formDrafts: 'id, citizenKey', history: 'id, [citizenKey+at]' },
    { summaries: 'citizenKey', deadlines: 'id, citizenKey, due', adapters: 'id' },
    { packs: '[id+version], id', packState: 'id', checklistRuns: 'id, citizenKey' },
    { packDrafts: 'id', signingKeys: 'id' },
    // 6: no new table (encryption at rest changed records, not the schema).
    {},
    { usage: 'id, day' },
  ];
  versions.slice(0, last).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
/** Before encryption at rest. */
const openVersion5 = (name: string) => openVersion(name, 5);

/** Object stores and their indexes, as IndexedDB has them. */
function layout(db: IDBDatabase): Record<string, { key: unknown; indexes: string[] }> {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  return Object.fromEntries(
    [...db.objectStoreNames].map((name) => {
      const store = tx.objectStore(name);
      return [name, { key: store.keyPath, indexes: [...store.indexNames].sort() }];
    }),
  );
}

describe('upgrade from every earlier DB version', () => {
  it('gives a database of version 1 to 7 the tables and indexes of a new one, keeping its records', async () => {
    const fresh = new SidevognDb(`fresh-${crypto.randomUUID()}`);
    names.push(fresh.name);
    await fresh.open();
    const expected = layout(fresh.backendDB());
    expect(Object.keys(expected)).toHaveLength(18);
    expect(expected.usage).toEqual({ key: 'id', indexes: ['day'] });
    expect(expected.searchIndex).toEqual({ key: 'range', indexes: ['seq'] });
    expect(expected.searchStale).toEqual({ key: 'seq', indexes: [] });
    fresh.close();

    for (const last of [1, 2, 3, 4, 5, 6, 7]) {
      const name = `v${last}-${crypto.randomUUID()}`;
      names.push(name);
      const old = openVersion(name, last);
      await old.open();
      await old.table('meta').put({ key: 'marker', value: last });
      old.close();

      const db = new SidevognDb(name);
      await db.open();
      expect(db.verno, `from version ${last}`).toBe(8);
      expect(layout(db.backendDB()), `from version ${last}`).toEqual(expected);
      expect(await db.meta.get('marker')).toEqual({ key: 'marker', value: last });
      db.close();
    }
  });
});

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('upgrade from DB version 5', () => {
  it('keeps every record: opens as version 8, set-up seals them, the repository reads them all back', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const key = await deriveCitizenKey(secret, CPR);
    const parsedPack = validatePack(defaultPack);
    if (!parsedPack.ok) throw new Error('default pack invalid');
    const pack = parsedPack.pack;
    const template = parseTemplate(defaultTemplates[0]);
    if (!template.ok) throw new Error('template invalid');
    const signing = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const checklist = pack.checklists[0]!;

    const v5 = openVersion5(name);
    await v5.open();
    const old = {
      citizen: { key, cpr: CPR, name: NAME, firstSeenAt: 1, lastActivityAt: 50 },
      note: { id: 'n1', citizenKey: key, body: `Noten nævner ${CANARY}`, createdAt: 10, updatedAt: 11 },
      draft: { id: `new:${key}`, citizenKey: key, body: `Kladde om ${CANARY}`, updatedAt: 12 },
      formDraft: {
        id: `${key}:${template.template.id}`,
        citizenKey: key,
        templateId: template.template.id,
        values: { a: CANARY },
        updatedAt: 13,
      },
      history: {
        id: 'h1',
        citizenKey: key,
        at: 14,
        kind: 'template-inserted',
        templateId: template.template.id,
        templateTitle: 'Titel',
        target: 'journal',
      },
      summary: {
        citizenKey: key,
        text: { health: { value: CANARY, at: 15 } },
        hostFacts: {},
        ownFacts: {},
        contacts: [],
      },
      deadline: { id: 'd1', citizenKey: key, title: `Frist ${CANARY}`, due: '2026-12-01', createdAt: 16, doneAt: null },
      run: {
        id: 'r1',
        citizenKey: key,
        packId: pack.id,
        packVersion: pack.version,
        checklistId: checklist.id,
        startedAt: 17,
        finishedAt: null,
        items: { [checklist.items[0]!.id]: { state: 'na', at: 18, reason: CANARY } },
      },
    } as const;
    await v5.table('meta').bulkPut([
      { key: 'citizenKeySecret', value: secret },
      { key: 'defaultPackInstalled', value: 1 },
    ]);
    await v5.table('citizens').put(old.citizen);
    await v5.table('notes').put(old.note);
    await v5.table('drafts').put(old.draft);
    await v5.table('formDrafts').put(old.formDraft);
    await v5.table('history').put(old.history);
    await v5.table('summaries').put(old.summary);
    await v5.table('deadlines').put(old.deadline);
    await v5.table('checklistRuns').put(old.run);
    await v5
      .table('templates')
      .put({ id: template.template.id, template: template.template, source: 'import', installedAt: 2 });
    await v5.table('packs').put({ id: pack.id, version: pack.version, pack, installedAt: 3, signedBy: null });
    await v5
      .table('packState')
      .put({ id: pack.id, activeVersion: pack.version, source: { kind: 'default' }, removable: false });
    await v5.table('adapters').put({ id: demoAdapter.id, adapter: demoAdapter, createdAt: 4, updatedAt: 5 });
    const packDraft = draftFromPack(pack, { today: '2026-11-23' });
    await v5.table('packDrafts').put({ id: 'current', draft: packDraft, updatedAt: 6 });
    await v5.table('signingKeys').put({
      id: 'k1',
      name: 'Teamleder',
      publicKey: 'A'.repeat(120),
      fingerprint: '0123456789abcdef',
      createdAt: 7,
      privateKey: signing.privateKey,
    });
    v5.close();

    const db = new SidevognDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    // The new tables start empty: no usage is made up from the history.
    expect(await db.usage.count()).toBe(0);
    expect(await isSetUp(db)).toBe(false);
    // The upgrade itself changes no record (it has no key).
    expect(await db.notes.get('n1')).toEqual(old.note);

    const { dataKey, sealedRecords } = await setUpEncryption(db, PASS);
    expect(sealedRecords).toBe(8);
    const repo = createRepositories(db, () => 100, fixedKey(dataKey));

    // Same secret, so the same citizen key.
    expect(await repo.citizenKey(CPR)).toBe(key);
    expect(await repo.citizens.get(key)).toEqual(old.citizen);
    expect(await repo.notes.list(key)).toEqual([old.note]);
    expect(await repo.drafts.get(`new:${key}`)).toEqual(old.draft);
    expect(await repo.formDrafts.get(key, template.template.id)).toEqual(old.formDraft);
    expect(await repo.formDrafts.templateIdsFor(key)).toEqual([template.template.id]);
    expect(await repo.history.list(key)).toEqual([old.history]);
    expect(await repo.summaries.get(key)).toEqual(old.summary);
    expect(await repo.deadlines.list(key)).toEqual([old.deadline]);
    expect(await repo.deadlines.openDueDays()).toEqual(['2026-12-01']);
    expect(await repo.checklistRuns.list(key)).toEqual([old.run]);
    expect((await repo.templates.list()).templates.map((t) => t.id)).toContain(template.template.id);
    expect((await repo.packs.list()).map((p) => p.state.id)).toEqual([pack.id]);
    expect(await repo.adapters.list()).toEqual([demoAdapter]);
    expect(await repo.packDrafts.get()).toEqual(packDraft);
    expect((await repo.signingKeys.list()).map((k) => k.id)).toEqual(['k1']);
    expect((await repo.caseload.list('2026-11-23')).map((c) => [c.name, c.cpr])).toEqual([[NAME, CPR]]);

    // At rest: no CPR, name or note words in any citizen table or in meta; the secret is sealed.
    for (const table of [...SEALED_TABLES, 'meta'] as const) {
      const raw = JSON.stringify(await db.table(table).toArray(), (_, v: unknown) =>
        v instanceof Uint8Array ? Array.from(v) : v,
      );
      expect(raw, table).not.toContain(CANARY);
      expect(raw, table).not.toContain('070761');
      expect(raw, table).not.toContain('Kanarie');
    }
    expect((await db.meta.get(META_KEYS.citizenKeySecret))?.value).not.toBeInstanceOf(Uint8Array);

    // Locked: citizen data refuses; what is not citizen data still reads.
    const locked = createRepositories(db, () => 100, fixedKey(null));
    await expect(locked.notes.list(key)).rejects.toBeInstanceOf(LockedError);
    await expect(locked.citizenKey(CPR)).rejects.toBeInstanceOf(LockedError);
    expect(await locked.adapters.list()).toEqual([demoAdapter]);
    expect(await locked.deadlines.openDueDays()).toEqual(['2026-12-01']);

    // Set-up happens once; the passphrase unlocks the same key, a wrong one does not.
    await expect(setUpEncryption(db, PASS)).rejects.toBeInstanceOf(AlreadySetUpError);
    const again = createRepositories(db, () => 100, fixedKey(await unlock(db, PASS)));
    expect(await again.notes.list(key)).toEqual([old.note]);
    await expect(unlock(db, 'forkert kodeord her')).rejects.toBeInstanceOf(WrongSecretError);
    db.close();
  });

  it('a record moved to another citizen in the clear index does not open', async () => {
    const name = `swap-${crypto.randomUUID()}`;
    names.push(name);
    const db = new SidevognDb(name);
    const { dataKey } = await setUpEncryption(db, PASS);
    const repo = createRepositories(db, () => 100, fixedKey(dataKey));
    const a = await repo.citizens.open(CPR, 'A');
    const b = await repo.citizens.open('010190-1234', 'B');
    await repo.notes.create(a, 'Kun til A');
    const row = (await db.notes.toArray())[0]!;
    await db.notes.put({ ...row, citizenKey: b });
    await expect(repo.notes.list(b)).rejects.toThrow(/cannot be opened/);
    db.close();
  });
});
