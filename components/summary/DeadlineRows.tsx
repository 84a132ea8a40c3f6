import type { DeadlineRecord } from '@/lib/db/records';
import { shortDanishDate } from '@/lib/summary/dates';
import { dueStatus, meetingStatus } from '@/lib/summary/deadlines';
import { useT } from '@/components/ui/i18n';
import { StatusBadge } from './DueBadge';

/**
 * The deadlines as one-line rows, the case system's next meeting first: date, what,
 * how it stands (a badge in words and colour), tick off and remove.
 */
export function DeadlineRows({
  deadlines,
  meeting,
  today,
  now,
  onDone,
  onRemove,
}: {
  deadlines: DeadlineRecord[];
  /** The case system's "næste møde" as the page shows it. */
  meeting: string | undefined;
  today: string;
  now: number;
  onDone(id: string, done: boolean): void;
  onRemove(id: string): void;
}) {
  const t = useT();
  const next = meetingStatus(meeting, now);
  if (!next && deadlines.length === 0) return null;
  return (
    <ul className="mt-0.5 divide-y divide-slate-200" aria-labelledby="deadlines-heading">
      {next && (
        // Where it comes from shows on hover and to screen readers, as with the facts.
        <li
          className="flex items-baseline gap-2 py-0.5 text-xs leading-4"
          title={t('summary.meeting.source')}
          data-testid="next-meeting"
        >
          <span className="min-w-0 flex-1">
            {t('fact.naesteMoede')} <span className="font-semibold">{shortDanishDate(next.day, today)}</span>
            {next.time && ` ${t('summary.meeting.at', { time: next.time })}`}{' '}
            <span className="sr-only">({t('summary.meeting.source')})</span>
          </span>
          <StatusBadge status={next.status} />
        </li>
      )}
      {deadlines.map((d) => {
        const done = d.doneAt !== null;
        return (
          <li key={d.id} className="flex items-baseline gap-2 py-0.5 text-xs leading-4" data-testid="deadline">
            <input
              type="checkbox"
              id={`deadline-${d.id}`}
              className="relative top-0.5"
              checked={done}
              onChange={(e) => onDone(d.id, e.target.checked)}
            />
            <label
              htmlFor={`deadline-${d.id}`}
              className={`min-w-0 flex-1 ${done ? 'text-slate-600 line-through' : ''}`}
            >
              <span className="font-semibold">{shortDanishDate(d.due, today)}</span> {d.title}
            </label>
            <StatusBadge status={dueStatus(d.due, today, done)} />
            <button
              type="button"
              className="shrink-0 rounded text-xs text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700"
              aria-label={t('summary.deadlines.remove', { title: d.title })}
              onClick={() => onRemove(d.id)}
            >
              {t('summary.remove')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
