// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeReaders } from '../adapters/probe';
import { adapterSchema } from './adapter';
import { readCitizens } from './read-citizen';
import { editableRoot, isStableToken, proposeSelector } from './selector';

/** Saved HTML of the two demo hosts (regenerate: tests/fixtures/html/save-pages.mjs). */
function savedPage(file: string): Document {
  const html = readFileSync(join(__dirname, '../../tests/fixtures/html', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What the picker does on a click: the element (or, for the journal, its editable root) → selector. */
const pickOn = (doc: Document, css: string, journal = false) => {
  const clicked = doc.querySelector(css)!;
  return proposeSelector(journal ? editableRoot(clicked)! : clicked);
};

describe('proposeSelector on host B (Fagsystem Nord)', () => {
  const doc = savedPage('b-sag.html');

  it('prefers the id for the CPR cell and a stable data attribute for the name', () => {
    expect(pickOn(doc, '#personnummer')).toBe('#personnummer');
    expect(pickOn(doc, '[data-qa="person-fullname"]')).toBe('[data-qa="person-fullname"]');
    expect(pickOn(doc, '[data-qa="maalgruppe"]')).toBe('[data-qa="maalgruppe"]');
  });

  it('anchors the rich editor on its named container, without Quill state classes', () => {
    const inner = doc.querySelector('#notat-editor .ql-editor')!;
    inner.classList.add('ql-blank');
    const paragraph = inner.querySelector('p') ?? inner;
    expect(proposeSelector(editableRoot(paragraph)!)).toBe('#notat-editor .ql-editor');
  });

  it('an adapter made only of proposed selectors reads the citizen (CPR written with a space)', () => {
    const adapter = adapterSchema.parse({
      id: 'fagsystem-nord',
      name: 'Fagsystem Nord',
      version: 1,
      matches: ['http://127.0.0.2/*'],
      spa: true,
      citizen: {
        cpr: { selector: pickOn(doc, '#personnummer') },
        name: { selector: pickOn(doc, '[data-qa="person-fullname"]') },
        fields: { malgruppe: { selector: pickOn(doc, '[data-qa="maalgruppe"]') } },
      },
      journal: [{ selector: pickOn(doc, '#notat-editor .ql-editor', true), label: 'Notat' }],
    });
    const result = readCitizens(doc, adapter);
    expect(result).toMatchObject({ status: 'found', citizen: { name: 'Mette Kjær Nielsen' } });
    expect(doc.querySelector('#personnummer')!.textContent).toMatch(/^\d{6} \d{4}$/);
    const probe = probeReaders({ journal: { selector: adapter.journal[0]!.selector } }, doc);
    expect(probe.journal).toMatchObject({ count: 1, editable: true });
  });
});

describe('proposeSelector on host A (demo case system)', () => {
  const doc = savedPage('a-citizen-journal.html');

  it('uses test ids and data attributes where the page has them', () => {
    expect(pickOn(doc, '.citizen-cpr')).toBe('[data-testid="borger-cpr"]');
    expect(pickOn(doc, '[data-field="ydelse"]')).toBe('[data-field="ydelse"]');
    expect(pickOn(doc, '#journal-tekst')).toBe('#journal-tekst');
  });

  it('never proposes generated ids or classes, and each proposal selects exactly the clicked element', () => {
    for (const el of doc.querySelectorAll('.citizen-header *, #journal-form *')) {
      const selector = proposeSelector(el);
      expect(selector).not.toMatch(/S-\d{8}/);
      const found = doc.querySelectorAll(selector);
      expect(found.length, selector).toBe(1);
      expect(found[0], selector).toBe(el);
    }
  });

  it('anchors an element without a name of its own on the nearest named ancestor', () => {
    expect(pickOn(doc, '.citizen-header .citizen-name')).toBe('[aria-label="Borger"] h1.citizen-name');
    expect(pickOn(doc, '#journal-editor .ql-editor', true)).toBe('#journal-editor .ql-editor');
    // Position only where nothing else tells the siblings apart.
    expect(pickOn(doc, '.citizen-header dt')).toBe('[aria-label="Borger"] dt:nth-of-type(1)');
  });
});

describe('stable tokens', () => {
  it.each([
    ['personnummer', true],
    ['feedback', true],
    ['journal-tekst', true],
    ['S-20253886', false],
    ['css-1x2y3z4', false],
    [':r1:', false],
    ['a3f9c2d1', false],
  ])('%s → %s', (token, stable) => {
    expect(isStableToken(token)).toBe(stable);
  });
});

describe('probeReaders (the health check and live preview)', () => {
  it('reports found, missing and invalid selectors, and the value read', () => {
    const doc = savedPage('b-sag.html');
    const result = probeReaders(
      {
        cpr: { selector: '#personnummer' },
        name: { selector: '[data-qa="person-fullname"]' },
        missing: { selector: '.findes-ikke' },
        broken: { selector: '##' },
        pattern: { selector: '#personnummer', pattern: '(\\d{6})' },
      },
      doc,
    );
    expect(result.cpr!.count).toBe(1);
    expect(result.name!.value).toBe('Mette Kjær Nielsen');
    expect(result.missing).toEqual({ count: 0, value: null, editable: false });
    expect(result.broken!.count).toBe(-1);
    expect(result.pattern!.value).toMatch(/^\d{6}$/);
  });
});
