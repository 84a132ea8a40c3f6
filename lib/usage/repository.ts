import type { Checklist } from '../checklists/schema';
import type { SidevognDb } from '../db/database';
import type { ChecklistRunRecord } from '../db/records';
import { localDay, usageRecordSchema, type ChecklistUse, type TemplateUse, type UsageRecord } from './schema';

const DAY_MS = 86_400_000;

/** A template use as the form measured it (see ./schema). */
export type TemplateUseInput = Omit<TemplateUse, 'id' | 'kind' | 'day'>;

/**
 * The usage statistics over the shared database (table `usage`, not sealed:
 * it holds no citizen data, see ./schema). Every record is checked against
 * its schema before it is written, so nothing else can slip in.
 */
export function createUsageRepository(db: SidevognDb, now: () => number = Date.now) {
  const add = async (record: UsageRecord) => {
    await db.usage.add(usageRecordSchema.parse(record));
  };
  return {
    /** A note went from a template form into the case system (or was copied). */
    async templateUsed(use: TemplateUseInput): Promise<void> {
      await add({ ...use, id: crypto.randomUUID(), kind: 'template', day: localDay(now()) });
    },
    /** A checklist run was finished: which items were »ikke relevant«, whether with a reason (not the reason). */
    async checklistUsed(run: ChecklistRunRecord, checklist: Checklist): Promise<void> {
      const record: ChecklistUse = {
        id: crypto.randomUUID(),
        kind: 'checklist',
        day: localDay(now()),
        packId: run.packId,
        checklistId: checklist.id,
        checklistTitle: checklist.title,
        items: checklist.items.length,
        done: checklist.items.filter((i) => run.items[i.id]?.state === 'done').length,
        notRelevant: checklist.items
          .filter((i) => run.items[i.id]?.state === 'na')
          .map((i) => ({ id: i.id, title: i.title, reason: !!run.items[i.id]?.reason?.trim() })),
      };
      await add(record);
    },
    /** Every record (invalid ones skipped), oldest day first. */
    async list(): Promise<UsageRecord[]> {
      const rows = await db.usage.orderBy('day').toArray();
      return rows.flatMap((row) => {
        const parsed = usageRecordSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    /** »Slet brugsstatistik«: deletes every record; returns how many. */
    async eraseAll(): Promise<number> {
      return db.transaction('rw', db.usage, async () => {
        const n = await db.usage.count();
        await db.usage.clear();
        return n;
      });
    },
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;

/**
 * Usage records follow the retention setting as citizen data does: a record
 * older than `retentionDays` (by its day) is deleted. Run with retention
 * (lib/background/retention-alarm.ts) once its clock checks passed.
 */
export async function pruneUsage(db: SidevognDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = localDay(now - retentionDays * DAY_MS);
  return db.usage.where('day').below(cutoff).delete();
}

/**
 * Runs a usage write and swallows its failure (logging only the error's
 * name): a count is never worth a failed insertion or checklist.
 */
export async function countQuietly(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    console.warn('Sidevogn: usage not counted', e instanceof Error ? e.name : 'error');
  }
}
