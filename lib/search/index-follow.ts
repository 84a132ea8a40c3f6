import type { SidevognDb } from '../db/database';
import type { NoteRecord } from '../db/records';
import { ANY_NOTE } from '../db/search-log';
import { LockedError, type KeySource } from '../crypto/session';
import { openRow } from '../db/sealed';
import { InvertedIndex } from './inverted-index';
import { loadSnapshot, logHead, readLog } from './index-store';
import type { BuildProgress, IdRange } from './note-search';

/**
 * Building a share of the index from the notes, and bringing one up to date
 * with the notes logged since (lib/db/search-log.ts), for ./note-search.ts.
 */

/** Notes read per IndexedDB request while building: one page is one short task. */
const BUILD_PAGE = 1000;

export function currentKey(keys: KeySource): CryptoKey {
  const key = keys.current();
  if (key === null) throw new LockedError();
  return key;
}

/** Fails when the key a read began with is no longer the current one. */
function stillKey(keys: KeySource, key: CryptoKey): void {
  if (keys.current() !== key) throw new LockedError();
}

/** Whether note `id` belongs to the share `range`. */
export const inRange = (range: IdRange, id: string) =>
  id >= range.from && (range.below === undefined || id < range.below);

/** The range's notes, or those after `after` (a key range: read with getAll, not a cursor). */
function notesIn(db: SidevognDb, range: IdRange, after?: string) {
  const ids = db.notes.where(':id');
  const from = after ?? range.from;
  if (range.below !== undefined) return ids.between(from, range.below, after === undefined, false);
  return after === undefined ? ids.aboveOrEqual(from) : ids.above(from);
}

/** Every note in `range`, read and opened a page at a time (yielding between pages), into a fresh index. */
export async function buildIndex(
  db: SidevognDb,
  keys: KeySource,
  range: IdRange,
  onProgress: (progress: BuildProgress) => void,
): Promise<InvertedIndex> {
  const key = currentKey(keys);
  const fresh = new InvertedIndex();
  const total = await notesIn(db, range).count();
  let done = 0;
  const report = () => onProgress({ done, total: Math.max(total, done) });
  report();
  let after: string | undefined;
  for (;;) {
    const page = await notesIn(db, range, after).limit(BUILD_PAGE).toArray();
    const opened = await openAll(key, page);
    stillKey(keys, key);
    for (const note of opened) addOpened(fresh, note);
    done += page.length;
    report();
    if (page.length < BUILD_PAGE) return fresh;
    after = page.at(-1)!.id;
    // Yield between pages so the thread stays free for other work.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Re-reads these notes and puts them in `index` as they are now (removed where gone). */
async function refresh(db: SidevognDb, keys: KeySource, index: InvertedIndex, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const key = currentKey(keys);
  const opened = await openAll(key, await db.notes.bulkGet(ids));
  stillKey(keys, key);
  for (const [i, id] of ids.entries()) {
    index.remove(id);
    addOpened(index, opened[i]);
  }
}

/**
 * The safety net behind the log: the range's note ids (primary keys only, no
 * note is opened) against the index's. Ids the index lacks are read and
 * added; ids no longer stored are removed. Returns whether anything changed.
 */
export async function reconcile(
  db: SidevognDb,
  keys: KeySource,
  range: IdRange,
  index: InvertedIndex,
): Promise<boolean> {
  const stored = new Set((await notesIn(db, range).primaryKeys()) as string[]);
  const live = new Set(index.liveIds());
  const gone = [...live].filter((id) => !stored.has(id));
  const added = [...stored].filter((id) => !live.has(id));
  for (const id of gone) index.remove(id);
  await refresh(db, keys, index, added);
  return gone.length > 0 || added.length > 0;
}

/**
 * Applies what was logged after `seq` to `index`: the new seq, and whether
 * the index changed; 'lost' when the log no longer reaches back to `seq`.
 */
export async function followLog(
  db: SidevognDb,
  keys: KeySource,
  range: IdRange,
  index: InvertedIndex,
  seq: number,
): Promise<{ seq: number; changed: boolean } | 'lost'> {
  const rows = await readLog(db, seq);
  if (rows === 'lost') return 'lost';
  if (rows.length === 0) return { seq, changed: false };
  const ids = [...new Set(rows.map((row) => row.id))].filter((id) => id !== ANY_NOTE && inRange(range, id));
  await refresh(db, keys, index, ids);
  // A delete by range: only the stored ids can tell which notes went.
  const byRange = rows.some((row) => row.id === ANY_NOTE) && (await reconcile(db, keys, range, index));
  // A delete anywhere dropped this share's snapshot too: it has one to write again.
  const dropped = rows.some((row) => row.dropped === true);
  return { seq: rows.at(-1)!.seq!, changed: ids.length > 0 || byRange || dropped };
}

/** Opened notes; a row that is gone is undefined, one that fails to open or parse is null. */
function openAll(key: CryptoKey, rows: readonly unknown[]): Promise<(NoteRecord | null | undefined)[]> {
  return Promise.all(rows.map((row) => (row === undefined ? undefined : openRow(key, 'notes', row).catch(() => null))));
}

function addOpened(index: InvertedIndex, note: NoteRecord | null | undefined): void {
  // A malformed note fails loudly where it is shown (repository.notes.list);
  // here it is counted and left out rather than breaking every search.
  if (note) index.put(note);
  else if (note === null) index.skipped++;
}

/**
 * A share's index at the start: its snapshot (with `snapshots`) opened and
 * reconciled with the stored ids, or built from the notes; with the log seq
 * it includes, and whether it differs from its snapshot (`dirty`).
 */
export async function openIndex(
  db: SidevognDb,
  keys: KeySource,
  range: IdRange,
  snapshots: boolean,
  onProgress: (progress: BuildProgress) => void,
): Promise<{ index: InvertedIndex; seq: number; dirty: boolean; snapshot: boolean; ms: number }> {
  const t0 = performance.now();
  const loaded = snapshots ? await loadSnapshot(db, currentKey(keys), range) : null;
  if (loaded) {
    // Notes written behind the log (not through SidevognDb) are caught here.
    const dirty = await reconcile(db, keys, range, loaded.index);
    return { ...loaded, dirty, snapshot: true, ms: performance.now() - t0 };
  }
  const seq = await logHead(db);
  const index = await buildIndex(db, keys, range, onProgress);
  return { index, seq, dirty: true, snapshot: false, ms: performance.now() - t0 };
}
