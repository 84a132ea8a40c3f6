import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftId, Repository } from '@/lib/db/repository';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';

/** Unsaved typing reaches the database at most this long after a keystroke. */
export const DRAFT_SAVE_INTERVAL_MS = 100;

interface Pending {
  id: DraftId;
  citizenKey: string;
  body: string;
}

export interface DraftState {
  /** null while the stored draft is being read. */
  text: string | null;
  restoredAt: number | null;
  savedAt: number | null;
  error: SaveFailure | null;
  change(text: string): void;
  /** Drops pending saves; call before the text is saved as a note. */
  reset(text?: string): void;
  flush(): Promise<void>;
}

/**
 * Text that autosaves as a draft while the caseworker types. Saves are
 * throttled (not debounced), so continuous typing is still written every
 * DRAFT_SAVE_INTERVAL_MS; leaving the page or switching citizen flushes at once.
 */
export function useDraft(repository: Repository, id: DraftId, citizenKey: string, initial = ''): DraftState {
  const [text, setText] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [error, setError] = useState<SaveFailure | null>(null);
  const pending = useRef<Pending | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    try {
      await repository.drafts.save(p.id, p.citizenKey, p.body);
      setSavedAt(Date.now());
      setError(null);
    } catch (e) {
      // Keep it pending so the next keystroke or retry writes it again.
      pending.current ??= p;
      setError(saveFailure(e));
    }
  }, [repository]);

  useEffect(() => {
    // Callers key their component by draft id, so this runs once per draft.
    let live = true;
    repository.drafts.get(id).then(
      (draft) => {
        if (!live) return;
        setText(draft?.body ?? initial);
        setRestoredAt(draft ? draft.updatedAt : null);
      },
      (e: unknown) => {
        if (!live) return;
        setText(initial);
        setError(saveFailure(e));
      },
    );
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
    // `initial` only seeds a missing draft when the id changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository, id, flush]);

  const change = useCallback(
    (next: string) => {
      setText(next);
      pending.current = { id, citizenKey, body: next };
      timer.current ??= setTimeout(() => void flush(), DRAFT_SAVE_INTERVAL_MS);
    },
    [id, citizenKey, flush],
  );

  const reset = useCallback((next = '') => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = null;
    setText(next);
    setError(null);
    setRestoredAt(null);
    setSavedAt(null);
  }, []);

  return { text, restoredAt, savedAt, error, change, reset, flush };
}
