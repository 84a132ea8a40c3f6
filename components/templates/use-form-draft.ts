import { useCallback, useEffect, useRef, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import type { FormValues } from '@/lib/templates/form';
import type { DraftKept } from '@/lib/panel/panel-store';
import { useThrottledSave } from '@/components/ui/use-throttled-save';

/**
 * A template form's values, kept as a draft for the citizen and template while
 * the caseworker fills it in (same throttled autosave as note drafts).
 */
export function useFormDraft(
  repository: Repositories,
  citizenKey: string,
  templateId: string,
  initial: () => FormValues,
  /** Moves a draft saved under an older version of the values over (lib/templates/migrate.ts). */
  migrate: (values: FormValues, valuesVersion: number | undefined) => FormValues = (values) => values,
): {
  values: FormValues | null;
  hasDraft: boolean;
  /** Why the last save failed; the values stay on screen and pending until a save succeeds. */
  error: SaveFailure | null;
  /** Writes the pending values now (the retry after a failed save). */
  flush(): Promise<void>;
  /**
   * Writes the pending values now and says whether the values on screen are kept:
   * 'kept' (a stored draft holds them), 'none' (nothing typed, no draft), or why not.
   */
  keep(): Promise<DraftKept>;
  set(id: string, value: FormValues[string]): void;
  /**
   * Deletes the draft and starts the form again. Given the values whose note
   * was just inserted, only if the form still holds exactly those: what the
   * caseworker typed since stays, with its draft. Resolves whether it did.
   */
  discard(inserted?: FormValues): Promise<boolean>;
} {
  const [values, setValuesState] = useState<FormValues | null>(null);
  // The values as of the latest change, for discard() to compare after an await.
  const latest = useRef<FormValues | null>(null);
  const setValues = useCallback((next: FormValues) => {
    latest.current = next;
    setValuesState(next);
  }, []);
  const [hasDraft, setHasDraft] = useState(false);
  const [error, setError] = useState<SaveFailure | null>(null);
  // The same two, for keep() to read right after a flush.
  const stored = useRef(false);
  const lastFailure = useRef<SaveFailure | null>(null);
  const saver = useThrottledSave<FormValues>({
    saved: () => {
      stored.current = true;
      lastFailure.current = null;
      setHasDraft(true);
      setError(null);
    },
    failed: (e) => {
      lastFailure.current = saveFailure(e);
      setError(lastFailure.current);
    },
  });
  const flush = saver.flush;
  const keep = useCallback(async (): Promise<DraftKept> => {
    // Until nothing is pending (typed while a write ran is written too) or a write failed; a write
    // another flush started (the form leaving) counts once it has ended.
    for (lastFailure.current = null; ;) {
      await saver.flush();
      await saver.idle();
      if (!saver.pending) return stored.current ? 'kept' : 'none';
      if (lastFailure.current) return lastFailure.current;
    }
  }, [saver]);

  useEffect(() => {
    // Callers key the form by template, so this runs once per citizen and template.
    let live = true;
    repository.formDrafts.get(citizenKey, templateId).then(
      (draft) => {
        if (!live) return;
        // The stored draft wins, but fields added to the template since then get their start values.
        setValues(draft ? { ...initial(), ...migrate(draft.values, draft.valuesVersion) } : initial());
        stored.current = !!draft;
        setHasDraft(!!draft);
      },
      (e: unknown) => {
        if (!live) return;
        setValues(initial());
        setError(saveFailure(e));
      },
    );
    return () => {
      live = false;
    };
    // `initial` is read once, when the draft is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository, citizenKey, templateId]);

  const set = useCallback(
    (id: string, value: FormValues[string]) => {
      const next = { ...latest.current, [id]: value };
      setValues(next);
      saver.schedule(next, (values) => repository.formDrafts.save(citizenKey, templateId, values));
    },
    [repository, citizenKey, templateId, saver, setValues],
  );

  const cancelPending = useCallback(() => {
    saver.cancel();
    setError(null);
  }, [saver]);

  const discard = useCallback(
    async (inserted?: FormValues) => {
      const changed = () => inserted !== undefined && latest.current !== inserted;
      if (changed()) return false;
      cancelPending();
      await repository.formDrafts.discard(citizenKey, templateId);
      // Typed while the draft was deleted: that change scheduled its own save.
      if (changed()) return false;
      setValues(initial());
      stored.current = false;
      setHasDraft(false);
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [repository, citizenKey, templateId, cancelPending],
  );

  return { values, hasDraft, error, flush, keep, set, discard };
}
