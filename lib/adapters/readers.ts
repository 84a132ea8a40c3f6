import type { Adapter } from '../host/adapter';
import type { ProbeReader } from './probe';
import { CITIZEN_FIELD_IDS } from '../host/citizen-fields';

/** A row of the adapter editor: the record, the citizen's fields, the first insert target. */
export type RowKey = 'scope' | 'cpr' | 'name' | (typeof CITIZEN_FIELD_IDS)[number] | 'journal';

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

/** The selector behind a row of the adapter editor. */
export function readerOf(draft: Adapter, key: RowKey): string {
  if (key === 'scope') return draft.citizen.scope ?? '';
  if (key === 'cpr' || key === 'name') return draft.citizen[key].selector;
  if (key === 'journal') return draft.journal[0]?.selector ?? '';
  return draft.citizen.fields[key]?.selector ?? '';
}

/** The adapter with a new selector for one row; an empty one removes an optional reader. */
export function withSelector(draft: Adapter, key: RowKey, selector: string): Adapter {
  if (key === 'scope') {
    const { scope: _old, ...citizen } = draft.citizen;
    return { ...draft, citizen: selector ? { ...citizen, scope: selector } : citizen };
  }
  if (key === 'cpr' || key === 'name')
    return { ...draft, citizen: { ...draft.citizen, [key]: { ...draft.citizen[key], selector } } };
  if (key === 'journal') return withTarget(draft, 0, { selector });
  const fields = { ...draft.citizen.fields };
  if (selector) fields[key] = { ...fields[key], selector };
  else delete fields[key];
  return { ...draft, citizen: { ...draft.citizen, fields } };
}

/** Changes one insert target and keeps the others; a target without a selector is dropped. */
export function withTarget(draft: Adapter, i: number, change: Partial<Adapter['journal'][number]>): Adapter {
  const journal = [...draft.journal];
  journal[i] = { selector: '', label: `Journal ${i + 1}`, ...journal[i], ...change };
  return { ...draft, journal: journal.filter((target) => target.selector) };
}
