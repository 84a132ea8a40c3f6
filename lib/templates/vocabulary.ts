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
