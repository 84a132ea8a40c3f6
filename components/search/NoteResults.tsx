import type { Repositories } from '@/lib/repositories';
import { formatDateTime } from '@/lib/i18n/i18n';
import type { NoteResult } from '@/lib/search/note-results';
import { useLocale, useT } from '@/components/ui/i18n';
import { OpenInCaseSystem } from '@/components/ui/OpenInCaseSystem';

/** The notes found: citizen (CPR masked), when, the snippet with the words marked, and "Åbn i sagssystemet". */
export function NoteResults({ results, repository }: { results: NoteResult[]; repository: Repositories }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="mt-2 divide-y divide-slate-200 rounded border border-slate-300" aria-label={t('search.results')}>
      {results.map((r) => (
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
          <div className="mt-1">
            <OpenInCaseSystem
              repository={repository}
              citizenKey={r.citizenKey}
              name={r.citizenName || t('citizen.noName')}
              known={r.hasCaseAddress}
            />
          </div>
        </li>
      ))}
    </ol>
  );
}
