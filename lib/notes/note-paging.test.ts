import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import { LockedError } from '../crypto/session';
import { createRepositories, type Repositories } from '../repositories';
import type { NoteCursor, NotePage } from './note-repository';
import type { NoteRecord } from '../db/records';
import { fixedKey } from '../../tests/unit/fixed-key';
import { testKeys } from '../../tests/unit/test-key';

/** The notes tab's paging (repository.notes.window / cursorBelow / olderCount, issue 6). */

let db: SidevognDb;
let repo: Repositories;
let clock = 1_700_000_000_000;
let citizen: string;

beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db, () => clock, testKeys);
  await db.open();
  citizen = await repo.citizens.open('070761-4285', 'Mette');
});
afterEach(async () => {
  await db.delete();
});

const cursorOf = (note: NoteRecord): NoteCursor => ({ createdAt: note.createdAt, id: note.id });
const ids = (notes: readonly NoteRecord[]) => notes.map((n) => n.id);
/** What the notes tab says is below a page: nothing, or how many. */
const olderOf = async (page: NotePage) =>
  page.hasOlder ? repo.notes.olderCount(citizen, cursorOf(page.notes.at(-1)!)) : 0;

/** Notes at the given times (several share one), in creation order. */
async function seed(times: number[]): Promise<NoteRecord[]> {
  const out = [];
  for (const [i, t] of times.entries()) {
    clock = t;
    out.push(await repo.notes.create(citizen, `Note ${i}`));
  }
  return out;
}

/** Loads page after page as the panel does and returns every window it showed. */
async function pageThrough(size: number): Promise<NotePage[]> {
  const pages = [await repo.notes.window(citizen, { newest: size })];
  for (;;) {
    const last = pages.at(-1)!;
    const next = await repo.notes.cursorBelow(citizen, cursorOf(last.notes.at(-1)!), size);
    if (!next) return pages;
    pages.push(await repo.notes.window(citizen, { through: next }));
    if (pages.length > 50) throw new Error('paging does not end');
  }
}

describe('notes paging', () => {
  it('shows the newest first, createdAt then id descending, and only the citizen’s own', async () => {
    const other = await repo.citizens.open('010190-1234', 'Anden');
    await seed([1000, 3000, 2000, 3000, 3000, 1000, 4000]);
    clock = 5000;
    await repo.notes.create(other, 'Andens note');
    const all = await repo.notes.list(citizen);
    expect(all).toHaveLength(7);
    const expected = [...all].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    expect(ids(all)).toEqual(ids(expected));
    const first = await repo.notes.window(citizen, { newest: 3 });
    expect(ids(first.notes)).toEqual(ids(all.slice(0, 3)));
    expect(first.hasOlder).toBe(true);
    expect(await olderOf(first)).toBe(4);
    expect(first.notes.map((n) => n.body)).not.toContain('Andens note');
  });

  it('pages through notes sharing timestamps across page boundaries without gaps or repeats', async () => {
    // Five notes at one instant straddle the boundaries of pages of two.
    await seed([1000, 2000, 2000, 2000, 2000, 2000, 3000, 500]);
    const all = await repo.notes.list(citizen);
    const pages = await pageThrough(2);
    expect(pages.map((p) => p.notes.length)).toEqual([2, 4, 6, 8]);
    expect(await Promise.all(pages.map(olderOf))).toEqual([6, 4, 2, 0]);
    expect(pages.map((p) => p.hasOlder)).toEqual([true, true, true, false]);
    // Every window is the newest-first prefix of all notes: nothing skipped, nothing twice.
    for (const p of pages) expect(ids(p.notes)).toEqual(ids(all.slice(0, p.notes.length)));
    expect(await repo.notes.cursorBelow(citizen, cursorOf(all.at(-1)!), 2)).toBeNull();
  });

  it('a last page shorter than a page ends at the oldest note', async () => {
    await seed([1, 2, 3, 4, 5]);
    const all = await repo.notes.list(citizen);
    const next = await repo.notes.cursorBelow(citizen, cursorOf(all[2]!), 50);
    expect(next).toEqual(cursorOf(all[4]!));
    expect(ids((await repo.notes.window(citizen, { through: next! })).notes)).toEqual(ids(all));
  });

  it('a loaded window stays anchored: a live insert appears on top, edits and deletes show, nothing falls out', async () => {
    await seed([1000, 2000, 3000, 4000, 5000]);
    const all = await repo.notes.list(citizen);
    const through = await repo.notes.cursorBelow(citizen, cursorOf(all[1]!), 2);
    expect(through).toEqual(cursorOf(all[3]!));

    const seen: NotePage[] = [];
    const sub = liveQuery(() => repo.notes.window(citizen, { through: through! })).subscribe({
      next: (page) => seen.push(page),
    });
    const settle = async (count: number) => {
      await expect.poll(() => seen.length).toBeGreaterThanOrEqual(count);
      return seen.at(-1)!;
    };
    try {
      expect(ids((await settle(1)).notes)).toEqual(ids(all.slice(0, 4)));

      // Another panel (another repository on the same database) writes a note.
      clock = 6000;
      const fresh = await createRepositories(db, () => clock, testKeys).notes.create(citizen, 'Fra en anden fane');
      let page = await settle(2);
      expect(ids(page.notes)).toEqual([fresh.id, ...ids(all.slice(0, 4))]);
      expect(await olderOf(page)).toBe(1);

      await repo.notes.update(all[3]!.id, 'Rettet');
      page = await settle(3);
      expect(page.notes.at(-1)!.body).toBe('Rettet');

      // Deleting the note the window is anchored on keeps the rest.
      const removed = await repo.notes.remove(all[3]!.id);
      page = await settle(4);
      expect(ids(page.notes)).toEqual([fresh.id, ...ids(all.slice(0, 3))]);
      expect(await olderOf(page)).toBe(1);
      await repo.notes.restore(removed!);
      page = await settle(5);
      expect(ids(page.notes)).toEqual([fresh.id, ...ids(all.slice(0, 4))]);
    } finally {
      sub.unsubscribe();
    }
  });

  it('the newest page follows inserts', async () => {
    await seed([1000, 2000, 3000]);
    const seen: NotePage[] = [];
    const sub = liveQuery(() => repo.notes.window(citizen, { newest: 2 })).subscribe({
      next: (page) => seen.push(page),
    });
    try {
      await expect.poll(() => seen.length).toBe(1);
      clock = 4000;
      const fresh = await repo.notes.create(citizen, 'Ny');
      await expect.poll(() => seen.at(-1)!.notes[0]?.id).toBe(fresh.id);
      expect(seen.at(-1)!.notes).toHaveLength(2);
      expect(await olderOf(seen.at(-1)!)).toBe(2);
    } finally {
      sub.unsubscribe();
    }
  });

  it('refuses while locked', async () => {
    await seed([1000]);
    const locked = createRepositories(db, () => clock, fixedKey(null));
    await expect(locked.notes.window(citizen, { newest: 50 })).rejects.toBeInstanceOf(LockedError);
    await expect(locked.notes.cursorBelow(citizen, { createdAt: 2000, id: 'x' }, 50)).rejects.toBeInstanceOf(
      LockedError,
    );
    await expect(locked.notes.olderCount(citizen, { createdAt: 2000, id: 'x' })).rejects.toBeInstanceOf(LockedError);
  });
});
