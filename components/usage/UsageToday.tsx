import { useLiveQuery } from 'dexie-react-hooks';
import { localDay } from '@/lib/usage/schema';
import { todayAndWeek } from '@/lib/usage/stats';
import type { UsageRepository } from '@/lib/usage/repository';
import type { Translate } from '@/lib/i18n/i18n';
import { useCharsPerMinute } from './use-chars-per-minute';

/** The Historik tab's line on time saved today and this week, with its method (issue 32, item 3). */
export function UsageToday({ usage, t }: { usage: UsageRepository; t: Translate }) {
  // The day is read with the records: a new note (or opening the tab) brings it up to date.
  const read = useLiveQuery(async () => ({ records: await usage.list(), today: localDay(Date.now()) }), [usage]);
  const cpm = useCharsPerMinute();
  if (!read || cpm === null) return null;
  const { today, week } = todayAndWeek(read.records, cpm, read.today);
  return (
    <section
      aria-labelledby="usage-today-heading"
      className="mx-4 mt-3 rounded border border-slate-300 bg-slate-50 p-2 text-sm"
      data-testid="usage-today"
    >
      <h2 id="usage-today-heading" className="font-semibold">
        {t('usage.panel.heading')}
      </h2>
      <p data-testid="usage-today-line">
        {t('usage.panel.today', { notes: today.notes, minutes: Math.round(today.minutes) })}
      </p>
      <p data-testid="usage-week-line">
        {t('usage.panel.week', { notes: week.notes, minutes: Math.round(week.minutes) })}
      </p>
      <p className="mt-1 text-xs text-slate-700">{t('usage.method.short', { cpm })}</p>
    </section>
  );
}
