/**
 * The templates' fixed vocabularies, without the schemas that use them
 * (./schema), so a component that lists meeting types does not build every
 * template schema when the panel starts.
 */

export const MEETING_TYPES = [
  'foerste-jobsamtale',
  'loebende-jobsamtale',
  'opfoelgning-sygedagpenge',
  'afklaring',
  'partshoering',
  'afgoerelse',
  'kontaktnotat',
  'tilbud',
  'fleksjob',
  'ressourceforloeb',
  'uddannelsespaalaeg',
  'arbejdspligt',
  'faellessamtale',
  'andet',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** Values the panel can fill in from the page, the citizen record or settings. */
export const PREFILL_SOURCES = [
  'citizen.name',
  'citizen.cpr',
  'citizen.malgruppe',
  'citizen.ydelse',
  'citizen.naesteMoede',
  'caseworker.name',
  'today',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/**
 * A field's id, written in the note text as `{{id}}`: a lower-case letter, then
 * letters (Danish æ, ø and å included), digits or `_`, at most 40 in all. The
 * pack editor makes it from the field's label (`borgerens_ønsker`, pack format
 * 5); the camel-case ids of earlier packs (`borgerensOensker`) still match.
 */
export const FIELD_ID_PATTERN = /^[a-zæøå][a-zA-Z0-9_æøåÆØÅ]{0,39}$/;
export const FIELD_ID_RULE = 'Use letters, digits and _, starting with a lower-case letter';
