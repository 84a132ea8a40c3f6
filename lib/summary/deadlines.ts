import type { CitizenFieldId } from '../host/citizen-fields';
import { addDays, dayAt, daysBetween, parseDanishDate } from './dates';

/** Deadlines (rettidighed): what is due when, and what the panel proposes. */

export type DueStatus =
  { kind: 'done' } | { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'upcoming'; days: number };

export function dueStatus(due: string, today: string, done: boolean): DueStatus {
  if (done) return { kind: 'done' };
  const days = daysBetween(today, due);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'upcoming', days };
}

/** A deadline the panel proposes from the case system's facts; the caseworker accepts or ignores it. */
export interface SuggestedDeadline {
  /** Which rule proposed it (an i18n key suffix). */
  rule: 'sdp-week8' | 'sdp-week22' | 'first-interview' | 'next-meeting';
  due: string;
}

/**
 * The rules from the domain brief: sygedagpenge — first follow-up by the end of
 * week 8 and revurdering at week 22, counted from the start date; kontanthjælp
 * and other aktivitetsparat/jobparat cases — first interview within a week;
 * and the next meeting the case system shows.
 */
export function suggestDeadlines(facts: Partial<Record<CitizenFieldId, string>>): SuggestedDeadline[] {
  const out: SuggestedDeadline[] = [];
  const start = parseDanishDate(facts.startdato);
  const benefit = `${facts.ydelse ?? ''} ${facts.malgruppe ?? ''}`.toLowerCase();
  if (start && benefit.includes('sygedagpenge')) {
    out.push({ rule: 'sdp-week8', due: addDays(start, 8 * 7 - 1) });
    out.push({ rule: 'sdp-week22', due: addDays(start, 22 * 7 - 1) });
  } else if (start && /kontanthjælp|uddannelseshjælp|selvforsørgelses|jobparat|aktivitetsparat/.test(benefit)) {
    out.push({ rule: 'first-interview', due: addDays(start, 7) });
  }
  const meeting = parseDanishDate(facts.naesteMoede);
  if (meeting) out.push({ rule: 'next-meeting', due: meeting });
  return out;
}

/** Notifications are shown at this local hour on the due day. */
export const NOTIFY_HOUR = 8;

/**
 * When the deadline alarm should next fire: 08:00 on the next day with an open
 * deadline, or now if something is due today and today's notification has not
 * been shown. Null when nothing is due today or later.
 */
export function nextAlarmTime(
  openDueDays: string[],
  now: number,
  today: string,
  notifiedDay: string | null,
): number | null {
  const days = [...new Set(openDueDays)].filter((d) => d >= today).sort();
  for (const day of days) {
    if (day === today) {
      if (notifiedDay === today) continue;
      return Math.max(now, dayAt(today, NOTIFY_HOUR));
    }
    return dayAt(day, NOTIFY_HOUR);
  }
  return null;
}
