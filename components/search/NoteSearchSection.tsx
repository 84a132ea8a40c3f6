import { useId, useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { queryTerms } from '@/lib/search/note-search';
import type { Translate } from '@/lib/i18n/i18n';
import type { Repositories } from '@/lib/repositories';
import { useT } from '@/components/ui/i18n';
import { NoteResults } from './NoteResults';
import { useNoteSearch, type NoteSearchState } from './use-note-search';

/** The status line: how many notes, or what the search is doing. */
function statusText(t: Translate, active: boolean, { progress, found, error }: NoteSearchState): string {
  const building = progress !== null && progress.done < progress.total;
  if (error) return t('search.failed', { error });
  if (building && active) {
    const percent = progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
    return t('search.preparing', { percent });
  }
  if (!active) return '';
  if (!found) return t('search.searching');
  let status =
    found.total === 0
      ? t('search.count.none')
      : found.total === 1
        ? t('search.count.one')
        : t('search.count.many', { count: found.total });
  if (found.total > found.results.length && found.results.length > 0)
    status += ` ${t('search.newestShown', { shown: found.results.length })}`;
  return status;
}

/**
 * "Søg i noter": every note about every citizen, searched in the options page
 * (behind the lock gate; the search itself: ./use-note-search). Each hit can
 * open its citizen in the case system.
 */
export function NoteSearchSection({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  const t = useT();
  const inputId = useId();
  const helpId = useId();
  const [query, setQuery] = useState('');
  const search = useNoteSearch(db, repository, query);
  const { found } = search;
  const active = queryTerms(query).length > 0;

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
          onFocus={search.warm}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={helpId} className="mt-1 text-sm text-slate-700">
          {t('search.help')}
        </p>
      </form>
      <p className="mt-2 text-sm font-medium" role="status" data-testid="note-search-status">
        {statusText(t, active, search)}
      </p>
      {!active && <p className="mt-1 text-sm text-slate-700">{t('search.empty')}</p>}
      {active && found && found.results.length > 0 && <NoteResults results={found.results} repository={repository} />}
    </section>
  );
}
