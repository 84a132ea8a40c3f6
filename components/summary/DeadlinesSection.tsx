import { useId, useState } from 'react';
import type { DeadlineRecord } from '@/lib/db/records';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/runtime';
import { danishDate } from '@/lib/summary/dates';
import { useToday } from './use-today';
import { dueStatus, suggestDeadlines, type DueStatus } from '@/lib/summary/deadlines';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { SectionHeading } from '@/components/ui/SectionHeading';
import { buttonClass, inputClass } from '@/components/ui/styles';

/** Tells the service worker to reschedule the deadline alarm (it is not woken by database changes). */
export function deadlinesChanged(): void {
  void sendToBackground({ type: 'deadlines-changed' });
}

const statusTone: Record<DueStatus['kind'], string> = {
  overdue: 'bg-red-100 text-red-900',
  today: 'bg-amber-100 text-amber-900',
  upcoming: 'bg-slate-100 text-slate-800',
  done: 'bg-green-50 text-green-900',
};

export function StatusBadge({ status }: { status: DueStatus }) {
  const t = useT();
  const text =
    status.kind === 'overdue'
      ? t('deadline.overdue', { days: status.days })
      : status.kind === 'today'
        ? t('deadline.today')
        : status.kind === 'upcoming'
          ? t('deadline.inDays', { days: status.days })
          : t('deadline.done');
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusTone[status.kind]}`}>{text}</span>;
}

/** Deadlines (rettidighed): set, accept a suggestion, tick off; due and overdue stand out. */
export function DeadlinesSection({
  citizen,
  citizenKey,
  deadlines,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  deadlines: DeadlineRecord[];
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const today = useToday();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [firstAbsence, setFirstAbsence] = useState('');
  const [exempt26, setExempt26] = useState(false);
  // A change that could not be saved, kept for the retry.
  const [failed, setFailed] = useState<{ work: () => Promise<unknown>; failure: SaveFailure } | null>(null);
  const ids = { title: useId(), due: useId(), absence: useId() };

  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setFailed(null);
      deadlinesChanged();
      return true;
    } catch (e) {
      setFailed({ work, failure: saveFailure(e) });
      return false;
    }
  };
  const sickness = `${citizen.facts.ydelse ?? ''} ${citizen.facts.malgruppe ?? ''}`
    .toLowerCase()
    .includes('sygedagpenge');
  const suggestions = suggestDeadlines(citizen.facts, { firstAbsence: firstAbsence || null, exempt26 })
    .map((s) => ({
      ...s,
      // Each suggestion says what it was counted from, and keeps saying it once accepted.
      title: `${t(`deadline.rule.${s.rule}`)} (${t(`deadline.from.${s.from.basis}`, { date: danishDate(s.from.date) })})`,
    }))
    .filter((s) => s.due >= today && !deadlines.some((d) => d.due === s.due && d.title === s.title));

  return (
    <section aria-labelledby="deadlines-heading">
      <SectionHeading id="deadlines-heading">{t('summary.deadlines')}</SectionHeading>
      {deadlines.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t('summary.deadlines.none')}</p>
      ) : (
        <ul
          className="mt-2 divide-y divide-slate-200 rounded border border-slate-300"
          aria-labelledby="deadlines-heading"
        >
          {deadlines.map((d) => {
            const status = dueStatus(d.due, today, d.doneAt !== null);
            return (
              <li key={d.id} className="flex items-center gap-2 px-3 py-2 text-sm" data-testid="deadline">
                <input
                  type="checkbox"
                  id={`deadline-${d.id}`}
                  checked={d.doneAt !== null}
                  onChange={(e) => void run(() => repository.deadlines.setDone(d.id, e.target.checked))}
                />
                <label htmlFor={`deadline-${d.id}`} className={d.doneAt !== null ? 'text-slate-600 line-through' : ''}>
                  <span className="font-medium">{danishDate(d.due)}</span> {d.title}
                </label>
                <StatusBadge status={status} />
                <button
                  type="button"
                  className="ml-auto text-xs text-sky-800 underline"
                  aria-label={t('summary.deadlines.remove', { title: d.title })}
                  onClick={() => void run(() => repository.deadlines.remove(d.id))}
                >
                  {t('summary.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {sickness && (
        <div className="mt-2">
          <label htmlFor={ids.absence} className="block text-sm">
            {t('deadline.firstAbsence')}
          </label>
          <p id={`${ids.absence}-help`} className="text-xs text-slate-600">
            {t('deadline.firstAbsence.help')}
          </p>
          <input
            id={ids.absence}
            type="date"
            className={inputClass}
            aria-describedby={`${ids.absence}-help`}
            value={firstAbsence}
            onChange={(e) => setFirstAbsence(e.target.value)}
          />
          <label className="mt-1 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={exempt26}
              onChange={(e) => setExempt26(e.target.checked)}
            />
            {t('deadline.exempt26')}
          </label>
        </div>
      )}
      {suggestions.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label={t('summary.deadlines.suggested')}>
          {suggestions.map((s) => (
            <li key={s.rule} className="flex items-center gap-2 text-sm">
              <span className="text-slate-700">
                {t('summary.deadlines.suggestion')}: {s.title} {danishDate(s.due)}
              </span>
              <button
                type="button"
                className={`${buttonClass} ml-auto`}
                aria-label={t('summary.deadlines.accept', { title: s.title })}
                onClick={() => void run(() => repository.deadlines.add(citizenKey, s.title, s.due))}
              >
                {t('summary.deadlines.acceptShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        aria-label={t('summary.deadlines.add')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim() || !due) return;
          const add = () => repository.deadlines.add(citizenKey, title.trim(), due);
          // What was typed stays in the form until it is saved.
          void run(add).then((saved) => {
            if (!saved) return;
            setTitle('');
            setDue('');
          });
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor={ids.title} className="block text-sm">
            {t('summary.deadlines.title')}
          </label>
          <input id={ids.title} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.due} className="block text-sm">
            {t('summary.deadlines.due')}
          </label>
          <input id={ids.due} type="date" className={inputClass} value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <button type="submit" className={buttonClass} aria-disabled={!title.trim() || !due}>
          {t('summary.deadlines.add')}
        </button>
      </form>
      {failed && <SaveError failure={failed.failure} className="" onRetry={() => void run(failed.work)} />}
    </section>
  );
}
