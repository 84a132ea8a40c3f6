import { describe, expect, it } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { packSchema } from '../packs/schema';
import { parsePackText } from '../packs/validate';
import { parseTemplate } from '../templates/schema';
import { isTranslated, translateIssue } from './validation';

const pack = () => JSON.parse(JSON.stringify(packSchema.parse(structuredClone(defaultPack))));
const t0 = () => pack().templates[0];

/** Broken packs and templates, each producing the messages a team lead can meet. */
const packs: unknown[] = [
  { ...pack(), format: 'sidevogn-pack/9' },
  { ...pack(), version: 'one', validFrom: '2026-13-01', id: 'Store Bogstaver', name: '' },
  { ...pack(), templates: [...pack().templates, t0()] },
  { ...pack(), templates: [{ ...t0(), sourceUrl: 'javascript:alert(1)', title: 'x<img src=x>' }] },
  { ...pack(), checklists: [{ ...pack().checklists[0], templateId: 'findes.ikke' }] },
  {
    ...pack(),
    checklists: [
      {
        ...pack().checklists[0],
        validTo: '2020-01-01',
        items: [
          { id: 'a', title: 'A', field: 'findesIkke', noteText: 'A.' },
          { id: 'a', title: 'B', tickedBy: 'inserted', required: true },
        ],
      },
    ],
  },
  { ...pack(), templates: 'ikke en liste', extra: 1 },
  { ...pack(), checklists: [{ ...pack().checklists[0], meetingType: 'kaffe', items: [] }] },
  {
    ...pack(),
    templates: [
      { ...t0(), replaces: 'findes.ikke' },
      { ...pack().templates[1], replaces: t0().id, validFrom: t0().validFrom },
    ],
  },
];
const templates: unknown[] = [
  {
    ...t0(),
    fields: [
      { id: 'a', kind: 'text', label: 'A' },
      {
        id: 'a',
        kind: 'choice',
        label: 'B',
        options: [
          { value: 'x', label: 'X' },
          { value: 'x', label: 'Y' },
        ],
        default: 'y',
      },
      { id: 'c', kind: 'text', label: 'C', showWhen: { field: 'z', equals: true } },
    ],
    body: '{{a}} {{ukendt}}',
    validTo: '2020-01-01',
  },
  { ...t0(), fields: [{ id: 'Dårlig', kind: 'number', label: 'D', default: 'tre' }], body: 'x' },
  { ...t0(), body: '{{#a}}' },
  { ...t0(), body: '{{/a}}' },
  { ...t0(), body: '{{#dato}}x{{/kanal}}' },
  { ...t0(), body: '{{dato=x}}' },
  { ...t0(), body: '{{ dato }} }}' },
  { ...t0(), legalBasis: undefined, sourceUrl: undefined },
];

function messages(): string[] {
  const out: string[] = [];
  for (const p of packs) {
    const r = parsePackText(JSON.stringify(p));
    if (!r.ok) out.push(...r.errors);
  }
  out.push(
    ...(() => {
      const r = parsePackText('{"format": ');
      return r.ok ? [] : r.errors;
    })(),
  );
  for (const t of templates) {
    const r = parseTemplate(t);
    if (!r.ok) out.push(...r.errors);
  }
  return out;
}

describe('validation messages in Danish', () => {
  it('translates every message the corpus of bad packs and templates produces, keeping the path', () => {
    const all = messages();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const untranslated = all.filter((m) => !isTranslated(m));
    expect(untranslated).toEqual([]);
    for (const m of all)
      expect(translateIssue(m, 'da').split(': ')[0]).toBe(
        ({ '(file)': '(fil)', '(pack)': '(pakke)', '(template)': '(skabelon)' } as Record<string, string>)[
          m.split(': ')[0]!
        ] ?? m.split(': ')[0],
      );
  });

  it('reads as Danish', () => {
    expect(translateIssue('templates.0.body: {{ukendt}} is not a field of this template', 'da')).toBe(
      'templates.0.body: {{ukendt}} er ikke et felt i skabelonen',
    );
    expect(
      translateIssue(
        'format: Unsupported pack format (this Sidevogn reads "sidevogn-pack/5", "sidevogn-pack/4", "sidevogn-pack/3", "sidevogn-pack/2" and "sidevogn-pack/1")',
        'da',
      ),
    ).toBe(
      'format: Ukendt pakkeformat (denne Sidevogn læser »sidevogn-pack/5«, »sidevogn-pack/4«, »sidevogn-pack/3«, »sidevogn-pack/2« og »sidevogn-pack/1«)',
    );
    expect(translateIssue('(file): Not valid JSON: Unexpected end of JSON input', 'da')).toBe(
      '(fil): Filen er ikke gyldig JSON',
    );
    expect(translateIssue('name: Too small: expected string to have >=1 characters', 'da')).toBe('name: Skal udfyldes');
    expect(translateIssue('name: Too small: expected string to have >=1 characters', 'en')).toBe(
      'name: Too small: expected string to have >=1 characters',
    );
  });

  it('translates what installing a pack and policy can refuse', () => {
    for (const line of [
      'templates: "dk.x" is already provided by the pack "Team Vest"',
      'version: Version 1.0.0 of "Team Vest" is already installed with different content; give the new one a higher version',
      'version: 1.2.0 is not installed',
      'This pack is installed by your organisation and cannot be removed',
      'policy: Your organisation does not allow packs added by the caseworker',
      'policy: Your organisation no longer installs this pack',
      'policy: Your organisation does not allow templates added by the caseworker',
      'policy: Your organisation only accepts signed packs; a template on its own cannot be signed',
      'signature: The signature does not match the pack: it was changed after signing',
      'signature: The signature or its public key is malformed',
      'signature: Your organisation only accepts signed packs, and this pack is not signed',
      'signature: Signed by key 0123abcd0123abcd, which your organisation does not trust',
    ])
      expect(isTranslated(line), line).toBe(true);
    expect(translateIssue('templates: "dk.x" is already provided by the pack "Team Vest"', 'da')).toBe(
      'templates: »dk.x« findes allerede i pakken »Team Vest«',
    );
  });

  it('fails on a message it does not know', () => {
    expect(isTranslated('x: Something new went wrong')).toBe(false);
  });
});
