import { SUMMARY_TEXT_FIELDS, type DeadlineRecord, type SummaryRecord } from '@/lib/db/records';
import { formatDateTime, type Locale, type Translate } from '@/lib/i18n/i18n';
import { danishDate } from '@/lib/summary/dates';
import { dueStatus } from '@/lib/summary/deadlines';
import { factRows } from '@/lib/summary/facts';

/** The parts of the printed summary (SummarySheet.tsx), each a read-only section of the A4 page. */
interface SheetProps {
  t: Translate;
  /** "Fra sagssystemet, 5. dec. 2026 …" / "Skrevet af dig, …". */
  stamp(source: 'host' | 'own', at: number): string;
}

const headingClass = 'border-b border-slate-400 text-sm font-semibold';

export function sheetStamp(t: Translate, locale: Locale) {
  return (source: 'host' | 'own', at: number) =>
    `${t(source === 'host' ? 'summary.source.host' : 'summary.source.own')}, ${formatDateTime(locale, at)}`;
}

export function SheetFacts({ t, stamp, summary }: SheetProps & { summary: SummaryRecord }) {
  const facts = factRows(summary).filter((r) => r.host || r.own);
  return (
    <section aria-labelledby="sheet-facts">
      <h2 id="sheet-facts" className={headingClass}>
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
  );
}

export function SheetDeadlinesAndContacts({
  t,
  summary,
  deadlines,
  today,
}: Omit<SheetProps, 'stamp'> & { summary: SummaryRecord; deadlines: DeadlineRecord[]; today: string }) {
  const open = deadlines.filter((d) => d.doneAt === null);
  return (
    <section aria-labelledby="sheet-deadlines">
      <h2 id="sheet-deadlines" className={headingClass}>
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
      <h2 className={`mt-3 ${headingClass}`}>{t('summary.contacts')}</h2>
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
  );
}

export function SheetOwn({ t, stamp, summary }: SheetProps & { summary: SummaryRecord }) {
  const texts = SUMMARY_TEXT_FIELDS.filter((f) => summary.text[f]?.value.trim());
  return (
    <section className="mt-3" aria-labelledby="sheet-own">
      <h2 id="sheet-own" className={headingClass}>
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
  );
}
