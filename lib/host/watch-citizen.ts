import type { Adapter } from './adapter';
import { citizenScopes, readCitizens } from './read-citizen';
import type { Detection } from '../messaging/protocol';

/** Read at most this often (ms); a change after a quiet spell is read at once. */
const READ_INTERVAL_MS = 60;

/**
 * Whether a batch of DOM changes can have changed the citizen an adapter with a
 * `scope` reads: something changed inside a citizen element seen at the last
 * read, one of them left the page, or an added element is or holds one. Typing
 * in the host's journal and a table that re-renders all day then cost no read.
 */
export function touchesScope(records: MutationRecord[], scope: string, seen: readonly Element[]): boolean {
  if (seen.some((el) => !el.isConnected)) return true;
  for (const record of records) {
    const target = record.target;
    if (seen.some((el) => el.contains(target))) return true;
    // An element added here and still in the page is a child of the target now. With
    // none (or a text node's own change), skip the added nodes unread: on a host that
    // rewrites cell texts all day, reading them (a new wrapper each) was most of what
    // watching it cost.
    if (!(target as ParentNode).childElementCount) continue;
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
 */
export function watchCitizen(
  doc: Document,
  adapter: Adapter,
  signal: AbortSignal,
  onChange: (detection: Detection) => void,
): void {
  const { scope } = adapter.citizen;
  let last = '';
  let seen: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readAt = 0;

  const read = () => {
    timer = undefined;
    readAt = performance.now();
    const scopes = citizenScopes(doc, adapter);
    if (scope) seen = scopes as Element[];
    const detection = readCitizens(doc, adapter, scopes);
    const key = JSON.stringify(detection);
    if (key !== last) {
      last = key;
      onChange(detection);
    }
  };

  const observer = new MutationObserver((records) => {
    if (!timer && (!scope || touchesScope(records, scope, seen)))
      timer = setTimeout(read, readAt + READ_INTERVAL_MS - performance.now());
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  read();
}
