import { useCallback, useState } from 'react';
import { session } from '@/lib/crypto/session';

/** Values of the small forms that have no draft in the database, by key; gone when Sidevogn locks. */
const kept = new Map<string, unknown>();
session.subscribe((unlocked) => {
  if (!unlocked) kept.clear();
});

/** Drops what is kept under keys beginning with `prefix` (a form closed on purpose; all of it, for a citizen erased). */
export function forgetKept(prefix = ''): void {
  for (const key of [...kept.keys()]) if (key.startsWith(prefix)) kept.delete(key);
}

/**
 * useState whose value outlives the component: a new deadline, a contact or a
 * reason half typed is there again after a look at another tab or citizen, for
 * as long as this panel page is open and unlocked (it holds citizen data, so
 * a lock empties it). `key` names the form and its citizen.
 */
export function useKeptState<T>(key: string, initial: T): [T, (next: T) => void] {
  const read = (): T => (kept.has(key) ? (kept.get(key) as T) : initial);
  const [state, setState] = useState(() => ({ key, value: read() }));
  // The same component given another citizen's key: that citizen's value.
  const current = state.key === key ? state : { key, value: read() };
  if (current !== state) setState(current);
  const set = useCallback(
    (next: T) => {
      if (Object.is(next, initial)) kept.delete(key);
      else kept.set(key, next);
      setState({ key, value: next });
    },
    // `initial` is read as given at first; a literal each render would renew this for nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return [current.value, set];
}

/**
 * A small form behind a toggle ("Ny frist", "Ny kontakt"), kept open across a look
 * elsewhere. `values` prefixes the keys of what it holds, forgotten when it is
 * closed on purpose. `openedNow`: opened by the caseworker in this view, so its
 * first field may take the focus (kept open from before, it takes none, nor the
 * keyboard from the host).
 */
export function useKeptForm(open: string, values: string) {
  const [isOpen, setOpen] = useKeptState(open, false);
  const [openedNow, setOpenedNow] = useState(false);
  const close = () => {
    setOpen(false);
    forgetKept(values);
  };
  const toggle = () => {
    if (isOpen) return close();
    setOpen(true);
    setOpenedNow(true);
  };
  return { isOpen, openedNow, toggle, close };
}
