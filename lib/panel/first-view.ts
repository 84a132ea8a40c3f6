import type { Repositories } from '../repositories';
import type { DeadlineRecord, SummaryRecord } from '../db/records';
import { session, type KeySource } from '../crypto/session';
import { selectActiveCitizen, usePanelStore } from './panel-store';

/**
 * The panel's first view, read while React renders for the first time. On a
 * warm start (already unlocked) the citizen the page shows is opened and their
 * overview read as soon as the page has named them, instead of after the
 * first render, the citizen's opening and the overview's mount, one after the
 * other. CitizenView takes it once; every later view reads as usual.
 */
export interface FirstView {
  key: string;
  summary: SummaryRecord;
  deadlines: DeadlineRecord[];
}

/** Taken later than this, a first view may be out of date: the citizen is read again. */
const FRESH_MS = 1_000;

let pending: { cpr: string; name: string; at: number; view: Promise<FirstView> } | undefined;

/**
 * Reads the first view as soon as the page names a citizen while the panel is
 * unfolded and unlocked (see the module comment); once only.
 */
export function prefetchFirstView(repository: Repositories, keys: KeySource = session): void {
  // Locked: the unlock comes first, and the panel reads as usual after it.
  if (keys.current() === null) return;
  const startOnce = (): boolean => {
    const state = usePanelStore.getState();
    const citizen = selectActiveCitizen(state);
    if (state.connection === 'disconnected' || keys.current() === null) return true;
    if (!citizen || state.layout.collapsed) return false;
    const { cpr, name } = citizen;
    const view = (async () => {
      // The key first; then the citizen's opening and the overview's reads together.
      const key = await repository.citizenKey(cpr);
      const [, summary, deadlines] = await Promise.all([
        repository.citizens.open(cpr, name),
        repository.summaries.get(key),
        repository.deadlines.readable(key),
      ]);
      return { key, summary, deadlines: deadlines.records };
    })();
    // Not taken yet: CitizenView shows the error when it takes it.
    view.catch(() => undefined);
    pending = { cpr, name, at: performance.now(), view };
    return true;
  };
  if (startOnce()) return;
  const unsubscribe = usePanelStore.subscribe(() => {
    if (startOnce()) unsubscribe();
  });
}

/** The first view, if it was read for this citizen just now and not taken yet. */
export function takeFirstView(cpr: string, name: string): Promise<FirstView> | undefined {
  const taken = pending;
  pending = undefined;
  const fresh = taken && performance.now() - taken.at < FRESH_MS;
  return fresh && taken.cpr === cpr && taken.name === name ? taken.view : undefined;
}

/**
 * What a live read of the first view should give: the first view's own object
 * when nothing changed since, so the view is not rendered again for equal data.
 */
export function sameAsFirst<T>(first: T | undefined, next: T): T {
  return first !== undefined && JSON.stringify(first) === JSON.stringify(next) ? first : next;
}
