// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSchema, type Adapter } from './adapter';
import { demoAdapter } from './demo-adapter';
import { readCitizens } from './read-citizen';

/** Saved HTML of the demo case systems (regenerate: tests/fixtures/html/save-pages.mjs). */
function savedPage(file: string): Document {
  const html = readFileSync(join(__dirname, '../../tests/fixtures/html', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** An adapter for the structurally different system B, as a team lead would write it. */
const systemB: Adapter = adapterSchema.parse({
  id: 'fagsystem-nord',
  name: 'Fagsystem Nord',
  version: 1,
  matches: ['http://127.0.0.1/b/*'],
  spa: true,
  citizen: {
    cpr: { selector: '#personnummer' },
    name: { selector: '[data-qa="person-fullname"]' },
    fields: { malgruppe: { selector: '[data-qa="maalgruppe"]' } },
  },
  journal: [{ selector: '#notat-editor .ql-editor', label: 'Notat' }],
});

describe('readCitizens on the demo case system', () => {
  it('reads name, canonical CPR and facts from a citizen page', () => {
    const result = readCitizens(savedPage('a-citizen-overblik.html'), demoAdapter);
    expect(result).toEqual({
      status: 'found',
      citizen: {
        cpr: '140190-1740',
        name: 'Mette Kjær Nielsen',
        facts: expect.objectContaining({
          malgruppe: 'Aktivitetsparat kontanthjælpsmodtager',
          ydelse: 'Kontanthjælp',
          startdato: '17.01.2025',
          sagsbehandler: 'Lene Bruun',
        }),
      },
    });
  });

  it('reads the same citizen on another tab of the case', () => {
    const result = readCitizens(savedPage('a-citizen-journal.html'), demoAdapter);
    expect(result.status === 'found' && result.citizen.cpr).toBe('140190-1740');
  });

  it('reports two different citizens as ambiguous, with both names', () => {
    const result = readCitizens(savedPage('a-husstand.html'), demoAdapter);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.candidates.map((c) => c.cpr)).toEqual(['030687-0807', '290391-2920']);
    expect(result.candidates.every((c) => c.name.length > 0)).toBe(true);
  });

  it('finds no citizen on the list and calendar, though they show CPR numbers in tables', () => {
    expect(readCitizens(savedPage('a-list.html'), demoAdapter)).toEqual({ status: 'none' });
    expect(readCitizens(savedPage('a-kalender.html'), demoAdapter)).toEqual({ status: 'none' });
  });

  it('says unreadable, and names no one, when the CPR field holds no valid number', () => {
    const doc = savedPage('a-citizen-overblik.html');
    doc.querySelector('.citizen-cpr')!.textContent = '999999-9999';
    expect(readCitizens(doc, demoAdapter)).toEqual({ status: 'unreadable' });
  });

  it('treats the same CPR shown twice as one citizen', () => {
    const doc = savedPage('a-citizen-overblik.html');
    const header = doc.querySelector('section.citizen-header')!;
    header.after(header.cloneNode(true));
    expect(readCitizens(doc, demoAdapter).status).toBe('found');
  });
});

describe('readCitizens on a structurally different host', () => {
  it('the demo adapter finds nothing there', () => {
    expect(readCitizens(savedPage('b-sag.html'), demoAdapter)).toEqual({ status: 'none' });
  });

  it('its own adapter reads a CPR written with a space, and the name from another element', () => {
    const result = readCitizens(savedPage('b-sag.html'), systemB);
    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    expect(result.citizen.cpr).toMatch(/^\d{6}-\d{4}$/);
    expect(result.citizen.name).toBe('Mette Kjær Nielsen');
    expect(result.citizen.facts.malgruppe).toBeTruthy();
  });

  it('applies an attribute reader and a value pattern', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="p" data-cpr="CPR: 0101901234 (borger)"></div><b>Navn: Ida Holm</b>',
      'text/html',
    );
    const adapter = adapterSchema.parse({
      ...systemB,
      citizen: {
        cpr: { selector: '#p', attribute: 'data-cpr', pattern: 'CPR: (\\d{10})' },
        name: { selector: 'b', pattern: 'Navn: (.+)' },
      },
    });
    expect(readCitizens(doc, adapter)).toEqual({
      status: 'found',
      citizen: { cpr: '010190-1234', name: 'Ida Holm', facts: {} },
    });
  });
});

describe('readCitizens on a household page, without a scope in the adapter', () => {
  const household = (): Document =>
    new DOMParser().parseFromString(
      `<main>
        <section><h2 class="navn">Anna Holm</h2><dl><dt>CPR</dt><dd class="cpr">010190 1234</dd>
          <dt>Målgruppe</dt><dd class="mg">Jobparat</dd></dl></section>
        <section><h2 class="navn">Bent Holm</h2><dl><dt>CPR</dt><dd class="cpr">020285 2345</dd></dl></section>
        <table><tr><td class="cpr">030380-3456 og 040475-4567</td></tr></table>
      </main>`,
      'text/html',
    );
  const adapter = adapterSchema.parse({
    id: 'kommune',
    name: 'Kommune',
    version: 1,
    matches: ['http://sag.kommune.test/*'],
    spa: true,
    citizen: {
      cpr: { selector: '.cpr' },
      name: { selector: '.navn' },
      fields: { malgruppe: { selector: '.mg' } },
    },
  });

  it('pairs each CPR only with the name and facts in its own record, and names none it cannot pair', () => {
    const result = readCitizens(household(), adapter);
    expect(result).toEqual({
      status: 'ambiguous',
      candidates: [
        { cpr: '010190-1234', name: 'Anna Holm', facts: { malgruppe: 'Jobparat' } },
        { cpr: '020285-2345', name: 'Bent Holm', facts: {} },
        { cpr: '030380-3456', name: '', facts: {} },
        { cpr: '040475-4567', name: '', facts: {} },
      ],
    });
  });

  it('a list page with more citizens than the choice can hold says so instead of a message the panel would drop', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `<p class="cpr">${String(i + 1).padStart(2, '0')}0190-1234</p>`);
    const doc = new DOMParser().parseFromString(`<main>${rows.join('')}</main>`, 'text/html');
    expect(readCitizens(doc, adapter)).toEqual({ status: 'many', count: 25 });
  });

  it('cuts a name read from a large element to what the protocol carries', () => {
    const doc = new DOMParser().parseFromString(
      `<main><p class="cpr">010190-1234</p><div class="navn">${'x'.repeat(5000)}</div></main>`,
      'text/html',
    );
    const result = readCitizens(doc, adapter);
    expect(result.status === 'found' && result.citizen.name.length).toBe(500);
  });
});

describe('adapter schema', () => {
  it('refuses a bad selector list, pattern and match pattern with the path named', () => {
    const result = adapterSchema.safeParse({
      ...systemB,
      matches: ['127.0.0.1'],
      citizen: { cpr: { selector: '', pattern: '(' }, name: { selector: 'b' } },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['matches.0', 'citizen.cpr.selector', 'citizen.cpr.pattern']));
  });

  it('accepts the built-in demo adapter', () => {
    expect(adapterSchema.safeParse(demoAdapter).success).toBe(true);
  });
});

describe('readCitizens and the CPR forms of the brief', () => {
  const page = (cpr: string) =>
    new DOMParser().parseFromString(
      `<main><span id="personnummer">${cpr}</span><h1 data-qa="person-fullname">Ali Hassan</h1></main>`,
      'text/html',
    );
  it.each([
    ['a substitute number (day + 60)', '610190-1234', '610190-1234'],
    ['an en dash', '140190\u20131740', '140190-1740'],
    ['a non-breaking hyphen', '140190\u20111740', '140190-1740'],
    ['a spaced hyphen', '140190 - 1740', '140190-1740'],
    ['a label and a spaced en dash', 'CPR: 140190 \u2013 1740', '140190-1740'],
  ])('detects the citizen behind %s', (_name, shown, canonical) => {
    const result = readCitizens(page(shown), systemB);
    expect(result).toMatchObject({ status: 'found', citizen: { cpr: canonical, name: 'Ali Hassan' } });
  });
});
