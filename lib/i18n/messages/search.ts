/** UI strings: searching all notes (options page). Danish is the source; English has the same keys. */
export const da = {
  'search.heading': 'Alle noter',
  'search.label': 'Søg i noter',
  'search.help':
    'Alle ord skal stå i noten. Begyndelsen af et ord er nok, og fra fire bogstaver en del af et ord: »læge« og »attest« finder begge »lægeattest«.',
  'search.preparing': 'Forbereder søgning … {percent} %',
  'search.searching': 'Søger …',
  'search.count.one': '1 note',
  'search.count.many': '{count} noter',
  'search.count.none': 'Ingen noter passer på søgningen.',
  'search.newestShown': 'Viser de {shown} nyeste.',
  'search.results': 'Noter der passer på søgningen',
  'search.empty': 'Skriv et eller flere ord for at søge i alle dine noter om alle borgere.',
  'search.failed': 'Søgningen mislykkedes: {error}',
};

export const en: Record<keyof typeof da, string> = {
  'search.heading': 'All notes',
  'search.label': 'Search notes',
  'search.help':
    'Every word must be in the note. The start of a word is enough, and from four letters any part of a word: "doc" finds "doctor", "note" finds "footnote".',
  'search.preparing': 'Preparing search … {percent} %',
  'search.searching': 'Searching …',
  'search.count.one': '1 note',
  'search.count.many': '{count} notes',
  'search.count.none': 'No notes match the search.',
  'search.newestShown': 'Showing the newest {shown}.',
  'search.results': 'Notes matching the search',
  'search.empty': 'Type one or more words to search all your notes about all citizens.',
  'search.failed': 'The search failed: {error}',
};
