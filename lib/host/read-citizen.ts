import { findCprs, parseCpr } from '../cpr/cpr';
import type { Adapter, FieldReader } from './adapter';
import type { CitizenFieldId } from './citizen-fields';
import type { CitizenOnPage, Detection } from '../messaging/protocol';

/**
 * Reads the citizen(s) shown on a host page through an adapter. Pure: takes the
 * document, so it is tested against saved HTML and runs in the content script.
 */

function readValue(root: ParentNode, reader: FieldReader): string[] {
  const values: string[] = [];
  for (const el of root.querySelectorAll(reader.selector)) {
    const raw = reader.attribute ? el.getAttribute(reader.attribute) : el.textContent;
    let value = (raw ?? '').replace(/\s+/g, ' ').trim();
    if (reader.pattern) {
      const m = new RegExp(reader.pattern).exec(value);
      value = m ? (m[1] ?? m[0]).trim() : '';
    }
    if (value) values.push(value);
  }
  return values;
}

/** The elements that each hold one citizen (the adapter's `scope`), or the whole page. */
export const citizenScopes = (doc: Document, adapter: Adapter): ParentNode[] =>
  adapter.citizen.scope ? [...doc.querySelectorAll(adapter.citizen.scope)] : [doc];

/** `scopes`: citizenScopes(doc, adapter), when the caller has them already. */
export function readCitizens(doc: Document, adapter: Adapter, scopes = citizenScopes(doc, adapter)): Detection {
  const { cpr, name, fields } = adapter.citizen;
  const byCpr = new Map<string, CitizenOnPage>();
  let unreadable = 0;

  for (const root of scopes) {
    const cprTexts = readValue(root, cpr);
    if (cprTexts.length === 0) continue;
    const cprs = new Set<string>();
    for (const text of cprTexts) {
      const parsed = parseCpr(text);
      if (parsed.ok) cprs.add(parsed.cpr.value);
      else for (const found of findCprs(text)) cprs.add(found);
    }
    if (cprs.size === 0) {
      unreadable++;
      continue;
    }
    const citizenName = readValue(root, name)[0] ?? '';
    const facts: Partial<Record<CitizenFieldId, string>> = {};
    for (const [id, reader] of Object.entries(fields) as [CitizenFieldId, FieldReader][]) {
      const value = readValue(root, reader)[0];
      if (value) facts[id] = value;
    }
    for (const value of cprs) {
      if (!byCpr.has(value)) byCpr.set(value, { cpr: value, name: citizenName, facts });
    }
  }

  const citizens = [...byCpr.values()];
  if (citizens.length === 1) return { status: 'found', citizen: citizens[0]! };
  if (citizens.length > 1) return { status: 'ambiguous', candidates: citizens };
  if (unreadable > 0) return { status: 'unreadable' };
  return { status: 'none' };
}
