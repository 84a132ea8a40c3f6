import type { MessageKey } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';
import type { AccessPageProps } from '@/lib/privacy/start-access-page';

type AccessData = NonNullable<AccessPageProps['data']>;

/** Formats a moment in the page's language. */
function useWhen(): (at: number) => string {
  const locale = useLocale();
  return (at) => formatDateTime(locale, at);
}

/**
 * Everything Sidevogn holds about one citizen, as a printable page for an
 * access request (GDPR art. 15). All text is rendered as text; the CPR is
 * shown in full, since the citizen is entitled to their own data.
 */
export function AccessReport({ data, error, printedAt }: AccessPageProps) {
  const t = useT();
  const when = useWhen();

  if (error || !data)
    return (
      <main className="p-8">
        <h1 className="text-xl font-semibold">{t('access.notFound')}</h1>
        {error && <p className="mt-2 text-red-800">{t('storage.saveFailed', { error })}</p>}
      </main>
    );

  const { citizen, summary } = data;
  return (
    <main className="mx-auto max-w-[210mm] p-6 text-slate-900 print:max-w-none print:p-0">
      <div className="no-print mb-4">
        <button
          type="button"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
          onClick={() => window.print()}
        >
          {t('access.printButton')}
        </button>
      </div>
      <h1 className="text-xl font-bold">{t('access.title', { name: citizen.name || t('citizen.noName') })}</h1>
      <p className="mt-1 text-sm text-slate-700">{t('access.intro', { date: when(printedAt) })}</p>

      <section className="mt-4" aria-labelledby="access-citizen">
        <h2 id="access-citizen" className="border-b border-slate-400 text-base font-semibold">
          {t('access.citizen')}
        </h2>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
          <dt className="font-medium">{t('access.name')}</dt>
          <dd>{citizen.name}</dd>
          <dt className="font-medium">{t('access.cpr')}</dt>
          <dd className="font-mono">{citizen.cpr}</dd>
          <dt className="font-medium">{t('access.firstSeen')}</dt>
          <dd>{when(citizen.firstSeenAt)}</dd>
          <dt className="font-medium">{t('access.lastActivity')}</dt>
          <dd>{when(citizen.lastActivityAt)}</dd>
          {citizen.caseAddress && (
            <>
              <dt className="font-medium">{t('access.caseAddress')}</dt>
              <dd className="break-all">{citizen.caseAddress}</dd>
            </>
          )}
        </dl>
      </section>

      <Section id="notes" title="access.notes" count={data.notes.length}>
        {data.notes.map((n) => (
          <article key={n.id} className="mt-2" data-testid="access-note">
            {meta(
              `${t('access.created', { date: when(n.createdAt) })} · ${t('access.updated', { date: when(n.updatedAt) })}`,
            )}
            <p className="text-sm whitespace-pre-wrap">{n.body}</p>
          </article>
        ))}
      </Section>
      <Section id="drafts" title="access.drafts" count={data.drafts.length}>
        {data.drafts.map((d) => (
          <article key={d.id} className="mt-2">
            {meta(t('access.updated', { date: when(d.updatedAt) }))}
            <p className="text-sm whitespace-pre-wrap">{d.body}</p>
          </article>
        ))}
      </Section>
      <Section id="summary" title="access.summary" count={summaryCount(summary)}>
        {summary && <SummaryRows summary={summary} />}
      </Section>
      <Section id="deadlines" title="access.deadlines" count={data.deadlines.length}>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {data.deadlines.map((d) => (
            <li key={d.id}>
              {d.due} {d.title}
              {d.doneAt !== null && ` ✓ ${when(d.doneAt)}`}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="formDrafts" title="access.formDrafts" count={data.formDrafts.length}>
        {data.formDrafts.map((f) => (
          <article key={f.id} className="mt-2">
            {meta(`${f.templateId} · ${t('access.updated', { date: when(f.updatedAt) })}`)}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
              {Object.entries(f.values).map(([field, value]) => (
                <Row key={field} label={field} value={Array.isArray(value) ? value.join(', ') : String(value ?? '')} />
              ))}
            </dl>
          </article>
        ))}
      </Section>
      <Section id="checklistRuns" title="access.checklistRuns" count={data.checklistRuns.length}>
        {data.checklistRuns.map((r) => (
          <article key={r.id} className="mt-2 text-sm">
            {meta(`${r.checklistId} (${r.packId} ${r.packVersion}) · ${when(r.startedAt)}`)}
            <ul className="list-disc pl-5">
              {Object.entries(r.items).map(([item, s]) => (
                <li key={item}>
                  {item}: {s.state}
                  {s.reason && ` – ${s.reason}`}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </Section>
      <Section id="history" title="access.history" count={data.history.length}>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {data.history.map((h) => (
            <li key={h.id}>
              {when(h.at)}: {h.templateTitle}
              {h.target && ` → ${h.target}`}
            </li>
          ))}
        </ul>
      </Section>
    </main>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd className="whitespace-pre-wrap">{value}</dd>
    </>
  );
}

/** A section of the report: its heading with the count, or "none". */
function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: MessageKey;
  count: number;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <section className="mt-5" aria-labelledby={`access-${id}`} data-testid={`access-${id}`}>
      <h2 id={`access-${id}`} className="border-b border-slate-400 text-base font-semibold">
        {t(title)} ({count})
      </h2>
      {count === 0 ? <p className="mt-1 text-sm text-slate-700">{t('access.none')}</p> : children}
    </section>
  );
}

const meta = (text: string) => <p className="text-xs text-slate-700">{text}</p>;

const summaryCount = (summary: AccessData['summary']) =>
  summary
    ? Object.keys(summary.text).length +
      Object.keys(summary.ownFacts).length +
      Object.keys(summary.hostFacts).length +
      summary.contacts.length
    : 0;

/** The overview: text fields, own and case-system facts, contacts. */
function SummaryRows({ summary }: { summary: NonNullable<AccessData['summary']> }) {
  const t = useT();
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {Object.entries(summary.text).map(([field, v]) => (
        <Row key={`t-${field}`} label={t(`summary.text.${field}` as MessageKey)} value={v.value} />
      ))}
      {Object.entries(summary.ownFacts).map(([field, v]) => (
        <Row
          key={`o-${field}`}
          label={`${t(`fact.${field}` as MessageKey)} (${t('summary.source.own')})`}
          value={v.value}
        />
      ))}
      {Object.entries(summary.hostFacts).map(([field, v]) => (
        <Row
          key={`h-${field}`}
          label={`${t(`fact.${field}` as MessageKey)} (${t('summary.source.host')})`}
          value={v.value}
        />
      ))}
      {summary.contacts.map((c) => (
        <Row
          key={c.id}
          label={t(`contact.role.${c.role}` as MessageKey)}
          value={c.detail ? `${c.name} (${c.detail})` : c.name}
        />
      ))}
    </dl>
  );
}
