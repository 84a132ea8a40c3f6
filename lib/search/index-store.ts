import { cmp } from 'dexie';
import type { SidevognDb } from '../db/database';
import { PRUNED_MARK, type SearchIndexRow, type SearchLogRow } from '../db/search-log';
import { InvertedIndex } from './inverted-index';
import { decodeIndex, encodeIndex, openSnapshot, sealSnapshot } from './index-snapshot';
import type { IdRange } from './note-search';

/**
 * The sealed snapshots of the search index at rest and the log of changed
 * notes (lib/db/search-log.ts; ADR 0007), as a share of the index
 * (./note-search.ts) reads and writes them.
 *
 * Consistency rests on one rule: a snapshot is written with the log seq its
 * index includes, in a transaction that first checks that nothing was logged
 * since (every write to notes logs in its own transaction, so the check and
 * the write cannot interleave with one). A note deleted after the index was
 * serialized has deleted every snapshot and logged itself, so the check fails
 * and nothing is written; the share writes again once it has followed.
 */

export const rangeKey = (range: IdRange) => JSON.stringify([range.from, range.below ?? null]);

function rangeOf(key: string): IdRange | null {
  try {
    const [from, below] = JSON.parse(key) as unknown[];
    if (typeof from !== 'string' || (below !== null && typeof below !== 'string')) return null;
    return below === null ? { from } : { from, below };
  } catch {
    return null;
  }
}

const overlaps = (a: IdRange, b: IdRange) =>
  (b.below === undefined || a.from < b.below) && (a.below === undefined || b.from < a.below);

/** Whether these ranges together cover every id (they do not overlap: writing one drops any it overlaps). */
function coverAll(ranges: IdRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  let from = '';
  for (const range of sorted) {
    if (range.from !== from) return false;
    if (range.below === undefined) return true;
    from = range.below;
  }
  return false;
}

async function prunedTo(db: SidevognDb): Promise<number> {
  return (await db.searchStale.get(PRUNED_MARK))?.prunedTo ?? 0;
}

/** The last seq logged (or pruned): an index built from the notes read after this includes it. */
export async function logHead(db: SidevognDb): Promise<number> {
  return db.transaction('r', db.searchStale, async () => {
    const last = ((await db.searchStale.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    return Math.max(last, await prunedTo(db));
  });
}

/**
 * What was logged after `seq`: the rows, or 'lost' when some of them were
 * pruned (another page wrote snapshots further on): then only a build is sure.
 */
export async function readLog(db: SidevognDb, seq: number): Promise<SearchLogRow[] | 'lost'> {
  return db.transaction('r', db.searchStale, async () => {
    if ((await prunedTo(db)) > seq) return 'lost';
    return db.searchStale.where(':id').above(seq).toArray();
  });
}

/** The share's snapshot opened and loaded, or null (none, or one that did not open: then it is deleted). */
export async function loadSnapshot(
  db: SidevognDb,
  key: CryptoKey,
  range: IdRange,
): Promise<{ index: InvertedIndex; seq: number } | null> {
  const id = rangeKey(range);
  const [row, pruned] = await db.transaction('r', [db.searchIndex, db.searchStale], () =>
    Promise.all([db.searchIndex.get(id), prunedTo(db)]),
  );
  if (!row) return null;
  try {
    if (row.seq < pruned) throw new Error('older than the log');
    const index = InvertedIndex.fromParts(decodeIndex(await openSnapshot(key, id, row)));
    return { index, seq: row.seq };
  } catch {
    // Another key, another format, changed or stale: never a wrong answer; the share builds from the notes.
    await db.searchIndex.delete(id);
    return null;
  }
}

export interface Written {
  written: boolean;
  /** The snapshot's size at rest (its ciphertext), in bytes. */
  bytes: number;
  /** Log rows pruned. */
  pruned: number;
  /** Time taken, serializing and sealing included (the worker's). */
  ms: number;
}

/**
 * Seals `index` (which includes the log up to `seq`) and writes it as the
 * share's snapshot, unless something was logged since.
 */
export async function writeSnapshot(
  db: SidevognDb,
  key: CryptoKey,
  range: IdRange,
  index: InvertedIndex,
  seq: number,
): Promise<Written> {
  const t0 = performance.now();
  const id = rangeKey(range);
  const sealed = await sealSnapshot(key, id, encodeIndex(index.parts()));
  const bytes = sealed.ct.byteLength;
  const outcome = await db.transaction('rw', [db.searchIndex, db.searchStale], async () => {
    if ((await logHead(db)) > seq) return { written: false, bytes, pruned: 0 };
    await db.searchIndex.put({ range: id, seq, ...sealed } satisfies SearchIndexRow);
    return { written: true, bytes, pruned: await dropOverlappingAndPrune(db, range) };
  });
  return { ...outcome, ms: performance.now() - t0 };
}

/**
 * The share's snapshot, written at `from`, made to say it includes the log up
 * to `seq`: nothing logged between touched the share (what the caller
 * followed said so, and a delete would have dropped the snapshot), so its
 * content stands. Lets the log be pruned while one share sees no changes.
 * Only if the row is still the one written at `from`; returns whether it was.
 */
export async function advanceSnapshot(db: SidevognDb, range: IdRange, from: number, seq: number): Promise<boolean> {
  const id = rangeKey(range);
  return db.transaction('rw', [db.searchIndex, db.searchStale], async () => {
    if ((await logHead(db)) > seq) return false;
    // By the seq index: the row itself (megabytes) is read only to be updated.
    if (!((await db.searchIndex.where('seq').equals(from).primaryKeys()) as string[]).includes(id)) return false;
    await db.searchIndex.update(id, { seq });
    await dropOverlappingAndPrune(db, range);
    return true;
  });
}

/**
 * After a share's snapshot was written: drops snapshots of other shares that
 * overlap it (another number of workers); when the snapshots cover every id,
 * prunes the log up to the oldest of them. Returns the rows pruned.
 */
async function dropOverlappingAndPrune(db: SidevognDb, range: IdRange): Promise<number> {
  const id = rangeKey(range);
  const others = ((await db.searchIndex.toCollection().primaryKeys()) as string[]).filter((k) => k !== id);
  const stale = others.filter((k) => {
    const other = rangeOf(k);
    return other === null || overlaps(other, range);
  });
  if (stale.length > 0) await db.searchIndex.bulkDelete(stale);
  const ranges = [id, ...others.filter((k) => !stale.includes(k))].map((k) => rangeOf(k)!);
  if (!coverAll(ranges)) return 0;
  const oldest = (await db.searchIndex.orderBy('seq').keys())[0] as number;
  const pruned = await db.searchStale.where(':id').between(PRUNED_MARK, oldest, false, true).delete();
  await db.searchStale.put({ seq: PRUNED_MARK, id: '', prunedTo: Math.max(oldest, await prunedTo(db)) });
  return pruned;
}

/**
 * After a share's index followed the log up to `at`: writes its snapshot when
 * the index changed since (`dirty`), else only advances the snapshot it has
 * (written or loaded at `saved`). Returns the seq the share's snapshot is at
 * now, and the write if there was one (not written: the log moved on).
 */
export async function keepSnapshot(
  db: SidevognDb,
  key: CryptoKey,
  range: IdRange,
  index: InvertedIndex,
  { at, dirty, saved }: { at: number; dirty: boolean; saved: number | null },
): Promise<{ saved: number | null; written?: Written }> {
  if (!dirty) {
    const advanced = saved !== null && saved < at && (await advanceSnapshot(db, range, saved, at));
    return { saved: advanced ? at : saved };
  }
  const written = await writeSnapshot(db, key, range, index, at);
  return { saved: written.written ? at : saved, written };
}

/**
 * After a key rotation (components/lock/rotation.ts, with the straggler sweep
 * of lib/db/keyring-store.ts): the snapshots that open under the old key (a
 * worker in a page that had not yet locked sealed one after the commit): dropped,
 * each only if it is still the one read, so nothing stays sealed under the
 * old key; the share builds again from the notes. One row at a time (each
 * can be megabytes). Returns how many went.
 */
export async function dropSnapshotsSealedUnder(db: SidevognDb, oldKey: CryptoKey): Promise<number> {
  let dropped = 0;
  for (const range of (await db.searchIndex.toCollection().primaryKeys()) as string[]) {
    const row = await db.searchIndex.get(range);
    const underOldKey =
      row &&
      (await openSnapshot(oldKey, range, row)
        .then(() => true)
        .catch(() => false));
    if (!underOldKey) continue;
    const gone = await db.transaction('rw', db.searchIndex, async () => {
      const now = await db.searchIndex.get(range);
      // Dexie's key comparison compares the iv byte by byte.
      if (!now || now.seq !== row.seq || cmp(now.iv, row.iv) !== 0) return false;
      await db.searchIndex.delete(range);
      return true;
    });
    if (gone) dropped++;
  }
  return dropped;
}
