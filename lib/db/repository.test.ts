import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from './database';
import { createRepository, draftIdForEdit, draftIdForNewNote, StoredDataError, type Repository } from './repository';

let db: SidevognDb;
let repo: Repository;
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepository(db, tick);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('citizen key', () => {
  it('is stable for a CPR, differs between CPRs, and does not contain the number', async () => {
    const a1 = await repo.citizenKey('070761-4285');
    const a2 = await repo.citizenKey('070761-4285');
    const b = await repo.citizenKey('010190-1234');
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
    expect(a1).toMatch(/^[0-9a-f]{32}$/);
    expect(a1).not.toContain('070761');
  });

  it('differs between installations (per-installation secret)', async () => {
    const other = new SidevognDb(`test-${crypto.randomUUID()}`);
    const key1 = await repo.citizenKey('070761-4285');
    const key2 = await createRepository(other).citizenKey('070761-4285');
    expect(key1).not.toBe(key2);
    await other.delete();
  });

  it('keeps no raw CPR in any index', async () => {
    const key = await repo.citizens.open('070761-4285', 'Mette');
    await repo.notes.create(key, 'Første note');
    for (const table of db.tables) {
      const indexed = [table.schema.primKey, ...table.schema.indexes].map((i) => i.keyPath).flat();
      const rows = await table.toArray();
      for (const row of rows as Record<string, unknown>[]) {
        for (const path of indexed) {
          if (typeof path === 'string') expect(String(row[path])).not.toContain('070761');
        }
      }
    }
  });
});

describe('notes', () => {
  it('lists a citizen’s notes newest first and only theirs', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const b = await repo.citizens.open('010190-1234', 'B');
    await repo.notes.create(a, 'første');
    await repo.notes.create(b, 'andens');
    await repo.notes.create(a, 'anden');
    expect((await repo.notes.list(a)).map((n) => n.body)).toEqual(['anden', 'første']);
    expect((await repo.notes.list(b)).map((n) => n.body)).toEqual(['andens']);
  });

  it('saving a note clears the new-note draft in the same transaction', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.drafts.save(draftIdForNewNote(a), a, 'halvfærdig');
    await repo.notes.create(a, 'halvfærdig note');
    expect(await repo.drafts.get(draftIdForNewNote(a))).toBeUndefined();
  });

  it('edits keep createdAt, move updatedAt and clear the edit draft', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const note = await repo.notes.create(a, 'før');
    await repo.drafts.save(draftIdForEdit(note.id), a, 'efter');
    expect(await repo.drafts.editIdsFor(a)).toEqual([note.id]);
    const edited = await repo.notes.update(note.id, 'efter');
    expect(edited.createdAt).toBe(note.createdAt);
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt);
    expect(await repo.drafts.editIdsFor(a)).toEqual([]);
  });

  it('delete returns the note and restore brings it back unchanged (undo)', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const note = await repo.notes.create(a, 'slet mig');
    const removed = await repo.notes.remove(note.id);
    expect(await repo.notes.list(a)).toEqual([]);
    await repo.notes.restore(removed!);
    expect(await repo.notes.list(a)).toEqual([note]);
  });

  it('fails loudly on a stored record of the wrong shape instead of replacing it', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    await db.notes.add({ id: 'x', citizenKey: a, body: 42, createdAt: 1, updatedAt: 1 } as never);
    await expect(repo.notes.list(a)).rejects.toBeInstanceOf(StoredDataError);
    expect(await db.notes.get('x')).toBeDefined();
  });
});

describe('drafts', () => {
  it('saves, reads back and removes on empty text', async () => {
    const a = await repo.citizens.open('070761-4285', 'A');
    const id = draftIdForNewNote(a);
    await repo.drafts.save(id, a, 'tekst');
    expect((await repo.drafts.get(id))?.body).toBe('tekst');
    await repo.drafts.save(id, a, '');
    expect(await repo.drafts.get(id)).toBeUndefined();
  });
});

describe('database', () => {
  it('opens with strict durability', () => {
    expect(
      (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability,
    ).toBe('strict');
    expect(Dexie.semVer).toMatch(/^4\./);
  });
});

describe('templates', () => {
  const valid = {
    id: 'test.kort',
    title: 'Kort notat',
    meetingType: 'kontaktnotat',
    legalBasis: 'Offentlighedsloven § 13',
    sourceUrl: 'https://www.retsinformation.dk/eli/lta/2020/145',
    checkedAt: '2026-11-23',
    validFrom: '2026-01-01',
    fields: [{ id: 'tekst', kind: 'textarea', label: 'Tekst', required: true }],
    body: '{{tekst}}',
  };

  it('installs the defaults once and never overwrites them again', async () => {
    await repo.templates.installDefaults([valid]);
    await db.templates.update('test.kort', { installedAt: 1 });
    await repo.templates.installDefaults([{ ...valid, title: 'Ændret' }]);
    const { templates } = await repo.templates.list();
    expect(templates.map((t) => t.title)).toEqual(['Kort notat']);
  });

  it('imports a valid template and refuses a bad one with path and reason, changing nothing', async () => {
    expect((await repo.templates.import(JSON.stringify(valid))).ok).toBe(true);
    const bad = await repo.templates.import(JSON.stringify({ ...valid, id: 'test.bad', body: '{{ukendt}}' }));
    expect(bad).toEqual({ ok: false, errors: ['body: {{ukendt}} is not a field of this template'] });
    expect(await repo.templates.import('{ not json')).toMatchObject({ ok: false });
    expect((await repo.templates.list()).templates.map((t) => t.id)).toEqual(['test.kort']);
  });

  it('lists a stored template that no longer validates as broken, not as usable', async () => {
    await db.templates.put({
      id: 'x',
      template: { ...valid, id: 'test.x', sourceUrl: 'javascript:alert(1)' },
      source: 'import',
      installedAt: 1,
    } as never);
    const { templates, broken } = await repo.templates.list();
    expect(templates).toEqual([]);
    expect(broken).toEqual([{ id: 'x', errors: ['template.sourceUrl: Use an https:// link'] }]);
  });

  it('keeps a form draft per citizen and template; insertion records history and ends the draft', async () => {
    await repo.templates.installDefaults([valid]);
    const { templates } = await repo.templates.list();
    const a = await repo.citizens.open('070761-4285', 'A');
    await repo.formDrafts.save(a, 'test.kort', { tekst: 'halvt' });
    expect((await repo.formDrafts.get(a, 'test.kort'))?.values).toEqual({ tekst: 'halvt' });
    expect(await repo.formDrafts.templateIdsFor(a)).toEqual(['test.kort']);

    await repo.history.templateInserted(a, templates[0]!, 'Notat (tekst)');
    expect(await repo.formDrafts.get(a, 'test.kort')).toBeUndefined();
    const entries = await repo.history.list(a);
    expect(entries).toMatchObject([
      { kind: 'template-inserted', templateTitle: 'Kort notat', target: 'Notat (tekst)' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('halvt');
  });
});
