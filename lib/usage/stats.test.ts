import { describe, expect, it } from 'vitest';
import type { TemplateUse, UsageRecord } from './schema';
import { localDay } from './schema';
import { DEFAULT_CHARS_PER_MINUTE, isoWeek, savedMs, todayAndWeek, totals, usageRows } from './stats';

let n = 0;
const use = (over: Partial<TemplateUse> = {}): TemplateUse => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  kind: 'template',
  day: '2026-12-07',
  templateId: 'dk.a',
  templateTitle: 'Første jobsamtale',
  noteChars: 1300,
  keystrokes: 40,
  clicks: 6,
  formMs: 60_000,
  resumed: false,
  ...over,
});

describe('time saved per use', () => {
  it('is the note typed at the given speed minus the time in the form', () => {
    // 1,300 characters at 260 a minute: 5 minutes; 1 minute in the form: 4 saved.
    expect(savedMs(use(), 260)).toBe(4 * 60_000);
    expect(savedMs(use(), 130)).toBe(9 * 60_000);
  });

  it('is never below 0: a slow use saves nothing and takes nothing from the others', () => {
    expect(savedMs(use({ formMs: 20 * 60_000 }), 260)).toBe(0);
    const records = [use(), use({ formMs: 20 * 60_000 })];
    const { today } = todayAndWeek(records, 260, '2026-12-07');
    expect(today).toEqual({ notes: 2, minutes: 4 });
  });

  it('a form taken up from an earlier session counts as a note that saved nothing', () => {
    expect(savedMs(use({ resumed: true, formMs: 0 }), 260)).toBe(0);
  });

  it('the default speed is 52 words (260 characters) a minute', () => {
    expect(DEFAULT_CHARS_PER_MINUTE).toBe(260);
  });
});

describe('days and weeks', () => {
  it('ISO weeks, across the turn of the year', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50'); // a Monday
    expect(isoWeek('2026-12-06')).toBe('2026-W49'); // a Sunday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still the old year's week
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('today and this week go by the local day; last week does not count', () => {
    const now = new Date(2026, 11, 9, 15).getTime(); // Wednesday
    expect(localDay(now)).toBe('2026-12-09');
    const records: UsageRecord[] = [
      use({ day: '2026-12-09' }),
      use({ day: '2026-12-07' }),
      use({ day: '2026-12-06' }), // Sunday of the week before
    ];
    const { today, week } = todayAndWeek(records, 260, localDay(now));
    expect(today.notes).toBe(1);
    expect(week).toEqual({ notes: 2, minutes: 8 });
  });
});

describe('lines per week and totals', () => {
  const records: UsageRecord[] = [
    use(),
    use({ formMs: 20 * 60_000 }),
    use({ day: '2026-12-14', templateId: 'dk.b', templateTitle: 'Kontakt', noteChars: 520, formMs: 0 }),
    {
      id: '00000000-0000-4000-8000-000000000901',
      kind: 'checklist',
      day: '2026-12-07',
      packId: 'dk.default',
      checklistId: 'dk.c',
      checklistTitle: 'Tjek',
      items: 3,
      done: 1,
      notRelevant: [
        { id: 'i1', title: 'Punkt 1', reason: true },
        { id: 'i2', title: 'Punkt 2', reason: false },
      ],
    },
    {
      id: '00000000-0000-4000-8000-000000000902',
      kind: 'checklist',
      day: '2026-12-14',
      packId: 'dk.default',
      checklistId: 'dk.c',
      checklistTitle: 'Tjek',
      items: 3,
      done: 2,
      notRelevant: [{ id: 'i1', title: 'Punkt 1', reason: true }],
    },
  ];

  it('adds up per template and week, each use at least 0', () => {
    const rows = usageRows(records, 260);
    expect(rows.filter((r) => r.type === 'skabelon').map((r) => [r.week, r.id, r.uses, r.minutesSaved])).toEqual([
      ['2026-W50', 'dk.a', 2, 4],
      ['2026-W51', 'dk.b', 1, 2],
    ]);
    expect(rows.every((r) => r.caseworker === '' && r.charsPerMinute === 260)).toBe(true);
    const all = totals(rows);
    expect(all.notes).toBe(3);
    expect(all.minutesSaved).toBe(6);
    expect(all.templates[0]).toMatchObject({
      id: 'dk.a',
      uses: 2,
      chars: 2600,
      keystrokes: 80,
      clicks: 12,
      seconds: 1260,
    });
    expect(all.weeks).toEqual([
      { week: '2026-W51', notes: 1, minutesSaved: 2 },
      { week: '2026-W50', notes: 2, minutesSaved: 4 },
    ]);
    expect(all.checklists).toEqual([{ id: 'dk.c', title: 'Tjek', uses: 2 }]);
  });

  it('counts »ikke relevant« per item with the number of reasons, most often first', () => {
    expect(totals(usageRows(records, 260)).items).toEqual([
      {
        checklistId: 'dk.c',
        checklistTitle: 'Tjek',
        itemId: 'i1',
        itemTitle: 'Punkt 1',
        notRelevant: 2,
        withReason: 2,
      },
      {
        checklistId: 'dk.c',
        checklistTitle: 'Tjek',
        itemId: 'i2',
        itemTitle: 'Punkt 2',
        notRelevant: 1,
        withReason: 0,
      },
    ]);
  });

  it('combines several caseworkers: sums per template, names only where typed', () => {
    const a = usageRows(records, 260, 'Ane');
    const b = usageRows(records.slice(0, 1), 200);
    const all = totals([...a, ...b]);
    expect(all.templates.find((t) => t.id === 'dk.a')?.uses).toBe(3);
    // 1,300 characters at 200 a minute: 6.5 minutes, less 1 in the form.
    expect(all.minutesSaved).toBe(6 + 5.5);
    expect(all.caseworkers).toEqual(['Ane']);
  });
});
