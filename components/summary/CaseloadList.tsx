import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { maskCpr } from '@/lib/cpr/cpr';
import type { Repositories } from '@/lib/repositories';
import { danishDate } from '@/lib/summary/dates';
import { useToday } from './use-today';
import { dueStatus } from '@/lib/summary/deadlines';
import { useT } from '@/components/ui/i18n';
import { OpenInCaseSystem } from '@/components/ui/OpenInCaseSystem';
import { StatusBadge } from './DeadlinesSection';
import { DeletionBadge } from '../privacy/DeletionBadge';
import { useRetentionDays } from '../privacy/use-retention-days';

const digits = (s: string) => s.replace(/\D/g, '');

/**
 * The caseload at a glance: every citizen the caseworker has opened, soonest
 * deadline first, searchable by name or CPR digits. CPR numbers stay masked;
 * the search matches the full number without showing it.
 */
export function CaseloadList({ repository }: { repository: Repositories }) {
  const t = useT();
  const today = useToday();
  const entries = useLiveQuery(() => repository.caseload.list(today), [repository, today]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const retentionDays = useRetentionDays();

  const shown = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!entries || !q) return entries ?? [];
    // Digits search the CPR (without showing it); words search names.
    const qDigits = /^[\d\s-]+$/.test(q) ? digits(q) : '';
    return entries.filter(
      (e) => e.name.toLowerCase().includes(q) || (qDigits.length >= 2 && digits(e.cpr).includes(qDigits)),
    );
  }, [entries, deferred]);

  return (
    <section className="mt-8" aria-labelledby="caseload-heading">
      <h2 id="caseload-heading" className="text-lg font-semibold">
        {t('options.caseload')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('options.caseload.intro')}</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={searchId} className="block text-sm font-medium">
            {t('options.caseload.search')}
          </label>
          <input
            id={searchId}
            type="search"
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <p className="text-sm text-slate-700" role="status" data-testid="caseload-count">
          {entries && t('options.caseload.count', { shown: shown.length, total: entries.length })}
        </p>
      </div>
      {entries?.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('options.caseload.none')}</p>
      ) : (
        <div
          className="mt-2 max-h-[60vh] overflow-y-auto rounded border border-slate-300"
          tabIndex={0}
          aria-labelledby="caseload-heading"
        >
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-1.5">{t('options.caseload.name')}</th>
                <th className="px-3 py-1.5">{t('options.caseload.cpr')}</th>
                <th className="px-3 py-1.5">{t('options.caseload.next')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.key} className="border-t border-slate-200" data-testid="caseload-row">
                  <td className="px-3 py-1.5 font-medium">
                    {e.name || t('citizen.noName')}
                    <DeletionBadge lastActivityAt={e.lastActivityAt} retentionDays={retentionDays} />
                    <div className="mt-1 font-normal">
                      <OpenInCaseSystem
                        repository={repository}
                        citizenKey={e.key}
                        name={e.name || t('citizen.noName')}
                        known={e.hasCaseAddress}
                      />
                    </div>
                  </td>
                  <td className="px-3 py-1.5 font-mono">{maskCpr(e.cpr)}</td>
                  <td className="px-3 py-1.5">
                    {e.nextDeadline ? (
                      <span className="flex flex-wrap items-center gap-2">
                        <span>
                          {danishDate(e.nextDeadline.due)} {e.nextDeadline.title}
                        </span>
                        <StatusBadge status={dueStatus(e.nextDeadline.due, today, false)} />
                        {e.overdue > 1 && (
                          <span className="text-xs text-red-800">
                            {t('options.caseload.overdue', { count: e.overdue })}
                          </span>
                        )}
                      </span>
                    ) : (
                      <span className="text-slate-600">{t('options.caseload.noDeadline')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
