import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import { matchesAllTerms } from '../../tests/unit/match-all-terms';
import { changedNoteIds, createNoteSearch, normaliseText, queryTerms, wordsOf, type NoteSearch } from './note-search';
import type { NoteRecord } from '../db/records';
import { createRepositories, type Repositories } from '../repositories';
import { openNotes, sealNotes, testKey, testKeys } from '../../tests/unit/test-key';
import { sealRecord } from '../db/sealed';
import { LockedError } from '../crypto/session';

let db: SidevognDb;
let repo: Repositories;
let search: NoteSearch;
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db, tick, testKeys);
  await db.open();
  search = createNoteSearch(db, testKeys);
});
afterEach(async () => {
  search.close();
  await db.delete();
});

const bodiesOf = async (query: string, options?: Parameters<NoteSearch['search']>[1]) => {
  const { hits } = await search.search(query, options);
  const notes = await openNotes(await db.notes.bulkGet(hits.map((h) => h.id)));
  return notes.map((n) => n?.body);
};

describe('normalising Danish text', () => {
  it('folds case, including Æ, Ø and Å', () => {
    expect(normaliseText('ÆBLE Øre ÅRHUS')).toBe('æble øre århus');
  });

  it('treats an å typed as a + combining ring as å, and keeps å distinct from a', () => {
    expect(normaliseText('pa\u030A')).toBe('på');
    expect(normaliseText('år')).not.toBe(normaliseText('ar'));
  });

  it('folds accents other than æ, ø, å', () => {
    expect(normaliseText('Idé om CAFÉ, Müller')).toBe('ide om cafe, muller');
  });

  it('splits words on punctuation and hyphens, keeping digits and Danish letters', () => {
    expect(wordsOf(normaliseText('Læge-erklæring (2026): søn/datter, §56'))).toEqual([
      'læge',
      'erklæring',
      '2026',
      'søn',
      'datter',
      '56',
    ]);
  });

  it('makes a query into distinct terms', () => {
    expect(queryTerms('  Læge  LÆGE lægeattest ')).toEqual(['læge', 'lægeattest']);
    expect(queryTerms(' – ')).toEqual([]);
  });

  it('matches a short term only at the start of a word, one of four letters or more inside a word too', () => {
    const text = normaliseText('Modtaget lægeattest fra egen læge.');
    expect(matchesAllTerms(text, ['læge'])).toBe(true);
    expect(matchesAllTerms(text, ['attest'])).toBe(true);
    expect(matchesAllTerms(text, ['est'])).toBe(false);
    expect(matchesAllTerms(text, ['gen'])).toBe(false);
    expect(matchesAllTerms(text, ['modtag', 'fra'])).toBe(true);
    expect(matchesAllTerms(text, ['modtag', 'sygedagpenge'])).toBe(false);
    expect(matchesAllTerms(text, [])).toBe(false);
  });
});

describe('searching notes', () => {
  it('finds word prefixes case-insensitively, with Danish letters, and from four letters parts of a word', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Borgeren har afleveret LÆGEATTEST.');
    await repo.notes.create(a, 'Samtale om sygeplejerske-uddannelse.');
    await repo.notes.create(a, 'Aftale på Århus-kontoret.');
    expect(await bodiesOf('læge')).toEqual(['Borgeren har afleveret LÆGEATTEST.']);
    expect(await bodiesOf('ÅRHUS')).toEqual(['Aftale på Århus-kontoret.']);
    expect(await bodiesOf('uddan')).toEqual(['Samtale om sygeplejerske-uddannelse.']);
    // Danish compounds: four letters and more also inside a word; fewer, only at its start.
    expect(await bodiesOf('attest')).toEqual(['Borgeren har afleveret LÆGEATTEST.']);
    expect(await bodiesOf('pleje')).toEqual(['Samtale om sygeplejerske-uddannelse.']);
    expect(await bodiesOf('est')).toEqual([]);
    expect(await bodiesOf('')).toEqual([]);
  });

  it('requires every word, in any order', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Jobsamtale aflyst, ny tid sendt.');
    await repo.notes.create(a, 'Jobsamtale gennemført.');
    expect(await bodiesOf('aflyst jobsamtale')).toEqual(['Jobsamtale aflyst, ny tid sendt.']);
    expect(await bodiesOf('jobsamtale')).toHaveLength(2);
    expect(await bodiesOf('jobsamtale sanktion')).toEqual([]);
  });

  it('returns the newest hits first, up to the limit, with the total', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    for (let i = 1; i <= 5; i++) await repo.notes.create(a, `Opfølgning nummer ${i}`);
    const result = await search.search('opfølgning', { limit: 3 });
    expect(result.total).toBe(5);
    const notes = await openNotes(await db.notes.bulkGet(result.hits.map((h) => h.id)));
    expect(notes.map((n) => n?.body)).toEqual(['Opfølgning nummer 5', 'Opfølgning nummer 4', 'Opfølgning nummer 3']);
    expect(result.hits[0]).toMatchObject({ citizenKey: a, createdAt: notes[0]!.createdAt });
  });

  it('can keep to one citizen', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const b = await repo.citizens.open('010190-1234', 'B');
    await repo.notes.create(a, 'Praktik hos Netto');
    await repo.notes.create(b, 'Praktik hos Føtex');
    expect(await bodiesOf('praktik', { citizenKey: b })).toEqual(['Praktik hos Føtex']);
    expect(await bodiesOf('praktik', { citizenKey: 'unknown' })).toEqual([]);
  });

  it('follows new, edited, deleted and restored notes after the first search', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const note = await repo.notes.create(a, 'Ledighedsydelse bevilget');
    expect(await bodiesOf('ledighed')).toHaveLength(1);

    await repo.notes.update(note.id, 'Fleksjob bevilget');
    expect(await bodiesOf('ledighed')).toEqual([]);
    expect(await bodiesOf('fleksjob')).toEqual(['Fleksjob bevilget']);

    await repo.notes.create(a, 'Fleksjob: opfølgning om et år');
    expect(await bodiesOf('fleksjob')).toHaveLength(2);

    const removed = await repo.notes.remove(note.id);
    expect(await bodiesOf('fleksjob bevil')).toEqual([]);
    await repo.notes.restore(removed!);
    expect(await bodiesOf('fleksjob bevil')).toEqual(['Fleksjob bevilget']);
  });

  it('follows writes made through another connection (another panel)', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    expect(await bodiesOf('revalidering')).toEqual([]);
    const other = new SidevognDb(db.name);
    await createRepositories(other, tick, testKeys).notes.create(a, 'Revalidering drøftet');
    expect(await bodiesOf('revalidering')).toEqual(['Revalidering drøftet']);
    other.close();
  });

  it('rebuilds after a bulk write it cannot follow note by note', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Første note');
    expect(search.stats()).toMatchObject({ built: false });
    expect(await bodiesOf('første')).toHaveLength(1);
    await db.notes.bulkAdd(await sealNotes(Array.from({ length: 120 }, (_, i) => note(a, `Importeret note ${i}`, i))), {
      allKeys: false,
    });
    expect((await search.search('importeret', { limit: 500 })).total).toBe(120);
    await db.notes.clear();
    expect((await search.search('importeret')).total).toBe(0);
  });

  it('stays correct when many deletions compact the index', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await db.notes.bulkAdd(
      await sealNotes(Array.from({ length: 3000 }, (_, i) => note(a, `Note ${i % 2 ? 'ulige' : 'lige'} ${i}`, i))),
    );
    // »lige« is inside »ulige« too: all 3,000.
    expect((await search.search('lige', { limit: 0 })).total).toBe(3000);
    // One at a time, as the panel deletes, so the index follows each one.
    const odd = (await openNotes(await db.notes.toArray())).filter((n) => n!.body.includes('ulige')).map((n) => n!);
    for (const n of odd.slice(0, 1400)) await db.notes.delete(n.id);
    const result = await search.search('ulige', { limit: 1000 });
    expect(result.total).toBe(100);
    expect(search.stats().notes).toBe(1600);
    expect((await search.search('lige', { limit: 0 })).total).toBe(1600);
    expect(new Set(result.hits.map((h) => h.id)).size).toBe(100);
    // Compaction needs over 1,000 deletions, each its own fake-indexeddb
    // transaction: slow on a busy machine. A time limit, not a speed assertion.
  }, 30_000);

  it('agrees with a plain scan of every note on generated text', async () => {
    const words = ['læge', 'lægeattest', 'Løntilskud', 'løn', 'ÅBEN', 'åbning', 'aben', 'idé', 'ide', 'jobcenter'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const a = await repo.citizens.open('070761-4285', 'A');
    const notes = Array.from({ length: 400 }, (_, i) =>
      note(a, Array.from({ length: 6 }, () => words[Math.floor(random() * words.length)]).join(' '), i),
    );
    await db.notes.bulkAdd(await sealNotes(notes));
    for (const query of ['læ', 'læge', 'løn åbn', 'ide', 'IDÉ jobc', 'a', 'aben løntilskud læge']) {
      const terms = queryTerms(query);
      const expected = notes.filter((n) => matchesAllTerms(normaliseText(n.body), terms)).length;
      expect((await search.search(query, { limit: 0 })).total, query).toBe(expected);
    }
  });

  it('skips a stored note of the wrong shape instead of failing every search', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Gyldig note');
    await db.notes.add(
      await sealRecord(testKey, 'notes', { id: 'x', citizenKey: a, body: 42, createdAt: 1, updatedAt: 1 }),
    );
    expect(await bodiesOf('gyldig')).toEqual(['Gyldig note']);
    expect(search.stats()).toMatchObject({ built: true, notes: 1, skipped: 1 });
  });

  it('stops following writes once closed', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Før lukning');
    expect(await bodiesOf('lukning')).toHaveLength(1);
    search.close();
    expect(search.stats().built).toBe(false);
    await repo.notes.create(a, 'Efter lukning');
    expect((await search.search('lukning')).total).toBe(0);
  });
});

describe('locking', () => {
  /** A key source that locks and unlocks like the shared session. */
  function lockable() {
    let key: CryptoKey | null = testKey;
    const listeners = new Set<(unlocked: boolean) => void>();
    return {
      current: () => key,
      subscribe(listener: (unlocked: boolean) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set(next: CryptoKey | null) {
        key = next;
        for (const listener of listeners) listener(next !== null);
      },
    };
  }

  it('drops the index the moment the session locks, and rebuilds after unlock', async () => {
    const keys = lockable();
    const locked = createNoteSearch(db, keys);
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Hemmelig lægeattest');
    expect((await locked.search('læge')).total).toBe(1);
    expect(locked.stats()).toMatchObject({ built: true, notes: 1 });

    keys.set(null);
    expect(locked.stats()).toMatchObject({ built: false, notes: 0, words: 0 });
    await expect(locked.search('læge')).rejects.toThrow(LockedError);

    keys.set(testKey);
    expect((await locked.search('læge')).total).toBe(1);
    locked.close();
  });

  it('drops the index before the next search even when the key source cannot report locking', async () => {
    let key: CryptoKey | null = testKey;
    const plain = createNoteSearch(db, { current: () => key });
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Hemmelig lægeattest');
    expect((await plain.search('læge')).total).toBe(1);
    key = null;
    await expect(plain.search('læge')).rejects.toThrow(LockedError);
    expect(plain.stats().built).toBe(false);
    plain.close();
  });

  it('does not keep a build that the lock interrupted', async () => {
    const keys = lockable();
    const locked = createNoteSearch(db, keys);
    const a = await repo.citizens.open('070761-4285', 'A');
    await db.notes.bulkAdd(await sealNotes(Array.from({ length: 2500 }, (_, i) => note(a, `note ${i}`, i))));
    locked.onProgress(({ done }) => {
      if (done >= 1000) keys.set(null);
    });
    await expect(locked.warm()).rejects.toThrow(LockedError);
    expect(locked.stats().built).toBe(false);
    locked.close();
  });
});

describe('progress and changes', () => {
  it('reports build progress page by page, up to every note', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await db.notes.bulkAdd(await sealNotes(Array.from({ length: 2100 }, (_, i) => note(a, `note ${i}`, i))));
    const seen: [number, number][] = [];
    search.onProgress(({ done, total }) => seen.push([done, total]));
    await search.warm();
    expect(seen).toEqual([
      [0, 2100],
      [1000, 2100],
      [2000, 2100],
      [2100, 2100],
    ]);
  });

  it('tells listeners when notes change after the first search', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await search.warm();
    let changes = 0;
    const stop = search.onChange(() => changes++);
    await repo.notes.create(a, 'Ny note');
    await expect.poll(() => changes).toBeGreaterThan(0);
    stop();
    const before = changes;
    await repo.notes.create(a, 'Endnu en');
    expect((await search.search('endnu')).total).toBe(1);
    expect(changes).toBe(before);
  });
});

describe('changedNoteIds', () => {
  it('lists single keys and gives up on ranges', () => {
    const leaf = (key: string) => ({ from: key, to: key, d: 1 });
    const ids = changedNoteIds({ ...leaf('b'), l: leaf('a'), r: leaf('c'), d: 2 });
    expect(ids === 'all' ? ids : [...ids].sort()).toEqual(['a', 'b', 'c']);
    expect(changedNoteIds({ d: 0 })).toEqual([]);
    expect(changedNoteIds({ from: 'a', to: 'z', d: 1 })).toBe('all');
    expect(changedNoteIds({ from: -Infinity, to: [[]], d: 1 })).toBe('all');
  });
});

function note(citizenKey: string, body: string, i: number): NoteRecord {
  return { id: `n-${String(i).padStart(5, '0')}`, citizenKey, body, createdAt: 1_600_000_000_000 + i, updatedAt: 0 };
}
