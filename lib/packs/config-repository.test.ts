import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { DEFAULT_PACK_VERSION } from '../packs/default-pack-version';
import { packSchema } from '../packs/schema';
import { createRepositories } from '../repositories';
import { testKeys, freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

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
    const repo = createRepositories(t.db, Date.now, testKeys);
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
    expect(installed).toMatchObject({
      state: { id: 'dk.default', activeVersion: DEFAULT_PACK_VERSION, removable: false },
    });
    expect(installed!.active.name).toBe('Sidevogn standardpakke (dansk)');
    expect((await t.repo.templates.list()).templates).toHaveLength(15);
    expect((await t.repo.packs.activeContent()).checklists).toHaveLength(15);
  });

  it('installs the default pack without reading enterprise policy, which takes seconds after a browser start', async () => {
    const managedRead = vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({} as never);
    await t.repo.packs.installDefault(async () => defaultPack);
    expect(managedRead).not.toHaveBeenCalled();
    expect((await t.repo.packs.list()).map((p) => p.state.id)).toEqual(['dk.default']);
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
    expect(installed).toMatchObject({ state: { activeVersion: DEFAULT_PACK_VERSION, removable: false } });
    expect(installed!.versions).toEqual([DEFAULT_PACK_VERSION, '1.0.0']);
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
    expect((await t.repo.packs.list())[0]!.versions).toEqual(['2.3.0', DEFAULT_PACK_VERSION]);
    await t.repo.packs.restore('dk.default', DEFAULT_PACK_VERSION);
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
