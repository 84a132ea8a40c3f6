import { useCallback, useEffect, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { applyAutoIds } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { useThrottledSave } from '@/components/ui/use-throttled-save';

export type SaveState = 'saved' | 'pending' | 'error';

/**
 * The pack being edited, saved to IndexedDB as the team lead types (same
 * throttled autosave as note drafts, flushed when the page is hidden), so
 * closing the options page loses nothing.
 */
export function usePackDraft(repository: Repositories): {
  /** undefined while loading, null when there is no draft. */
  draft: PackDraft | null | undefined;
  saveState: SaveState;
  loadError: string | null;
  update(change: (d: PackDraft) => PackDraft): void;
  replace(draft: PackDraft | null): Promise<void>;
} {
  const [draft, setDraft] = useState<PackDraft | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [loadError, setLoadError] = useState<string | null>(null);
  const saver = useThrottledSave<PackDraft>({
    saved: (morePending) => {
      if (!morePending) setSaveState('saved');
    },
    failed: (e) => {
      // The next edit or page hide tries again; the text stays on screen.
      setSaveState('error');
      // The error's name only: a storage or validation error can carry the record's text.
      console.error('Sidevogn: saving the pack draft failed', e instanceof Error ? e.name : 'error');
    },
  });

  useEffect(() => {
    let live = true;
    repository.packDrafts.get().then(
      (d) => live && setDraft(d ?? null),
      (e: unknown) => {
        if (!live) return;
        // A stored draft that no longer reads is not replaced silently.
        setLoadError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [repository]);

  const update = useCallback(
    (change: (d: PackDraft) => PackDraft) => {
      setDraft((current) => {
        if (!current) return current;
        const next = applyAutoIds(change(current));
        saver.schedule(next, (d) => repository.packDrafts.save(d));
        return next;
      });
      setSaveState('pending');
    },
    [repository, saver],
  );

  const replace = useCallback(
    async (next: PackDraft | null) => {
      saver.cancel();
      const normalised = next && applyAutoIds(next);
      if (normalised) await repository.packDrafts.save(normalised);
      else await repository.packDrafts.discard();
      setDraft(normalised);
      setSaveState('saved');
    },
    [repository, saver],
  );

  return { draft, saveState, loadError, update, replace };
}
