import type { CitizenFieldId } from '../host/citizen-fields';
import { addDays, dayAt, daysBetween, localDay, parseDanishDate } from './dates';

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

/** What a suggested deadline was counted from, so the caseworker can check it. */
export interface CountedFrom {
  basis: 'first-absence' | 'case-start' | 'case-system';
  date: string;
}

/** A deadline the panel proposes from the case system's facts; the caseworker accepts or ignores it. */
export interface SuggestedDeadline {
  /** Which rule proposed it (an i18n key suffix). */
  rule: 'sdp-week8' | 'sdp-week22' | 'first-interview' | 'next-meeting';
  due: string;
  from: CountedFrom;
}

/**
 * The rules: sygedagpenge — first follow-up by the end of week 8 counted from
 * the **first day of absence** (sygedagpengeloven § 13 b, stk. 1), and the
 * revurdering when sick pay has been paid for 22 weeks within 9 months
 * (§ 24, stk. 1: counted cumulatively, so the date here is the latest it can
 * fall for an unbroken absence and must be checked against the payments);
 * kontanthjælp and other jobparat/aktivitetsparat cases — first interview
 * within a week of the first contact; and the next meeting the case system
 * shows. The first day of absence is the caseworker's (`firstAbsence`, ISO);
 * without it the sygedagpenge rules count from the case's start date and say so.
 * An employed citizen expected back at work within 26 weeks is, as a rule,
 * exempt from municipal follow-up after the 2026 reform (`exempt26`, the
 * caseworker's answer): no week-8 follow-up is proposed; the revurdering still is.
 */
export function suggestDeadlines(
  facts: Partial<Record<CitizenFieldId, string>>,
  known: { firstAbsence?: string | null; exempt26?: boolean } = {},
): SuggestedDeadline[] {
  const out: SuggestedDeadline[] = [];
  const start = parseDanishDate(facts.startdato);
  const benefit = `${facts.ydelse ?? ''} ${facts.malgruppe ?? ''}`.toLowerCase();
  if (benefit.includes('sygedagpenge')) {
    const from: CountedFrom | null = known.firstAbsence
      ? { basis: 'first-absence', date: known.firstAbsence }
      : start
        ? { basis: 'case-start', date: start }
        : null;
    if (from) {
      if (!known.exempt26) out.push({ rule: 'sdp-week8', due: addDays(from.date, 8 * 7 - 1), from });
      out.push({ rule: 'sdp-week22', due: addDays(from.date, 22 * 7 - 1), from });
    }
  } else if (start && /kontanthjælp|uddannelseshjælp|selvforsørgelses|jobparat|aktivitetsparat/.test(benefit)) {
    out.push({ rule: 'first-interview', due: addDays(start, 7), from: { basis: 'case-start', date: start } });
  }
  const meeting = parseDanishDate(facts.naesteMoede);
  if (meeting) out.push({ rule: 'next-meeting', due: meeting, from: { basis: 'case-system', date: meeting } });
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

/** A deadline or meeting at most this many days ahead (today included) is near: amber in the panel. */
export const NEAR_DAYS = 3;

/** How a due status is flagged: overdue red, near amber, later and done quiet. */
export type Urgency = 'overdue' | 'near' | 'later' | 'done';

export function urgencyOf(status: DueStatus): Urgency {
  if (status.kind === 'done') return 'done';
  if (status.kind === 'overdue') return 'overdue';
  if (status.kind === 'today' || status.days <= NEAR_DAYS) return 'near';
  return 'later';
}

/** The case system's next meeting as the page shows it, and where it stands now. */
export interface MeetingStatus {
  day: string;
  /** `HH:MM` when the page gives a time. */
  time: string | null;
  /** Overdue with `days: 0`: today, and its time has passed. */
  status: DueStatus;
}

/**
 * Reads "næste møde" (`03.12.2026 kl. 10:00`, time optional) against the local
 * clock: a meeting whose day, or whose time today, has passed is overdue, as the
 * case system itself marks it (it has not been registered as held).
 */
export function meetingStatus(text: string | undefined, now: number): MeetingStatus | null {
  const day = parseDanishDate(text);
  if (!day) return null;
  const m = /\d{4}\D{1,12}?(\d{1,2})[:.](\d{2})/.exec(text ?? '');
  const [hh, mm] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  const time = hh < 24 && mm < 60 ? `${String(hh).padStart(2, '0')}:${m![2]}` : null;
  const status = dueStatus(day, localDay(now), false);
  if (status.kind === 'today' && time && dayAt(day, hh) + mm * 60_000 <= now)
    return { day, time, status: { kind: 'overdue', days: 0 } };
  return { day, time, status };
}
