import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../../db/database';
import { createRepositories, type Repositories } from '../../repositories';
import { StoredDataError } from '../../db/records';
import { renderNote, initialValues } from '../../templates/form';
import { defaultPack } from '../default-pack';
import { checklistItemSchema, checklistSchema } from '../../checklists/schema';
import { templateFieldSchema, templateSchema } from '../../templates/schema';
import { packSchema, type Pack } from '../schema';
import { canonicalJson, verifyPack } from '../signing';
import { validatePack } from '../validate';
import {
  applyAutoIds,
  buildChecklist,
  buildPack,
  buildTemplate,
  draftFromPack,
  errorsByPath,
  exportFileName,
  insertAtCursor,
  move,
  newChecklist,
  newField,
  newItem,
  newPackDraft,
  newTemplate,
  SAMPLE_PREFILL,
  validateDraft,
} from './build';
import type { PackDraft } from './draft';
import { fieldIdFrom, itemIdUnderPack } from './ids';
import { generateKey, signWithKey } from './keys';
import { bumpVersion, highestVersion } from './version';

const TODAY = '2026-11-23';
const installed = (): Pack => packSchema.parse(structuredClone(defaultPack));

/** A small pack as a team lead types it: one template with two fields, one checklist linked to it. */
function aSmallPackDraft(): PackDraft {
  let d = newPackDraft(TODAY);
  d = { ...d, id: 'aarhus.jobcenter', name: 'Aarhus jobcenter', publisher: 'Team Vest' };
  const tpl = newTemplate(d, TODAY);
  const what = { ...newField('textarea'), label: 'Hvad blev aftalt', required: true };
  const when = { ...newField('date'), label: 'Næste møde', default: 'today' };
  d = applyAutoIds({
    ...d,
    templates: [
      {
        ...tpl,
        title: 'Opfølgning i telefon',
        legalBasis: 'LAB § 30',
        sourceUrl: 'https://www.retsinformation.dk/eli/lta/2019/548',
        fields: [what, when],
      },
    ],
  });
  const [t] = d.templates;
  d = { ...d, templates: [{ ...t!, body: `Aftalt: {{${t!.fields[0]!.id}}}\nNæste møde: {{${t!.fields[1]!.id}}}` }] };
  const c = newChecklist(d, TODAY);
  return applyAutoIds({
    ...d,
    checklists: [
      {
        ...c,
        title: 'Opfølgning',
        templateId: t!.id,
        legalBasis: 'LAB § 30',
        sourceUrl: 'https://www.retsinformation.dk/eli/lta/2019/548',
        items: [{ ...newItem(), title: 'Rådighed drøftet', required: true, noteText: 'Rådighed blev drøftet.' }],
      },
    ],
  });
}

describe('versions', () => {
  it('bumps major, minor and patch, and restarts an unreadable version', () => {
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(bumpVersion('1.x', 'minor')).toBe('1.0.0');
  });
  it('finds the highest version numerically, not as text', () => {
    expect(highestVersion(['1.9.0', '1.10.0', 'nonsense'])).toBe('1.10.0');
    expect(highestVersion([])).toBeNull();
  });
});

describe('ids made from what the team lead typed', () => {
  it('follow Danish titles in the shapes the schema wants, unique among siblings', () => {
    expect(fieldIdFrom('Borgerens ønsker til job', [])).toBe('borgerens_ønsker_til_job');
    expect(fieldIdFrom('Dato', ['dato'])).toBe('dato_2');
    expect(fieldIdFrom('12 timer', [])).toBe('felt_12_timer');
    expect(itemIdUnderPack('aarhus.jobcenter', 'Partshøring før afgørelse', 'x', [])).toBe(
      'aarhus.jobcenter.partshoering-foer-afgoerelse',
    );
  });

  it('a field id the note body uses stays when its label changes (lib/packs/format5.test.ts has the rule)', () => {
    const d = aSmallPackDraft();
    const tpl = d.templates[0]!;
    const renamed = applyAutoIds({
      ...d,
      templates: [{ ...tpl, fields: [{ ...tpl.fields[0]!, label: 'Aftaler' }, tpl.fields[1]!] }],
    });
    expect(renamed.templates[0]!.fields[0]!.id).toBe('hvad_blev_aftalt');
    expect(renamed.templates[0]!.body).toContain('Aftalt: {{hvad_blev_aftalt}}');
  });

  it('a checklist follows its template when the template id changes with its title', () => {
    const d = aSmallPackDraft();
    const next = applyAutoIds({ ...d, templates: [{ ...d.templates[0]!, title: 'Telefonopfølgning' }] });
    expect(next.templates[0]!.id).toBe('aarhus.jobcenter.telefonopfoelgning');
    expect(next.checklists[0]!.templateId).toBe('aarhus.jobcenter.telefonopfoelgning');
  });

  it('ids a team lead typed are kept', () => {
    const d = aSmallPackDraft();
    const fixed = { ...d.templates[0]!, id: 'aarhus.fast', autoId: false, title: 'Ny titel' };
    expect(applyAutoIds({ ...d, templates: [fixed] }).templates[0]!.id).toBe('aarhus.fast');
  });
});

describe('building a pack from the editor', () => {
  it('a small authored pack validates, previews and renders', () => {
    const result = validatePack(buildPack(aSmallPackDraft()));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.pack.changelog).toEqual([{ version: '1.0.0', date: TODAY, changes: 'Første udgave.' }]);
    const [template] = result.pack.templates;
    expect(template!.fields.map((f) => f.kind)).toEqual(['textarea', 'date']);
    expect(result.pack.checklists[0]!.templateId).toBe(template!.id);
    const values = { ...initialValues(template!, SAMPLE_PREFILL), hvad_blev_aftalt: 'Ny attest' };
    expect(renderNote(template!, values)).toMatch(/^Aftalt: Ny attest\.\nNæste møde: \d\d\.\d\d\.\d{4}$/);
    expect(exportFileName(result.pack)).toBe('aarhus.jobcenter-1.0.0.json');
  });

  it('reports mistakes at the path of the input they were typed in', () => {
    const d = aSmallPackDraft();
    const tpl = d.templates[0]!;
    const broken: PackDraft = {
      ...d,
      templates: [
        {
          ...tpl,
          title: '',
          sourceUrl: 'http://usikker.dk',
          fields: [
            tpl.fields[0]!,
            { ...newField('number'), id: 'timer', autoId: false, label: 'Timer', default: 'ti' },
          ],
          body: '{{ukendt}}',
        },
      ],
    };
    const result = validateDraft(broken);
    expect(result.ok).toBe(false);
    const errors = errorsByPath(result.ok ? [] : result.errors);
    expect([...errors.keys()]).toEqual(
      expect.arrayContaining([
        'templates.0.title',
        'templates.0.sourceUrl',
        'templates.0.fields.1.default',
        'templates.0.body',
      ]),
    );
    expect(errors.get('templates.0.body')).toEqual(['{{ukendt}} is not a field of this template']);
  });

  it('empty optional inputs are left out, every field kind round-trips', () => {
    const pack = installed();
    const d = draftFromPack(pack, { today: TODAY });
    const built = validatePack(buildPack({ ...d, changes: 'Ny version.' }));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    // Everything but the version and the changelog is as it was.
    const strip = (p: Pack) => canonicalJson({ ...p, version: '', changelog: [] });
    expect(strip(built.pack)).toBe(strip(pack));
  });
});

describe('the editor covers the whole pack format', () => {
  // When the schema grows a property, the editor must learn it, or loading and
  // re-exporting a pack would silently drop it.
  const keysOf = (schema: unknown) => {
    const s = schema as { shape?: object; def?: { in?: { shape?: object } } };
    return Object.keys(s.shape ?? s.def?.in?.shape ?? {}).sort();
  };
  const d = aSmallPackDraft();
  it('every property of a pack, template, checklist and item is built', () => {
    const built = buildPack(d) as { templates: object[]; checklists: { items: object[] }[] } & object;
    const packKeys = keysOf(packSchema).filter((k) => k !== 'signature');
    const full = (o: object, schema: unknown) => expect(keysOf(schema).filter((k) => !(k in o))).toEqual([]);
    expect(packKeys.filter((k) => !(k in built) && k !== 'validTo')).toEqual([]);
    const tpl = buildTemplate({
      ...d.templates[0]!,
      description: 'x',
      validTo: '2030-01-01',
      replaces: 'x.y',
    }) as object;
    full(tpl, templateSchema);
    const c = buildChecklist({
      ...d.checklists[0]!,
      validTo: '2030-01-01',
      replaces: 'x.y',
      items: [{ ...d.checklists[0]!.items[0]!, help: 'h', legalBasis: 'l', sourceUrl: 'https://x.dk' }],
    }) as { items: object[] };
    full(c, checklistSchema);
    full(c.items[0]!, checklistItemSchema);
  });
  it('every property of every field kind is built', () => {
    for (const variant of templateFieldSchema.options) {
      const kind = (variant.shape.kind as unknown as { value: string }).value;
      const field = {
        ...newField(kind as never),
        id: 'a',
        help: 'h',
        default: kind === 'yesno' ? 'true' : kind === 'number' ? '1' : 'x',
        defaults: ['x'],
        showWhenField: 'b',
        showWhenEquals: 'x',
        prefill: 'today' as const,
        options: [{ key: 'k', value: 'x', label: 'X' }],
        min: '0',
        max: '9',
        unit: 'timer',
      };
      const tpl = buildTemplate({ ...d.templates[0]!, fields: [field] }) as { fields: object[] };
      expect({ kind, missing: keysOf(variant).filter((k) => !(k in tpl.fields[0]!)) }).toEqual({ kind, missing: [] });
    }
  });
});

describe('loading an existing pack makes a new version', () => {
  it('bumps the minor version past the highest known and opens a changelog entry', () => {
    const d = draftFromPack(installed(), { today: TODAY, installedVersions: ['1.0.0', '2.0.0', '2.3.0'] });
    expect(d.baseVersion).toBe('2.3.0');
    expect(d.version).toBe('2.4.0');
    expect(d.changes).toBe('');
    const result = validatePack(buildPack(d));
    // The new entry must be written before export.
    expect(result.ok ? [] : result.errors).toEqual([
      `changelog.${defaultPack.changelog!.length}.changes: Too small: expected string to have >=1 characters`,
    ]);
    const done = validatePack(buildPack({ ...d, changes: 'Ny skabelon for hjemmebesøg.' }));
    expect(done.ok && done.pack.changelog.map((c) => c.version)).toEqual([
      ...defaultPack.changelog!.map((c) => c.version),
      '2.4.0',
    ]);
  });

  it('drops the old signature, and a major bump can be chosen', async () => {
    const key = await generateKey('Test');
    const signed = await signWithKey(installed(), key);
    const d = draftFromPack(signed, { today: TODAY, bump: 'major' });
    expect(d.version).toBe('3.0.0');
    expect(JSON.stringify(buildPack(d))).not.toContain('signature');
  });
});

describe('editor helpers', () => {
  it('insertAtCursor replaces the selection and puts the caret after the snippet', () => {
    expect(insertAtCursor('Hej !', 4, 4, '{{navn}}')).toEqual({ text: 'Hej {{navn}}!', caret: 12 });
    expect(insertAtCursor('abc', 1, 2, 'X')).toEqual({ text: 'aXc', caret: 2 });
    expect(insertAtCursor('abc', 99, 99, 'X')).toEqual({ text: 'abcX', caret: 4 });
  });
  it('move swaps neighbours and ignores moves off the ends', () => {
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    const list = [1, 2];
    expect(move(list, 0, -1)).toBe(list);
  });
});

describe('stored drafts and signing keys', () => {
  let db: SidevognDb;
  let repo: Repositories;
  beforeEach(async () => {
    db = new SidevognDb(`test-${crypto.randomUUID()}`);
    repo = createRepositories(db);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps the work in progress, and discards it on request', async () => {
    expect(await repo.packDrafts.get()).toBeUndefined();
    const d = aSmallPackDraft();
    await repo.packDrafts.save(d);
    expect(await repo.packDrafts.get()).toEqual(d);
    await repo.packDrafts.discard();
    expect(await repo.packDrafts.get()).toBeUndefined();
  });

  it('a stored draft of the wrong shape fails loudly', async () => {
    await db.packDrafts.put({ id: 'current', draft: { id: 5 }, updatedAt: 1 } as never);
    await expect(repo.packDrafts.get()).rejects.toBeInstanceOf(StoredDataError);
  });

  it('keeps a non-extractable key that still signs packs that verify', async () => {
    const key = await generateKey('Teamleder Vest', 1_700_000_000_000);
    expect(key.privateKey.extractable).toBe(false);
    await repo.signingKeys.add(key);
    const [stored] = await repo.signingKeys.list();
    expect(stored).toMatchObject({ name: 'Teamleder Vest', fingerprint: key.fingerprint, publicKey: key.publicKey });
    const built = validatePack(buildPack(aSmallPackDraft()));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const signed = await signWithKey(built.pack, stored!);
    expect(await verifyPack(signed)).toMatchObject({ status: 'valid', fingerprint: key.fingerprint });
    expect(validatePack(JSON.parse(JSON.stringify(signed)))).toMatchObject({ ok: true });
    await repo.signingKeys.remove(key.id);
    expect(await repo.signingKeys.list()).toEqual([]);
  });
});
