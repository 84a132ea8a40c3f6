import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { queryTerms, type BuildProgress, type NoteSearch } from '@/lib/search/note-search';
import { createWorkerNoteSearch } from '@/lib/search/worker-search';
import type { Repositories } from '@/lib/repositories';
import { LockedError } from '@/lib/crypto/session';
import { resolveResults, type NoteResult } from '@/lib/search/note-results';

export const SHOWN = 50;
/** Writes often come in bursts (autosave, another panel): search again once they settle. */
const CHANGE_SETTLE_MS = 150;

export type Found = { query: string; total: number; results: NoteResult[] };

export interface NoteSearchState {
  progress: BuildProgress | null;
  found: Found | null;
  error: string | null;
  /** Builds the index now, if it is not built or building (the field's focus). */
  warm(): void;
}

/**
 * The search behind "Søg i noter": the index is built in a worker from the
 * moment the section mounts (i.e. at unlock), so the first search finds it
 * ready; the worker is ended on unmount and on lock, so no decrypted text
 * stays in memory while locked. Searches `query` as it settles, and again
 * when notes change.
 */
export function useNoteSearch(db: SidevognDb, repository: Repositories, query: string): NoteSearchState {
  const deferred = useDeferredValue(query);
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const [revision, setRevision] = useState(0);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warmed = useRef(false);

  // Created on first use and closed on unmount (locking unmounts the section).
  const searchRef = useRef<NoteSearch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const getSearch = useCallback((): NoteSearch => {
    if (searchRef.current) return searchRef.current;
    const created = createWorkerNoteSearch(db);
    created.onProgress(setProgress);
    created.onChange(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setRevision((r) => r + 1), CHANGE_SETTLE_MS);
    });
    searchRef.current = created;
    return created;
  }, [db]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      searchRef.current?.close();
      searchRef.current = null;
      warmed.current = false;
    },
    [db],
  );

  const warm = useCallback(() => {
    if (warmed.current) return;
    warmed.current = true;
    getSearch()
      .warm()
      .then(
        () => setProgress(null),
        (e: unknown) => {
          warmed.current = false;
          setProgress(null);
          if (!(e instanceof LockedError)) setError(e instanceof Error ? e.message : String(e));
        },
      );
  }, [getSearch]);

  // Unlocked (the section mounts only then): build now, off the page's thread.
  useEffect(() => warm(), [warm]);

  useEffect(() => {
    const q = deferred.trim();
    if (queryTerms(q).length === 0) return;
    warm();
    let current = true;
    getSearch()
      .search(q, { limit: SHOWN })
      .then(async (result) => ({ query: q, total: result.total, results: await resolveResults(repository, result, q) }))
      .then(
        (next) => {
          if (!current) return;
          setFound(next);
          setError(null);
        },
        (e: unknown) => {
          if (!current || e instanceof LockedError) return;
          setFound(null);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    return () => {
      current = false;
    };
  }, [getSearch, deferred, revision, repository, warm]);

  return { progress, found, error, warm };
}
