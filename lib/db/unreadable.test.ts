import { describe, expect, it } from 'vitest';
import { sealRecord } from './sealed';
import { createRepositories } from '../repositories';
import { LockedError } from '../crypto/session';
import { fixedKey } from '../../tests/unit/fixed-key';
import { rawDump } from '../../tests/unit/raw-dump';
import { freshTestRepository, testKey } from '../../tests/unit/test-key';

/**
 * One stored row that fails its schema (or its seal) must not take the rest of
 * a view with it: the panel's reads (notes.window, deadlines/checklistRuns/
 * history.readable) show the other records and count the bad one, and the bad
 * row stays exactly as stored. The strict reads (list, for the access export)
 * still fail loudly.
 */
const t = freshTestRepository();

async function citizenWithBadRows() {
  const a = await t.repo.citizens.open('070761-4285', 'A');
  // A sealed row whose content has the wrong shape (body is a number) ...
  await t.db.notes.add(
    await sealRecord(testKey, 'notes', { id: 'bad-shape', citizenKey: a, body: 42, createdAt: 5, updatedAt: 5 }),
  );
  // ... and one whose seal is not a seal at all.
  await t.db.notes.add({ id: 'bad-seal', citizenKey: a, createdAt: 6, sealed: 'not sealed' } as never);
  await t.db.deadlines.add(
    await sealRecord(testKey, 'deadlines', {
      id: 'bad-deadline',
      citizenKey: a,
      title: '',
      due: '2030-01-01',
      createdAt: 1,
      doneAt: null,
    }),
  );
  await t.db.checklistRuns.add({ id: 'bad-run', citizenKey: a, sealed: { v: 99 } } as never);
  await t.db.history.add(
    await sealRecord(testKey, 'history', { id: 'bad-history', citizenKey: a, at: 3, kind: 'unknown' }),
  );
  return a;
}

describe('a stored row that does not read', () => {
  it('notes: the window shows the other notes and counts the bad ones, which stay as stored', async () => {
    const a = await citizenWithBadRows();
    await t.repo.notes.create(a, 'første');
    await t.repo.notes.create(a, 'anden');
    const before = await rawDump(t.db.name);
    const page = await t.repo.notes.window(a, { newest: 25 });
    expect(page.notes.map((n) => n.body)).toEqual(['anden', 'første']);
    expect(page.unreadable).toBe(2);
    expect(page.hasOlder).toBe(false);
    expect(await rawDump(t.db.name)).toBe(before);
    // The export's strict read still refuses to leave a note out silently.
    await expect(t.repo.notes.list(a)).rejects.toThrow(/notes record does not match/);
  });

  it('deadlines, checklist runs and history: the panel reads the others and counts the bad one', async () => {
    const a = await citizenWithBadRows();
    await t.repo.deadlines.add(a, 'Opfølgning', '2030-02-01');
    await t.repo.checklistRuns.start(a, { id: 'c', packId: 'p', packVersion: '1.0.0' });
    await t.repo.summaries.handoverInserted(a, 'Overdragelse', null);
    const before = await rawDump(t.db.name);

    const deadlines = await t.repo.deadlines.readable(a);
    expect(deadlines.records.map((d) => d.title)).toEqual(['Opfølgning']);
    expect(deadlines.unreadable).toBe(1);
    const runs = await t.repo.checklistRuns.readable(a);
    expect(runs.records.map((r) => r.checklistId)).toEqual(['c']);
    expect(runs.unreadable).toBe(1);
    const history = await t.repo.history.readable(a);
    expect(history.records.map((h) => h.templateTitle)).toEqual(['Overdragelse']);
    expect(history.unreadable).toBe(1);

    expect(await rawDump(t.db.name)).toBe(before);
    await expect(t.repo.deadlines.list(a)).rejects.toThrow(/deadlines record/);
    await expect(t.repo.checklistRuns.list(a)).rejects.toThrow(/checklistRuns record/);
    await expect(t.repo.history.list(a)).rejects.toThrow(/history record/);
  });

  it('the options page caseload lists the citizen though an open deadline of theirs does not read', async () => {
    const a = await citizenWithBadRows();
    await t.repo.deadlines.add(a, 'Opfølgning', '2030-02-01');
    const list = await t.repo.caseload.list('2026-01-01');
    expect(list.map((c) => [c.name, c.nextDeadline?.title])).toEqual([['A', 'Opfølgning']]);
  });

  it('counts only rows that do not read: a locked repository still fails as locked', async () => {
    const a = await citizenWithBadRows();
    const locked = createRepositories(t.db, Date.now, fixedKey(null));
    await expect(locked.notes.window(a, { newest: 25 })).rejects.toBeInstanceOf(LockedError);
  });
});
