import { useEffect, useMemo } from 'react';
import { maskCpr } from '@/lib/cpr/cpr';
import { SUMMARY_TEXT_FIELDS } from '@/lib/db/records';
import { formatDateTime, translator } from '@/lib/i18n/i18n';
import { useLocale } from '@/components/ui/i18n';
import { danishDate } from '@/lib/summary/dates';
import { useToday } from './use-today';
import { dueStatus } from '@/lib/summary/deadlines';
import { factRows } from '@/lib/summary/facts';
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

  const facts = factRows(summary).filter((r) => r.host || r.own);
  const texts = SUMMARY_TEXT_FIELDS.filter((f) => summary.text[f]?.value.trim());
  const open = deadlines.filter((d) => d.doneAt === null);
  const stamp = (source: 'host' | 'own', at: number) =>
    `${t(source === 'host' ? 'summary.source.host' : 'summary.source.own')}, ${formatDateTime(locale, at)}`;

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
        <section aria-labelledby="sheet-facts">
          <h2 id="sheet-facts" className="border-b border-slate-400 text-sm font-semibold">
            {t('summary.facts')}
          </h2>
          <dl className="mt-1 space-y-1 text-sm">
            {facts.map((r) => (
              <div key={r.id}>
                <dt className="inline font-medium">{t(`fact.${r.id}`)}: </dt>
                <dd className="inline">
                  {(r.own ?? r.host)!.value}
                  {r.conflict && ` (${t('sheet.hostSays', { value: r.host!.value })})`}
                  <span className="block text-[0.7rem] text-slate-600">
                    {r.own ? stamp('own', r.own.at) : stamp('host', r.host!.at)}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="sheet-deadlines">
          <h2 id="sheet-deadlines" className="border-b border-slate-400 text-sm font-semibold">
            {t('summary.deadlines')}
          </h2>
          {open.length === 0 ? (
            <p className="mt-1 text-sm">{t('summary.deadlines.none')}</p>
          ) : (
            <ul className="mt-1 space-y-0.5 text-sm">
              {open.slice(0, 8).map((d) => {
                const s = dueStatus(d.due, today, false);
                return (
                  <li key={d.id}>
                    <span className="font-medium">{danishDate(d.due)}</span> {d.title}
                    {s.kind === 'overdue' && <strong> – {t('deadline.overdue', { days: s.days })}</strong>}
                    {s.kind === 'today' && <strong> – {t('deadline.today')}</strong>}
                  </li>
                );
              })}
            </ul>
          )}
          <h2 className="mt-3 border-b border-slate-400 text-sm font-semibold">{t('summary.contacts')}</h2>
          {summary.contacts.length === 0 ? (
            <p className="mt-1 text-sm">{t('summary.contacts.none')}</p>
          ) : (
            <ul className="mt-1 space-y-0.5 text-sm">
              {summary.contacts.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{t(`contact.role.${c.role}`)}:</span> {c.name}
                  {c.detail && ` (${c.detail})`}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="mt-3" aria-labelledby="sheet-own">
        <h2 id="sheet-own" className="border-b border-slate-400 text-sm font-semibold">
          {t('summary.own')}
        </h2>
        <div className="mt-1 grid grid-cols-2 gap-x-6 gap-y-2">
          {texts.map((f) => (
            <div key={f} className={f === 'goal' ? 'col-span-2' : ''}>
              <h3 className="text-sm font-medium">
                {t(`summary.text.${f}`)}{' '}
                <span className="text-[0.7rem] font-normal text-slate-600">{stamp('own', summary.text[f]!.at)}</span>
              </h3>
              <p className="clamp-print text-sm whitespace-pre-wrap">
                {f === 'goal' ? t('summary.quoted', { text: summary.text[f]!.value }) : summary.text[f]!.value}
              </p>
            </div>
          ))}
        </div>
      </section>
      <p className="mt-4 text-[0.7rem] text-slate-600">{t('sheet.footer')}</p>
    </main>
  );
}
