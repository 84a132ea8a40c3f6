/**
 * Runs inside an extension page (chrome-extension://<id>/panel.html), bundled
 * by tests/bench/db.mjs and evaluated over CDP: the real IndexedDB of the
 * extension origin, the real repository, timed with performance.now() in the
 * page so no CDP round trip is measured. Returns timings and counts only,
 * never note text.
 */
import './jitless';
import Dexie from 'dexie';
import { SidevognDb } from '../../../lib/db/database';
import { createNoteSearch, type NoteSearch } from '../../../lib/db/note-search';
import { noteRecordSchema, type CitizenRecord, type NoteRecord } from '../../../lib/db/records';
import { createRepository, type Repository } from '../../../lib/db/repository';
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
let repo: Repository | undefined;
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
  async open(name: string, { fresh = false } = {}): Promise<void> {
    if (fresh) await Dexie.delete(name);
    db = new SidevognDb(name);
    repo = createRepository(db);
    await db.open();
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
      await database.citizens.bulkPut(records);
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
        await database.notes.bulkAdd(batch);
        batch = [];
      }
    }
    if (batch.length) await database.notes.bulkAdd(batch);
    return {
      ms: performance.now() - t0,
      citizenKeys,
      notesByCitizen,
      totalNotes: await database.notes.count(),
    };
  },

  /**
   * Opening a citizen's notes as the panel does (repository.notes.list), and
   * two variants that show where its time goes: the same IndexedDB read
   * without parsing, and only the newest 50 notes, parsed.
   */
  async timeOpen(indexes: number[]): Promise<{ ms: number; readMs: number; newest50Ms: number; notes: number }[]> {
    const database = need(db, 'timeOpen');
    const repository = need(repo, 'timeOpen');
    const query = (key: string) =>
      database.notes.where('[citizenKey+createdAt]').between([key, -Infinity], [key, Infinity]).reverse();
    const out = [];
    for (const [n, i] of indexes.entries()) {
      const key = citizenKeys[i]!;
      const variants = [
        () => timed(() => repository.notes.list(key)),
        () => timed(() => query(key).toArray()),
        () => timed(async () => (await query(key).limit(50).toArray()).map((row) => noteRecordSchema.parse(row))),
      ];
      const times: number[] = [];
      let notes = 0;
      // Rotate the order so no variant always runs on a cold cache.
      for (let k = 0; k < variants.length; k++) {
        const v = (n + k) % variants.length;
        const [ms, rows] = await variants[v]!();
        times[v] = ms;
        if (v === 0) notes = rows.length;
      }
      out.push({ ms: times[0]!, readMs: times[1]!, newest50Ms: times[2]!, notes });
    }
    return out;
  },

  /**
   * Saving a new note as the panel does (strict durability), and until the
   * search index has it (when one is open).
   */
  async timeSave(indexes: number[], seed: number): Promise<{ ms: number; searchableMs: number | null }[]> {
    const repository = need(repo, 'timeSave');
    const writer = noteWriter(seed);
    const index = approaches.get('index') as (SearchApproach & Pick<NoteSearch, 'warm'>) | undefined;
    const out = [];
    for (const i of indexes) {
      const t0 = performance.now();
      await repository.notes.create(citizenKeys[i]!, writer.note());
      const ms = performance.now() - t0;
      let searchableMs: number | null = null;
      if (index) {
        await index.warm();
        searchableMs = performance.now() - t0;
      }
      out.push({ ms, searchableMs });
    }
    return out;
  },

  makeApproach(id: ApproachId): void {
    const database = need(db, 'makeApproach');
    approaches.get(id)?.close?.();
    if (id === 'index') {
      const search = createNoteSearch(database);
      const wrapped: SearchApproach & Pick<NoteSearch, 'warm' | 'close' | 'stats'> = {
        search: (query, limit) => search.search(query, { limit }),
        warm: () => search.warm(),
        close: () => search.close(),
        stats: () => search.stats(),
      };
      approaches.set(id, wrapped);
    } else approaches.set(id, id === 'memory-scan' ? scanMemory(database) : scanDatabase(database));
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
    db = undefined;
    repo = undefined;
    citizenKeys = [];
    notesByCitizen = [];
  },
};

export type BenchApi = typeof api;
(globalThis as unknown as { sidevognBench: BenchApi }).sidevognBench = api;
