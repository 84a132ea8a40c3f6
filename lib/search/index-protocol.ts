import type { BuildProgress, IdRange, IndexStats, SearchOptions, SearchResult } from './note-search';

/**
 * Messages between a page and the search worker (./index-worker.ts). No note
 * text ever crosses: the page sends query words and gets note ids back, and
 * the few hits it shows it opens itself (lib/search/note-results.ts).
 */

export type WorkerRequest =
  /**
   * Once, first: the database, the notes to index (by id) and a non-extractable copy of the data key
   * (encrypt and decrypt: the worker opens notes and its snapshot, and seals its snapshot).
   */
  | { type: 'start'; dbName: string; range: IdRange; key: CryptoKey; snapshotDelayMs?: number }
  | { type: 'warm'; id: number }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type WorkerReply =
  | { type: 'progress'; progress: BuildProgress }
  /** A committed write to the notes table: results may have changed. */
  | { type: 'change' }
  /** How the share's index came to be at the start (figures only: tests/bench/search-ready.mjs). */
  | { type: 'loaded'; snapshot: boolean; ms: number }
  /** A snapshot write (or an attempt that found the log moved on), with its size at rest and worker time. */
  | { type: 'snapshot'; written: boolean; bytes: number; ms: number }
  | { type: 'done'; id: number; result?: SearchResult; stats?: IndexStats }
  | { type: 'failed'; id: number; name: string; message: string };

/** The side of a worker (or a stand-in for it in unit tests) that the serving code sees. */
export interface ServerPort {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
}

/** The side of a worker that the page sees. */
export interface ClientPort {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}
