import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_BODIES } from '../../tests/unit/search-bodies';
import { SidevognDb } from '../db/database';
import { createNoteSearch, type LockAwareKeySource } from './note-search';
import { createRepositories, type Repositories } from '../repositories';
import { LockedError } from '../crypto/session';
import { testKey, testKeys } from '../../tests/unit/test-key';
import { serveNoteSearch } from './index-server';
import type { ClientPort, WorkerReply, WorkerRequest } from './index-protocol';
import { createWorkerNoteSearch, idRanges, mergeResults, type SpawnWorker } from './worker-search';

let db: SidevognDb;
let repo: Repositories;
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db, tick, testKeys);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/**
 * Workers in this process: the real serving code (./index-server.ts) behind a
 * port pair that delivers asynchronously, as postMessage does, and records
 * every message both ways.
 */
function fakeWorkers() {
  const sent: WorkerRequest[] = [];
  const replies: WorkerReply[] = [];
  const ports: { terminated: boolean }[] = [];
  const spawn: SpawnWorker = () => {
    let terminated = false;
    const client: ClientPort = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        sent.push(message);
        setTimeout(() => !terminated && server.onmessage?.({ data: message }), 0);
      },
      terminate() {
        terminated = true;
        state.terminated = true;
        served.close();
      },
    };
    const server = {
      onmessage: null as ((event: { data: WorkerRequest }) => void) | null,
      postMessage(message: WorkerReply) {
        replies.push(message);
        setTimeout(() => !terminated && client.onmessage?.({ data: structuredClone(message) }), 0);
      },
    };
    const served = serveNoteSearch(server, (name) => new SidevognDb(name));
    const state = { terminated: false };
    ports.push(state);
    return client;
  };
  return { spawn, sent, replies, ports };
}

function lockable() {
  let key: CryptoKey | null = testKey;
  const listeners = new Set<(unlocked: boolean) => void>();
  return {
    current: () => key,
    subscribe(listener: (unlocked: boolean) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: CryptoKey | null) {
      key = next;
      for (const listener of listeners) listener(next !== null);
    },
  } satisfies LockAwareKeySource & { set(next: CryptoKey | null): void };
}

describe('note search in workers', () => {
  it('answers as the index in the page does, with the notes split over several workers', async () => {
    const citizens = await Promise.all(
      ['070761-4285', '010170-1000'].map((cpr, i) => repo.citizens.open(cpr, `C${i}`)),
    );
    for (let i = 0; i < 60; i++)
      await repo.notes.create(citizens[i % 2]!, `${SEARCH_BODIES[i % SEARCH_BODIES.length]} nr. ${i}`);
    const fake = fakeWorkers();
    const inWorkers = createWorkerNoteSearch(db, testKeys, { spawn: fake.spawn, workers: 3 });
    const inPage = createNoteSearch(db, testKeys);
    await inWorkers.warm();
    expect(fake.ports).toHaveLength(3);
    expect(inWorkers.stats()).toMatchObject({ built: true, notes: 60 });
    for (const [query, options] of [
      ['læge', {}],
      ['praktik', { limit: 5 }],
      ['praktik', { limit: 5, citizenKey: citizens[1] }],
      ['læge uge', {}],
      ['fleksjob', { limit: 0 }],
      ['sygedagpenge', {}],
    ] as const) {
      expect(await inWorkers.search(query, options), query).toEqual(await inPage.search(query, options));
    }
    // Follows writes made after the build.
    await repo.notes.create(citizens[0]!, 'Sygedagpenge bevilget.');
    await expect.poll(async () => (await inWorkers.search('sygedagpenge')).total).toBe(1);
    inWorkers.close();
    inPage.close();
    expect(fake.ports.every((p) => p.terminated)).toBe(true);
  });

  it('gives the workers a key that cannot be exported, and gets no note text back', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Hemmelig lægeattest');
    const fake = fakeWorkers();
    const search = createWorkerNoteSearch(db, testKeys, { spawn: fake.spawn, workers: 2 });
    expect((await search.search('læge')).total).toBe(1);
    const starts = fake.sent.filter((m) => m.type === 'start');
    expect(starts).toHaveLength(2);
    for (const { key } of starts) {
      expect(key).not.toBe(testKey);
      expect(key.extractable).toBe(false);
      // Encrypt too: each worker seals its share's snapshot (ADR 0007).
      expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    }
    expect(JSON.stringify(fake.replies)).not.toMatch(/Hemmelig|attest/);
    search.close();
  });

  it('ends every worker at lock, fails what was pending as locked, and starts afresh after unlock', async () => {
    const keys = lockable();
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.notes.create(a, 'Hemmelig lægeattest');
    const fake = fakeWorkers();
    const search = createWorkerNoteSearch(db, keys, { spawn: fake.spawn, workers: 2 });
    await search.warm();
    const pending = search.search('læge');
    keys.set(null);
    expect(fake.ports.map((p) => p.terminated)).toEqual([true, true]);
    await expect(pending).rejects.toThrow(LockedError);
    await expect(search.search('læge')).rejects.toThrow(LockedError);
    expect(search.stats().built).toBe(false);

    keys.set(testKey);
    expect((await search.search('læge')).total).toBe(1);
    expect(fake.ports).toHaveLength(4);
    search.close();
  });
});

describe('the index kept sealed at rest by the workers', () => {
  it('writes one snapshot per worker, and the next workers load them instead of reading every note', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    for (let i = 0; i < 20; i++) await repo.notes.create(a, `${SEARCH_BODIES[i % SEARCH_BODIES.length]} nr. ${i}`);
    const fake = fakeWorkers();
    const first = createWorkerNoteSearch(db, testKeys, { spawn: fake.spawn, workers: 2, snapshotDelayMs: 5 });
    const before = await first.search('praktik');
    await expect.poll(() => fake.replies.filter((r) => r.type === 'snapshot' && r.written).length).toBe(2);
    first.close();
    expect(await db.searchIndex.count()).toBe(2);
    expect(fake.replies.filter((r) => r.type === 'loaded')).toMatchObject([{ snapshot: false }, { snapshot: false }]);

    await repo.notes.create(a, 'Praktik i Lidl aftalt.');
    const again = fakeWorkers();
    const next = createWorkerNoteSearch(db, testKeys, { spawn: again.spawn, workers: 2 });
    expect((await next.search('praktik')).total).toBe(before.total + 1);
    expect(again.replies.filter((r) => r.type === 'loaded')).toMatchObject([{ snapshot: true }, { snapshot: true }]);
    next.close();
  });
});

describe('splitting and merging', () => {
  it('splits the ids into adjoining ranges that cover every id', () => {
    expect(idRanges(1)).toEqual([{ from: '' }]);
    expect(idRanges(2)).toEqual([{ from: '', below: '8' }, { from: '8' }]);
    for (const n of [2, 3, 4]) {
      const ranges = idRanges(n);
      for (const id of ['', '0', '7fff', '8', 'a1', 'ffff', 'n-00001', 'zz']) {
        expect(
          ranges.filter((r) => id >= r.from && (r.below === undefined || id < r.below)),
          id,
        ).toHaveLength(1);
      }
    }
  });

  it('merges the newest hits across workers, and adds up the totals', () => {
    const hit = (id: string, createdAt: number) => ({ id, citizenKey: 'c', createdAt });
    const merged = mergeResults(
      [
        { total: 5, hits: [hit('a', 9), hit('b', 5), hit('c', 1)] },
        { total: 2, hits: [hit('d', 7), hit('e', 5)] },
      ],
      4,
    );
    expect(merged).toEqual({ total: 7, hits: [hit('a', 9), hit('d', 7), hit('b', 5), hit('e', 5)] });
  });
});
