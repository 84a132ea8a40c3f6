/** Note texts the search's unit tests write, cycled over many notes (Danish words with and without shared starts). */
export const SEARCH_BODIES = [
  'Ringede om lægeattest – kommer i næste uge.',
  'Aftalt praktik hos Bygma fra 1. december.',
  'Lægen anbefaler delvis raskmelding.',
  'Praktik i Netto drøftet.',
  'Lægeerklæring modtaget fra egen læge.',
  'Møde om fleksjob og praktik.',
];
