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

(globalThis as unknown as { sidevognSeed: typeof seed }).sidevognSeed = seed;
