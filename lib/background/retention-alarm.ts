import { browser } from 'wxt/browser';
import { SidevognDb } from '../db/database';
import { RETENTION_STEP_MS, applyRetention, type RetentionResult } from '../privacy/citizen-data';
import { readRetentionDays, readRetentionState, writeRetentionState } from '../privacy/retention-policy';
import { checkDataLoss, syncDataMarker } from '../backup/marker';
import { pruneUsage } from '../usage/repository';

/**
 * Automatic deletion of citizen data after `retentionDays` without activity:
 * daily on an alarm and at browser start. It uses only clear indexes, so it
 * runs while Sidevogn is locked. Logs carry counts, never citizen data.
 */
export const RETENTION_ALARM = 'retention';

/**
 * One run. The clock is judged by the previous run's (lib/privacy/citizen-data.ts
 * applyRetention): a run that looks wrong deletes nothing and is held for the
 * caseworker (`confirmed` is their answer, from the options page). The clock
 * of the last completed run is kept even when it went back, so notes stamped
 * while the clock was behind are not taken for old when it is put right.
 */
export function runRetention(
  db: SidevognDb,
  /** The run's clock; by default the time it starts, after any run before it has ended. */
  at?: number,
  options: { confirmed?: boolean } = {},
): Promise<RetentionResult> {
  // One run at a time: two that overlap (the worker's at browser start and its alarm's, or the
  // options page's "Slet alligevel" and the worker's) both read the state before either writes
  // it, and the later write drops what the other wrote (a hold, or the clock of its run). Under
  // a lock shared by the worker and the options page, which also keeps each context's order.
  const run = () => retentionRun(db, at ?? Date.now(), options);
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // A run that never ends would hold up every later one: waiting gives up after a minute.
  if (locks) return locks.request(RETENTION_LOCK, { signal: AbortSignal.timeout(RETENTION_LOCK_WAIT_MS) }, run);
  // Without Web Locks (unit tests): in order within this context.
  const next = runs.then(run);
  runs = next.catch(() => undefined);
  return next;
}
const RETENTION_LOCK = 'sidevogn-retention';
const RETENTION_LOCK_WAIT_MS = 60_000;
let runs: Promise<unknown> = Promise.resolve();

async function retentionRun(db: SidevognDb, now: number, { confirmed = false }: { confirmed?: boolean }) {
  // At browser start this runs before any Sidevogn page: a database that came
  // back empty is a loss to report (lib/backup/marker.ts), not a state for the
  // marker to follow, or no page would ever see the loss.
  await checkDataLoss(db, now);
  const state = await readRetentionState();
  const days = await readRetentionDays();
  const result = await applyRetention(db, days, now, {
    previousRun: state.lastRunAt,
    confirmed,
  });
  if (result.status === 'held') {
    // The clock of the last good run stays, so a clock still wrong tomorrow is still held.
    await writeRetentionState({
      ...state,
      held: { at: now, reason: result.reason, citizens: result.citizens, total: result.total },
    });
    console.warn('Sidevogn: retention held', result.reason, result.citizens, 'of', result.total);
    return result;
  }
  // The run's record first: the citizens are gone, whatever fails after (a
  // failed usage pruning left the deletion out of the log and the options page
  // saying nothing was deleted).
  const { held: _held, ...rest } = state;
  await writeRetentionState({
    ...rest,
    lastRunAt: now,
    deleted:
      result.citizens > 0
        ? [...state.deleted, { at: now, citizens: result.citizens, records: result.records }]
        : state.deleted,
  });
  // Usage counts are data about the caseworker: they follow the same period
  // (lib/usage). By a clock at most one step past the previous run's, so a
  // clock that jumped ahead deletes a few days' worth, not all of them. A
  // failure leaves them to the next run.
  const trusted =
    state.lastRunAt !== undefined && now > state.lastRunAt ? Math.min(now, state.lastRunAt + RETENTION_STEP_MS) : now;
  await pruneUsage(db, days, trusted).catch(warn('usage pruning'));
  // The marker follows what retention deleted (a reported loss stays); a failure leaves it to
  // the next sync, and does not make the deletion look undone either.
  if (result.citizens > 0) await syncDataMarker(db, now).catch(warn('marker'));
  return result;
}

/** Logs a failed follow-up step by the error's name only (no citizen data). */
const warn = (step: string) => (e: unknown) =>
  console.warn(`Sidevogn: retention, ${step}`, e instanceof Error ? e.name : 'error');

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
