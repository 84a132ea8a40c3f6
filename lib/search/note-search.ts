import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { SidevognDb } from '../db/database';
import { session, type KeySource } from '../crypto/session';
import type { IndexStats, InvertedIndex, SearchOptions, SearchResult } from './inverted-index';
import { queryTerms } from './search-text';
import { currentKey, followLog, inRange, openIndex } from './index-follow';
import { keepSnapshot, type Written } from './index-store';

/**
 * Searching all of the caseworker's notes for words.
 *
 * The index lives in memory: notes are encrypted at rest, so no IndexedDB
 * index may hold their words. It is built from the decrypted notes after
 * unlock, on the first search, or (in the search workers, `snapshots`; ADR
 * 0007) loaded from its sealed snapshot and brought up to date with the notes
 * logged since (lib/db/search-log.ts). It then follows every committed write
 * to the notes table, from this page or another extension page: Dexie's
 * `storagemutated` event says that something changed, and the log says what,
 * in the order it was committed. Locking drops it at once (with a key source
 * that reports locking, as the shared session does) and in any case before the
 * next search or stats: no decrypted word outlives the key. Why an inverted index rather than scanning
 * the notes on each search: see tests/bench/README.md (the numbers behind it).
 *
 * Matching is Danish-aware: case-insensitive, Unicode forms and accents folded
 * (é = e) but æ, ø and å kept as the letters they are; a query word matches the
 * beginning of a word ("læge" finds "lægeattest") and, from INSIDE_WORD_MIN
 * letters, a part of one ("attest" does too). All query words must occur in a note.
 */

export { INSIDE_WORD_MIN, normaliseText, queryTerms, wordsOf } from './search-text';
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

/**
 * The notes one index covers, by id: from `from` (inclusive) to `below`
 * (exclusive; none: to the end). Several indexes over adjoining ranges
 * build side by side (./worker-search.ts).
 */
export interface IdRange {
  from: string;
  below?: string;
}

const ALL_IDS: IdRange = { from: '' };

/** Whether a committed change to notes may touch `range` (a change by range may touch any). */
function touches(tree: IntervalTree, range: IdRange): boolean {
  const ids = changedNoteIds(tree);
  return ids === 'all' || ids.some((id) => inRange(range, id));
}

/** A key source that can also say when it locks (the shared session does). */
export type LockAwareKeySource = KeySource & { subscribe?(listener: (unlocked: boolean) => void): () => void };

/**
 * The note ids a committed change touched, or 'all' when Dexie reports a range
 * (bulk writes of 50 or more, deletes by query, clear).
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

export interface SnapshotOptions {
  /** Keep the index sealed at rest (ADR 0007): load it at the start, write it once built and after following changes. */
  snapshots?: boolean;
  /** After the index followed a change, wait this long for more before writing the snapshot. */
  snapshotDelayMs?: number;
  /** Each snapshot write (or attempt), with its worker time. */
  onSnapshot?(written: Written): void;
  /** How the index came to be at the start: from its snapshot, or built from the notes. */
  onLoaded?(loaded: { snapshot: boolean; ms: number }): void;
}

/** Listeners of one kind: add (returns unsubscribe), emit, clear. */
function listenerSet<T>() {
  const set = new Set<(value: T) => void>();
  return {
    add: (listener: (value: T) => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit: (value: T) => set.forEach((listener) => listener(value)),
    clear: () => set.clear(),
  };
}

/** Runs `run` once, `delay` ms after the last call to soon() (its failure is dropped: it is tried again later). */
function delayed(run: () => Promise<void>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    soon(delay: number) {
      clearTimeout(timer);
      timer = setTimeout(() => void run().catch(() => undefined), delay);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** A built index waits this long before its first snapshot, so searches asked meanwhile are answered first. */
const FIRST_SNAPSHOT_MS = 500;

export function createNoteSearch(
  db: SidevognDb,
  keys: LockAwareKeySource = session,
  range = ALL_IDS,
  { snapshots = false, snapshotDelayMs = 3000, onSnapshot, onLoaded }: SnapshotOptions = {},
): NoteSearch {
  const part = `idb://${db.name}/${db.notes.name}/`;
  let index: InvertedIndex | null = null;
  // The index holds decrypted words: it is dropped the moment its key is gone (locked) or replaced.
  let indexKey: CryptoKey | null = null;
  let seq = 0; // the last log seq the index includes
  let dirty = false; // changed since its snapshot
  let saved: number | null = null; // the seq its snapshot was written or loaded at (null: none known)
  const progressListeners = listenerSet<BuildProgress>();
  const changeListeners = listenerSet<void>();
  let syncing: Promise<void> | null = null;
  let closed = false;
  const later = delayed(persist);
  const persistSoon = (delay: number): void => void (snapshots && !closed && later.soon(delay));
  let stale = true; // notes changed since the log was last read: the next search reads it first
  const onMutated = (parts: ObservabilitySet) => {
    if (!parts[part]) return;
    stale = true;
    if (index === null) return;
    // Any change to notes (a delete elsewhere drops this share's snapshot too): follow, and write if that changed it.
    persistSoon(snapshotDelayMs);
    if (touches(parts[part], range)) changeListeners.emit();
  };
  Dexie.on('storagemutated', onMutated);

  /** Forgets every decrypted word; the next search (after unlock) loads or builds afresh. */
  function forget(): void {
    later.cancel();
    index = null;
    indexKey = null;
    dirty = false;
  }
  const unsubscribeLock = keys.subscribe?.((unlocked) => {
    if (!unlocked) forget();
  });

  async function sync(): Promise<void> {
    const key = currentKey(keys);
    if (index === null) {
      const opened = await openIndex(db, keys, range, snapshots, (progress) => progressListeners.emit(progress));
      if (currentKey(keys) !== key) return;
      ({ index, seq, dirty } = opened);
      saved = opened.snapshot ? seq : null;
      indexKey = key;
      onLoaded?.({ snapshot: opened.snapshot, ms: opened.ms });
      persistSoon(Math.min(FIRST_SNAPSHOT_MS, snapshotDelayMs));
    }
    for (;;) {
      const current: InvertedIndex = index;
      stale = false; // a change committed from here on is read below, or marks it stale again
      const followed = await followLog(db, keys, range, current, seq);
      if (closed || index !== current) return;
      if (followed === 'lost') {
        forget(); // the log was pruned past this index (another page's snapshots): start afresh
        return sync();
      }
      if (followed.seq === seq) return;
      seq = followed.seq;
      dirty ||= followed.changed;
    }
  }

  async function upToDate(): Promise<InvertedIndex | null> {
    // Locked, or unlocked with another key since the build: nothing decrypted stays.
    if (closed) return null;
    if (indexKey !== null && keys.current() !== indexKey) forget();
    currentKey(keys);
    // A sync begun before this call may have missed the write that led to it: wait for it, then run one more.
    if (syncing) await syncing;
    if (index !== null && !stale) return index;
    syncing ??= sync().finally(() => void (syncing = null));
    await syncing;
    return closed ? null : index;
  }

  /** Writes the snapshot `delay` ms after the last change (snapshots only). */
  async function persist(): Promise<void> {
    const current = await upToDate();
    if (!current || !indexKey || current !== index) return;
    const at = seq;
    const kept = await keepSnapshot(db, indexKey, range, current, { at, dirty, saved });
    saved = kept.saved;
    if (kept.written) onSnapshot?.(kept.written);
    if (kept.written?.written === false)
      persistSoon(snapshotDelayMs); // logged meanwhile: follow it, then try again
    else if (index === current && seq === at) dirty = false;
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
      forget();
      progressListeners.clear();
      changeListeners.clear();
      unsubscribeLock?.();
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
    stats() {
      // Asked while locked, the index is dropped first.
      if (indexKey !== null && keys.current() !== indexKey) forget();
      return { built: index !== null, ...(index?.stats() ?? { notes: 0, words: 0, postings: 0, skipped: 0 }) };
    },
    onProgress: progressListeners.add,
    onChange: changeListeners.add,
  };
}
