import type { NoteRecord } from '../db/records';
import { INSIDE_WORD_MIN, NON_WORD, normaliseText } from './search-text';

/** The in-memory inverted index of the notes' words (./note-search builds and follows it). */

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

export interface IndexStats {
  built: boolean;
  notes: number;
  words: number;
  postings: number;
  /** Stored notes that failed their schema and are not searchable. */
  skipped: number;
}

const DEFAULT_LIMIT = 50;

/** An index's live documents and words, compacted: what a snapshot keeps (./index-snapshot.ts). */
export interface IndexParts {
  ids: string[];
  citizenKeys: string[];
  citizenOfDoc: ArrayLike<number>;
  createdAt: ArrayLike<number>;
  /** Sorted (by code unit, as the prefix search compares). */
  words: string[];
  /** Per word, its documents in ascending order. */
  postings: Uint32Array<ArrayBuffer>[];
  skipped: number;
}

/** A growable list of document numbers, ascending because documents are only appended. */
class Postings {
  docs = new Uint32Array(4);
  length = 0;

  static of(docs: Uint32Array<ArrayBuffer>): Postings {
    const list = new Postings();
    list.docs = docs;
    list.length = docs.length;
    return list;
  }

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
export class InvertedIndex {
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
    const lists = terms.map((term) => this.listsMatching(term));
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

  /** The live documents (dead ones compacted away first, so an edited or removed note's old words are not kept). */
  parts(): IndexParts {
    if (this.dead > 0) this.compact();
    const words = [...this.postings.keys()].sort();
    return {
      ids: this.ids,
      citizenKeys: this.citizenKeys,
      citizenOfDoc: this.citizenOfDoc,
      createdAt: this.createdAt,
      words,
      postings: words.map((word) => {
        const list = this.postings.get(word)!;
        return list.docs.subarray(0, list.length);
      }),
      skipped: this.skipped,
    };
  }

  /** An index of these parts (each word's documents ascending, words sorted, as parts() gives them). */
  static fromParts(parts: IndexParts): InvertedIndex {
    const index = new InvertedIndex();
    index.ids = parts.ids;
    index.citizenKeys = parts.citizenKeys;
    index.citizenOfDoc = Array.from(parts.citizenOfDoc);
    index.createdAt = Array.from(parts.createdAt);
    index.alive = parts.ids.map(() => true);
    parts.ids.forEach((id, doc) => index.docOf.set(id, doc));
    parts.citizenKeys.forEach((key, citizen) => index.citizenNumbers.set(key, citizen));
    parts.words.forEach((word, i) => index.postings.set(word, Postings.of(parts.postings[i]!)));
    index.sortedWords = parts.words;
    index.skipped = parts.skipped;
    return index;
  }

  /** The ids of the live documents. */
  liveIds(): IterableIterator<string> {
    return this.docOf.keys();
  }

  stats(): Omit<IndexStats, 'built'> {
    let postings = 0;
    for (const list of this.postings.values()) postings += list.length;
    return { notes: this.docOf.size, words: this.postings.size, postings, skipped: this.skipped };
  }

  /** The lists of the words a term matches: those it begins, and from INSIDE_WORD_MIN letters those it is inside. */
  private listsMatching(term: string): Postings[] {
    const lists = this.listsWithPrefix(term);
    if (term.length < INSIDE_WORD_MIN) return lists;
    for (const word of this.sortedWords!)
      if (word.length > term.length && !word.startsWith(term) && word.includes(term))
        lists.push(this.postings.get(word)!);
    return lists;
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
    // Citizens too: one whose notes are all gone (erased) leaves no key behind in a snapshot.
    const citizenKeys: string[] = [];
    this.citizenNumbers.clear();
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = ids.length;
      this.docOf.set(this.ids[doc]!, ids.length);
      ids.push(this.ids[doc]!);
      const key = this.citizenKeys[this.citizenOfDoc[doc]!]!;
      let citizen = this.citizenNumbers.get(key);
      if (citizen === undefined) {
        citizen = citizenKeys.push(key) - 1;
        this.citizenNumbers.set(key, citizen);
      }
      citizenOfDoc.push(citizen);
      createdAt.push(this.createdAt[doc]!);
    }
    this.citizenKeys = citizenKeys;
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
