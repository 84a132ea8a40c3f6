import { describe, expect, it } from 'vitest';
import { SEARCH_BODIES } from '../../tests/unit/search-bodies';
import { createNoteSearch, type NoteSearch, type SnapshotOptions } from './note-search';
import { freshTestRepository, sealNotes, testKey, testKeys } from '../../tests/unit/test-key';
import { fixedKey } from '../../tests/unit/fixed-key';
import { newDataKey } from '../crypto/keyring';
import { InvertedIndex } from './inverted-index';
import { decodeIndex, encodeIndex, SnapshotError } from './index-snapshot';
import { logHead, rangeKey, writeSnapshot } from './index-store';
import { applyRetention, eraseAllCitizenData, eraseCitizens } from '../privacy/citizen-data';
import { PRUNED_MARK } from '../db/search-log';
import type { Written } from './index-store';
import { rotateDataKey, setUpEncryption } from '../db/keyring-store';

/**
 * The search index kept sealed at rest (ADR 0007): snapshots written by a
 * share of the index, loaded at its next start and brought up to date from
 * the change log that every write to notes appends to (lib/db/search-log.ts).
 */

const t = freshTestRepository();

const QUERIES = ['læge', 'praktik', 'læge uge', 'fleksjob', 'sygedagpenge', 'møde praktik', 'nr'];

/** A search that keeps its index at rest, with every load and snapshot write recorded. */
function persisted(range?: { from: string; below?: string }, keys = testKeys) {
  const loads: boolean[] = [];
  const writes: Written[] = [];
  const options: SnapshotOptions = {
    snapshots: true,
    snapshotDelayMs: 5,
    onLoaded: ({ snapshot }) => loads.push(snapshot),
    onSnapshot: (written) => writes.push(written),
  };
  const search = createNoteSearch(t.db, keys, range, options);
  const written = () => expect.poll(() => writes.filter((w) => w.written).length).toBeGreaterThan(0);
  return { search, loads, writes, written };
}

async function seed(n: number): Promise<string[]> {
  const citizens = await Promise.all(
    ['070761-4285', '010170-1000'].map((cpr, i) => t.repo.citizens.open(cpr, `C${i}`)),
  );
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await t.repo.notes.create(citizens[i % 2]!, `${SEARCH_BODIES[i % SEARCH_BODIES.length]} nr. ${i}`)).id);
  return ids;
}

async function answers(search: NoteSearch) {
  const out = [];
  for (const q of QUERIES) out.push(await search.search(q, { limit: 100 }));
  return out;
}

describe('the snapshot of an index', () => {
  it('round-trips through its bytes: the same answers, edited and removed notes compacted away', async () => {
    const ids = await seed(30);
    await t.repo.notes.update(ids[0]!, 'Sygedagpenge bevilget, nyt ord: revalidering.');
    await t.repo.notes.remove(ids[1]!);
    const fresh = createNoteSearch(t.db, testKeys);
    await fresh.warm();
    const index = new InvertedIndex();
    for (const n of await t.repo.notes.byIds(await t.db.notes.toCollection().primaryKeys())) if (n) index.put(n);
    index.put({ ...(await t.repo.notes.byIds([ids[2]!]))[0]!, body: 'midlertidig ordlyd' }); // an edit: doc 2 dead
    index.put((await t.repo.notes.byIds([ids[2]!]))[0]!); // and back
    const decoded = decodeIndex(encodeIndex(index.parts()));
    expect(decoded.ids).toHaveLength(29);
    expect(decoded.words).not.toContain('midlertidig');
    expect(decoded.words).toEqual([...decoded.words].sort());
    const loaded = InvertedIndex.fromParts(decoded);
    for (const q of QUERIES) {
      const terms = q.split(' ');
      expect(loaded.search(terms, { limit: 100 }), q).toEqual(index.search(terms, { limit: 100 }));
    }
    expect(loaded.search(['revalidering'], {}).total).toBe(1);
    // Still a working index: it takes edits after loading.
    loaded.put({ id: 'ny', citizenKey: 'c', createdAt: 1, body: 'helt ny note' });
    expect(loaded.search(['helt'], {}).total).toBe(1);
    fresh.close();
  });

  it('keeps no citizen key of a citizen whose notes are all gone (erased), and still filters by the others', () => {
    const index = new InvertedIndex();
    index.put({ id: 'a1', citizenKey: 'erased', createdAt: 1, body: 'praktik hos Bygma' });
    index.put({ id: 'b1', citizenKey: 'kept', createdAt: 2, body: 'praktik i Netto' });
    index.put({ id: 'a2', citizenKey: 'erased', createdAt: 3, body: 'lægeattest' });
    index.remove('a1');
    index.remove('a2');
    const decoded = decodeIndex(encodeIndex(index.parts()));
    expect(decoded.citizenKeys).toEqual(['kept']);
    const loaded = InvertedIndex.fromParts(decoded);
    expect(loaded.search(['praktik'], { citizenKey: 'kept' }).hits.map((h) => h.id)).toEqual(['b1']);
    expect(loaded.search(['praktik'], { citizenKey: 'erased' }).total).toBe(0);
    expect(index.search(['praktik'], { citizenKey: 'kept' }).hits).toEqual([
      { id: 'b1', citizenKey: 'kept', createdAt: 2 },
    ]);
  });

  it('refuses bytes that are not a whole snapshot of this format', () => {
    const bytes = encodeIndex(new InvertedIndex().parts());
    expect(() => decodeIndex(bytes.subarray(0, 10))).toThrow(SnapshotError);
    const other = bytes.slice();
    other[4] = 2; // another format
    expect(() => decodeIndex(other)).toThrow(SnapshotError);
    expect(() => decodeIndex(new Uint8Array([...bytes, 1]))).toThrow(SnapshotError);
  });
});

describe('an index kept sealed at rest', () => {
  it('is loaded at the next start instead of built, and answers as a fresh build', async () => {
    await seed(40);
    const first = persisted();
    const built = await answers(first.search);
    await first.written();
    first.search.close();
    expect(first.loads).toEqual([false]);
    const row = (await t.db.searchIndex.toArray())[0]!;
    expect(row.range).toBe(rangeKey({ from: '' }));
    expect(new TextDecoder().decode(row.ct)).not.toMatch(/læge|praktik/);

    const second = persisted();
    expect(await answers(second.search)).toEqual(built);
    expect(second.loads).toEqual([true]);
    second.search.close();
  });

  it('finds notes added and edited while no index was alive, and not the edited-away words', async () => {
    const ids = await seed(12);
    const first = persisted();
    expect((await first.search.search('netto')).total).toBe(2);
    await first.written();
    first.search.close();

    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.repo.notes.create(a, 'Sygedagpenge bevilget i panelet.');
    await t.repo.notes.update(ids[3]!, 'Omskrevet: jobafklaring.'); // was »Praktik i Netto drøftet.«
    const next = persisted();
    expect((await next.search.search('sygedagpenge')).total).toBe(1);
    expect((await next.search.search('jobafklaring')).total).toBe(1);
    expect((await next.search.search('netto')).total).toBe(1);
    expect(next.loads).toEqual([true]);
    // It writes its snapshot again, now including them; the log is pruned up to it.
    await next.written();
    next.search.close();
    expect(await t.db.searchStale.where(':id').above(PRUNED_MARK).count()).toBe(0);
    const third = persisted();
    expect((await third.search.search('jobafklaring')).total).toBe(1);
    expect((await third.search.search('netto')).total).toBe(1);
    third.search.close();
  });

  it('catches notes written behind the log by comparing the stored ids', async () => {
    await seed(6);
    const first = persisted();
    await first.search.warm();
    await first.written();
    first.search.close();
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const gone = (await t.db.notes.toCollection().primaryKeys())[0] as string;
    const [row] = await sealNotes([
      { id: 'bag-loggen', citizenKey: a, body: 'Ressourceforløb.', createdAt: 9, updatedAt: 9 },
    ]);
    // Straight into IndexedDB, past SidevognDb: neither is logged, and the snapshot stays.
    await new Promise((resolve, reject) => {
      const tx = t.db.backendDB().transaction('notes', 'readwrite');
      tx.objectStore('notes').put(row);
      tx.objectStore('notes').delete(gone);
      tx.oncomplete = resolve;
      tx.onerror = reject;
    });
    expect(await t.db.searchIndex.count()).toBe(1);
    const next = persisted();
    expect((await next.search.search('ressourceforløb')).total).toBe(1);
    expect((await next.search.search('nr', { limit: 0 })).total).toBe(5);
    expect(next.loads).toEqual([true]);
    next.search.close();
  });

  it('drops a snapshot sealed under another key, or garbage, and builds from the notes', async () => {
    await seed(8);
    const other = fixedKey(await newDataKey());
    const first = persisted(undefined, other); // its notes do not open under this key: an empty index
    await first.search.warm();
    await first.written();
    first.search.close();
    expect(await t.db.searchIndex.count()).toBe(1);

    const next = persisted();
    expect((await next.search.search('læge', { limit: 0 })).total).toBe(4);
    expect(next.loads).toEqual([false]);
    await next.written();
    next.search.close();

    await t.db.searchIndex.toCollection().modify((row) => {
      row.ct = new Uint8Array(row.ct.byteLength).fill(7).buffer;
    });
    const third = persisted();
    expect((await third.search.search('læge', { limit: 0 })).total).toBe(4);
    third.search.close(); // before it writes its own
    expect(third.loads).toEqual([false]);
    expect(await t.db.searchIndex.count()).toBe(0);
  });

  it('prunes the log only when snapshots cover every id, up to the oldest', async () => {
    await seed(10);
    const low = persisted({ from: '', below: '8' });
    const high = persisted({ from: '8' });
    await low.search.warm();
    await low.written();
    expect(await t.db.searchStale.where(':id').above(PRUNED_MARK).count()).toBeGreaterThan(0);
    await high.search.warm();
    await high.written();
    await expect.poll(() => t.db.searchStale.where(':id').above(PRUNED_MARK).count()).toBe(0);
    expect((await t.db.searchStale.get(PRUNED_MARK))?.prunedTo).toBe(await logHead(t.db));
    expect(await t.db.searchIndex.count()).toBe(2);
    // A new note is in one share only: the other's snapshot stands, and only says it is up to date.
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.repo.notes.create(a, 'Endnu en note.');
    await expect.poll(() => t.db.searchStale.where(':id').above(PRUNED_MARK).count()).toBe(0);
    expect(low.writes.filter((w) => w.written).length + high.writes.filter((w) => w.written).length).toBe(3);
    expect(await t.db.searchIndex.orderBy('seq').keys()).toEqual([await logHead(t.db), await logHead(t.db)]);
    low.search.close();
    high.search.close();
  });
});

describe('no snapshot outlives a deleted note', () => {
  async function withSnapshot() {
    await seed(6);
    const s = persisted();
    await s.search.warm();
    await s.written();
    s.search.close();
    expect(await t.db.searchIndex.count()).toBe(1);
  }

  it('a single note removed in the panel', async () => {
    await withSnapshot();
    const [id] = (await t.db.notes.toCollection().primaryKeys()) as string[];
    await t.repo.notes.remove(id!);
    expect(await t.db.searchIndex.count()).toBe(0);
  });

  it('erasing a citizen, and erasing all citizen data', async () => {
    await withSnapshot();
    const [key] = (await t.db.citizens.toCollection().primaryKeys()) as string[];
    await eraseCitizens(t.db, [key!]);
    expect(await t.db.searchIndex.count()).toBe(0);
    await withSnapshot();
    await eraseAllCitizenData(t.db);
    expect(await t.db.searchIndex.count()).toBe(0);
  });

  it('a new passphrase (the data key rotated): nothing stays sealed under the old key', async () => {
    const { dataKey } = await setUpEncryption(t.db, 'en lang nok adgangssætning 2026');
    const s = persisted(undefined, fixedKey(dataKey));
    await s.search.warm();
    await s.written();
    s.search.close();
    expect(await t.db.searchIndex.count()).toBe(1);
    await rotateDataKey(t.db, 'en lang nok adgangssætning 2026', 'en anden lang adgangssætning 2026');
    expect(await t.db.searchIndex.count()).toBe(0);
  });

  it('retention', async () => {
    await withSnapshot();
    const now = Date.now() + 400 * 86_400_000;
    expect(await applyRetention(t.db, 90, now, { confirmed: true })).toMatchObject({ status: 'done' });
    expect(await t.db.notes.count()).toBe(0);
    expect(await t.db.searchIndex.count()).toBe(0);
  });

  it('refuses a snapshot whose index had not followed a delete logged since', async () => {
    await withSnapshot();
    const seq = await logHead(t.db);
    const index = new InvertedIndex();
    const [id] = (await t.db.notes.toCollection().primaryKeys()) as string[];
    await t.db.notes.delete(id!);
    expect(await writeSnapshot(t.db, testKey, { from: '' }, index, seq)).toMatchObject({ written: false });
    expect(await t.db.searchIndex.count()).toBe(0);
  });
});

describe('the change log', () => {
  it('logs the ids of every write to notes, in the same transaction, from any path', async () => {
    const ids = await seed(2);
    const logged = async () => (await t.db.searchStale.where(':id').above(PRUNED_MARK).toArray()).map((r) => r.id);
    expect(await logged()).toEqual(ids);
    const sealed = await sealNotes([{ id: 'x-1', citizenKey: 'k', body: 'b', createdAt: 1, updatedAt: 1 }]);
    await t.db.transaction('rw', t.db.notes, () => t.db.notes.bulkPut(sealed));
    await t.db.notes.delete('x-1');
    await t.db.notes.where(':id').equals('x-1').delete(); // by range: which ids, the log does not say
    await t.db.notes.clear();
    expect((await logged()).slice(2)).toEqual(['x-1', 'x-1', '', '']);
    // A failed write logs nothing: the log row went with its transaction.
    await expect(
      t.db.transaction('rw', t.db.notes, async () => {
        await t.db.notes.put(sealed[0]!);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await logged()).toHaveLength(6);
  });
});
