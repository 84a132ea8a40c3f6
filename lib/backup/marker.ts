import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import type { SidevognDb } from '../db/database';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * A marker in chrome.storage.local that says whether the database held
 * citizen data. IndexedDB can come back empty (a cleared site data, a corrupt
 * profile); when the marker says data was there, the panel and the options
 * page say so and offer the latest backup instead of silently starting empty.
 * The marker holds no citizen data: a boolean and times.
 */
let pageCheck: Promise<{ lostAt: number } | null> | undefined;

export const dataMarkerSchema = lazySchema(() =>
  z.strictObject({
    citizens: z.boolean(),
    at: z.number().int(),
    /** Set when the database was found empty against the marker, until the caseworker decides. */
    lostAt: z.number().int().optional(),
  }),
);
export type DataMarker = z.infer<typeof dataMarkerSchema>;

/** Remind about a backup when none was exported for this long (and there is data). */
export const BACKUP_REMINDER_DAYS = 30;

export async function readDataMarker(): Promise<DataMarker | null> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.dataMarker);
  const parsed = dataMarkerSchema.safeParse(stored[STORAGE_KEYS.dataMarker]);
  return parsed.success ? parsed.data : null;
}

const writeMarker = (marker: DataMarker) => browser.storage.local.set({ [STORAGE_KEYS.dataMarker]: marker });

/** A citizen was opened or written: the database holds data (one write per change of state). */
export async function markCitizenData(now = Date.now()): Promise<void> {
  const marker = await readDataMarker();
  if (marker?.citizens) return;
  await writeMarker({ ...marker, citizens: true, at: now });
}

/**
 * Before erasing every citizen on purpose: the marker says "no citizen data"
 * first, so no failure after the erase can read as a loss (the alert that
 * offers a backup, which would undo an erasure a citizen asked for). Until a
 * citizen is opened again (markCitizenData) a real loss goes unseen; an open
 * data-loss alert stays.
 */
export async function markErasingAll(now = Date.now()): Promise<void> {
  await writeCitizens(await readDataMarker(), false, now);
}

/** The marker saying whether there are citizens, keeping an open data-loss finding. */
const writeCitizens = (marker: DataMarker | null, citizens: boolean, at: number) =>
  writeMarker({ ...(marker?.lostAt !== undefined && { lostAt: marker.lostAt }), citizens, at });

/** After a deletion or an import: the marker follows the database (an open data-loss alert stays). */
export async function syncDataMarker(db: SidevognDb, now = Date.now()): Promise<void> {
  const marker = await readDataMarker();
  const citizens = (await db.citizens.count()) > 0;
  if (marker && marker.citizens === citizens && marker.lostAt === undefined) return;
  await writeCitizens(marker, citizens, now);
}

/**
 * Called when a page opens the database, before anything is written: the
 * database is empty but the marker says it held citizens. The finding is kept
 * (lostAt) until the caseworker imports a backup or chooses to start empty.
 */
export async function checkDataLoss(db: SidevognDb, now = Date.now()): Promise<{ lostAt: number } | null> {
  const marker = await readDataMarker();
  if (marker?.lostAt !== undefined) return { lostAt: marker.lostAt };
  if (!marker?.citizens || (await db.citizens.count()) > 0) return null;
  await writeMarker({ ...marker, lostAt: now });
  return { lostAt: now };
}

/** The caseworker imported a backup or chose to start empty. */
export async function acknowledgeDataLoss(db: SidevognDb, now = Date.now()): Promise<void> {
  await writeMarker({ citizens: (await db.citizens.count()) > 0, at: now });
  pageCheck = Promise.resolve(null);
}

/** The check for this page, run once at start-up (lib/panel/start-panel.ts, lib/options/start-options.ts). */
export function checkDataLossOnce(db: SidevognDb): Promise<{ lostAt: number } | null> {
  pageCheck ??= checkDataLoss(db).catch(() => null);
  return pageCheck;
}
/**
 * The loss this page knows of: its start-up check's, or one recorded since
 * (the database vanished while the page was open, ./vanished-database.ts,
 * perhaps found by another page), so an alert mounted later shows it.
 */
export const pageDataLoss = async (): Promise<{ lostAt: number } | null> => (await pageCheck) ?? recordedLoss();

const recordedLoss = () =>
  readDataMarker().then(
    (marker) => (marker?.lostAt !== undefined ? { lostAt: marker.lostAt } : null),
    () => null,
  );

/**
 * The database vanished under a running session (./vanished-database.ts): a
 * loss if it held citizens, recorded as checkDataLoss would at the next start.
 */
export async function recordVanishedDatabase(now = Date.now()): Promise<void> {
  const marker = await readDataMarker();
  if (!marker?.citizens || marker.lostAt !== undefined) return;
  await writeMarker({ ...marker, lostAt: now });
}

export async function readLastBackupAt(): Promise<number | null> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.lastBackupAt);
  const parsed = z.number().int().safeParse(stored[STORAGE_KEYS.lastBackupAt]);
  return parsed.success ? parsed.data : null;
}

export const recordBackupExported = (now = Date.now()) =>
  browser.storage.local.set({ [STORAGE_KEYS.lastBackupAt]: now });

/** A modest reminder: there is data and no backup in BACKUP_REMINDER_DAYS. */
export function backupReminderDue(marker: DataMarker | null, lastBackupAt: number | null, now: number): boolean {
  if (!marker?.citizens) return false;
  return lastBackupAt === null || now - lastBackupAt > BACKUP_REMINDER_DAYS * 86_400_000;
}
