// Types for data.mjs.
export interface Borger {
  id: string;
  navn: string;
  /** `DDMMYY NNNN`, as the Kommune host writes it. */
  cpr: string;
  malgruppe: string;
  ydelse: string;
  sagsbehandler: string;
}
export declare const BORGERE: Record<string, Borger>;
export declare const HUSSTANDE: Record<string, { id: string; adresse: string; medlemmer: string[] }>;
