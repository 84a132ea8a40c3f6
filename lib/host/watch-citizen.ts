import type { Adapter } from './adapter';
import { citizenScopes, readCitizens } from './read-citizen';
import type { Detection } from '../messaging/protocol';

/** Read at most this often (ms); a change after a quiet spell is read at once. */
const READ_INTERVAL_MS = 60;
const ALL_CHANGES = { childList: true, subtree: true, characterData: true };

/**
 * Whether a batch of DOM changes outside the citizen elements can have changed
 * the citizen an adapter with a `scope` reads: one of the elements seen at the
 * last read left the page, or an added element is or holds one. (Changes inside
 * them are watched apart, see watchCitizen.) Typing in the host's journal and a
 * table that re-renders all day then cost no read, and one cheap look a record.
 */
export function touchesScope(records: MutationRecord[], scope: string, seen: readonly Element[]): boolean {
  if (seen.some((el) => !el.isConnected)) return true;
  for (const record of records) {
    // An element added here and still in the page is a child of the target now. With
    // none, skip the added nodes unread: on a host that rewrites cell texts all day,
    // reading them (a new wrapper each) was most of what watching it cost.
    if (!(record.target as ParentNode).childElementCount) continue;
    for (const node of record.addedNodes)
      if (node instanceof Element && (node.matches(scope) || node.querySelector(scope))) return true;
  }
  return false;
}

/**
 * Reads the citizen now and whenever the host DOM changes (SPA navigation,
 * late rendering), reporting only real changes. Throttled, so a host that
 * re-renders constantly costs one cheap read per interval at most, and none
 * for changes outside the adapter's citizen scope; the first change after a
 * quiet interval is read in the next task, so switching citizen waits for no
 * timer. Stops with `signal`.
 *
 * With a scope, the citizen elements seen at the last read have an observer of
 * their own, and the page's is told of added and removed nodes only: a change
 * inside them needs no search through the batch, and a host that rewrites its
 * texts in place elsewhere (characterData) wakes nothing of Sidevogn.
 */
export function watchCitizen(
  doc: Document,
  adapter: Adapter,
  signal: AbortSignal,
  onChange: (detection: Detection) => void,
): void {
  const { scope, cpr, name, fields } = adapter.citizen;
  // A reader of an attribute (a CPR kept in `data-cpr` behind a masked text) is woken by its
  // changes too: else a new name beside the old CPR would be read as one citizen. Only those.
  const watched = {
    ...ALL_CHANGES,
    attributeFilter: [cpr, name, ...Object.values(fields)].flatMap((reader) => reader?.attribute ?? []),
  };
  let last = '';
  let seen: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readAt = 0;
  const later = () => (timer ??= setTimeout(read, readAt + READ_INTERVAL_MS - performance.now()));
  const inside = new MutationObserver(later);

  function read() {
    timer = undefined;
    readAt = performance.now();
    const scopes = citizenScopes(doc, adapter);
    if (scope) {
      seen = scopes as Element[];
      inside.disconnect();
      for (const el of seen) inside.observe(el, watched);
    }
    const detection = readCitizens(doc, adapter, scopes);
    const key = JSON.stringify(detection);
    if (key !== last) {
      last = key;
      onChange(detection);
    }
  }

  const observer = new MutationObserver((records) => {
    if (!timer && (!scope || touchesScope(records, scope, seen))) later();
  });
  // The whole document, not its <body>: a host that swaps the body on each visit (Turbo, pjax) would
  // leave an observer of the old one watching nothing.
  observer.observe(doc.documentElement, scope ? { childList: true, subtree: true } : watched);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    inside.disconnect();
    clearTimeout(timer);
  });
  read();
}
