import { browser } from 'wxt/browser';
import { SidevognDb } from '../db/database';
import { applyRetention } from '../db/privacy';
import { readRetentionDays } from '../db/retention-policy';
import { checkDataLoss, syncDataMarker } from '../backup/marker';

/**
 * Automatic deletion of citizen data after `retentionDays` without activity:
 * daily on an alarm and at browser start. It uses only clear indexes, so it
 * runs while Sidevogn is locked. Logs carry counts, never citizen data.
 */
export const RETENTION_ALARM = 'retention';

export async function runRetention(db: SidevognDb, now = Date.now()): Promise<number> {
  // At browser start this runs before any Sidevogn page: a database that came
  // back empty is a loss to report (lib/backup/marker.ts), not a state for the
  // marker to follow, or no page would ever see the loss.
  await checkDataLoss(db, now);
  const result = await applyRetention(db, await readRetentionDays(), now);
  // The marker follows what retention deleted (a reported loss stays).
  if (result.citizens > 0) await syncDataMarker(db, now);
  return result.citizens;
}

export function registerRetentionAlarm(): void {
  const db = new SidevognDb();
  const run = () =>
    void runRetention(db).catch((e: unknown) =>
      console.error('Sidevogn: retention', e instanceof Error ? e.name : 'error'),
    );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) run();
  });
  const schedule = () => {
    void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 24 * 60, periodInMinutes: 24 * 60 });
    run();
  };
  browser.runtime.onStartup.addListener(schedule);
  browser.runtime.onInstalled.addListener(schedule);
}
