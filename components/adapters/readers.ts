import type { Adapter } from '@/lib/host/adapter';
import type { ProbeReader } from '@/lib/adapters/probe';
import { CITIZEN_FIELD_IDS } from '@/lib/host/citizen-fields';

/** Every reader of an adapter by a row key: cpr, name, the facts, journal. */
export function adapterReaders(adapter: Adapter): Record<string, ProbeReader> {
  const out: Record<string, ProbeReader> = { cpr: adapter.citizen.cpr, name: adapter.citizen.name };
  for (const id of CITIZEN_FIELD_IDS) {
    const reader = adapter.citizen.fields[id];
    if (reader) out[id] = reader;
  }
  if (adapter.journal[0]) out.journal = { selector: adapter.journal[0].selector };
  return out;
}
