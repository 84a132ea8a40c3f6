import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { draftIdForEdit, draftIdForNewNote } from '../notes/draft-repository';
import {
  CITIZEN_TABLES,
  DAY_MS,
  applyRetention,
  countCitizenData,
  daysUntilDeletion,
  eraseAllCitizenData,
  eraseCitizens,
  retentionWarning,
  totalOf,
} from './citizen-data';
import { readRetentionDays } from './retention-policy';
import { accessExport, readCitizenData } from './access-export';
import { defaultPack } from '../packs/default-pack';
import type { Template } from '../templates/schema';
import { newDataKey } from '../crypto/keyring';
import { fixedKey } from '../../tests/unit/fixed-key';

let db: SidevognDb;
let repo: Repositories;
let clock: number;
const T0 = 1_700_000_000_000;

beforeEach(async () => {
  clock = T0;
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db, () => (clock += 1000), fixedKey(await newDataKey()));
  await db.open();
  await repo.packs.installDefault(async () => defaultPack);
});
afterEach(async () => {
  await db.delete();
});

const template = { id: 'tpl-1', title: 'Samtale' } as Template;

/** A citizen with a record in every citizen table. */
async function aCitizenWithEverything(cpr: string, name: string) {
  const key = await repo.citizens.open(cpr, name);
  const note = await repo.notes.create(key, `Note om ${name}`);
  await repo.drafts.save(draftIdForNewNote(key), key, `Kladde om ${name}`);
  await repo.drafts.save(draftIdForEdit(note.id), key, `Rettelse om ${name}`);
  await repo.formDrafts.save(key, 'tpl-2', { emne: `Emne ${name}` });
  await repo.history.templateInserted(key, template, 'journal');
  await repo.summaries.setText(key, 'goal', `Mål for ${name}`);
  await repo.deadlines.add(key, 'Opfølgning', '2023-11-20');
  const checklist = (await repo.packs.activeContent()).checklists[0]!;
  await repo.checklistRuns.start(key, checklist);
  return key;
}

describe('activity and the retention clock', () => {
  it('every caseworker write moves lastActivityAt; opening a citizen and host facts do not', async () => {
    const key = await repo.citizens.open('070761-4285', 'Anna');
    const last = async () => (await repo.citizens.get(key))!.lastActivityAt;
    let before = await last();
    const wrote = async (what: string, write: () => Promise<unknown>) => {
      await write();
      const after = await last();
      expect(after, what).toBeGreaterThan(before);
      before = after;
    };
    const note = await repo.notes.create(key, 'x');
    before = await last();
    await wrote('note update', () => repo.notes.update(note.id, 'y'));
    await wrote('draft', () => repo.drafts.save(draftIdForNewNote(key), key, 'z'));
    await wrote('form draft', () => repo.formDrafts.save(key, 'tpl', { a: 'b' }));
    await wrote('summary text', () => repo.summaries.setText(key, 'goal', 'mål'));
    await wrote('own fact', () => repo.summaries.setOwnFact(key, 'malgruppe', '2.1'));
    await wrote('contact', () => repo.summaries.saveContact(key, { role: 'laege', name: 'Dr', detail: '' }));
    const deadline = await repo.deadlines.add(key, 'Frist', '2026-12-01');
    before = await last();
    await wrote('deadline done', () => repo.deadlines.setDone(deadline.id, true));
    await wrote('deadline removed', () => repo.deadlines.remove(deadline.id));
    const checklist = (await repo.packs.activeContent()).checklists[0]!;
    const run = await repo.checklistRuns.start(key, checklist);
    before = await last();
    await wrote('checklist item', () => repo.checklistRuns.setItem(run.id, checklist.items[0]!.id, { state: 'done' }));
    await wrote('checklist finished', () => repo.checklistRuns.finish(run.id));
    await wrote('history', () => repo.history.templateInserted(key, template, null));
    await wrote('note removed', () => repo.notes.remove(note.id));

    const quiet = await last();
    await repo.citizens.open('070761-4285', 'Anna');
    await repo.summaries.observeHostFacts(key, { malgruppe: '2.2' });
    expect(await last()).toBe(quiet);
  });

  it('warns from a week before deletion', () => {
    const last = T0;
    expect(daysUntilDeletion(last, 90, last + 10 * DAY_MS)).toBe(80);
    expect(retentionWarning(last, 90, last + 10 * DAY_MS)).toBeNull();
    expect(retentionWarning(last, 90, last + 83 * DAY_MS)).toBe(7);
    expect(retentionWarning(last, 90, last + 89.5 * DAY_MS)).toBe(1);
    expect(retentionWarning(last, 90, last + 95 * DAY_MS)).toBe(0);
  });

  it('reads retentionDays from policy, default 90, ignoring nonsense', async () => {
    expect(await readRetentionDays()).toBe(90);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ retentionDays: 30 });
    expect(await readRetentionDays()).toBe(30);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ retentionDays: -4 });
    expect(await readRetentionDays()).toBe(90);
  });
});

describe('retention', () => {
  it('deletes every table of citizens idle for N days, and keeps the others and packs', async () => {
    const old = await aCitizenWithEverything('070761-4285', 'Gammel');
    clock = T0 + 60 * DAY_MS;
    const recent = await aCitizenWithEverything('010190-1234', 'Ny');
    const before = await countCitizenData(db, recent);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);

    const result = await applyRetention(db, 90, T0 + 91 * DAY_MS);
    expect(result.citizens).toBe(1);
    expect(totalOf(await countCitizenData(db, old))).toBe(0);
    expect(await countCitizenData(db, recent)).toEqual(before);
    expect(await db.packs.count()).toBeGreaterThan(0);
    expect(await db.meta.count()).toBeGreaterThan(0);
  });

  it('keeps a citizen the caseworker wrote about inside the period', async () => {
    const key = await aCitizenWithEverything('070761-4285', 'Anna');
    clock = T0 + 80 * DAY_MS;
    await repo.notes.create(key, 'Stadig aktiv');
    expect((await applyRetention(db, 90, T0 + 100 * DAY_MS)).citizens).toBe(0);
    expect(totalOf(await countCitizenData(db, key))).toBeGreaterThan(0);
  });

  it('decides inside its deleting transaction: a note written before it deletes keeps its citizen', async () => {
    const key = await aCitizenWithEverything('070761-4285', 'Anna');
    clock = T0 + 100 * DAY_MS;
    // The caseworker's note lands just before the run's first writing transaction
    // (on main that was after the run had read who was idle, and the note went too).
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    let written = false;
    vi.spyOn(db, 'transaction').mockImplementation((async (...args: unknown[]) => {
      if (!written && args[0] === 'rw') {
        written = true;
        await repo.notes.create(key, 'Skrevet under sletningen');
      }
      return transaction(...args);
    }) as unknown as typeof db.transaction);
    expect((await applyRetention(db, 90, clock, { confirmed: true })).citizens).toBe(0);
    expect(written).toBe(true);
    expect((await repo.notes.list(key)).map((n) => n.body)).toContain('Skrevet under sletningen');
  });

  it('removes rows whose citizen record is gone (they could never age)', async () => {
    const key = await aCitizenWithEverything('070761-4285', 'Anna');
    await db.citizens.delete(key);
    await applyRetention(db, 90, T0 + DAY_MS);
    expect(totalOf(await countCitizenData(db, key))).toBe(0);
  });
});

describe('access export', () => {
  it('contains every table’s records for the citizen and nothing of others', async () => {
    const anna = await aCitizenWithEverything('070761-4285', 'Anna');
    await aCitizenWithEverything('010190-1234', 'Bo');
    const data = (await readCitizenData(repo, anna))!;
    const counts = await countCitizenData(db, anna);
    expect(data.notes).toHaveLength(counts.notes);
    expect(data.drafts).toHaveLength(counts.drafts);
    expect(data.formDrafts).toHaveLength(counts.formDrafts);
    expect(data.history).toHaveLength(counts.history);
    expect(data.deadlines).toHaveLength(counts.deadlines);
    expect(data.checklistRuns).toHaveLength(counts.checklistRuns);
    expect(data.summary?.text.goal?.value).toBe('Mål for Anna');
    const json = JSON.stringify(accessExport(data, T0));
    for (const text of ['Note om Anna', 'Kladde om Anna', 'Rettelse om Anna', 'Emne Anna', '070761-4285', 'Opfølgning'])
      expect(json).toContain(text);
    expect(json).not.toMatch(/Bo|010190/);
    // Times are readable.
    expect(JSON.parse(json).citizen.firstSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('erasure', () => {
  it('erases one citizen in every table and leaves the others', async () => {
    const anna = await aCitizenWithEverything('070761-4285', 'Anna');
    const bo = await aCitizenWithEverything('010190-1234', 'Bo');
    const boBefore = await countCitizenData(db, bo);
    const counts = await eraseCitizens(db, [anna]);
    expect(counts.notes).toBe(1);
    expect(counts.drafts).toBe(2);
    expect(totalOf(await countCitizenData(db, anna))).toBe(0);
    expect(await countCitizenData(db, bo)).toEqual(boBefore);
  });

  it('is atomic: a failure in the last table leaves everything', async () => {
    const anna = await aCitizenWithEverything('070761-4285', 'Anna');
    const before = await countCitizenData(db, anna);
    // checklistRuns is the last table erased: the others are already deleted inside the transaction.
    vi.spyOn(db.checklistRuns, 'where').mockImplementation((() => {
      throw new Error('disk failed');
    }) as never);
    await expect(eraseCitizens(db, [anna])).rejects.toThrow('disk failed');
    vi.restoreAllMocks();
    expect(await countCitizenData(db, anna)).toEqual(before);
  });

  it('erases all citizen data and keeps packs, templates and settings', async () => {
    await aCitizenWithEverything('070761-4285', 'Anna');
    await aCitizenWithEverything('010190-1234', 'Bo');
    const packsBefore = await db.packs.count();
    const counts = await eraseAllCitizenData(db);
    expect(counts.citizens).toBe(2);
    for (const table of CITIZEN_TABLES) expect(await db[table].count(), table).toBe(0);
    expect(await db.packs.count()).toBe(packsBefore);
    expect(await db.packState.count()).toBeGreaterThan(0);
  });
});
