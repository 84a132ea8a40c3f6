// Types for data.js (plain ESM shared by the browser apps and Node tests).

export interface JournalEntry {
  id: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  author: string;
  type: string;
  subject: string;
  text: string;
}

export interface Citizen {
  /** Opaque case id used in URLs, e.g. `S-20250117` (never the CPR). */
  caseId: string;
  name: string;
  /** `DDMMYY-SSSS`. */
  cpr: string;
  malgruppe: string;
  ydelse: string;
  /** ISO date `YYYY-MM-DD`. */
  startdato: string;
  sagsbehandler: string;
  /** Local date-time `YYYY-MM-DDTHH:MM`, or null when no meeting is planned. */
  naesteMoede: string | null;
  status: string;
  adresse: string;
  telefon: string;
  email: string;
  /** Case id of the spouse in a household with mutual support, else null. */
  husstand: string | null;
  /** Existing journal entries, newest first. */
  journal: JournalEntry[];
}

export declare const CURRENT_USER: { name: string; initials: string; title: string; team: string };
export declare const MUNICIPALITY: string;
export declare const CASEWORKERS: string[];
export declare const MALGRUPPER: string[];
export declare const JOURNAL_TYPES: string[];
/** The citizen whose CPR deliberately fails modulus 11. */
export declare const MOD11_FAILING_CASE_ID: string;
export declare const citizens: Citizen[];
export default citizens;
export declare function findCitizen(caseId: string): Citizen | undefined;
/** `2025-01-17` → `17.01.2025`. */
export declare function formatDato(iso: string | null | undefined): string;
/** `2026-12-03T10:00` → `03.12.2026 kl. 10:00`; null → ''. */
export declare function formatMoede(iso: string | null | undefined): string;
