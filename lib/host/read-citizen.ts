import { cprValue, findCprs } from '../cpr/cpr';
import type { Adapter, FieldReader } from './adapter';
import type { CitizenFieldId } from './citizen-fields';
import type { CitizenOnPage, Detection } from '../messaging/protocol';

/**
 * Reads the citizen(s) shown on a host page through an adapter. Pure: takes the
 * document, so it is tested against saved HTML and runs in the content script.
 */

/** The most citizens the panel offers to choose from (the protocol's cap). */
export const MAX_CANDIDATES = 20;

/** The elements `selector` matches in `root`, the root itself included (a record may be the CPR element alone). */
const safeAll = (root: ParentNode, selector: string): Element[] => {
  try {
    const found = [...root.querySelectorAll(selector)];
    return (root as Element).matches?.(selector) ? [root as Element, ...found] : found;
  } catch {
    return [];
  }
};

function readOne(el: Element, reader: FieldReader): string {
  const raw = reader.attribute ? el.getAttribute(reader.attribute) : el.textContent;
  let value = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (reader.pattern) {
    const m = new RegExp(reader.pattern).exec(value);
    value = m ? (m[1] ?? m[0]).trim() : '';
  }
  // The protocol's cap (shortText): a name selector that matches a large element
  // must not make the whole citizen message fail validation in the panel.
  return value.slice(0, 500);
}

const readValue = (root: ParentNode, reader: FieldReader): string[] =>
  safeAll(root, reader.selector)
    .map((el) => readOne(el, reader))
    .filter(Boolean);

/** The CPR numbers in texts read by the adapter's CPR reader. */
function cprsIn(texts: string[]): Set<string> {
  const cprs = new Set<string>();
  for (const text of texts) {
    const value = cprValue(text);
    if (value) cprs.add(value);
    else for (const found of findCprs(text)) cprs.add(found);
  }
  return cprs;
}

/**
 * The record around one CPR element when the adapter names none: the largest
 * ancestor (within `root`) that holds no other CPR element. Names and facts are
 * read only there, so a household page never pairs one person's CPR with
 * another's name.
 */
function recordOf(cprEl: Element, root: ParentNode, cprSelector: string): ParentNode {
  let record: Element = cprEl;
  for (
    let up = cprEl.parentElement;
    up && root.contains(up) && up.querySelectorAll(cprSelector).length === 1;
    up = up.parentElement
  )
    record = up;
  return record;
}

/** The elements that each hold one citizen (the adapter's `scope`), or the whole page. */
export const citizenScopes = (doc: Document, adapter: Adapter): ParentNode[] =>
  adapter.citizen.scope ? [...doc.querySelectorAll(adapter.citizen.scope)] : [doc];

/** `scopes`: citizenScopes(doc, adapter), when the caller has them already. */
export function readCitizens(doc: Document, adapter: Adapter, scopes = citizenScopes(doc, adapter)): Detection {
  const { cpr, name, fields } = adapter.citizen;
  const byCpr = new Map<string, CitizenOnPage>();
  let unreadable = 0;

  const readRecord = (root: ParentNode) => {
    const cprTexts = readValue(root, cpr);
    if (cprTexts.length === 0) return;
    const cprs = cprsIn(cprTexts);
    if (cprs.size === 0) {
      unreadable++;
      return;
    }
    // Several CPRs in one record: none of them can be paired with its name or facts.
    const own = cprs.size === 1;
    const citizenName = own ? (readValue(root, name)[0] ?? '') : '';
    const facts: Partial<Record<CitizenFieldId, string>> = {};
    if (own)
      for (const [id, reader] of Object.entries(fields) as [CitizenFieldId, FieldReader][]) {
        const value = readValue(root, reader)[0];
        if (value) facts[id] = value;
      }
    for (const value of cprs) {
      // The same person shown twice: keep the reading that found a name.
      if (!byCpr.get(value)?.name) byCpr.set(value, { cpr: value, name: citizenName, facts });
    }
  };

  for (const root of scopes) {
    // A scope (or the page) showing several CPR elements: each is read in its own record.
    // (One person whose CPR the page repeats is still read as one record.)
    const cprElements = safeAll(root, cpr.selector);
    const distinct = cprsIn(cprElements.map((el) => readOne(el, cpr)));
    // A list page (more than the panel can offer): only the count matters, so no record is walked.
    if (distinct.size > MAX_CANDIDATES)
      for (const value of distinct) byCpr.set(value, { cpr: value, name: '', facts: {} });
    else if (distinct.size > 1) for (const el of cprElements) readRecord(recordOf(el, root, cpr.selector));
    else readRecord(root);
  }

  const citizens = [...byCpr.values()];
  if (citizens.length === 1) return { status: 'found', citizen: citizens[0]! };
  // A list page: more than the panel can offer as a choice.
  if (citizens.length > MAX_CANDIDATES) return { status: 'many', count: citizens.length };
  if (citizens.length > 1) return { status: 'ambiguous', candidates: citizens };
  if (unreadable > 0) return { status: 'unreadable' };
  return { status: 'none' };
}
