import type { DataContext } from '../db/data-context';
import { openReadable, openRow, openRows, sealRecord, type Readable } from '../db/sealed';
import type { ChecklistItemState, ChecklistRunRecord } from '../db/records';
import type { Checklist } from './schema';
import type { Pack } from '../packs/schema';

/** Where a run finds its checklist: the installed pack versions (lib/packs/config-groups.ts). */
export interface PackVersions {
  version(id: string, version: string): Promise<Pack | undefined>;
}

/** The checklists a caseworker has started for a citizen, each tied to the pack version it began with. */
export function createChecklistRunRepository(ctx: DataContext, packs: PackVersions) {
  const { db, now, key, waitFor, touch } = ctx;
  const checklistRuns = {
    /** The citizen's runs, newest first. */
    async list(citizenKey: string): Promise<ChecklistRunRecord[]> {
      const dataKey = key();
      const rows = await db.checklistRuns.where('citizenKey').equals(citizenKey).toArray();
      return (await openRows(dataKey, 'checklistRuns', rows)).sort((a, b) => b.startedAt - a.startedAt);
    },
    /** As list, for the panel: a row that does not read is counted, not thrown, and left as stored. */
    async readable(citizenKey: string): Promise<Readable<ChecklistRunRecord>> {
      const dataKey = key();
      const rows = await db.checklistRuns.where('citizenKey').equals(citizenKey).toArray();
      const { records, unreadable } = await openReadable(dataKey, 'checklistRuns', rows);
      return { records: records.sort((a, b) => b.startedAt - a.startedAt), unreadable };
    },
    async start(
      citizenKey: string,
      checklist: { id: string; packId: string; packVersion: string },
    ): Promise<ChecklistRunRecord> {
      const run: ChecklistRunRecord = {
        id: crypto.randomUUID(),
        citizenKey,
        packId: checklist.packId,
        packVersion: checklist.packVersion,
        checklistId: checklist.id,
        startedAt: now(),
        finishedAt: null,
        items: {},
      };
      const row = await sealRecord(key(), 'checklistRuns', run);
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        await db.checklistRuns.add(row);
        await touch(citizenKey, run.startedAt);
      });
      return run;
    },
    /** Ticks an item, marks it not relevant (with a reason), or clears it. */
    async setItem(runId: string, itemId: string, state: Omit<ChecklistItemState, 'at'> | null): Promise<void> {
      const dataKey = key();
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        const row = await db.checklistRuns.get(runId);
        if (!row) throw new Error('The checklist no longer exists');
        const run = await waitFor(openRow(dataKey, 'checklistRuns', row));
        const items = { ...run.items };
        const t = now();
        if (state) items[itemId] = { ...state, at: t };
        else delete items[itemId];
        await db.checklistRuns.put(await waitFor(sealRecord(dataKey, 'checklistRuns', { ...run, items })));
        await touch(run.citizenKey, t);
      });
    },
    async finish(runId: string): Promise<void> {
      const dataKey = key();
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        const t = now();
        const row = await db.checklistRuns.get(runId);
        if (!row) return;
        const run = await waitFor(openRow(dataKey, 'checklistRuns', row));
        await db.checklistRuns.put(await waitFor(sealRecord(dataKey, 'checklistRuns', { ...run, finishedAt: t })));
        await touch(row.citizenKey, t);
      });
    },
    /** The checklist of a run, from the pack version the run began with. */
    async checklistOf(run: ChecklistRunRecord): Promise<Checklist | undefined> {
      return (await packs.version(run.packId, run.packVersion))?.checklists.find((c) => c.id === run.checklistId);
    },
  };
  return checklistRuns;
}

export type ChecklistRunRepository = ReturnType<typeof createChecklistRunRepository>;
