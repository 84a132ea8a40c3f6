import { useId, useState } from 'react';
import type { DeadlineRecord } from '@/lib/db/records';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { danishDate } from '@/lib/summary/dates';
import { suggestDeadlines } from '@/lib/summary/deadlines';
import { useT } from '@/components/ui/i18n';

/** A small button and date input for a one-line row. */
const smallButtonClass =
  'shrink-0 rounded border border-slate-400 px-2 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
const dateInputClass =
  'rounded border border-slate-400 px-2 py-0.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-700';

/**
 * Deadlines the panel proposes from the case system's facts, one line each; for
 * sygedagpenge, the first day of absence and the 26-week exemption they count from.
 */
export function DeadlineSuggestions({
  citizen,
  deadlines,
  today,
  onAccept,
}: {
  citizen: CitizenOnPage;
  deadlines: DeadlineRecord[];
  today: string;
  onAccept(title: string, due: string): void;
}) {
  const t = useT();
  const [firstAbsence, setFirstAbsence] = useState('');
  const [exempt26, setExempt26] = useState(false);
  const id = useId();
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
    <>
      {sickness && (
        <div className="mt-1">
          <div className="flex flex-wrap items-center gap-x-2">
            <label htmlFor={id} className="text-sm">
              {t('deadline.firstAbsence')}
            </label>
            <input
              id={id}
              type="date"
              className={dateInputClass}
              aria-describedby={`${id}-help`}
              value={firstAbsence}
              onChange={(e) => setFirstAbsence(e.target.value)}
            />
          </div>
          <p id={`${id}-help`} className="text-xs text-slate-700">
            {t('deadline.firstAbsence.help')}
          </p>
          <label className="flex items-start gap-2 text-sm">
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
        <ul className="mt-1 space-y-0.5" aria-label={t('summary.deadlines.suggested')}>
          {suggestions.map((s) => (
            <li key={s.rule} className="flex items-baseline gap-2 text-sm">
              <span className="min-w-0 flex-1 text-slate-700">
                {t('summary.deadlines.suggestion')}: {s.title} {danishDate(s.due)}
              </span>
              <button
                type="button"
                className={smallButtonClass}
                aria-label={t('summary.deadlines.accept', { title: s.title })}
                onClick={() => onAccept(s.title, s.due)}
              >
                {t('summary.deadlines.acceptShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
