/**
 * The Kommune test host's citizens (fictional). CPR numbers are written the way
 * this case system shows them, `DDMMYY NNNN`; case ids are opaque.
 */
export const BORGERE = {
  'k-jba': {
    id: 'k-jba',
    navn: 'Jonas Bech Andersen',
    cpr: '120385 1233',
    malgruppe: 'Jobparat dagpengemodtager',
    ydelse: 'Dagpenge',
    sagsbehandler: 'Lene Møller',
  },
  'k-bhl': {
    id: 'k-bhl',
    navn: 'Birgitte Holm Larsen',
    cpr: '030792 2468',
    malgruppe: 'Aktivitetsparat kontanthjælpsmodtager',
    ydelse: 'Kontanthjælp',
    sagsbehandler: 'Lene Møller',
  },
  'k-ofr': {
    id: 'k-ofr',
    navn: 'Ole Frandsen',
    cpr: '240656 1357',
    malgruppe: 'Sygedagpengemodtager',
    ydelse: 'Sygedagpenge',
    sagsbehandler: 'Per Dahl',
  },
};

/** Households: two citizens on one page, each in a record of its own. */
export const HUSSTANDE = {
  'h-jba-bhl': { id: 'h-jba-bhl', adresse: 'Strandvejen 12, 2. th.', medlemmer: ['k-jba', 'k-bhl'] },
};
