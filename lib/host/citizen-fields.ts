/** Citizen facts an adapter can read from a case system page, besides CPR and name. */
export const CITIZEN_FIELD_IDS = ['malgruppe', 'ydelse', 'startdato', 'sagsbehandler', 'naesteMoede'] as const;
export type CitizenFieldId = (typeof CITIZEN_FIELD_IDS)[number];
