import { describe, expect, it } from 'vitest';
import { dayAt, shortDanishDate } from './dates';
import { dueStatus, meetingStatus, NEAR_DAYS, urgencyOf } from './deadlines';

describe('urgency of a deadline', () => {
  const today = '2026-12-06';
  const urgency = (due: string, done = false) => urgencyOf(dueStatus(due, today, done));

  it('is overdue from the day after it was due', () => {
    expect(urgency('2026-12-05')).toBe('overdue');
    expect(urgency('2026-11-01')).toBe('overdue');
  });

  it(`is near from today up to ${NEAR_DAYS} days ahead, later after that`, () => {
    expect(NEAR_DAYS).toBe(3);
    expect(urgency('2026-12-06')).toBe('near');
    expect(urgency('2026-12-09')).toBe('near');
    expect(urgency('2026-12-10')).toBe('later');
    // Across a month and a year.
    expect(urgencyOf(dueStatus('2027-01-02', '2026-12-30', false))).toBe('near');
    expect(urgencyOf(dueStatus('2027-01-03', '2026-12-30', false))).toBe('later');
  });

  it('is done once ticked off, however late', () => {
    expect(urgency('2026-11-01', true)).toBe('done');
  });
});

describe('the next meeting from the case system', () => {
  const at = (day: string, hour: number, minute = 0) => dayAt(day, hour) + minute * 60_000;

  it('reads the date and time as the case system writes them', () => {
    expect(meetingStatus('08.12.2026 kl. 09:30', at('2026-12-06', 11))).toEqual({
      day: '2026-12-08',
      time: '09:30',
      status: { kind: 'upcoming', days: 2 },
    });
    expect(meetingStatus('8.12.2026', at('2026-12-06', 11))).toEqual({
      day: '2026-12-08',
      time: null,
      status: { kind: 'upcoming', days: 2 },
    });
  });

  it('is overdue when its day has passed', () => {
    expect(meetingStatus('04.12.2026 kl. 10:00', at('2026-12-06', 8))?.status).toEqual({ kind: 'overdue', days: 2 });
  });

  it('has passed today once its time has, and is today until then', () => {
    expect(meetingStatus('06.12.2026 kl. 10:00', at('2026-12-06', 10, 1))?.status).toEqual({
      kind: 'overdue',
      days: 0,
    });
    expect(meetingStatus('06.12.2026 kl. 10:00', at('2026-12-06', 9, 59))?.status).toEqual({ kind: 'today' });
    // Without a time it is today all day.
    expect(meetingStatus('06.12.2026', at('2026-12-06', 23))?.status).toEqual({ kind: 'today' });
  });

  it('ignores what is not a date, and a time that is not one', () => {
    expect(meetingStatus(undefined, Date.now())).toBeNull();
    expect(meetingStatus('Ikke planlagt', Date.now())).toBeNull();
    expect(meetingStatus('31.02.2026 kl. 10:00', Date.now())).toBeNull();
    expect(meetingStatus('06.12.2026 kl. 25:00', at('2026-12-06', 11))?.time).toBeNull();
  });
});

describe('a row’s date', () => {
  it('leaves out the year in this year only', () => {
    expect(shortDanishDate('2026-12-08', '2026-12-06')).toBe('08.12.');
    expect(shortDanishDate('2027-01-08', '2026-12-06')).toBe('08.01.2027');
  });
});
