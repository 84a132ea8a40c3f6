import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS, DEFAULT_RETENTION_DAYS, RETENTION_STEP_MS } from '../privacy/citizen-data';
import { readRetentionState } from '../privacy/retention-policy';
import { checkDataLoss, markCitizenData, readDataMarker } from '../backup/marker';
import { freshTestRepository } from '../../tests/unit/test-key';
import { runRetention } from './retention-alarm';
import { localDay } from '../usage/schema';

const DAY = 86_400_000;
const fresh = freshTestRepository();
const aCitizenRow = (lastActivityAt: number) =>
  fresh.db.citizens.put({
    key: 'a'.repeat(32),
    lastActivityAt,
    sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) },
  });

describe('retention at browser start', () => {
  it('reports a database that came back empty as lost instead of clearing the marker', async () => {
    await markCitizenData(100);
    expect(await runRetention(fresh.db, 200)).toMatchObject({ status: 'done', citizens: 0 });
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100, lostAt: 200 });
    // The first page to open finds the loss.
    expect(await checkDataLoss(fresh.db, 300)).toEqual({ lostAt: 200 });
  });

  it('deleting every citizen on purpose is not a loss: the marker follows', async () => {
    await aCitizenRow(1);
    await markCitizenData(100);
    const now = 1 + (DEFAULT_RETENTION_DAYS + 1) * DAY;
    expect(await runRetention(fresh.db, now)).toMatchObject({ status: 'done', citizens: 1 });
    expect(await fresh.db.citizens.count()).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: false, at: now });
    expect(await checkDataLoss(fresh.db, now + 1)).toBeNull();
  });

  it('a citizen still within the retention period keeps the marker as it is', async () => {
    await aCitizenRow(1_000);
    await markCitizenData(100);
    expect(await runRetention(fresh.db, 2_000)).toMatchObject({ status: 'done', citizens: 0 });
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100 });
  });
});

describe('retention does not trust the clock (issue 27, item 6)', () => {
  const R = DEFAULT_RETENTION_DAYS * DAY_MS;
  const T = Date.UTC(2026, 11, 6, 9);
  const key = (i: number) => i.toString(16).padStart(32, '0');
  const citizens = (count: number, lastActivityAt: number, from = 0) =>
    fresh.db.citizens.bulkPut(
      Array.from({ length: count }, (_, i) => ({
        key: key(from + i),
        lastActivityAt,
        sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) },
      })),
    );

  it('a clock that jumps forward by the retention period deletes nobody and asks', async () => {
    // Yesterday's run; everyone was active the day before.
    await citizens(20, T - 2 * DAY_MS);
    expect(await runRetention(fresh.db, T - DAY_MS)).toMatchObject({ status: 'done', citizens: 0 });
    const jumped = T + R;
    expect(await runRetention(fresh.db, jumped)).toMatchObject({ status: 'held', reason: 'clock', citizens: 20 });
    expect(await fresh.db.citizens.count()).toBe(20);
    expect((await readRetentionState()).held).toEqual({ at: jumped, reason: 'clock', citizens: 20, total: 20 });
    // Still wrong the next day: still held (the last good run's clock is kept).
    expect(await runRetention(fresh.db, jumped + DAY_MS)).toMatchObject({ status: 'held' });
    // The caseworker confirms on the options page: then it deletes, and says what.
    expect(await runRetention(fresh.db, jumped + DAY_MS, { confirmed: true })).toMatchObject({ citizens: 20 });
    const state = await readRetentionState();
    expect(state.held).toBeUndefined();
    expect(state.deleted).toEqual([{ at: jumped + DAY_MS, citizens: 20, records: 20 }]);
  });

  it("runs that overlap (the browser start's and the alarm's) run one after the other: the hold is kept", async () => {
    await citizens(20, T - 2 * DAY_MS);
    expect(await runRetention(fresh.db, T - DAY_MS)).toMatchObject({ status: 'done' });
    // Started together: the start's run by a good clock, whose policy read is slow as at a browser
    // start, then the alarm's by a clock that jumped.
    const read = vi.spyOn(fakeBrowser.storage.managed, 'get');
    read.mockImplementationOnce(() => new Promise((resolve) => setTimeout(() => resolve({}), 50)) as never);
    read.mockResolvedValue({} as never);
    const [start, alarm] = await Promise.all([runRetention(fresh.db, T), runRetention(fresh.db, T + R)]);
    expect(start).toMatchObject({ status: 'done', citizens: 0 });
    expect(alarm).toMatchObject({ status: 'held', reason: 'clock' });
    expect((await readRetentionState()).held).toMatchObject({ at: T + R, reason: 'clock', citizens: 20 });
  });

  it('an ordinary day deletes those whose time came, and records it', async () => {
    await citizens(30, T - DAY_MS);
    await citizens(2, T - R + DAY_MS / 2, 30);
    expect(await runRetention(fresh.db, T - DAY_MS)).toMatchObject({ status: 'done', citizens: 0 });
    expect(await runRetention(fresh.db, T)).toMatchObject({ status: 'done', citizens: 0 });
    expect(await runRetention(fresh.db, T + DAY_MS)).toMatchObject({ status: 'done', citizens: 2 });
    expect((await readRetentionState()).deleted).toEqual([{ at: T + DAY_MS, citizens: 2, records: 2 }]);
  });

  it('a run whose usage pruning fails still records what it deleted, and says it is done', async () => {
    await citizens(2, T - R - DAY_MS);
    expect(await runRetention(fresh.db, T - DAY_MS)).toMatchObject({ status: 'done', citizens: 2 });
    await citizens(3, T - R, 10);
    vi.spyOn(fresh.db.usage, 'where').mockImplementation(() => {
      throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await runRetention(fresh.db, T + DAY_MS)).toMatchObject({ status: 'done', citizens: 3 });
    expect((await readRetentionState()).deleted).toEqual([
      { at: T - DAY_MS, citizens: 2, records: 2 },
      { at: T + DAY_MS, citizens: 3, records: 3 },
    ]);
  });

  it('notes written while the clock was behind are not erased when it is put right', async () => {
    expect(await runRetention(fresh.db, T)).toMatchObject({ status: 'done' });
    // The clock goes back a year; the caseworker works on; a run completes on that clock.
    const behind = T - 365 * DAY_MS;
    await citizens(1, behind + 3_600_000);
    await citizens(40, T - DAY_MS, 1);
    expect(await runRetention(fresh.db, behind + DAY_MS)).toMatchObject({ status: 'done', citizens: 0 });
    // Put right: the citizen looks a year idle, but by the last run's clock was active a day ago.
    expect(await runRetention(fresh.db, T + DAY_MS)).toMatchObject({ status: 'held', reason: 'clock', citizens: 1 });
    expect(await fresh.db.citizens.get(key(0))).toBeDefined();
  });

  it('more than 10 % of all citizens at once is held even when the clock looks right', async () => {
    await citizens(5, T - R - 10 * DAY_MS);
    await citizens(20, T - DAY_MS, 5);
    expect(await runRetention(fresh.db, T)).toMatchObject({ status: 'held', reason: 'many', citizens: 5, total: 25 });
    expect(await fresh.db.citizens.count()).toBe(25);
  });

  it('a last activity in the future is set to now, so it ages from now', async () => {
    await runRetention(fresh.db, T);
    await citizens(1, T + 1000 * DAY_MS);
    expect(await runRetention(fresh.db, T + DAY_MS)).toMatchObject({ status: 'done', clamped: 1 });
    expect((await fresh.db.citizens.get(key(0)))?.lastActivityAt).toBe(T + DAY_MS);
  });

  it('an open deadline keeps its citizen until it falls due', async () => {
    await runRetention(fresh.db, T - DAY_MS);
    await citizens(2, T - R - RETENTION_STEP_MS / 4);
    const deadline = (id: string, citizenKey: string, due: string, doneAt: number | null) =>
      fresh.db.deadlines.put({ id, citizenKey, due, doneAt, sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) } });
    await deadline('open', key(0), '2027-06-01', null);
    await deadline('done', key(1), '2027-06-01', T - 10 * DAY_MS);
    expect(await runRetention(fresh.db, T)).toMatchObject({ status: 'done', citizens: 1 });
    expect(await fresh.db.citizens.get(key(0))).toBeDefined();
    expect(await fresh.db.deadlines.get('open')).toBeDefined();
    // After the day it fell due it no longer holds.
    expect(await runRetention(fresh.db, Date.UTC(2027, 5, 2, 1), { confirmed: true })).toMatchObject({ citizens: 1 });
  });
});

describe('usage statistics follow the retention period (issue 32)', () => {
  const T = new Date(2026, 11, 6, 9).getTime();
  const use = (id: number, day: string) => ({
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    kind: 'template' as const,
    day,
    templateId: 't',
    templateTitle: 'T',
    noteChars: 100,
    keystrokes: 1,
    clicks: 0,
    formMs: 1,
    resumed: false,
  });
  const days = async () => (await fresh.db.usage.toArray()).map((r) => r.day).sort();

  it('deletes records older than the period; a clock that jumped ahead deletes at most a step more', async () => {
    const day = (offset: number) => localDay(T + offset * DAY_MS);
    await fresh.db.usage.bulkAdd([
      use(1, day(-DEFAULT_RETENTION_DAYS - 1)),
      use(2, day(-DEFAULT_RETENTION_DAYS + 1)),
      use(3, day(-10)),
      use(4, day(0)),
    ]);
    expect(await runRetention(fresh.db, T)).toMatchObject({ status: 'done' });
    expect(await days()).toEqual([day(-DEFAULT_RETENTION_DAYS + 1), day(-10), day(0)]);
    // The clock jumps 80 days ahead: the run trusts it only two days past the last run.
    expect(await runRetention(fresh.db, T + 80 * DAY_MS)).toMatchObject({ status: 'done' });
    expect(await days()).toEqual([day(-10), day(0)]);
  });
});
