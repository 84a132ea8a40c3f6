import { useCallback, useEffect, useState } from 'react';
import type { DraftId } from '@/lib/notes/draft-repository';
import type { Repositories } from '@/lib/repositories';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { useThrottledSave } from '@/components/ui/use-throttled-save';

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
 * Text that autosaves as a draft while the caseworker types (throttled, see
 * lib/storage/throttled-save.ts); leaving the page or switching citizen flushes at once.
 */
export function useDraft(repository: Repositories, id: DraftId, citizenKey: string, initial = ''): DraftState {
  const [text, setText] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [error, setError] = useState<SaveFailure | null>(null);
  const saver = useThrottledSave<string>({
    saved: () => {
      setSavedAt(Date.now());
      setError(null);
    },
    failed: (e) => setError(saveFailure(e)),
  });
  const flush = saver.flush;

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
    return () => {
      live = false;
    };
    // `initial` only seeds a missing draft when the id changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository, id]);

  const change = useCallback(
    (next: string) => {
      setText(next);
      saver.schedule(next, (body) => repository.drafts.save(id, citizenKey, body));
    },
    [repository, id, citizenKey, saver],
  );

  const reset = useCallback(
    (next = '') => {
      saver.cancel();
      setText(next);
      setError(null);
      setRestoredAt(null);
      setSavedAt(null);
    },
    [saver],
  );

  return { text, restoredAt, savedAt, error, change, reset, flush };
}
