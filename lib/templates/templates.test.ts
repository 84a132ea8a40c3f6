import { describe, expect, it } from 'vitest';
import { initialValues, isVisible, missingRequired, renderNote, validityOn, type FormValues } from './form';
import { fuzzyScore } from './fuzzy';
import { parseBody, TemplateSyntaxError } from './render';
import { parseTemplate, templateSchema, type Template, type TemplateInput } from './schema';

function aTemplate(overrides: Partial<TemplateInput> = {}): Template {
  return templateSchema.parse({
    id: 'test.kontakt',
    title: 'Kontakt',
    meetingType: 'kontaktnotat',
    legalBasis: 'Offentlighedsloven § 13',
    sourceUrl: 'https://www.retsinformation.dk/eli/lta/2020/145',
    checkedAt: '2026-11-23',
    validFrom: '2026-01-01',
    fields: [
      { id: 'navn', kind: 'text', label: 'Navn', required: true },
      { id: 'bisidder', kind: 'yesno', label: 'Bisidder?', default: false },
      {
        id: 'bisidderNavn',
        kind: 'text',
        label: 'Bisidderens navn',
        required: true,
        showWhen: { field: 'bisidder', equals: true },
      },
      {
        id: 'kanal',
        kind: 'choice',
        label: 'Kanal',
        default: 'telefon',
        options: [
          { value: 'telefon', label: 'telefon' },
          { value: 'moede', label: 'møde' },
        ],
      },
      {
        id: 'emner',
        kind: 'choices',
        label: 'Emner',
        options: [
          { value: 'job', label: 'job' },
          { value: 'helbred', label: 'helbred' },
          { value: 'bolig', label: 'bolig' },
        ],
      },
      { id: 'dato', kind: 'date', label: 'Dato' },
      { id: 'timer', kind: 'number', label: 'Timer', unit: 'timer' },
    ],
    body: 'Kontakt med {{navn}} pr. {{kanal}}.\n{{#bisidder}}\nBisidder: {{bisidderNavn}}.\n{{/bisidder}}\n{{#kanal=moede}}\nMødet blev holdt.\n{{/kanal=moede}}\n{{#emner}}\nEmner: {{emner}}.\n{{/emner}}\n{{^dato}}\nDato ikke angivet.\n{{/dato}}\n{{#dato}}\nDato: {{dato}}.\n{{/dato}}\n{{#timer}}\nTid: {{timer}}.\n{{/timer}}',
    ...overrides,
  });
}

describe('rendering', () => {
  it('fills placeholders, formats values for Danish prose and drops section-only lines', () => {
    const t = aTemplate();
    const values: FormValues = {
      ...initialValues(t, {}),
      navn: 'Ida',
      emner: ['job', 'helbred', 'bolig'],
      dato: '2026-11-23',
      timer: 1.5,
    };
    expect(renderNote(t, values)).toBe(
      'Kontakt med Ida pr. telefon.\nEmner: job, helbred og bolig.\nDato: 23.11.2026.\nTid: 1,5 timer.',
    );
  });

  it('shows a section only for its value, and inverted sections for empty values', () => {
    const t = aTemplate();
    const text = renderNote(t, { ...initialValues(t, {}), navn: 'Ida', kanal: 'moede' });
    expect(text).toBe('Kontakt med Ida pr. møde.\nMødet blev holdt.\nDato ikke angivet.');
  });

  it('keeps hidden fields out of the note', () => {
    const t = aTemplate();
    const values = { ...initialValues(t, {}), navn: 'Ida', bisidder: false, bisidderNavn: 'Glemt tekst' };
    expect(renderNote(t, values)).not.toContain('Glemt tekst');
    expect(renderNote(t, { ...values, bisidder: true })).toContain('Bisidder: Glemt tekst.');
  });

  it('outputs text verbatim, never as markup', () => {
    const t = aTemplate();
    const text = renderNote(t, { ...initialValues(t, {}), navn: '<img src=x onerror=alert(1)> & {{navn}}' });
    expect(text).toContain('<img src=x onerror=alert(1)> & {{navn}}');
  });

  it('reports syntax errors with the line', () => {
    expect(() => parseBody('a\n{{#x}}\nb')).toThrow(new TemplateSyntaxError('{{#x}} is never closed', 2));
    expect(() => parseBody('{{#x}}{{/y}}')).toThrow(/closes \{\{#x\}\}/);
    expect(() => parseBody('{{/x}}')).toThrow(/never opened/);
    expect(() => parseBody('a {{ b')).toThrow(/Unreadable placeholder/);
  });
});

describe('required fields and visibility', () => {
  it('names visible required fields that are empty', () => {
    const t = aTemplate();
    const values = initialValues(t, {});
    expect(missingRequired(t, values).map((f) => f.id)).toEqual(['navn']);
    expect(missingRequired(t, { ...values, navn: 'Ida', bisidder: true }).map((f) => f.id)).toEqual(['bisidderNavn']);
    expect(missingRequired(t, { ...values, navn: 'Ida', bisidder: true, bisidderNavn: 'Bo' })).toEqual([]);
  });

  it('hides a field whose controller is hidden', () => {
    const t = aTemplate({
      fields: [
        { id: 'a', kind: 'yesno', label: 'A' },
        { id: 'b', kind: 'yesno', label: 'B', showWhen: { field: 'a', equals: true } },
        { id: 'c', kind: 'text', label: 'C', showWhen: { field: 'b', equals: true } },
      ],
      body: '{{c}}',
    });
    expect(isVisible(t, t.fields[2]!, { a: false, b: true, c: '' })).toBe(false);
    expect(isVisible(t, t.fields[2]!, { a: true, b: true, c: '' })).toBe(true);
  });
});

describe('prefill', () => {
  it('fills known values from the page and settings, and dates from Danish text', () => {
    const t = aTemplate({
      fields: [
        { id: 'navn', kind: 'text', label: 'Navn', prefill: 'citizen.name' },
        { id: 'sb', kind: 'text', label: 'Sagsbehandler', prefill: 'caseworker.name' },
        { id: 'moede', kind: 'date', label: 'Næste møde', prefill: 'citizen.naesteMoede' },
        { id: 'idag', kind: 'date', label: 'Dato', prefill: 'today' },
      ],
      body: '{{navn}} {{sb}} {{moede}} {{idag}}',
    });
    const values = initialValues(t, {
      'citizen.name': 'Mette Kjær Nielsen',
      'caseworker.name': 'Lene Bruun',
      'citizen.naesteMoede': '03.12.2099 kl. 10:00',
    });
    expect(values).toMatchObject({ navn: 'Mette Kjær Nielsen', sb: 'Lene Bruun', moede: '2099-12-03' });
    expect(values.idag).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never pre-fills a meeting in the past as the next contact', () => {
    const t = aTemplate({
      fields: [{ id: 'moede', kind: 'date', label: 'Næste kontakt', prefill: 'citizen.naesteMoede' }],
      body: '{{moede}}',
    });
    expect(initialValues(t, { 'citizen.naesteMoede': '03.12.2020 kl. 10:00' }).moede).toBeNull();
  });
});

describe('validation', () => {
  it('names the path and the reason for each problem', () => {
    const result = parseTemplate({
      ...aTemplate(),
      sourceUrl: 'http://example.org',
      validFrom: '2026-13-01',
      fields: [
        { id: 'a', kind: 'text', label: 'A' },
        { id: 'a', kind: 'choice', label: 'B', options: [{ value: 'x', label: 'X' }], default: 'y' },
        { id: 'c', kind: 'text', label: 'C', showWhen: { field: 'z', equals: true } },
      ],
      body: '{{a}} {{ukendt}} {{#a}}',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'sourceUrl: Use an https:// link',
        'validFrom: Use a date written YYYY-MM-DD',
        'fields.1.id: Duplicate field id "a"',
        'fields.1.default: The default is not one of the options',
        'fields.2.showWhen.field: "z" must be a field declared before this one',
      ]),
    );
    expect(result.errors.some((e) => e.startsWith('body: Line 1: {{#a}} is never closed'))).toBe(true);
  });

  it('refuses unknown keys and unknown field kinds', () => {
    const result = parseTemplate({ ...aTemplate(), fields: [{ id: 'a', kind: 'html', label: 'A' }], script: 'x' });
    expect(result.ok).toBe(false);
  });

  it('warns on templates outside their validity dates', () => {
    const t = aTemplate({ validFrom: '2026-01-01', validTo: '2026-06-30' });
    expect(validityOn(t, '2025-12-31')).toEqual({ status: 'not-yet', from: '2026-01-01' });
    expect(validityOn(t, '2026-03-01')).toEqual({ status: 'valid' });
    expect(validityOn(t, '2026-07-01')).toEqual({ status: 'expired', on: '2026-06-30' });
  });
});

describe('fuzzy search', () => {
  it('prefers whole-word and contiguous matches and rejects non-matches', () => {
    expect(fuzzyScore('jobs', 'Første jobsamtale')).toBeGreaterThan(fuzzyScore('fjs', 'Første jobsamtale')!);
    expect(fuzzyScore('sygdp', 'Opfølgningssamtale, sygedagpenge')).not.toBeNull();
    expect(fuzzyScore('partshoring', 'Partshøring før afgørelse')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Første jobsamtale')).toBeNull();
  });
});
