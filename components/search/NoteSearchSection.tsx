import { useCallback, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { createNoteSearch, queryTerms, type BuildProgress, type NoteSearch } from '@/lib/search/note-search';
import type { Repositories } from '@/lib/repositories';
import { LockedError } from '@/lib/crypto/session';
import { formatDateTime } from '@/lib/i18n/i18n';
import { resolveResults, type NoteResult } from '@/lib/search/note-results';
import { useLocale, useT } from '@/components/ui/i18n';

const SHOWN = 50;
/** Writes often come in bursts (autosave, another panel): search again once they settle. */
const CHANGE_SETTLE_MS = 150;

type Found = { query: string; total: number; results: NoteResult[] };

/**
 * "Søg i noter": every note about every citizen, searched in the options page.
 * Lives behind the lock gate; the in-memory index is created on mount, built
 * on first use and closed on unmount (locking unmounts it), so no decrypted
 * text stays in memory while locked.
 */
export function NoteSearchSection({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  const t = useT();
  const locale = useLocale();
  const inputId = useId();
  const helpId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const [revision, setRevision] = useState(0);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warmed = useRef(false);

  // Created on first use and closed on unmount (locking unmounts this section).
  const searchRef = useRef<NoteSearch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const getSearch = useCallback((): NoteSearch => {
    if (searchRef.current) return searchRef.current;
    const created = createNoteSearch(db);
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

  const building = progress !== null && progress.done < progress.total;
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  const active = queryTerms(query).length > 0;

  let status = '';
  if (error) status = t('search.failed', { error });
  else if (building) status = t('search.preparing', { percent });
  else if (active && found) {
    status =
      found.total === 0
        ? t('search.count.none')
        : found.total === 1
          ? t('search.count.one')
          : t('search.count.many', { count: found.total });
    if (found.total > found.results.length && found.results.length > 0)
      status += ` ${t('search.newestShown', { shown: found.results.length })}`;
  } else if (active) status = t('search.searching');

  return (
    <section className="mt-8" aria-labelledby="note-search-heading">
      <h2 id="note-search-heading" className="text-lg font-semibold">
        {t('search.heading')}
      </h2>
      <form className="mt-2" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId} className="block text-sm font-medium">
          {t('search.label')}
        </label>
        <input
          id={inputId}
          type="search"
          className="mt-1 w-full max-w-md rounded border border-slate-400 px-2 py-1"
          value={query}
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
          onFocus={warm}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={helpId} className="mt-1 text-sm text-slate-700">
          {t('search.help')}
        </p>
      </form>
      <p className="mt-2 text-sm font-medium" role="status" data-testid="note-search-status">
        {status}
      </p>
      {!active && <p className="mt-1 text-sm text-slate-700">{t('search.empty')}</p>}
      {active && found && found.results.length > 0 && (
        <ol className="mt-2 divide-y divide-slate-200 rounded border border-slate-300" aria-label={t('search.results')}>
          {found.results.map((r) => (
            <li key={r.id} className="px-3 py-2 text-sm" data-testid="note-search-result">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-medium">{r.citizenName || t('citizen.noName')}</span>
                <span className="font-mono">{r.maskedCpr}</span>
                <time className="text-slate-700" dateTime={new Date(r.createdAt).toISOString()}>
                  {formatDateTime(locale, r.createdAt)}
                </time>
              </p>
              <p className="mt-1 break-words text-slate-900" data-testid="note-search-snippet">
                {r.snippet.map((piece, i) =>
                  piece.match ? (
                    <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
                      {piece.text}
                    </mark>
                  ) : (
                    <span key={i}>{piece.text}</span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
