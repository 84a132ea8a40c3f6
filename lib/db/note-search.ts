import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { SidevognDb } from './database';
import type { NoteRecord } from './records';
import { LockedError, session, type KeySource } from '../crypto/session';
import { openRow } from './sealed';

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

export interface NoteHit {
  id: string;
  citizenKey: string;
  createdAt: number;
}

export interface SearchResult {
  /** All notes that match, of which `hits` are the newest. */
  total: number;
  hits: NoteHit[];
}

export interface SearchOptions {
  /** Only this citizen's notes. */
  citizenKey?: string;
  /** Newest hits to return (default 50). */
  limit?: number;
}

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
 * build side by side (lib/search/worker-search.ts).
 */
export interface IdRange {
  from: string;
  below?: string;
}

/** A key source that can also say when it locks (the shared session does). */
export type LockAwareKeySource = KeySource & { subscribe?(listener: (unlocked: boolean) => void): () => void };

export interface IndexStats {
  built: boolean;
  notes: number;
  words: number;
  postings: number;
  /** Stored notes that failed their schema and are not searchable. */
  skipped: number;
}

const DEFAULT_LIMIT = 50;
const MAX_TERMS = 16;
/** Notes read per IndexedDB request while building: one page is one short task. */
const BUILD_PAGE = 1000;

// Lower-case letters outside ASCII other than æ, ø, å: the only characters
// that can carry an accent to fold, so the common case stays one regex pass.
const FOLDABLE = /[^\p{ASCII}\u00e5\u00e6\u00f8]/gu;
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(MARKS, '');
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * Text as the index compares it. NFC first, so an å typed as a + ring is the
 * letter å and survives the accent folding that turns é into e.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(FOLDABLE, foldChar);
}

/** The distinct words of a normalised text. */
export function wordsOf(normalised: string): string[] {
  return [...new Set(normalised.match(WORD) ?? [])];
}

/** The distinct words of a query, each to be matched as a word prefix. */
export function queryTerms(query: string): string[] {
  return wordsOf(normaliseText(query)).slice(0, MAX_TERMS);
}

/**
 * Whether every term begins some word of `normalised`. The reference meaning
 * of a match: the index must agree with it (see the unit tests).
 */
export function matchesAllTerms(normalised: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((term) => hasWordStartingWith(normalised, term));
}

function hasWordStartingWith(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}

/** A growable list of document numbers, ascending because documents are only appended. */
class Postings {
  docs = new Uint32Array(4);
  length = 0;

  push(doc: number): void {
    if (this.length === this.docs.length) {
      const grown = new Uint32Array(this.docs.length * 2);
      grown.set(this.docs);
      this.docs = grown;
    }
    this.docs[this.length++] = doc;
  }
}

/**
 * Words → documents. Documents are numbered in the order they were added; an
 * edited note gets a new number and its old one is marked dead until the
 * next compaction.
 */
class InvertedIndex {
  private ids: string[] = [];
  private citizenOfDoc: number[] = [];
  private createdAt: number[] = [];
  private alive: boolean[] = [];
  private dead = 0;
  private readonly docOf = new Map<string, number>();
  private readonly citizenNumbers = new Map<string, number>();
  private citizenKeys: string[] = [];
  private readonly postings = new Map<string, Postings>();
  private sortedWords: string[] | null = null;
  skipped = 0;

  put(note: Pick<NoteRecord, 'id' | 'citizenKey' | 'body' | 'createdAt'>): void {
    this.remove(note.id);
    const doc = this.ids.length;
    let citizen = this.citizenNumbers.get(note.citizenKey);
    if (citizen === undefined) {
      citizen = this.citizenKeys.push(note.citizenKey) - 1;
      this.citizenNumbers.set(note.citizenKey, citizen);
    }
    this.ids.push(note.id);
    this.citizenOfDoc.push(citizen);
    this.createdAt.push(note.createdAt);
    this.alive.push(true);
    this.docOf.set(note.id, doc);
    // Split on what is not a word: fewer objects than a match per word, and the build's largest cost.
    for (const word of normaliseText(note.body).split(NON_WORD)) {
      if (word === '') continue;
      let list = this.postings.get(word);
      if (!list) {
        list = new Postings();
        this.postings.set(word, list);
        this.sortedWords = null;
      } else if (list.length > 0 && list.docs[list.length - 1] === doc) {
        // A repeated word: lists only grow at the end, so this note is already in.
        continue;
      }
      list.push(doc);
    }
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.alive[doc] = false;
    this.dead++;
    if (this.dead > 1000 && this.dead * 4 > this.ids.length) this.compact();
  }

  search(terms: readonly string[], { citizenKey, limit = DEFAULT_LIMIT }: SearchOptions): SearchResult {
    const docCount = this.ids.length;
    if (terms.length === 0 || docCount === 0) return { total: 0, hits: [] };
    const citizen = citizenKey === undefined ? -1 : this.citizenNumbers.get(citizenKey);
    if (citizen === undefined) return { total: 0, hits: [] };

    // Cheapest term first: later terms only advance documents still in the running.
    const lists = terms.map((term) => this.listsWithPrefix(term));
    lists.sort((a, b) => sizeOf(a) - sizeOf(b));
    const reached = new Uint8Array(docCount);
    for (let step = 0; step < lists.length; step++) {
      for (const list of lists[step]!) {
        const { docs, length } = list;
        for (let i = 0; i < length; i++) {
          const doc = docs[i]!;
          if (reached[doc] === step) reached[doc] = step + 1;
        }
      }
    }

    const newest = new NewestFirst(Math.max(0, limit), this.createdAt);
    let total = 0;
    for (let doc = 0; doc < docCount; doc++) {
      if (reached[doc] !== lists.length || !this.alive[doc]) continue;
      if (citizen !== -1 && this.citizenOfDoc[doc] !== citizen) continue;
      total++;
      newest.offer(doc);
    }
    const hits = newest.sorted().map((doc) => ({
      id: this.ids[doc]!,
      citizenKey: this.citizenKeys[this.citizenOfDoc[doc]!]!,
      createdAt: this.createdAt[doc]!,
    }));
    return { total, hits };
  }

  stats(): Omit<IndexStats, 'built'> {
    let postings = 0;
    for (const list of this.postings.values()) postings += list.length;
    return { notes: this.docOf.size, words: this.postings.size, postings, skipped: this.skipped };
  }

  private listsWithPrefix(prefix: string): Postings[] {
    this.sortedWords ??= [...this.postings.keys()].sort();
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const lists: Postings[] = [];
    for (let i = lo; i < words.length && words[i]!.startsWith(prefix); i++) lists.push(this.postings.get(words[i]!)!);
    return lists;
  }

  /** Renumbers the live documents and drops the dead ones from every list. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const citizenOfDoc: number[] = [];
    const createdAt: number[] = [];
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = ids.length;
      this.docOf.set(this.ids[doc]!, ids.length);
      ids.push(this.ids[doc]!);
      citizenOfDoc.push(this.citizenOfDoc[doc]!);
      createdAt.push(this.createdAt[doc]!);
    }
    for (const [word, list] of this.postings) {
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const doc = renumber[list.docs[i]!]!;
        if (doc !== -1) list.docs[kept++] = doc;
      }
      list.length = kept;
      if (kept === 0) {
        this.postings.delete(word);
        this.sortedWords = null;
      }
    }
    this.ids = ids;
    this.citizenOfDoc = citizenOfDoc;
    this.createdAt = createdAt;
    this.alive = ids.map(() => true);
    this.dead = 0;
  }
}

function sizeOf(lists: Postings[]): number {
  let size = 0;
  for (const list of lists) size += list.length;
  return size;
}

/** Keeps the `limit` newest documents seen (a min-heap on createdAt). */
class NewestFirst {
  private readonly heap: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly createdAt: readonly number[],
  ) {}

  offer(doc: number): void {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(doc);
      this.up(heap.length - 1);
    } else if (heap.length > 0 && this.older(heap[0]!, doc)) {
      heap[0] = doc;
      this.down(0);
    }
  }

  sorted(): number[] {
    return [...this.heap].sort((a, b) => (this.older(a, b) ? 1 : this.older(b, a) ? -1 : 0));
  }

  /** Older, and on equal times the one added first, so ties keep a stable order. */
  private older(a: number, b: number): boolean {
    const ta = this.createdAt[a]!;
    const tb = this.createdAt[b]!;
    return ta < tb || (ta === tb && a < b);
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.older(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let oldest = i;
      if (left < heap.length && this.older(heap[left]!, heap[oldest]!)) oldest = left;
      if (right < heap.length && this.older(heap[right]!, heap[oldest]!)) oldest = right;
      if (oldest === i) return;
      [heap[i], heap[oldest]] = [heap[oldest]!, heap[i]!];
      i = oldest;
    }
  }
}

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

export function createNoteSearch(
  db: SidevognDb,
  keys: LockAwareKeySource = session,
  range: IdRange = { from: '' },
): NoteSearch {
  const inRange = (id: string) => id >= range.from && (range.below === undefined || id < range.below);
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
    else {
      const mine = ids.filter(inRange);
      if (mine.length === 0) return;
      for (const id of mine) changed.add(id);
    }
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

  function dataKey(): CryptoKey {
    const key = keys.current();
    if (key === null) throw new LockedError();
    return key;
  }

  /** Fails when the key a read began with is no longer the current one. */
  function stillKey(key: CryptoKey): void {
    if (keys.current() !== key) throw new LockedError();
  }

  async function build(): Promise<InvertedIndex> {
    const key = dataKey();
    const fresh = new InvertedIndex();
    // This index's notes, or those after `after` (a key range: read with getAll, not a cursor).
    const inIds = (after?: string) => {
      const ids = db.notes.where(':id');
      const from = after ?? range.from;
      if (range.below !== undefined) return ids.between(from, range.below, after === undefined, false);
      return after === undefined ? ids.aboveOrEqual(from) : ids.above(from);
    };
    const total = await inIds().count();
    let done = 0;
    const report = () => {
      for (const listener of progressListeners) listener({ done, total: Math.max(total, done) });
    };
    report();
    let after: string | undefined;
    for (;;) {
      const page = await inIds(after).limit(BUILD_PAGE).toArray();
      const opened = await openAll(key, page);
      stillKey(key);
      for (const note of opened) addOpened(fresh, note);
      done += page.length;
      report();
      if (page.length < BUILD_PAGE) return fresh;
      after = page.at(-1)!.id;
      // Yield to the page between pages so typing and painting stay smooth.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async function sync(): Promise<void> {
    while (!closed && (needsBuild || changed.size > 0)) {
      if (needsBuild) {
        needsBuild = false;
        changed.clear();
        index = null;
        const key = dataKey();
        const built = await build().catch((error: unknown) => {
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
      const opened = await (async () => {
        const key = dataKey();
        const rows = await openAll(key, await db.notes.bulkGet(ids));
        stillKey(key);
        return rows;
      })().catch((error: unknown) => {
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
    dataKey();
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
