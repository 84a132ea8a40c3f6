import type { DataContext } from '../db/data-context';
import { openReadable, openRows, sealRecord, type Readable } from '../db/sealed';
import { deadlineRecordSchema, parseStored, sealedRowSchemas, type DeadlineRecord } from '../db/records';

/** The caseworker's deadlines for a citizen; the service worker reads their clear due days while locked. */
export function createDeadlineRepository(ctx: DataContext) {
  const { db, now, key, touch } = ctx;
  const inOrder = (records: DeadlineRecord[]) =>
    records.sort((a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.due.localeCompare(b.due));
  const deadlines = {
    /** The citizen's deadlines, open ones first, each group by due day; a row that does not read fails (export). */
    async list(citizenKey: string): Promise<DeadlineRecord[]> {
      const dataKey = key();
      const rows = await db.deadlines.where('citizenKey').equals(citizenKey).toArray();
      return inOrder(await openRows(dataKey, 'deadlines', rows));
    },
    /** As list, for the panel: a row that does not read is counted, not thrown, and left as stored. */
    async readable(citizenKey: string): Promise<Readable<DeadlineRecord>> {
      const dataKey = key();
      const rows = await db.deadlines.where('citizenKey').equals(citizenKey).toArray();
      const { records, unreadable } = await openReadable(dataKey, 'deadlines', rows);
      return { records: inOrder(records), unreadable };
    },
    async add(citizenKey: string, title: string, due: string): Promise<DeadlineRecord> {
      const record = deadlineRecordSchema.parse({
        id: crypto.randomUUID(),
        citizenKey,
        title,
        due,
        createdAt: now(),
        doneAt: null,
      });
      const row = await sealRecord(key(), 'deadlines', record);
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        await db.deadlines.add(row);
        await touch(citizenKey, record.createdAt);
      });
      return record;
    },
    async setDone(id: string, done: boolean): Promise<void> {
      key(); // doneAt is a clear field (the service worker reads it while locked), but the caseworker must be unlocked.
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        const t = now();
        const row = await db.deadlines.get(id);
        await db.deadlines.update(id, { doneAt: done ? t : null });
        if (row) await touch(row.citizenKey, t);
      });
    },
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        const row = await db.deadlines.get(id);
        await db.deadlines.delete(id);
        if (row) await touch(row.citizenKey, now());
      });
    },
    /** Due days of all open deadlines (what the service worker schedules alarms from). */
    async openDueDays(): Promise<string[]> {
      // Works while locked: only clear fields are read, nothing is opened.
      const rows = await db.deadlines.orderBy('due').toArray();
      return rows
        .map((row) => parseStored(sealedRowSchemas.deadlines, 'deadlines', row))
        .flatMap((d) => (d.doneAt === null ? [d.due] : []));
    },
  };
  return deadlines;
}

export type DeadlineRepository = ReturnType<typeof createDeadlineRepository>;
