import type { DataContext } from '../db/data-context';
import { openReadable, openRow, openRows, sealRecord } from '../db/sealed';
import { noteRecordSchema, type NoteRecord } from '../db/records';
import { draftIdForEdit, draftIdForNewNote } from './draft-repository';

/** Where a page of notes ends: the oldest note shown (its clear index fields). */
export interface NoteCursor {
  createdAt: number;
  id: string;
}
/**
 * Notes the notes tab reads and decrypts when a citizen is opened: a few
 * screens of the narrow panel, and opening a citizen with 1,000 notes reads
 * only these (issue 6). Reading the rows is most of the cost, and its tail
 * grows with their number: 25 is the most that kept the open within its time
 * goal on the benchmark (issue 7; tests/bench/README.md).
 */
export const NOTES_FIRST_PAGE = 25;
/** Notes each "show older notes" adds: the caseworker asked for them, so a longer read is fine. */
export const NOTES_PAGE_SIZE = 50;
export type NoteWindowSize = { newest: number } | { through: NoteCursor };
/**
 * Notes as the notes tab shows them, newest first, and whether older ones are
 * not shown (how many: notes.olderCount, a query of its own, because counting
 * a citizen's index entries costs several times more than reading the page
 * at 1,000 notes, tests/bench).
 */
export interface NotePage {
  notes: NoteRecord[];
  hasOlder: boolean;
  /** Rows in the window that do not read (schema or seal): not shown, kept as stored (see openReadable). */
  unreadable: number;
}

/** True when `row` sorts after `cursor` in newest-first order (older, or as old with a lower id). */
const isBefore = (row: NoteCursor, cursor: NoteCursor) =>
  row.createdAt < cursor.createdAt || (row.createdAt === cursor.createdAt && row.id < cursor.id);

/** The caseworker's notes about a citizen; saving a note ends its draft in the same transaction. */
export function createNoteRepository(ctx: DataContext) {
  const { db, now, key, waitFor, touch } = ctx;

  /** The citizen's notes in the panel's order: createdAt descending, then id descending (the index's own order). */
  const citizenNotes = (citizenKey: string, from = -Infinity, to = Infinity) =>
    db.notes.where('[citizenKey+createdAt]').between([citizenKey, from], [citizenKey, to], true, true).reverse();

  const notes = {
    /** The citizen's notes, newest first (every one of them: export, erasure; the panel pages). */
    async list(citizenKey: string): Promise<NoteRecord[]> {
      const dataKey = key();
      return openRows(dataKey, 'notes', await citizenNotes(citizenKey).toArray());
    },
    /**
     * What the notes tab shows: the newest `newest` notes, or every note from
     * the newest down to and including the cursor (so a page loaded once stays
     * put while notes are added above it). Only those rows are read and
     * decrypted; `older` counts the notes below, from the index alone.
     */
    async window(citizenKey: string, size: NoteWindowSize): Promise<NotePage> {
      const dataKey = key();
      // One row past the window, read but not opened, tells whether older ones exist.
      const rows =
        'newest' in size
          ? await citizenNotes(citizenKey)
              .limit(size.newest + 1)
              .toArray()
          : await citizenNotes(citizenKey)
              .until((row) => isBefore(row, size.through), true)
              .toArray();
      const beyond =
        'newest' in size ? rows.length > size.newest : !!rows.at(-1) && isBefore(rows.at(-1)!, size.through);
      const { records, unreadable } = await openReadable(dataKey, 'notes', beyond ? rows.slice(0, -1) : rows);
      return { notes: records, hasOlder: beyond, unreadable };
    },
    /** How many of the citizen's notes are older than `below` (from the index alone). */
    async olderCount(citizenKey: string, below: NoteCursor): Promise<number> {
      key();
      const index = db.notes.where('[citizenKey+createdAt]');
      const [earlier, sameTime] = await Promise.all([
        index.between([citizenKey, -Infinity], [citizenKey, below.createdAt], true, false).count(),
        index.equals([citizenKey, below.createdAt]).primaryKeys(),
      ]);
      return earlier + sameTime.filter((id) => id < below.id).length;
    },
    /**
     * The cursor `count` notes below `from` (or the oldest note, if fewer are
     * left): where the window ends after "show older notes". Reads only the
     * clear index fields; null when nothing is older.
     */
    async cursorBelow(citizenKey: string, from: NoteCursor, count: number): Promise<NoteCursor | null> {
      key();
      let last: NoteCursor | null = null;
      let seen = 0;
      await citizenNotes(citizenKey, -Infinity, from.createdAt)
        .until(() => seen >= count)
        .each((row) => {
          if (!isBefore(row, from)) return;
          seen++;
          last = { createdAt: row.createdAt, id: row.id };
        });
      return last;
    },
    /** Notes by id (search results), in the order asked; undefined where a note is gone. */
    async byIds(ids: readonly string[]): Promise<(NoteRecord | undefined)[]> {
      const dataKey = key();
      const rows = await db.notes.bulkGet([...ids]);
      return Promise.all(rows.map((row) => row && openRow(dataKey, 'notes', row)));
    },
    /** Saves a new note and clears the draft it was written in, atomically. */
    async create(citizenKey: string, body: string): Promise<NoteRecord> {
      const t = now();
      const note: NoteRecord = { id: crypto.randomUUID(), citizenKey, body, createdAt: t, updatedAt: t };
      const row = await sealRecord(key(), 'notes', note);
      await db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        await db.notes.add(row);
        await db.drafts.delete(draftIdForNewNote(citizenKey));
        await db.citizens.update(citizenKey, { lastActivityAt: t });
      });
      return note;
    },
    async update(id: string, body: string): Promise<NoteRecord> {
      const dataKey = key();
      return db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        const existing = await db.notes.get(id);
        if (!existing) throw new Error('The note no longer exists');
        const note = { ...(await waitFor(openRow(dataKey, 'notes', existing))), body, updatedAt: now() };
        await db.notes.put(await waitFor(sealRecord(dataKey, 'notes', note)));
        await db.drafts.delete(draftIdForEdit(id));
        await touch(note.citizenKey, note.updatedAt);
        return note;
      });
    },
    /** Deletes a note; returns it so the caller can offer undo. */
    async remove(id: string): Promise<NoteRecord | undefined> {
      const dataKey = key();
      const existing = await db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        const row = await db.notes.get(id);
        await db.notes.delete(id);
        await db.drafts.delete(draftIdForEdit(id));
        if (row) await touch(row.citizenKey, now());
        return row;
      });
      return existing && openRow(dataKey, 'notes', existing);
    },
    async restore(note: NoteRecord): Promise<void> {
      const parsed = noteRecordSchema.parse(note);
      const row = await sealRecord(key(), 'notes', parsed);
      await db.transaction('rw', db.notes, db.citizens, async () => {
        await db.notes.put(row);
        await touch(parsed.citizenKey, now());
      });
    },
  };
  return notes;
}

export type NoteRepository = ReturnType<typeof createNoteRepository>;
