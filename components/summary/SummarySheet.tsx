import { useEffect, useMemo } from 'react';
import { maskCpr } from '@/lib/cpr/cpr';
import { translator } from '@/lib/i18n/i18n';
import { useLocale } from '@/components/ui/i18n';
import { danishDate } from '@/lib/summary/dates';
import { useToday } from './use-today';
import { SheetDeadlinesAndContacts, SheetFacts, SheetOwn, sheetStamp } from './SheetSections';
import type { SummaryPageProps } from '@/lib/summary/start-summary-page';

/**
 * The summary as one printed A4 page, for a colleague covering the case. Read
 * only; the CPR stays masked on paper.
 */
export function SummarySheet({ citizen, summary, deadlines, caseworker, error, autoPrint }: SummaryPageProps) {
  const locale = useLocale();
  const t = useMemo(() => translator(locale), [locale]);
  const today = useToday();

  useEffect(() => {
    if (autoPrint && citizen) setTimeout(() => window.print(), 100);
  }, [autoPrint, citizen]);

  if (error || !citizen || !summary)
    return (
      <main className="p-8">
        <h1 className="text-xl font-semibold">{t('sheet.notFound')}</h1>
        {error && <p className="mt-2 text-red-800">{t('storage.saveFailed', { error })}</p>}
      </main>
    );

  const stamp = sheetStamp(t, locale);

  return (
    <main className="mx-auto max-w-[210mm] p-6 text-slate-900 print:max-w-none print:p-0">
      <div className="mb-4 flex gap-2 print:hidden">
        <button
          type="button"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
          onClick={() => window.print()}
        >
          {t('summary.print')}
        </button>
      </div>
      <header className="flex items-baseline justify-between border-b-2 border-slate-800 pb-1">
        <h1 className="text-xl font-bold">{citizen.name || t('citizen.noName')}</h1>
        <p className="font-mono text-sm">{maskCpr(citizen.cpr)}</p>
      </header>
      <p className="mt-1 text-xs text-slate-700">
        {t('sheet.printed', { date: danishDate(today) })}
        {caseworker && ` · ${t('sheet.caseworker', { name: caseworker })}`}
      </p>
      <div className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3">
        <SheetFacts t={t} stamp={stamp} summary={summary} />
        <SheetDeadlinesAndContacts t={t} summary={summary} deadlines={deadlines} today={today} />
      </div>
      <SheetOwn t={t} stamp={stamp} summary={summary} />
      <p className="mt-4 text-[0.7rem] text-slate-600">{t('sheet.footer')}</p>
    </main>
  );
}
