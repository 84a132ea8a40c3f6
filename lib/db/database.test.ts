import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidevognDb } from './database';

/**
 * A full disk closes the database under a page (Chromium cannot open it again
 * until there is room: tests/e2e/storage-full-disk.spec.ts). Dexie alone then
 * rejects every later read and write with DatabaseClosedError until someone
 * calls open(), so "Prøv igen" kept failing after the caseworker made room.
 */
describe('SidevognDb after an open that failed', () => {
  const names: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  it('opens again on the next operation once the cause is gone', async () => {
    const name = `reopen-${crypto.randomUUID()}`;
    names.push(name);
    const db = new SidevognDb(name);
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    });
    await expect(db.notes.count()).rejects.toThrow(/backing store/);
    open.mockRestore(); // room again
    expect(await db.notes.count()).toBe(0);
    db.close();
  });

  it('stays closed when closed on purpose', async () => {
    const name = `closed-${crypto.randomUUID()}`;
    names.push(name);
    const db = new SidevognDb(name);
    await db.open();
    db.close();
    await expect(db.notes.count()).rejects.toThrow(Dexie.DatabaseClosedError);
  });
});
