import { CITIZEN_FIELD_IDS, type CitizenFieldId } from '../host/citizen-fields';
import type { SummaryRecord } from '../db/records';

/** A fact on the summary: what the case system shows, what the caseworker wrote, and whether they disagree. */
export interface FactRow {
  id: CitizenFieldId;
  host: { value: string; at: number } | undefined;
  own: { value: string; at: number } | undefined;
  /** Both exist and differ: shown side by side; neither overwrites the other. */
  conflict: boolean;
}

const same = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

export function factRows(summary: SummaryRecord): FactRow[] {
  return CITIZEN_FIELD_IDS.map((id) => {
    const host = summary.hostFacts[id];
    const own = summary.ownFacts[id];
    return { id, host, own, conflict: !!host && !!own && !same(host.value, own.value) };
  });
}
