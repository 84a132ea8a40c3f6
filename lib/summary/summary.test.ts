import { describe, expect, it } from 'vitest';
import type { SummaryRecord } from '../db/records';
import { addDays, dayAt, parseDanishDate } from './dates';
import { dueStatus, nextAlarmTime, suggestDeadlines } from './deadlines';
import { factRows } from './facts';
import { renderHandover } from './handover';

const aSummary = (over: Partial<SummaryRecord> = {}): SummaryRecord => ({
  citizenKey: '0'.repeat(32),
  text: {},
  hostFacts: {},
  ownFacts: {},
  contacts: [],
  ...over,
});

describe('dates', () => {
  it('reads Danish dates and rejects impossible ones', () => {
    expect(parseDanishDate('03.12.2026 kl. 10:00')).toBe('2026-12-03');
    expect(parseDanishDate('31.02.2026')).toBeNull();
    expect(parseDanishDate(undefined)).toBeNull();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('deadlines', () => {
  it('says overdue, today and upcoming in whole days', () => {
    expect(dueStatus('2026-11-20', '2026-11-23', false)).toEqual({ kind: 'overdue', days: 3 });
    expect(dueStatus('2026-11-23', '2026-11-23', false)).toEqual({ kind: 'today' });
    expect(dueStatus('2026-11-30', '2026-11-23', false)).toEqual({ kind: 'upcoming', days: 7 });
    expect(dueStatus('2026-11-20', '2026-11-23', true)).toEqual({ kind: 'done' });
  });

  it('counts the sygedagpenge follow-up (week 8) and revurdering (22 weeks) from the first day of absence', () => {
    const facts = { ydelse: 'Sygedagpenge', startdato: '05.01.2026' };
    const absence = { basis: 'first-absence', date: '2025-12-08' };
    expect(suggestDeadlines(facts, { firstAbsence: '2025-12-08' })).toEqual([
      { rule: 'sdp-week8', due: '2026-02-01', from: absence },
      { rule: 'sdp-week22', due: '2026-05-10', from: absence },
    ]);
    // Without it, from the case's start date, and the suggestion says so.
    const start = { basis: 'case-start', date: '2026-01-05' };
    expect(suggestDeadlines(facts)).toEqual([
      { rule: 'sdp-week8', due: '2026-03-01', from: start },
      { rule: 'sdp-week22', due: '2026-06-07', from: start },
    ]);
  });

  it('proposes no week-8 follow-up for an employed citizen expected back within 26 weeks, but still the revurdering', () => {
    const facts = { ydelse: 'Sygedagpenge', startdato: '05.01.2026' };
    const absence = { basis: 'first-absence', date: '2025-12-08' };
    expect(suggestDeadlines(facts, { firstAbsence: '2025-12-08', exempt26: true })).toEqual([
      { rule: 'sdp-week22', due: '2026-05-10', from: absence },
    ]);
  });

  it('suggests the first interview within a week for kontanthjælp, and the next meeting', () => {
    expect(
      suggestDeadlines({
        malgruppe: 'Aktivitetsparat kontanthjælpsmodtager',
        startdato: '17.01.2025',
        naesteMoede: '03.12.2026 kl. 10:00',
      }),
    ).toEqual([
      { rule: 'first-interview', due: '2025-01-24', from: { basis: 'case-start', date: '2025-01-17' } },
      { rule: 'next-meeting', due: '2026-12-03', from: { basis: 'case-system', date: '2026-12-03' } },
    ]);
    expect(suggestDeadlines({})).toEqual([]);
  });

  it('schedules the alarm at 08:00 on the next due day, at once for today, once a day', () => {
    const today = '2026-11-23';
    const noon = dayAt(today, 12);
    expect(nextAlarmTime(['2026-11-25', '2026-11-24'], noon, today, null)).toBe(dayAt('2026-11-24', 8));
    expect(nextAlarmTime([today, '2026-11-25'], noon, today, null)).toBe(noon);
    expect(nextAlarmTime([today], dayAt(today, 6), today, null)).toBe(dayAt(today, 8));
    expect(nextAlarmTime([today, '2026-11-25'], noon, today, today)).toBe(dayAt('2026-11-25', 8));
    expect(nextAlarmTime(['2026-11-01'], noon, today, null)).toBeNull();
  });
});

describe('facts', () => {
  it('shows a conflict when the caseworker wrote something else, and not for a difference in case or spaces', () => {
    const rows = factRows(
      aSummary({
        hostFacts: { naesteMoede: { value: '03.12.2026 kl. 10:00', at: 1 }, ydelse: { value: 'Kontanthjælp', at: 1 } },
        ownFacts: { naesteMoede: { value: '10.12.2026 kl. 09:00', at: 2 }, ydelse: { value: 'kontanthjælp ', at: 2 } },
      }),
    );
    expect(rows.find((r) => r.id === 'naesteMoede')!.conflict).toBe(true);
    expect(rows.find((r) => r.id === 'ydelse')!.conflict).toBe(false);
  });
});

describe('handover note', () => {
  it('renders the summary as plain journal text, with conflicts named and no empty sections', () => {
    const text = renderHandover({
      today: '2026-11-23',
      name: 'Mette Kjær Nielsen',
      caseworker: 'Lene Bruun',
      summary: aSummary({
        hostFacts: { malgruppe: { value: 'Jobparat', at: 1 }, naesteMoede: { value: '03.12.2026', at: 1 } },
        ownFacts: { naesteMoede: { value: '10.12.2026', at: 2 } },
        text: { goal: { value: 'Jeg vil være elektriker.', at: 3 } },
        contacts: [{ id: 'c1', role: 'bisidder', name: 'Ole', detail: '', at: 4 }],
      }),
      deadlines: [
        { id: 'd1', citizenKey: '0'.repeat(32), title: 'Opfølgning', due: '2026-12-01', createdAt: 1, doneAt: null },
        { id: 'd2', citizenKey: '0'.repeat(32), title: 'Gammel', due: '2026-10-01', createdAt: 1, doneAt: 5 },
      ],
    });
    expect(text).toBe(
      [
        'Overdragelsesnotat 23.11.2026 – Mette Kjær Nielsen',
        'Overblik fra Lene Bruun til kollega, der dækker sagen.',
        '',
        'Målgruppe: Jobparat',
        'Næste møde: 10.12.2026 (sagssystemet viser: 03.12.2026)',
        '',
        'Borgerens mål (med egne ord): Jeg vil være elektriker.',
        '',
        'Kontakter:',
        '- Bisidder: Ole',
        '',
        'Frister:',
        '- 01.12.2026: Opfølgning',
      ].join('\n'),
    );
  });
});
