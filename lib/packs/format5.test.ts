import { describe, expect, it } from 'vitest';
import { aTeamPack } from '../../tests/fixtures/packs';
import { initialValues, renderNote } from '../templates/form';
import { parseTemplate } from '../templates/schema';
import { defaultPack } from './default-pack';
import { applyAutoIds, buildPack, newField, newPackDraft, newTemplate } from './editor/build';
import type { PackDraft } from './editor/draft';
import { fieldIdFrom } from './editor/ids';
import { READABLE_PACK_FORMATS } from './schema';
import { validatePack } from './validate';

/**
 * Pack format 5 (issue 30 item 6): placeholder names made from the field's
 * label in readable Danish (`{{borgerens_ønsker}}`), and internal templates
 * that need no legal basis or source.
 */

const TODAY = '2026-12-06';
const SOURCE = 'https://www.retsinformation.dk/eli/lta/2019/548';

describe('placeholder names from the field label', () => {
  it('are the label in lower case with _ for spaces, Danish letters kept', () => {
    expect(fieldIdFrom('Borgerens ønsker', [])).toBe('borgerens_ønsker');
    expect(fieldIdFrom('Lægeattest modtaget', [])).toBe('lægeattest_modtaget');
    expect(fieldIdFrom('Åbne spørgsmål', [])).toBe('åbne_spørgsmål');
    expect(fieldIdFrom('  CV’et er opdateret!  ', [])).toBe('cv_et_er_opdateret');
    expect(fieldIdFrom('Café-ophold', [])).toBe('cafe_ophold');
  });

  it('are unique within the template and start with a letter', () => {
    expect(fieldIdFrom('Dato', ['dato'])).toBe('dato_2');
    expect(fieldIdFrom('Dato', ['dato', 'dato_2'])).toBe('dato_3');
    expect(fieldIdFrom('12 timer', [])).toBe('felt_12_timer');
    expect(fieldIdFrom('', [])).toBe('felt');
    expect(fieldIdFrom('x'.repeat(60), [])).toHaveLength(36);
  });

  it('are valid field ids that the note renders, in sections too', () => {
    const template = parseTemplate({
      ...structuredClone(defaultPack.templates![4]!),
      fields: [
        { id: 'borgerens_ønsker', kind: 'textarea', label: 'Borgerens ønsker' },
        { id: 'lægeattest_modtaget', kind: 'yesno', label: 'Lægeattest modtaget' },
      ],
      body: 'Ønsker: {{borgerens_ønsker}}\n{{#lægeattest_modtaget=true}}Attesten er modtaget.{{/lægeattest_modtaget=true}}',
    });
    if (!template.ok) throw new Error(template.errors.join('\n'));
    const values = { ...initialValues(template.template, {}), borgerens_ønsker: 'Tømrer', lægeattest_modtaget: true };
    expect(renderNote(template.template, values)).toBe('Ønsker: Tømrer.\nAttesten er modtaget.');
  });
});

/** A template in the editor with one field labelled "Borgerens ønsker". */
function draftWithField(body = ''): PackDraft {
  const d = { ...newPackDraft(TODAY), id: 'team.vest', name: 'Team Vest', publisher: 'Team Vest' };
  const t = { ...newTemplate(d, TODAY), title: 'Opfølgning', legalBasis: 'LAB § 30', sourceUrl: SOURCE, body };
  return applyAutoIds({ ...d, templates: [{ ...t, fields: [{ ...newField('text'), label: 'Borgerens ønsker' }] }] });
}
const relabel = (d: PackDraft, label: string, body = d.templates[0]!.body): PackDraft => {
  const t = d.templates[0]!;
  return applyAutoIds({ ...d, templates: [{ ...t, body, fields: [{ ...t.fields[0]!, label }] }] });
};

describe('a placeholder name follows its label until the note text uses it', () => {
  it('follows the label while nothing uses it', () => {
    const d = draftWithField();
    expect(d.templates[0]!.fields[0]!.id).toBe('borgerens_ønsker');
    expect(relabel(d, 'Borgerens mål').templates[0]!.fields[0]!.id).toBe('borgerens_mål');
  });

  it('stays as it is once the note text uses it, also if the use is removed again', () => {
    const used = relabel(draftWithField(), 'Borgerens ønsker', 'Ønsker: {{borgerens_ønsker}}');
    const renamed = relabel(used, 'Borgerens mål');
    expect(renamed.templates[0]!.fields[0]).toMatchObject({ id: 'borgerens_ønsker', autoId: false });
    expect(renamed.templates[0]!.body).toBe('Ønsker: {{borgerens_ønsker}}');
    expect(relabel(renamed, 'Mål', '').templates[0]!.fields[0]!.id).toBe('borgerens_ønsker');
  });

  it('stays once a checklist item links to it', () => {
    const d = draftWithField();
    const linked: PackDraft = {
      ...d,
      checklists: [
        {
          key: 'c',
          id: 'team.vest.tjek',
          autoId: false,
          title: 'Tjek',
          meetingType: 'kontaktnotat',
          templateId: d.templates[0]!.id,
          legalBasis: 'LAB § 30',
          sourceUrl: SOURCE,
          checkedAt: TODAY,
          validFrom: TODAY,
          validTo: '',
          items: [
            {
              key: 'i',
              id: 'oensker',
              autoId: false,
              title: 'Ønsker drøftet',
              help: '',
              legalBasis: '',
              sourceUrl: '',
              required: false,
              noteText: '',
              field: 'borgerens_ønsker',
            },
          ],
        },
      ],
    };
    expect(relabel(linked, 'Borgerens mål').templates[0]!.fields[0]!.id).toBe('borgerens_ønsker');
  });
});

describe('internal templates', () => {
  const internalDraft = (internal: boolean): PackDraft => {
    const d = draftWithField('Ønsker: {{borgerens_ønsker}}');
    return { ...d, templates: [{ ...d.templates[0]!, internal, legalBasis: '', sourceUrl: 'https://' }] };
  };

  it('need no legal basis or source', () => {
    const result = validatePack(buildPack(internalDraft(true)));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.pack.templates[0]).toMatchObject({ internal: true });
    expect(result.pack.templates[0]).not.toHaveProperty('legalBasis');
    expect(result.pack.templates[0]).not.toHaveProperty('sourceUrl');
  });

  it('other templates still need both', () => {
    const result = validatePack(buildPack(internalDraft(false)));
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        'templates.0.legalBasis: Too small: expected string to have >=1 characters',
        'templates.0.sourceUrl: Use an https:// link',
      ]),
    );
    const { legalBasis: _b, sourceUrl: _s, ...bare } = structuredClone(defaultPack.templates![0]!);
    const parsed = parseTemplate(bare);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'legalBasis: A template that is not internal needs a legal basis',
      'sourceUrl: A template that is not internal needs a source (an https:// link)',
    ]);
  });

  it('an internal template with a source still needs an https link', () => {
    const d = internalDraft(true);
    const bad = { ...d, templates: [{ ...d.templates[0]!, sourceUrl: 'http://intranet' }] };
    const result = validatePack(buildPack(bad));
    expect(result.ok ? [] : result.errors).toEqual(['templates.0.sourceUrl: Use an https:// link']);
  });
});

describe('pack format 5', () => {
  it('is the format written, and formats 1 to 4 are still read', () => {
    expect(READABLE_PACK_FORMATS).toEqual([
      'sidevogn-pack/5',
      'sidevogn-pack/4',
      'sidevogn-pack/3',
      'sidevogn-pack/2',
      'sidevogn-pack/1',
    ]);
    const written = validatePack(buildPack(draftWithField('{{borgerens_ønsker}}')));
    expect(written).toMatchObject({ ok: true, pack: { format: 'sidevogn-pack/5' } });
    for (const format of ['sidevogn-pack/1', 'sidevogn-pack/2', 'sidevogn-pack/3', 'sidevogn-pack/4'])
      expect(validatePack({ ...aTeamPack(), format })).toMatchObject({ ok: true, pack: { format } });
  });

  it('reads an old pack with camel-case field ids unchanged, and the default pack still validates', () => {
    const old = { ...aTeamPack(), format: 'sidevogn-pack/4' };
    const result = validatePack(JSON.parse(JSON.stringify(old)));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.pack.templates[0]!.fields.map((f) => f.id)).toEqual(old.templates![0]!.fields!.map((f) => f.id));
    expect(result.pack.templates[0]).not.toHaveProperty('internal');
    expect(validatePack(JSON.parse(JSON.stringify(defaultPack)))).toMatchObject({ ok: true });
  });
});
