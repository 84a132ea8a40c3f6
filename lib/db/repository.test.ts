import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { SidevognDb } from './database';
import { defaultPack } from '../packs/default-pack';
import { packSchema } from '../packs/schema';
import { createRepository, draftIdForEdit, draftIdForNewNote, StoredDataError } from './repository';
import { sealRecord } from './sealed';
import { testKey, testKeys, freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('citizen key', () => {
  it('is stable for a CPR, differs between CPRs, and does not contain the number', async () => {
    const a1 = await t.repo.citizenKey('070761-4285');
    const a2 = await t.repo.citizenKey('070761-4285');
    const b = await t.repo.citizenKey('010190-1234');
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
    expect(a1).toMatch(/^[0-9a-f]{32}$/);
    expect(a1).not.toContain('070761');
  });

  it('differs between installations (per-installation secret)', async () => {
    const other = new SidevognDb(`test-${crypto.randomUUID()}`);
    const key1 = await t.repo.citizenKey('070761-4285');
    const key2 = await createRepository(other, Date.now, testKeys).citizenKey('070761-4285');
    expect(key1).not.toBe(key2);
    await other.delete();
  });

  it('opening a known citizen writes nothing unless the page shows a new name', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    const stored = await t.db.citizens.get(key);
    expect(await t.repo.citizens.open('070761-4285', 'Mette')).toBe(key);
    expect(await t.repo.citizens.open('070761-4285', '')).toBe(key);
    // Same row, same ciphertext: not sealed again.
    expect(await t.db.citizens.get(key)).toEqual(stored);
    await t.repo.citizens.open('070761-4285', 'Mette Hansen');
    expect((await t.repo.citizens.get(key))?.name).toBe('Mette Hansen');
  });

  it('keeps no raw CPR in any index', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.repo.notes.create(key, 'Første note');
    for (const table of t.db.tables) {
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
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const b = await t.repo.citizens.open('010190-1234', 'B');
    await t.repo.notes.create(a, 'første');
    await t.repo.notes.create(b, 'andens');
    await t.repo.notes.create(a, 'anden');
    expect((await t.repo.notes.list(a)).map((n) => n.body)).toEqual(['anden', 'første']);
    expect((await t.repo.notes.list(b)).map((n) => n.body)).toEqual(['andens']);
  });

  it('saving a note clears the new-note draft in the same transaction', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.repo.drafts.save(draftIdForNewNote(a), a, 'halvfærdig');
    await t.repo.notes.create(a, 'halvfærdig note');
    expect(await t.repo.drafts.get(draftIdForNewNote(a))).toBeUndefined();
  });

  it('edits keep createdAt, move updatedAt and clear the edit draft', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const note = await t.repo.notes.create(a, 'før');
    await t.repo.drafts.save(draftIdForEdit(note.id), a, 'efter');
    expect(await t.repo.drafts.editIdsFor(a)).toEqual([note.id]);
    const edited = await t.repo.notes.update(note.id, 'efter');
    expect(edited.createdAt).toBe(note.createdAt);
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt);
    expect(await t.repo.drafts.editIdsFor(a)).toEqual([]);
  });

  it('delete returns the note and restore brings it back unchanged (undo)', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const note = await t.repo.notes.create(a, 'slet mig');
    const removed = await t.repo.notes.remove(note.id);
    expect(await t.repo.notes.list(a)).toEqual([]);
    await t.repo.notes.restore(removed!);
    expect(await t.repo.notes.list(a)).toEqual([note]);
  });

  it('fails loudly on a stored record of the wrong shape instead of replacing it', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.db.notes.add(
      await sealRecord(testKey, 'notes', { id: 'x', citizenKey: a, body: 42, createdAt: 1, updatedAt: 1 }),
    );
    await expect(t.repo.notes.list(a)).rejects.toBeInstanceOf(StoredDataError);
    expect(await t.db.notes.get('x')).toBeDefined();
  });
});

describe('drafts', () => {
  it('saves, reads back and removes on empty text', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const id = draftIdForNewNote(a);
    await t.repo.drafts.save(id, a, 'tekst');
    expect((await t.repo.drafts.get(id))?.body).toBe('tekst');
    await t.repo.drafts.save(id, a, '');
    expect(await t.repo.drafts.get(id)).toBeUndefined();
  });
});

describe('database', () => {
  it('opens with strict durability', () => {
    expect(
      (t.db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability,
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

  it('imports a valid template and refuses a bad one with path and reason, changing nothing', async () => {
    expect((await t.repo.templates.import(JSON.stringify(valid))).ok).toBe(true);
    const bad = await t.repo.templates.import(JSON.stringify({ ...valid, id: 'test.bad', body: '{{ukendt}}' }));
    expect(bad).toEqual({ ok: false, errors: ['body: {{ukendt}} is not a field of this template'] });
    expect(await t.repo.templates.import('{ not json')).toMatchObject({ ok: false });
    expect((await t.repo.templates.list()).templates.map((t) => t.id)).toEqual(['test.kort']);
  });

  it('lists a stored template that no longer validates as broken, not as usable', async () => {
    await t.db.templates.put({
      id: 'x',
      template: { ...valid, id: 'test.x', sourceUrl: 'javascript:alert(1)' },
      source: 'import',
      installedAt: 1,
    } as never);
    const { templates, broken } = await t.repo.templates.list();
    expect(templates).toEqual([]);
    expect(broken).toEqual([{ id: 'x', errors: ['template.sourceUrl: Use an https:// link'] }]);
  });

  it('keeps a form draft per citizen and template; insertion records history and ends the draft', async () => {
    await t.repo.templates.import(JSON.stringify(valid));
    const { templates } = await t.repo.templates.list();
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.repo.formDrafts.save(a, 'test.kort', { tekst: 'halvt' });
    expect((await t.repo.formDrafts.get(a, 'test.kort'))?.values).toEqual({ tekst: 'halvt' });
    expect(await t.repo.formDrafts.templateIdsFor(a)).toEqual(['test.kort']);

    await t.repo.history.templateInserted(a, templates[0]!, 'Notat (tekst)');
    expect(await t.repo.formDrafts.get(a, 'test.kort')).toBeUndefined();
    const entries = await t.repo.history.list(a);
    expect(entries).toMatchObject([
      { kind: 'template-inserted', templateTitle: 'Kort notat', target: 'Notat (tekst)' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('halvt');
  });
});

describe('templates, packs and adapters load on first use', () => {
  it('a live query started before they are loaded still sees later changes', async () => {
    // A fresh repository: its config module is not loaded yet.
    const repo = createRepository(t.db, Date.now, testKeys);
    const seen: number[] = [];
    const subscription = Dexie.liveQuery(() => repo.templates.list()).subscribe((r) => seen.push(r.templates.length));
    await vi.waitFor(() => expect(seen).toEqual([0]));
    const template = structuredClone(defaultPack.templates![0]!);
    expect(await repo.templates.import(JSON.stringify(template))).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(seen).toEqual([0, 1]));
    subscription.unsubscribe();
  });
});

describe('packs', () => {
  const base = () => packSchema.parse(structuredClone(defaultPack));

  it('installs the default pack once; its templates and checklists are in use', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    // Once installed, the default pack is not even loaded again (lib/packs/load-default-pack.ts).
    const loadAgain = vi.fn(async () => ({ ...defaultPack, name: 'Ændret' }));
    await t.repo.packs.installDefault(loadAgain);
    expect(loadAgain).not.toHaveBeenCalled();
    const [installed] = await t.repo.packs.list();
    expect(installed).toMatchObject({ state: { id: 'dk.default', activeVersion: '2.2.0', removable: false } });
    expect(installed!.active.name).toBe('Sidevogn standardpakke (dansk)');
    expect((await t.repo.templates.list()).templates).toHaveLength(15);
    expect((await t.repo.packs.activeContent()).checklists).toHaveLength(15);
  });

  it('updates a default pack installed as 1.0.0 to the shipped version; a checklist begun on 1.0.0 keeps it', async () => {
    const v1 = { ...base(), format: 'sidevogn-pack/1', version: '1.0.0', changelog: [] };
    await t.repo.packs.installDefault(async () => v1, '1.0.0');
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const [checklist] = (await t.repo.packs.activeContent()).checklists;
    const run = await t.repo.checklistRuns.start(a, checklist!);
    await t.repo.checklistRuns.setItem(run.id, 'formaal', { state: 'done' });

    await t.repo.packs.installDefault(async () => defaultPack);
    const [installed] = await t.repo.packs.list();
    expect(installed).toMatchObject({ state: { activeVersion: '2.2.0', removable: false } });
    expect(installed!.versions).toEqual(['2.2.0', '1.0.0']);
    const [stored] = await t.repo.checklistRuns.list(a);
    expect(stored).toMatchObject({ packVersion: '1.0.0', items: { formaal: { state: 'done' } } });
    expect((await t.repo.checklistRuns.checklistOf(stored!))?.id).toBe(checklist!.id);
    // Updated once: the shipped version is not loaded again.
    const loadAgain = vi.fn(async () => defaultPack);
    await t.repo.packs.installDefault(loadAgain);
    expect(loadAgain).not.toHaveBeenCalled();
  });

  it('leaves a default pack the organisation replaced as it is', async () => {
    const v1 = { ...base(), version: '1.0.0', changelog: [] };
    await t.repo.packs.installDefault(async () => v1, '1.0.0');
    await t.repo.packs.install({ ...base(), version: '1.5.0', changelog: [] }, { kind: 'file' });
    await t.repo.packs.installDefault(async () => defaultPack);
    expect((await t.repo.packs.list())[0]!.state.activeVersion).toBe('1.5.0');
  });

  it('previews an update as a diff without changing anything, then installs it; older versions can be restored', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    const next = {
      ...base(),
      version: '2.3.0',
      templates: base().templates.filter((t) => t.id !== 'dk.default.kontaktnotat'),
    };
    next.checklists = next.checklists.filter((c) => c.templateId !== 'dk.default.kontaktnotat');
    const preview = await t.repo.packs.preview(JSON.parse(JSON.stringify(next)));
    expect(preview.ok && preview.diff?.removed.map((r) => r.id)).toEqual([
      'dk.default.kontaktnotat',
      'dk.default.tjek.kontaktnotat',
    ]);
    expect((await t.repo.templates.list()).templates).toHaveLength(15);

    await t.repo.packs.install(next, { kind: 'file' });
    expect((await t.repo.templates.list()).templates).toHaveLength(14);
    expect((await t.repo.packs.list())[0]!.versions).toEqual(['2.3.0', '2.2.0']);
    await t.repo.packs.restore('dk.default', '2.2.0');
    expect((await t.repo.templates.list()).templates).toHaveLength(15);
  });

  it('refuses a pack whose ids clash with another pack, and a changed pack under the same version', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    const other = { ...base(), id: 'kommune.egen', name: 'Egen', checklists: [] };
    await expect(t.repo.packs.install(other, { kind: 'file' })).rejects.toThrow(
      'templates: "dk.default.foerste-jobsamtale" is already provided by the pack "Sidevogn standardpakke (dansk)"',
    );
    await expect(t.repo.packs.install({ ...base(), name: 'Snydt' }, { kind: 'file' })).rejects.toThrow(
      /already installed with different content/,
    );
    expect((await t.repo.packs.list()).map((p) => p.active.name)).toEqual(['Sidevogn standardpakke (dansk)']);
  });

  it('keeps packs installed by policy or as default from being removed', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    await expect(t.repo.packs.remove('dk.default')).rejects.toThrow(/cannot be removed/);
  });
});

describe('checklist runs', () => {
  it('records when each item was ticked or marked not relevant, pinned to the pack version', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const [checklist] = (await t.repo.packs.activeContent()).checklists;
    const run = await t.repo.checklistRuns.start(a, checklist!);
    await t.repo.checklistRuns.setItem(run.id, 'formaal', { state: 'done' });
    await t.repo.checklistRuns.setItem(run.id, 'bisidder', { state: 'na', reason: 'Borgeren kender reglerne' });
    await t.repo.checklistRuns.setItem(run.id, 'deltagere', { state: 'done' });
    await t.repo.checklistRuns.setItem(run.id, 'deltagere', null);
    const [stored] = await t.repo.checklistRuns.list(a);
    expect(stored).toMatchObject({
      packVersion: '2.2.0',
      finishedAt: null,
      items: { formaal: { state: 'done' }, bisidder: { state: 'na', reason: 'Borgeren kender reglerne' } },
    });
    expect(stored!.items.formaal!.at).toBeGreaterThan(run.startedAt);
    expect(Object.keys(stored!.items)).not.toContain('deltagere');
    expect((await t.repo.checklistRuns.checklistOf(stored!))?.id).toBe(checklist!.id);
  });
});
