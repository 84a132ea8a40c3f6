import type { Adapter } from '../host/adapter';
import type { ProbeReader } from './probe';
import { CITIZEN_FIELD_IDS } from '../host/citizen-fields';

/** The row key of an adapter's i-th insert target: journal, journal-2, journal-3 … */
export const targetKey = (i: number) => (i === 0 ? 'journal' : `journal-${i + 1}`);

/** Every reader of an adapter by a row key: scope, cpr, name, the facts, the targets. */
export function adapterReaders(adapter: Adapter): Record<string, ProbeReader> {
  // Citizen fields are read inside the records `scope` names, as the bridge reads them.
  const { scope } = adapter.citizen;
  const inScope = (reader: ProbeReader): ProbeReader => (scope ? { ...reader, scope } : reader);
  const out: Record<string, ProbeReader> = {
    ...(scope ? { scope: { selector: scope } } : {}),
    cpr: inScope(adapter.citizen.cpr),
    name: inScope(adapter.citizen.name),
  };
  for (const id of CITIZEN_FIELD_IDS) {
    const reader = adapter.citizen.fields[id];
    if (reader) out[id] = inScope(reader);
  }
  adapter.journal.forEach((target, i) => {
    out[targetKey(i)] = { selector: target.selector };
  });
  return out;
}
