import type { DataContext } from '../db/data-context';
import { openRow, sealRecord } from '../db/sealed';
import type { DraftRecord } from '../db/records';

export type DraftId = `new:${string}` | `edit:${string}`;

export const draftIdForNewNote = (citizenKey: string): DraftId => `new:${citizenKey}`;
export const draftIdForEdit = (noteId: string): DraftId => `edit:${noteId}`;

/** Unfinished notes: a new note per citizen, an edit per note (saved as the caseworker types). */
export function createDraftRepository(ctx: DataContext) {
  const { db, now, key, touch } = ctx;
  const drafts = {
    async get(id: DraftId): Promise<DraftRecord | undefined> {
      const dataKey = key();
      const row = await db.drafts.get(id);
      return row && openRow(dataKey, 'drafts', row);
    },
    /** An empty body removes the draft. */
    async save(id: DraftId, citizenKey: string, body: string): Promise<void> {
      const t = now();
      const dataKey = key();
      const row = body === '' ? null : await sealRecord(dataKey, 'drafts', { id, citizenKey, body, updatedAt: t });
      await db.transaction('rw', db.drafts, db.citizens, async () => {
        if (row === null) await db.drafts.delete(id);
        else await db.drafts.put(row);
        await touch(citizenKey, t);
      });
    },
    /** Ids of the citizen's notes that have an unfinished edit. */
    async editIdsFor(citizenKey: string): Promise<string[]> {
      const ids = await db.drafts.where('citizenKey').equals(citizenKey).primaryKeys();
      return ids.filter((id) => id.startsWith('edit:')).map((id) => id.slice('edit:'.length));
    },
    async discard(id: DraftId): Promise<void> {
      await db.drafts.delete(id);
    },
  };
  return drafts;
}

export type DraftRepository = ReturnType<typeof createDraftRepository>;
