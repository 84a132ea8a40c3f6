import { describe, expect, it } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { packSchema } from '../packs/schema';
import { initialValues, isEmpty, renderNote, type FormValues } from './form';
import { migrateDraftValues } from './migrate';

const pack = packSchema.parse(structuredClone(defaultPack));
const foerste = pack.templates.find((t) => t.id === 'dk.default.foerste-jobsamtale')!;

/** A første jobsamtale draft as the 1.0.0 default pack saved it: its pre-answers, and what the caseworker did. */
const draftFrom100: FormValues = {
  dato: '2026-12-01',
  kanal: 'fremmoede',
  borger: 'Mette Kjær Nielsen',
  sagsbehandler: 'Lene Bruun',
  bisidder: false,
  bisidderRolle: 'bisidder',
  oensker: 'Vil gerne arbejde i detailhandlen',
  forhold: ['par', 'ingen-helbred'],
  forholdTekst: 'Har bil',
  cv: 'opdateret',
  antalJob: 3,
  kanaler: ['jobnet'],
  jobsoegning: 'Netto og Føtex i Vejle',
  vurdering: 'jobparat',
  grunde: ['erfaring', 'uddannelse'],
  begrundelse: 'Har arbejdet 10 år som butiksassistent',
  vejledtRaadighed: true,
  tilbud: false,
  aftalt: ['cv'],
  aftaler: 'Sender to ansøgninger inden fredag',
  naesteKontakt: '2026-12-15',
  samtykke: 'ikke-relevant',
};

describe('a form draft begun on the 1.0.0 default pack', () => {
  it('keeps everything the caseworker typed and chose, and drops what 1.0.0 answered for them', () => {
    const moved = { ...initialValues(foerste, {}), ...migrateDraftValues(foerste, draftFrom100, undefined) };
    for (const id of ['oensker', 'forholdTekst', 'jobsoegning', 'begrundelse', 'aftaler', 'dato', 'naesteKontakt'])
      expect(moved[id]).toBe(draftFrom100[id]);
    expect(moved).toMatchObject({ vurdering: 'jobparat', aftalt: ['cv'], grunde: ['erfaring', 'kvalifikationer'] });
    // Pre-answers of 1.0.0: the caseworker answers again.
    for (const id of ['kanal', 'bisidder', 'cv', 'antalJob', 'kanaler', 'tilbud', 'samtykke', 'vejledning35'])
      expect(isEmpty(moved[id]), id).toBe(true);
    // Marital status is now an opt-in line with its purpose; the choice moves there as text.
    expect(moved).toMatchObject({
      familieRelevant: true,
      familie: 'Borgeren er gift eller samlevende.',
      forhold: ['ingen-helbred'],
    });
    const note = renderNote(foerste, moved);
    expect(note).not.toContain('aktivloven § 35');
    expect(note).not.toContain('Der deltog ingen bisidder');
    expect(note).toContain('Netto og Føtex i Vejle');
  });

  it('leaves a draft saved by this version as it is', () => {
    const values = { kanal: 'fremmoede', bisidder: false };
    expect(migrateDraftValues(foerste, values, 2)).toBe(values);
  });
});
