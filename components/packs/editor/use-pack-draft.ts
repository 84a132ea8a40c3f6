import { useCallback, useEffect, useRef, useState } from 'react';
import type { Repository } from '@/lib/db/repository';
import { applyAutoIds } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { DRAFT_SAVE_INTERVAL_MS } from '../../notes/use-draft';

export type SaveState = 'saved' | 'pending' | 'error';

/**
 * The pack being edited, saved to IndexedDB as the team lead types (same
 * throttled autosave as note drafts, flushed when the page is hidden), so
 * closing the options page loses nothing.
 */
export function usePackDraft(repository: Repository): {
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
  const pending = useRef<PackDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    try {
      await repository.packDrafts.save(p);
      if (!pending.current) setSaveState('saved');
    } catch (e) {
      // Keep it pending, so the next edit or page hide tries again; the text stays on screen.
      pending.current ??= p;
      setSaveState('error');
      // The error's name only: a storage or validation error can carry the record's text.
      console.error('Sidevogn: saving the pack draft failed', e instanceof Error ? e.name : 'error');
    }
  }, [repository]);

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
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [repository, flush]);

  const update = useCallback(
    (change: (d: PackDraft) => PackDraft) => {
      setDraft((current) => {
        if (!current) return current;
        const next = applyAutoIds(change(current));
        pending.current = next;
        return next;
      });
      setSaveState('pending');
      timer.current ??= setTimeout(() => void flush(), DRAFT_SAVE_INTERVAL_MS);
    },
    [flush],
  );

  const replace = useCallback(
    async (next: PackDraft | null) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      pending.current = null;
      const normalised = next && applyAutoIds(next);
      if (normalised) await repository.packDrafts.save(normalised);
      else await repository.packDrafts.discard();
      setDraft(normalised);
      setSaveState('saved');
    },
    [repository],
  );

  return { draft, saveState, loadError, update, replace };
}
