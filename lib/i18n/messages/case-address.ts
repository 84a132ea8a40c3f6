/** UI strings: opening a citizen in the case system from the options page. Danish is the source; English has the same keys. */
export const da = {
  'caseAddress.open': 'Åbn i sagssystemet',
  'caseAddress.openFor': 'Åbn i sagssystemet: {name}',
  'caseAddress.unknown': 'Ikke set i sagssystemet endnu',
  'caseAddress.none':
    'Sidevogn kender ikke adressen på borgeren i sagssystemet. Åbn borgeren i sagssystemet én gang med panelet fremme, så husker Sidevogn den.',
  'caseAddress.invalid':
    'Adressen kan ikke åbnes: Sidevogn åbner kun http- og https-adresser. Åbn borgeren i sagssystemet igen, så husker Sidevogn den rigtige adresse.',
  'caseAddress.untaught':
    'Adressen kan ikke åbnes: {origin} er ikke et sagssystem, Sidevogn er lært op til (længere). Lær sagssystemet under Sagssystemer, eller åbn borgeren direkte i sagssystemet.',
  'caseAddress.failed': 'Sagssystemet kunne ikke åbnes: {error}',
  /** The access report (art. 15): the address is part of what Sidevogn holds about the citizen. */
  'access.caseAddress': 'Sidst set i sagssystemet på',
};

export const en: Record<keyof typeof da, string> = {
  'caseAddress.open': 'Open in the case system',
  'caseAddress.openFor': 'Open in the case system: {name}',
  'caseAddress.unknown': 'Not seen in the case system yet',
  'caseAddress.none':
    'Sidevogn does not know the citizen’s address in the case system. Open the citizen in the case system once with the panel showing, and Sidevogn remembers it.',
  'caseAddress.invalid':
    'The address cannot be opened: Sidevogn opens only http and https addresses. Open the citizen in the case system again, and Sidevogn remembers the right address.',
  'caseAddress.untaught':
    'The address cannot be opened: {origin} is not (or no longer) a case system Sidevogn has been taught. Teach it under Case systems, or open the citizen directly in the case system.',
  'caseAddress.failed': 'The case system could not be opened: {error}',
  'access.caseAddress': 'Last seen in the case system at',
};
