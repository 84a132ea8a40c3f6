/**
 * Runs inside an extension page (chrome-extension://<id>/panel.html), bundled
 * by tests/bench/db.mjs and evaluated over CDP: the real IndexedDB of the
 * extension origin, the real repository, timed with performance.now() in the
 * page so no CDP round trip is measured. Returns timings and counts only,
 * never note text.
 */
// First, as in the extension: zod set up before any schema exists (here the
// probe would pass over CDP, and the compiled fast path then fail).
import '../../../lib/zod';
import Dexie from 'dexie';
import { SidevognDb } from '../../../lib/db/database';
import { createNoteSearch, type NoteSearch } from '../../../lib/search/note-search';
import type { CitizenRecord, NoteRecord } from '../../../lib/db/records';
import { NOTES_FIRST_PAGE } from '../../../lib/notes/note-repository';
import { createRepositories, type Repositories } from '../../../lib/repositories';
import { draftIdForNewNote } from '../../../lib/notes/draft-repository';
import { createKeyring, unlockWithPassphrase } from '../../../lib/crypto/keyring';
import { fixedKey } from '../../unit/fixed-key';
import { sealRecord } from '../../../lib/db/sealed';
import { setUpEncryption } from '../../../lib/db/keyring-store';
import { scanDatabase, scanMemory, type SearchApproach } from './search-approaches';
import { noteWriter, random, syntheticCpr } from './synthetic';

export type ApproachId = 'index' | 'memory-scan' | 'database-scan';

export interface SeedCitizen {
  cpr: string;
  name: string;
  /** Exact number of notes; citizens without one share the rest. */
  notes?: number;
}

export interface SeedOptions {
  citizens: SeedCitizen[];
  /** Further synthetic citizens, up to this many in all. */
  totalCitizens: number;
  /** Notes to add in this call. */
  notes: number;
  seed: number;
}

export interface SeedResult {
  ms: number;
  citizenKeys: string[];
  notesByCitizen: number[];
  totalNotes: number;
}

let db: SidevognDb | undefined;
let repo: Repositories | undefined;
let dataKey: CryptoKey | undefined;
/** The same writes as notes.create without sealing, in a database of its own: the clear baseline. */
let clearDb: Dexie | undefined;
const BENCH_PASSPHRASE = 'Benchmark-adgangskode med æøå 2026';
const approaches = new Map<ApproachId, SearchApproach & { close?(): void }>();
let citizenKeys: string[] = [];
let notesByCitizen: number[] = [];
const YEAR = 365 * 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 20);
const BATCH = 5000;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what}: call open() first`);
  return value;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

const api = {
  async open(name: string, { fresh = false, setUp = false } = {}): Promise<void> {
    if (fresh) await Promise.all([Dexie.delete(name), Dexie.delete(`${name}-clear`)]);
    db = new SidevognDb(name);
    // A keyring as set-up makes one; the bench holds the data key as an unlocked panel does.
    // With setUp, the keyring is stored as the first-run set-up stores it (the panel's own database).
    dataKey = setUp
      ? (await setUpEncryption(db, BENCH_PASSPHRASE)).dataKey
      : (await createKeyring(BENCH_PASSPHRASE)).dataKey;
    repo = createRepositories(db, Date.now, fixedKey(dataKey));
    await db.open();
    clearDb = new Dexie(`${name}-clear`, { chromeTransactionDurability: 'strict' });
    clearDb
      .version(1)
      .stores({ citizens: 'key, lastActivityAt', notes: 'id, [citizenKey+createdAt]', drafts: 'id, citizenKey' });
    await clearDb.open();
  },

  /** The data key as an unlocked session holds it (base64 raw), to unlock a freshly started browser. */
  async rawKey(): Promise<string> {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', need(dataKey, 'rawKey')));
    return btoa(String.fromCharCode(...raw));
  },

  /** Unlocking: PBKDF2-SHA256 at the keyring's iterations, then unwrapping the data key. */
  async timeUnlock(n: number): Promise<{ ms: number; iterations: number }[]> {
    const { keyring } = await createKeyring(BENCH_PASSPHRASE);
    const out = [];
    for (let i = 0; i < n; i++) {
      const [ms] = await timed(() => unlockWithPassphrase(keyring, BENCH_PASSPHRASE));
      out.push({ ms, iterations: keyring.kdf.iterations });
    }
    return out;
  },

  /**
   * Citizens through the repository's key derivation, notes in bulk batches
   * (one transaction each), spread over three years.
   */
  async seed(options: SeedOptions): Promise<SeedResult> {
    const database = need(db, 'seed');
    const repository = need(repo, 'seed');
    const t0 = performance.now();
    const rnd = random(options.seed);
    const writer = noteWriter(options.seed + 1);
    if (citizenKeys.length === 0) {
      const people = [...options.citizens];
      for (let i = people.length; i < options.totalCitizens; i++) {
        people.push({ cpr: syntheticCpr(i), name: `Syntetisk borger ${i}` });
      }
      const records: CitizenRecord[] = [];
      for (const p of people) {
        const key = await repository.citizenKey(p.cpr);
        records.push({ key, cpr: p.cpr, name: p.name, firstSeenAt: NOW - 3 * YEAR, lastActivityAt: NOW });
      }
      const key = need(dataKey, 'seed');
      await database.citizens.bulkPut(await Promise.all(records.map((r) => sealRecord(key, 'citizens', r))));
      await need(clearDb, 'seed').table('citizens').bulkPut(records);
      citizenKeys = records.map((r) => r.key);
      notesByCitizen = citizenKeys.map(() => 0);
    }
    // Fixed counts first (the citizens the panel benchmarks open), the rest at random.
    const plan: number[] = [];
    options.citizens.forEach((c, i) => {
      if (c.notes !== undefined && notesByCitizen[i] === 0) for (let n = 0; n < c.notes; n++) plan.push(i);
    });
    const fixed = new Set(options.citizens.flatMap((c, i) => (c.notes !== undefined ? [i] : [])));
    const free = citizenKeys.map((_, i) => i).filter((i) => !fixed.has(i));
    while (plan.length < options.notes) plan.push(free[Math.floor(rnd() * free.length)]!);

    let batch: NoteRecord[] = [];
    for (const citizen of plan) {
      const createdAt = Math.floor(NOW - rnd() * 3 * YEAR);
      batch.push({
        id: crypto.randomUUID(),
        citizenKey: citizenKeys[citizen]!,
        body: writer.note(),
        createdAt,
        updatedAt: createdAt,
      });
      notesByCitizen[citizen]!++;
      if (batch.length === BATCH) {
        await database.notes.bulkAdd(await sealAll(batch));
        batch = [];
      }
    }
    if (batch.length) await database.notes.bulkAdd(await sealAll(batch));
    return {
      ms: performance.now() - t0,
      citizenKeys,
      notesByCitizen,
      totalNotes: await database.notes.count(),
    };
  },

  /**
   * Opening a citizen's notes as the panel does (repository.notes.window: the
   * newest page read through the index, decrypted and parsed; the panel shows
   * them then), the count of older notes the panel asks for next
   * (repository.notes.olderCount), and two lines for information: every note
   * of the citizen decrypted (repository.notes.list, what the panel did before
   * paging) and the same full read without decrypting.
   */
  async timeOpen(
    indexes: number[],
  ): Promise<{ ms: number; shown: number; countMs: number | null; allMs: number; readMs: number; notes: number }[]> {
    const database = need(db, 'timeOpen');
    const repository = need(repo, 'timeOpen');
    const query = (key: string) =>
      database.notes.where('[citizenKey+createdAt]').between([key, -Infinity], [key, Infinity]).reverse();
    const out = [];
    for (const [n, i] of indexes.entries()) {
      const key = citizenKeys[i]!;
      let countMs: number | null = null;
      const variants = [
        async () => {
          const [ms, page] = await timed(() => repository.notes.window(key, { newest: NOTES_FIRST_PAGE }));
          const oldest = page.notes.at(-1);
          if (page.hasOlder && oldest) [countMs] = await timed(() => repository.notes.olderCount(key, oldest));
          return [ms, page.notes] as const;
        },
        () => timed(() => repository.notes.list(key)),
        () => timed(() => query(key).toArray()),
      ];
      const times: number[] = [];
      const counts: number[] = [];
      // Rotate the order so no variant always runs on a cold cache.
      for (let k = 0; k < variants.length; k++) {
        const v = (n + k) % variants.length;
        const [ms, rows] = await variants[v]!();
        times[v] = ms;
        counts[v] = rows.length;
      }
      out.push({ ms: times[0]!, shown: counts[0]!, countMs, allMs: times[1]!, readMs: times[2]!, notes: counts[1]! });
    }
    return out;
  },

  /**
   * Saving a new note as the panel does (sealed, strict durability), until
   * the search index has it (when one is open), and the same transaction
   * without sealing in a clear database (the baseline, alternating order).
   */
  async timeSave(
    indexes: number[],
    seed: number,
  ): Promise<{ ms: number; searchableMs: number | null; clearMs: number }[]> {
    const repository = need(repo, 'timeSave');
    const clear = need(clearDb, 'timeSave');
    const writer = noteWriter(seed);
    const index = approaches.get('index') as (SearchApproach & Pick<NoteSearch, 'warm'>) | undefined;
    const out = [];
    for (const [n, i] of indexes.entries()) {
      const body = writer.note();
      const citizenKey = citizenKeys[i]!;
      const clearSave = () =>
        timed(async () => {
          const t = Date.now();
          const note = { id: crypto.randomUUID(), citizenKey, body, createdAt: t, updatedAt: t };
          await clear.transaction('rw', ['notes', 'drafts', 'citizens'], async () => {
            await clear.table('notes').add(note);
            await clear.table('drafts').delete(draftIdForNewNote(citizenKey));
            await clear.table('citizens').update(citizenKey, { lastActivityAt: t });
          });
        });
      let clearMs = 0;
      if (n % 2 === 0) [clearMs] = await clearSave();
      const t0 = performance.now();
      await repository.notes.create(citizenKey, body);
      const ms = performance.now() - t0;
      let searchableMs: number | null = null;
      if (index) {
        await index.warm();
        searchableMs = performance.now() - t0;
      }
      if (n % 2 === 1) [clearMs] = await clearSave();
      out.push({ ms, searchableMs, clearMs });
    }
    return out;
  },

  makeApproach(id: ApproachId): void {
    const database = need(db, 'makeApproach');
    approaches.get(id)?.close?.();
    const key = need(dataKey, 'makeApproach');
    if (id === 'index') {
      const search = createNoteSearch(database, fixedKey(key));
      const wrapped: SearchApproach & Pick<NoteSearch, 'warm' | 'close' | 'stats'> = {
        search: (query, limit) => search.search(query, { limit }),
        warm: () => search.warm(),
        close: () => search.close(),
        stats: () => search.stats(),
      };
      approaches.set(id, wrapped);
    } else approaches.set(id, id === 'memory-scan' ? scanMemory(database, key) : scanDatabase(database, key));
  },

  dropApproach(id: ApproachId): void {
    approaches.get(id)?.close?.();
    approaches.delete(id);
  },

  async timeSearch(id: ApproachId, query: string): Promise<{ ms: number; total: number }> {
    const approach = approaches.get(id);
    if (!approach) throw new Error(`No approach ${id}`);
    const [ms, result] = await timed(() => approach.search(query, 50));
    return { ms, total: result.total };
  },

  indexStats(): unknown {
    const index = approaches.get('index') as (SearchApproach & Pick<NoteSearch, 'stats'>) | undefined;
    return index?.stats?.();
  },

  async close(): Promise<void> {
    for (const id of [...approaches.keys()]) api.dropApproach(id);
    db?.close();
    clearDb?.close();
    db = undefined;
    clearDb = undefined;
    repo = undefined;
    dataKey = undefined;
    citizenKeys = [];
    notesByCitizen = [];
  },
};

async function sealAll(notes: NoteRecord[]) {
  const key = need(dataKey, 'seed');
  return Promise.all(notes.map((n) => sealRecord(key, 'notes', n)));
}

export type BenchApi = typeof api;
(globalThis as unknown as { sidevognBench: BenchApi }).sidevognBench = api;
