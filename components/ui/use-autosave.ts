import { useCallback, useEffect, useRef, useState } from 'react';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { DRAFT_SAVE_INTERVAL_MS } from '@/lib/storage/throttled-save';
import { useFlushOnHide } from './use-throttled-save';

/** Every mounted autosave's flush, so an action can first write what is still being typed. */
const flushers = new Set<() => Promise<void>>();

export async function flushAllAutosaves(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

/**
 * A text value that saves itself while the caseworker types (throttled), on
 * blur, and when the component goes away; a failed save keeps the text on
 * screen and says so.
 */
export function useAutosave(initial: string, save: (value: string) => Promise<void>) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { failure: SaveFailure }>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    setState('saving');
    try {
      await saveRef.current(next);
      setState('saved');
    } catch (e) {
      pending.current ??= next;
      setState({ failure: saveFailure(e) });
    }
  }, []);

  // Flushed when the page is hidden too, as the drafts are: pagehide alone left the last keystrokes
  // of a reload or a closed tab unsaved.
  useFlushOnHide(flush);
  useEffect(() => {
    flushers.add(flush);
    return () => void flushers.delete(flush);
  }, [flush]);

  const change = useCallback(
    (next: string) => {
      setValue(next);
      pending.current = next;
      // Typing reaches the database at most this long after a keystroke, as a draft's does.
      timer.current ??= setTimeout(() => void flush(), DRAFT_SAVE_INTERVAL_MS);
    },
    [flush],
  );

  return { value, state, change, flush };
}
