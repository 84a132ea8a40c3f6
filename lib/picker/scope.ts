import { findCprs } from '../cpr/cpr';
import { nthOfType, ownSelectors, proposeSelector, stableClasses, step } from '../host/selector';

/**
 * Several citizens on one page (issue 25 E): when the team lead picks a CPR on
 * a page that shows more than one, the picker infers the record each citizen
 * stands in (the adapter's `citizen.scope`) and proposes every citizen field
 * relative to that record, so the bridge reads a name only next to its own CPR.
 */

/** The text of a node, its text nodes joined by spaces (two cells' digits never run together). */
function textOf(node: Node): string {
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'TEMPLATE') parts.push(n.nodeValue ?? '');
  }
  return parts.join(' ');
}

/** The distinct CPR numbers written in a node. */
export const cprsShown = (node: Node): string[] => findCprs(textOf(node));

/**
 * The record around a picked CPR element on a page that shows several CPR
 * numbers: the outermost ancestor that holds this CPR alone. Null when the
 * page shows one CPR (no scope needed) or the element holds none or several.
 */
export function recordAround(cprEl: Element): Element | null {
  const doc = cprEl.ownerDocument;
  if (cprEl.getRootNode() !== doc || cprsShown(doc.body ?? doc).length < 2) return null;
  if (cprsShown(cprEl).length !== 1) return null;
  let record = cprEl;
  for (let up = cprEl.parentElement; up && up !== doc.body && cprsShown(up).length === 1; up = up.parentElement)
    record = up;
  return record;
}

const all = (root: ParentNode, selector: string): Element[] => {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
};

/**
 * A selector for every record like `record` on the page: it matches `record`
 * and at least one other element, each holding exactly one CPR, none inside
 * another. Null when no such selector is found (the picker then asks).
 */
export function proposeScope(record: Element): string | null {
  const doc = record.ownerDocument;
  const tag = record.tagName.toLowerCase();
  const classes = stableClasses(record).map((c) => `.${CSS.escape(c)}`);
  const candidates = [
    ...(classes.length ? [`${tag}${classes.slice(0, 2).join('')}`, ...classes.map((c) => `${tag}${c}`)] : []),
    ...ownSelectors(record)
      .filter((s) => !s.startsWith('#'))
      .map((s) => `${tag}${s}`),
    ...(record.parentElement && record.parentElement !== doc.documentElement
      ? [
          `${proposeSelector(record.parentElement)} > ${step(record)}`,
          `${proposeSelector(record.parentElement)} > ${tag}`,
        ]
      : []),
  ];
  for (const candidate of candidates) {
    const found = all(doc, candidate);
    if (
      found.length >= 2 &&
      found.includes(record) &&
      found.every((el) => cprsShown(el).length === 1 && !found.some((other) => other !== el && other.contains(el)))
    )
      return candidate;
  }
  return null;
}

/** The elements `selector` finds in `root`, the root itself included (as lib/host/read-citizen.ts reads). */
export function findIn(root: Element, selector: string): Element[] {
  try {
    return [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/**
 * A selector for `el` read inside its record: it finds exactly `el` in
 * `record`, and preferably exactly one element in every other record too.
 */
export function proposeWithin(record: Element, el: Element, scope: string): string {
  if (el === record) return scope;
  const path: string[] = [];
  const paths: string[] = [];
  for (let node: Element | null = el; node && node !== record; node = node.parentElement) {
    path.unshift(nthOfType(node));
    paths.push(path.join(' > '));
  }
  const candidates = [
    ...ownSelectors(el).filter((s) => !s.startsWith('#')),
    step(el),
    nthOfType(el),
    ...paths,
    ...ownSelectors(el).filter((s) => s.startsWith('#')),
  ];
  const pinpoints = (s: string) => {
    const found = findIn(record, s);
    return found.length === 1 && found[0] === el;
  };
  const others = all(record.ownerDocument, scope).filter((r) => r !== record);
  const usable = candidates.filter(pinpoints);
  return usable.find((s) => others.every((r) => findIn(r, s).length === 1)) ?? usable[0] ?? paths.at(-1)!;
}

/** The first value a reader's selector finds inside a record (what the picker shows while teaching). */
export function readIn(record: Element, selector: string): string {
  for (const el of findIn(record, selector)) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) return text.slice(0, 120);
  }
  return '';
}
