// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterSchema } from '../host/adapter';
import { readCitizens } from '../host/read-citizen';
import { proposeScope, proposeWithin, readIn, recordAround } from './scope';

const page = (html: string) => new DOMParser().parseFromString(`<main>${html}</main>`, 'text/html');
/** A record as Kommune Sag draws it (tests/case-system/kommune/public/app.js): facts in a <dl>. */
const kort = (navn: string, cpr: string, malgruppe: string) =>
  `<section class="borgerkort" aria-label="Borgeroplysninger"><dl class="stamdata">` +
  `<dt>Navn</dt><dd>${navn}</dd><dt>CPR-nummer</dt><dd>${cpr}</dd><dt>Målgruppe</dt><dd>${malgruppe}</dd></dl></section>`;
const dd = (doc: Document, text: string) => [...doc.querySelectorAll('dd')].find((d) => d.textContent === text)!;

describe('the picker infers where each citizen stands (citizen.scope)', () => {
  it('on a household page: the record around the picked CPR, one selector for every record, fields read inside it', () => {
    const doc = page(
      `<h1>Husstand</h1><p>Strandvejen 12</p><div class="husstand">${kort('Jonas Bech Andersen', '120385 1233', 'Jobparat')}${kort('Birgitte Holm Larsen', '030792 2468', 'Aktivitetsparat')}</div>`,
    );
    // The team lead picks the second citizen's CPR and name.
    const cprEl = dd(doc, '030792 2468');
    const record = recordAround(cprEl)!;
    expect(record.tagName).toBe('SECTION');
    const scope = proposeScope(record)!;
    expect(scope).toBe('section.borgerkort');
    const cpr = proposeWithin(record, cprEl, scope);
    const name = proposeWithin(record, dd(doc, 'Birgitte Holm Larsen'), scope);
    const malgruppe = proposeWithin(record, dd(doc, 'Aktivitetsparat'), scope);
    expect(readIn(record, name)).toBe('Birgitte Holm Larsen');

    const adapter = adapterSchema.parse({
      id: 'kommune',
      name: 'Kommune Sag',
      version: 1,
      matches: ['http://sag.kommune.test/*'],
      spa: true,
      citizen: {
        scope,
        cpr: { selector: cpr },
        name: { selector: name },
        fields: { malgruppe: { selector: malgruppe } },
      },
    });
    expect(readCitizens(doc, adapter)).toEqual({
      status: 'ambiguous',
      candidates: [
        { cpr: '120385-1233', name: 'Jonas Bech Andersen', facts: { malgruppe: 'Jobparat' } },
        { cpr: '030792-2468', name: 'Birgitte Holm Larsen', facts: { malgruppe: 'Aktivitetsparat' } },
      ],
    });
    // The same adapter on a page with one record.
    expect(readCitizens(page(kort('Ole Fisker Rasmussen', '240656 1357', 'Sygedagpenge')), adapter)).toEqual({
      status: 'found',
      citizen: { cpr: '240656-1357', name: 'Ole Fisker Rasmussen', facts: { malgruppe: 'Sygedagpenge' } },
    });
  });

  it('needs no scope on a page with one CPR', () => {
    const doc = page(kort('Jonas Bech Andersen', '120385 1233', 'Jobparat'));
    expect(recordAround(dd(doc, '120385 1233'))).toBeNull();
  });

  it('proposes none (the options page asks) when the citizens are not in records of their own', () => {
    const doc = page(
      `<div><span>120385 1233</span><span>Jonas Bech Andersen</span><span>030792 2468</span><span>Birgitte Holm Larsen</span></div>`,
    );
    const cprEl = [...doc.querySelectorAll('span')][2]!;
    const record = recordAround(cprEl)!;
    expect(record).toBe(cprEl);
    expect(proposeScope(record)).toBeNull();
  });
});
