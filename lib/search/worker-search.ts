import type { SidevognDb } from '../db/database';
import {
  queryTerms,
  type BuildProgress,
  type IdRange,
  type IndexStats,
  type LockAwareKeySource,
  type NoteHit,
  type NoteSearch,
  type SearchOptions,
  type SearchResult,
} from './note-search';
import { LockedError, session } from '../crypto/session';
import IndexWorker from './index-worker.ts?worker';
import type { ClientPort, WorkerReply } from './index-protocol';

/**
 * Note search (the NoteSearch of lib/search/note-search.ts) with the index in
 * workers, so building it (decrypting and indexing every note: seconds at
 * tens of thousands of notes) never blocks the page. The page starts it at
 * unlock (warm()) and the first search finds it ready or nearly so. The
 * notes are split by id over one worker per core (up to four), each
 * building the index of its share side by side; a search asks all and
 * merges their newest hits.
 *
 * The workers get the data key, as a copy that cannot be exported, and read
 * the sealed rows from IndexedDB themselves; each keeps its share sealed at
 * rest and loads it from there at the next unlock (ADR 0007). The
 * alternative, the page decrypting in batches and posting plaintext, would
 * put every note's text through the page's heap as well as the workers',
 * in structured-clone copies nobody can wipe, and cost the page's thread
 * the decrypting and parsing it is meant to be spared. Here the text exists
 * only in the workers, the page sees note ids, and locking terminates the
 * workers: their whole heaps, index and key copy with them, go at once.
 */

type Ask = { type: 'warm' } | { type: 'search'; query: string; options: SearchOptions };
type Done = WorkerReply & { type: 'done' };

const EMPTY_STATS: IndexStats = { built: false, notes: 0, words: 0, postings: 0, skipped: 0 };
const MAX_WORKERS = 4;

export type SpawnWorker = () => ClientPort;

// Vite's worker import (WXT defines import.meta.url away, so `new Worker(new URL(...))` is not
// bundled): a file of its own in the build, loaded from the extension's origin.
const spawnModuleWorker: SpawnWorker = () => new IndexWorker({ name: 'sidevogn-search' }) as unknown as ClientPort;

/** `count` adjoining id ranges covering every id; note ids are random UUIDs, so split on their first hex digit. */
export function idRanges(count: number): IdRange[] {
  const hex = '0123456789abcdef';
  const bounds = Array.from({ length: count - 1 }, (_, i) => hex[Math.round((16 * (i + 1)) / count)]!);
  return Array.from({ length: count }, (_, i) => ({
    from: i === 0 ? '' : bounds[i - 1]!,
    ...(i < count - 1 ? { below: bounds[i]! } : {}),
  }));
}

/** Newest first across the workers' lists (each newest first); ties keep the workers' order. */
export function mergeResults(results: readonly SearchResult[], limit: number): SearchResult {
  const hits: NoteHit[] = [];
  const at = results.map(() => 0);
  while (hits.length < limit) {
    let best = -1;
    results.forEach((r, i) => {
      const hit = r.hits[at[i]!];
      if (hit && (best === -1 || hit.createdAt > results[best]!.hits[at[best]!]!.createdAt)) best = i;
    });
    if (best === -1) break;
    hits.push(results[best]!.hits[at[best]!++]!);
  }
  return { total: results.reduce((sum, r) => sum + r.total, 0), hits };
}

/**
 * A copy of the data key for the workers that cannot be exported from them.
 * It encrypts as well as decrypts: each worker seals its share's index snapshot
 * (ADR 0007) as well as opening notes and snapshots. Decrypting alone would
 * already give a worker every note; encrypting adds nothing a worker could not
 * reach, and the copy still dies with the worker at lock.
 */
async function workerKey(key: CryptoKey): Promise<CryptoKey> {
  if (!key.extractable) return key;
  const raw = await crypto.subtle.exportKey('raw', key);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    new Uint8Array(raw).fill(0);
  }
}

interface Shard {
  port: ClientPort;
  progress: BuildProgress;
  stats: IndexStats;
}

interface Pending {
  resolve: (reply: Done) => void;
  reject: (e: Error) => void;
}

/** What the page does with the workers' messages. */
interface Listeners {
  progress(shards: Shard[]): void;
  change(): void;
  failed(error: Error): void;
}

/**
 * One worker per id range, each handed the database and a non-extractable copy of
 * `key`; replies settle `pending`. `started` resolves once the workers have their key; `end` terminates them.
 */
function spawnShards(
  db: SidevognDb,
  key: CryptoKey,
  ranges: IdRange[],
  spawn: SpawnWorker,
  pending: Map<number, Pending>,
  on: Listeners,
  snapshotDelayMs?: number,
): { shards: Shard[]; started: Promise<void>; end(): void } {
  let live = true;
  const shards: Shard[] = ranges.map(() => ({ port: spawn(), progress: { done: 0, total: 0 }, stats: EMPTY_STATS }));
  for (const shard of shards) {
    shard.port.onmessage = ({ data }) => {
      if (!live) return;
      if (data.type === 'progress') {
        shard.progress = data.progress;
        on.progress(shards);
      } else if (data.type === 'change') on.change();
      else if (data.type === 'loaded' || data.type === 'snapshot') {
        // Figures only (sizes and times, no note data), for tests/bench/search-ready.mjs.
        const { type, ...detail } = data;
        performance.mark(`sidevogn:search-${type}`, { detail });
      } else {
        const waiting = pending.get(data.id);
        pending.delete(data.id);
        if (data.type === 'done') {
          if (data.stats) shard.stats = data.stats;
          waiting?.resolve(data);
        } else
          waiting?.reject(
            data.name === 'LockedError'
              ? new LockedError()
              : Object.assign(new Error(data.message), { name: data.name }),
          );
      }
    };
    // A worker that failed to load or crashed: say so, and start afresh on the next request.
    shard.port.onerror = (event) => {
      if (live) on.failed(new Error(`Search worker failed: ${event.message ?? 'unknown error'}`));
    };
  }
  const started = workerKey(key).then((copy) => {
    if (!live) return;
    shards.forEach((shard, i) =>
      shard.port.postMessage({ type: 'start', dbName: db.name, range: ranges[i]!, key: copy, snapshotDelayMs }),
    );
  });
  return {
    shards,
    started,
    end() {
      if (live) for (const shard of shards) shard.port.terminate();
      live = false;
    },
  };
}

/** The workers' figures together (words: the largest share's, as words repeat across shares). */
function sumStats(all: IndexStats[]): IndexStats {
  if (all.length === 0) return EMPTY_STATS;
  return {
    built: all.every((s) => s.built),
    notes: all.reduce((sum, s) => sum + s.notes, 0),
    words: Math.max(...all.map((s) => s.words)),
    postings: all.reduce((sum, s) => sum + s.postings, 0),
    skipped: all.reduce((sum, s) => sum + s.skipped, 0),
  };
}

export function createWorkerNoteSearch(
  db: SidevognDb,
  keys: LockAwareKeySource = session,
  {
    spawn = spawnModuleWorker,
    workers = Math.min(MAX_WORKERS, Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1)),
    snapshotDelayMs,
  }: { spawn?: SpawnWorker; workers?: number; snapshotDelayMs?: number } = {},
): NoteSearch {
  const ranges = idRanges(workers);
  let running: (ReturnType<typeof spawnShards> & { key: CryptoKey }) | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const progressListeners = new Set<(progress: BuildProgress) => void>();
  const changeListeners = new Set<() => void>();
  let closed = false;

  /** Ends the workers and everything they decrypted; what was asked of them fails as locked. */
  function stop(reason: Error = new LockedError()): void {
    running?.end();
    running = null;
    for (const { reject } of pending.values()) reject(reason);
    pending.clear();
  }

  const unsubscribeLock = keys.subscribe?.((unlocked) => {
    if (!unlocked) stop();
  });

  function ensureRunning(): NonNullable<typeof running> {
    if (closed) throw new LockedError();
    const key = keys.current();
    // Locked, or unlocked with another key since the workers started: nothing decrypted stays.
    if (key === null || (running && key !== running.key)) stop();
    if (key === null) throw new LockedError();
    running ??= {
      key,
      ...spawnShards(
        db,
        key,
        ranges,
        spawn,
        pending,
        {
          progress(shards) {
            const sum = { done: 0, total: 0 };
            for (const { progress } of shards) {
              sum.done += progress.done;
              sum.total += progress.total;
            }
            for (const listener of progressListeners) listener(sum);
          },
          change: () => changeListeners.forEach((listener) => listener()),
          failed: (error) => stop(error),
        },
        snapshotDelayMs,
      ),
    };
    return running;
  }

  /** Asks every worker; resolves with their answers in order. */
  async function askAll(message: Ask): Promise<Done[]> {
    const target = ensureRunning();
    await target.started;
    if (running !== target) throw new LockedError();
    return Promise.all(
      target.shards.map(
        (shard) =>
          new Promise<Done>((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            shard.port.postMessage({ ...message, id });
          }),
      ),
    );
  }

  return {
    async search(query, options = {}): Promise<SearchResult> {
      if (queryTerms(query).length === 0) return { total: 0, hits: [] };
      const replies = await askAll({ type: 'search', query, options });
      const results = replies.map((reply) => reply.result ?? { total: 0, hits: [] });
      return mergeResults(results, options.limit ?? 50);
    },
    async warm() {
      await askAll({ type: 'warm' });
    },
    close() {
      closed = true;
      stop();
      progressListeners.clear();
      changeListeners.clear();
      unsubscribeLock?.();
    },
    stats() {
      if (running && keys.current() !== running.key) stop();
      return sumStats(running?.shards.map((shard) => shard.stats) ?? []);
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
