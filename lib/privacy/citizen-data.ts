import type { Collection } from 'dexie';
import type { SidevognDb } from '../db/database';

/**
 * Retention, access and erasure of citizen data (GDPR art. 5(1)(e), 15, 17).
 *
 * Deletion works on the clear indexes only (citizens.lastActivityAt and the
 * citizenKey of every citizen table), so the service worker can run it while
 * the panel is locked and nothing is decrypted. Export reads through the
 * domain repositories (./access-export).
 */

import { CITIZEN_TABLES, type CitizenTable } from '../db/citizen-tables';

export { CITIZEN_TABLES, type CitizenTable };
export type TableCounts = Record<CitizenTable, number>;

export const DEFAULT_RETENTION_DAYS = 90;
/** The panel warns this many days before the data is deleted. */
export const RETENTION_WARNING_DAYS = 7;
export const DAY_MS = 86_400_000;

/** When a citizen's data will be deleted unless the caseworker writes something. */
export const deletionTime = (lastActivityAt: number, retentionDays: number) => lastActivityAt + retentionDays * DAY_MS;

/** Whole days left (at least 0; 1 means "within a day"). */
export function daysUntilDeletion(lastActivityAt: number, retentionDays: number, now: number): number {
  return Math.max(0, Math.ceil((deletionTime(lastActivityAt, retentionDays) - now) / DAY_MS));
}

/** Days left when deletion is within the warning week, else null. */
export function retentionWarning(lastActivityAt: number, retentionDays: number, now: number): number | null {
  const days = daysUntilDeletion(lastActivityAt, retentionDays, now);
  return days <= RETENTION_WARNING_DAYS ? days : null;
}

const zeroCounts = (): TableCounts => Object.fromEntries(CITIZEN_TABLES.map((t) => [t, 0])) as TableCounts;

/** The rows of one citizen in one table, found by clear indexes only. */
function rowsOf(db: SidevognDb, table: CitizenTable, key: string): Collection {
  switch (table) {
    case 'citizens':
      return db.citizens.where(':id').equals(key);
    case 'summaries':
      return db.summaries.where(':id').equals(key);
    case 'notes':
      return db.notes.where('[citizenKey+createdAt]').between([key, -Infinity], [key, Infinity]);
    case 'history':
      return db.history.where('[citizenKey+at]').between([key, -Infinity], [key, Infinity]);
    case 'drafts':
    case 'formDrafts':
    case 'deadlines':
    case 'checklistRuns':
      return db[table].where('citizenKey').equals(key);
  }
}

const tables = (db: SidevognDb) => CITIZEN_TABLES.map((t) => db[t]);

/** How many records each table holds about the citizen (for the erase confirmation). */
export async function countCitizenData(db: SidevognDb, key: string): Promise<TableCounts> {
  const counts = zeroCounts();
  await db.transaction('r', tables(db), async () => {
    for (const table of CITIZEN_TABLES) counts[table] = await rowsOf(db, table, key).count();
  });
  return counts;
}

export const totalOf = (counts: TableCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Deletes everything about these citizens in one transaction: all of it, or (on failure) none. */
export async function eraseCitizens(db: SidevognDb, keys: readonly string[]): Promise<TableCounts> {
  const counts = zeroCounts();
  if (keys.length === 0) return counts;
  await db.transaction('rw', tables(db), async () => {
    for (const key of keys) for (const table of CITIZEN_TABLES) counts[table] += await rowsOf(db, table, key).delete();
  });
  return counts;
}

/** Citizens without activity for `retentionDays` (by the clear lastActivityAt index). */
export async function expiredCitizens(db: SidevognDb, retentionDays: number, now: number): Promise<string[]> {
  const cutoff = now - retentionDays * DAY_MS;
  return (await db.citizens.where('lastActivityAt').belowOrEqual(cutoff).primaryKeys()) as string[];
}

/**
 * Citizen keys that have rows in some table but no citizen record (left by a
 * write racing an erasure). They cannot age, so retention removes them.
 */
async function orphanKeys(db: SidevognDb): Promise<string[]> {
  const known = new Set((await db.citizens.toCollection().primaryKeys()) as string[]);
  const seen = new Set<string>();
  const add = (k: unknown) => {
    const key = Array.isArray(k) ? k[0] : k;
    if (typeof key === 'string' && !known.has(key)) seen.add(key);
  };
  (await db.notes.orderBy('[citizenKey+createdAt]').uniqueKeys()).forEach(add);
  (await db.history.orderBy('[citizenKey+at]').uniqueKeys()).forEach(add);
  (await db.summaries.toCollection().primaryKeys()).forEach(add);
  for (const table of ['drafts', 'formDrafts', 'deadlines', 'checklistRuns'] as const)
    (await db[table].orderBy('citizenKey').uniqueKeys()).forEach(add);
  return [...seen];
}

/**
 * Retention must not trust the clock (issue 27, item 6). The service worker's
 * daily run may come a day late, or at the next browser start: a run may delete
 * only citizens who, by the previous run's clock, were already within this
 * step of their deletion time.
 */
export const RETENTION_STEP_MS = 2 * DAY_MS;
/** A run that would delete more than this share of all citizens at once asks first... */
export const RETENTION_MAX_SHARE = 0.1;
/** ...unless it is at most this many citizens. */
export const RETENTION_FEW = 3;

export type RetentionResult =
  | { status: 'done'; citizens: number; records: number; clamped: number }
  | {
      status: 'held';
      /** `clock`: it would delete citizens active by the previous run's clock; `many`: too many at once. */
      reason: 'clock' | 'many';
      citizens: number;
      total: number;
    };

export interface RetentionOptions {
  /** The clock of the previous completed run, if any (lib/privacy/retention-policy.ts). */
  previousRun?: number;
  /** The caseworker confirmed a held run: delete without the clock and share checks. */
  confirmed?: boolean;
}

/**
 * Deletes the data of every citizen past the retention period, in one
 * transaction that also decides who that is (so a note written meanwhile keeps
 * its citizen). An open deadline keeps its citizen until it falls due. A last
 * activity after `now` is set to `now` (unless the clock went back since the
 * previous run: then the clock, not the stamp, is suspect). The run deletes
 * nothing and returns `held` when the clock looks wrong or it would delete too
 * many citizens at once; the caseworker decides (the options page).
 */
export async function applyRetention(
  db: SidevognDb,
  retentionDays: number,
  now: number,
  { previousRun, confirmed = false }: RetentionOptions = {},
): Promise<RetentionResult> {
  const period = retentionDays * DAY_MS;
  const cutoff = now - period;
  return db.transaction('rw', tables(db), async (): Promise<RetentionResult> => {
    const clockWentBack = previousRun !== undefined && now < previousRun;
    const clamped = clockWentBack
      ? 0
      : await db.citizens.where('lastActivityAt').above(now).modify({ lastActivityAt: now });
    const expired = new Map<string, number>();
    await db.citizens
      .where('lastActivityAt')
      .belowOrEqual(cutoff)
      .each((c) => void expired.set(c.key, c.lastActivityAt));
    // An open deadline holds its citizen until the day it falls due is over.
    if (expired.size > 0)
      await db.deadlines
        .where('citizenKey')
        .anyOf([...expired.keys()])
        .each((d) => {
          if (d.doneAt === null && Date.parse(d.due) + DAY_MS > now) expired.delete(d.citizenKey);
        });
    const orphans = await orphanKeys(db);
    if (!confirmed && expired.size > 0) {
      const total = await db.citizens.count();
      const byLastClock =
        previousRun !== undefined &&
        [...expired.values()].some((last) => last > previousRun + RETENTION_STEP_MS - period);
      if (byLastClock) return { status: 'held', reason: 'clock', citizens: expired.size, total };
      if (expired.size > RETENTION_FEW && expired.size > total * RETENTION_MAX_SHARE)
        return { status: 'held', reason: 'many', citizens: expired.size, total };
    }
    const counts = zeroCounts();
    for (const key of [...expired.keys(), ...orphans])
      for (const table of CITIZEN_TABLES) counts[table] += await rowsOf(db, table, key).delete();
    return { status: 'done', citizens: counts.citizens, records: totalOf(counts), clamped };
  });
}

/** Erases all citizen data; packs, templates, adapters, keys and settings stay. */
export async function eraseAllCitizenData(db: SidevognDb): Promise<TableCounts> {
  const counts = zeroCounts();
  await db.transaction('rw', tables(db), async () => {
    for (const table of CITIZEN_TABLES) {
      counts[table] = await db[table].count();
      await db[table].clear();
    }
  });
  return counts;
}
