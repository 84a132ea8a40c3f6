import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { SidevognDb } from '../db/database';
import type { NoteRecord } from '../db/records';
import { LockedError, session, type KeySource } from '../crypto/session';
import { openRow } from '../db/sealed';
import { InvertedIndex, type IndexStats, type SearchOptions, type SearchResult } from './inverted-index';
import { queryTerms } from './search-text';

/**
 * Searching all of the caseworker's notes for words.
 *
 * The index lives in memory only: notes are encrypted at rest, so no
 * IndexedDB index may hold their words. It is built from the decrypted notes
 * after unlock, on the first search (in
 * pages, so the panel stays responsive) and then follows every committed write
 * to the notes table, from this page or another extension page, through
 * Dexie's `storagemutated` event. Locking drops it at once (with a key source
 * that reports locking, as the shared session does) and in any case before the
 * next search or stats: no decrypted word outlives the key. Why an inverted index rather than scanning
 * the notes on each search: see tests/bench/README.md (the numbers behind it).
 *
 * Matching is Danish-aware: case-insensitive, Unicode forms and accents folded
 * (é = e) but æ, ø and å kept as the letters they are, and every query word
 * matches the beginning of a word ("læge" finds "lægeattest"). All query words
 * must occur in a note.
 */

export { normaliseText, queryTerms, wordsOf } from './search-text';
export type { IndexStats, NoteHit, SearchOptions, SearchResult } from './inverted-index';

export interface NoteSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** Builds the index ahead of the first search (e.g. when the search field gets focus). */
  warm(): Promise<void>;
  /** Forgets the index and stops following writes (panel closed, database locked). */
  close(): void;
  stats(): IndexStats;
  /** Progress of a build (notes indexed of the notes there were when it began); returns unsubscribe. */
  onProgress(listener: (progress: BuildProgress) => void): () => void;
  /** A committed write to the notes table while searching: results may have changed. Returns unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface BuildProgress {
  done: number;
  total: number;
}

/** A key source that can also say when it locks (the shared session does). */
export type LockAwareKeySource = KeySource & { subscribe?(listener: (unlocked: boolean) => void): () => void };

/** Notes read per IndexedDB request while building: one page is one short task. */
const BUILD_PAGE = 1000;

/**
 * The note ids a committed change touched, or 'all' when Dexie reports a range
 * (bulk writes of 50 or more, deletes by query, clear), which only a rebuild
 * can follow.
 */
export function changedNoteIds(tree: IntervalTree): string[] | 'all' {
  const ids: string[] = [];
  const pending = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    ids.push(node.from);
    if (node.l) pending.push(node.l);
    if (node.r) pending.push(node.r);
  }
  return ids;
}

export function createNoteSearch(db: SidevognDb, keys: LockAwareKeySource = session): NoteSearch {
  const part = `idb://${db.name}/${db.notes.name}/`;
  let index: InvertedIndex | null = null;
  // The index holds decrypted words: it belongs to the key it was opened with
  // and is dropped the moment that key is gone (locked) or replaced.
  let indexKey: CryptoKey | null = null;
  const progressListeners = new Set<(progress: BuildProgress) => void>();
  const changeListeners = new Set<() => void>();
  let needsBuild = true;
  // From the first search on, every committed change is noted, including those
  // that land while a build is reading (its later pages may already be past them).
  let tracking = false;
  const changed = new Set<string>();
  let syncing: Promise<void> | null = null;
  let closed = false;

  const onMutated = (parts: ObservabilitySet) => {
    const tree = parts[part];
    if (!tree || !tracking) return;
    const ids = changedNoteIds(tree);
    if (ids === 'all') needsBuild = true;
    else for (const id of ids) changed.add(id);
    for (const listener of changeListeners) listener();
  };
  Dexie.on('storagemutated', onMutated);

  /** Forgets every decrypted word; the next search (after unlock) builds afresh. */
  function forget(): void {
    index = null;
    indexKey = null;
    needsBuild = true;
    changed.clear();
  }
  const unsubscribeLock = keys.subscribe?.((unlocked) => {
    if (!unlocked) forget();
  });

  async function sync(): Promise<void> {
    while (!closed && (needsBuild || changed.size > 0)) {
      if (needsBuild) {
        needsBuild = false;
        changed.clear();
        index = null;
        const key = currentKey(keys);
        const built = await buildIndex(db, keys, (progress) => {
          for (const listener of progressListeners) listener(progress);
        }).catch((error: unknown) => {
          needsBuild = true; // the next search tries again
          throw error;
        });
        if (!closed && keys.current() === key) {
          index = built;
          indexKey = key;
        }
        continue;
      }
      const ids = [...changed];
      changed.clear();
      const opened = await readNotes(db, keys, ids).catch((error: unknown) => {
        for (const id of ids) changed.add(id);
        throw error;
      });
      if (closed || index === null) return;
      for (const [i, id] of ids.entries()) {
        index.remove(id);
        if (opened[i] !== undefined) addOpened(index, opened[i]);
      }
    }
  }

  async function upToDate(): Promise<InvertedIndex | null> {
    // Locked, or unlocked with another key since the build: nothing decrypted stays.
    if (closed) return null;
    if (indexKey !== null && keys.current() !== indexKey) forget();
    currentKey(keys);
    tracking = true;
    while (!closed && (needsBuild || changed.size > 0 || syncing)) {
      syncing ??= sync().finally(() => {
        syncing = null;
      });
      await syncing;
    }
    return closed ? null : index;
  }

  return {
    async search(query, options = {}) {
      const terms = queryTerms(query);
      if (terms.length === 0) return { total: 0, hits: [] };
      const current = await upToDate();
      return current ? current.search(terms, options) : { total: 0, hits: [] };
    },
    async warm() {
      await upToDate();
    },
    close() {
      closed = true;
      tracking = false;
      forget();
      progressListeners.clear();
      changeListeners.clear();
      unsubscribeLock?.();
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
    stats() {
      // Asked while locked, the index is dropped first: it reports nothing it should not hold.
      if (indexKey !== null && keys.current() !== indexKey) forget();
      return { built: index !== null, ...(index?.stats() ?? { notes: 0, words: 0, postings: 0, skipped: 0 }) };
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}

function currentKey(keys: KeySource): CryptoKey {
  const key = keys.current();
  if (key === null) throw new LockedError();
  return key;
}

/** Fails when the key a read began with is no longer the current one. */
function stillKey(keys: KeySource, key: CryptoKey): void {
  if (keys.current() !== key) throw new LockedError();
}

/** Every note, read and opened a page at a time (yielding between pages), into a fresh index. */
async function buildIndex(
  db: SidevognDb,
  keys: KeySource,
  onProgress: (progress: BuildProgress) => void,
): Promise<InvertedIndex> {
  const key = currentKey(keys);
  const fresh = new InvertedIndex();
  const total = await db.notes.count();
  let done = 0;
  const report = () => onProgress({ done, total: Math.max(total, done) });
  report();
  let after: string | undefined;
  for (;;) {
    const page =
      after === undefined
        ? await db.notes.orderBy(':id').limit(BUILD_PAGE).toArray()
        : await db.notes.where(':id').above(after).limit(BUILD_PAGE).toArray();
    const opened = await openAll(key, page);
    stillKey(keys, key);
    for (const note of opened) addOpened(fresh, note);
    done += page.length;
    report();
    if (page.length < BUILD_PAGE) return fresh;
    after = page.at(-1)!.id;
    // Yield to the page between pages so typing and painting stay smooth.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** These notes as they are now, opened with the current key (undefined where one is gone). */
async function readNotes(db: SidevognDb, keys: KeySource, ids: string[]): Promise<(NoteRecord | null | undefined)[]> {
  const key = currentKey(keys);
  const rows = await openAll(key, await db.notes.bulkGet(ids));
  stillKey(keys, key);
  return rows;
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
