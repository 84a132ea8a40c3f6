/**
 * Seeds an unlocked profile's own database with synthetic notes, as the
 * panel would have written them (sealed with the session's data key).
 * Bundled by tests/bench/search-ready.mjs and evaluated in an extension page
 * over CDP. Returns counts only, never note text.
 */
import '../../../lib/zod';
import { SidevognDb } from '../../../lib/db/database';
import type { CitizenRecord, NoteRecord } from '../../../lib/db/records';
import { createRepositories } from '../../../lib/repositories';
import { session } from '../../../lib/crypto/session';
import { sealRecord } from '../../../lib/db/sealed';
import { noteWriter, random, syntheticCpr } from '../db/synthetic';

const YEAR = 365 * 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 20);
const BATCH = 2000;

async function seed(notes: number, citizens: number, seedValue = 33): Promise<{ notes: number; ms: number }> {
  const t0 = performance.now();
  if (!(await session.restore())) throw new Error('Seed: Sidevogn is locked');
  const key = session.require();
  const db = new SidevognDb();
  const repository = createRepositories(db);
  const records: CitizenRecord[] = [];
  for (let i = 0; i < citizens; i++) {
    const cpr = syntheticCpr(i);
    records.push({
      key: await repository.citizenKey(cpr),
      cpr,
      name: `Syntetisk borger ${i}`,
      firstSeenAt: NOW - 3 * YEAR,
      lastActivityAt: NOW - i * 1000,
    });
  }
  await db.citizens.bulkPut(await Promise.all(records.map((r) => sealRecord(key, 'citizens', r))));
  const rnd = random(seedValue);
  const writer = noteWriter(seedValue + 1);
  for (let done = 0; done < notes;) {
    const batch: NoteRecord[] = [];
    for (; batch.length < BATCH && done < notes; done++) {
      const createdAt = Math.floor(NOW - rnd() * 3 * YEAR);
      batch.push({
        id: crypto.randomUUID(),
        citizenKey: records[Math.floor(rnd() * records.length)]!.key,
        body: writer.note(),
        createdAt,
        updatedAt: createdAt,
      });
    }
    await db.notes.bulkAdd(await Promise.all(batch.map((n) => sealRecord(key, 'notes', n))));
  }
  const count = await db.notes.count();
  db.close();
  return { notes: count, ms: performance.now() - t0 };
}

/**
 * `notes` more notes for the citizens there are (as the panel adds them while
 * no page searches; logged for the search index like every write), then locks
 * every page. Returns the count only.
 */
async function addNotes(notes: number, seedValue = 77): Promise<{ notes: number }> {
  if (!(await session.restore())) throw new Error('Seed: Sidevogn is locked');
  const key = session.require();
  const db = new SidevognDb();
  const citizens = (await db.citizens.toCollection().primaryKeys()) as string[];
  const rnd = random(seedValue);
  const writer = noteWriter(seedValue + 1);
  for (let i = 0; i < notes; i++) {
    const createdAt = NOW + i * 1000;
    const note: NoteRecord = {
      id: crypto.randomUUID(),
      citizenKey: citizens[Math.floor(rnd() * citizens.length)]!,
      body: writer.note(),
      createdAt,
      updatedAt: createdAt,
    };
    // One at a time, as the panel saves them.
    await db.notes.add(await sealRecord(key, 'notes', note));
  }
  db.close();
  await session.lock();
  return { notes };
}

/** Deletes the search index's snapshots (locked or not: no key needed), so the next unlock builds from the notes. */
async function clearSnapshots(): Promise<number> {
  const db = new SidevognDb();
  const rows = await db.searchIndex.count();
  await db.searchIndex.clear();
  db.close();
  return rows;
}

/** The snapshots at rest: how many, their size (the sealed bytes), and the changed notes not yet in one. */
async function snapshotState(): Promise<{ rows: number; bytes: number; unindexed: number }> {
  const db = new SidevognDb();
  let bytes = 0;
  await db.searchIndex.each((row) => void (bytes += row.ct.byteLength));
  const state = {
    rows: await db.searchIndex.count(),
    bytes,
    unindexed: await db.searchStale.where(':id').above(0).count(),
  };
  db.close();
  return state;
}

Object.assign(globalThis, {
  sidevognSeed: seed,
  sidevognAddNotes: addNotes,
  sidevognClearSnapshots: clearSnapshots,
  sidevognSnapshotState: snapshotState,
});
