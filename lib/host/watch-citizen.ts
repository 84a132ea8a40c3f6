import type { Adapter } from './adapter';
import { readCitizens } from './read-citizen';
import type { Detection } from '../messaging/protocol';

/** After a DOM change, read again at most this often (ms). */
const READ_INTERVAL_MS = 60;

/**
 * Reads the citizen now and whenever the host DOM changes (SPA navigation,
 * late rendering), reporting only real changes. Throttled, so a host that
 * re-renders constantly costs one cheap read per interval. Stops with `signal`.
 */
export function watchCitizen(
  doc: Document,
  adapter: Adapter,
  signal: AbortSignal,
  onChange: (detection: Detection) => void,
): void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = () => {
    timer = undefined;
    const detection = readCitizens(doc, adapter);
    const key = JSON.stringify(detection);
    if (key !== last) {
      last = key;
      onChange(detection);
    }
  };
  const schedule = () => {
    timer ??= setTimeout(read, READ_INTERVAL_MS);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  read();
}
