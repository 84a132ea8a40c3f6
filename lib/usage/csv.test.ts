import { describe, expect, it } from 'vitest';
import { MAX_USAGE_CSV_LINES, USAGE_CSV_COLUMNS, parseUsageCsv, usageCsv } from './csv';
import type { UsageRow } from './stats';

const row = (over: Partial<UsageRow> = {}): UsageRow => ({
  caseworker: '',
  week: '2026-W50',
  type: 'skabelon',
  id: 'dk.a',
  title: 'Første jobsamtale',
  itemId: '',
  itemTitle: '',
  uses: 2,
  chars: 2600,
  keystrokes: 80,
  clicks: 12,
  seconds: 1260,
  minutesSaved: 4.5,
  charsPerMinute: 260,
  notRelevant: 0,
  withReason: 0,
  ...over,
});

describe('usage CSV', () => {
  it('opens in Danish Excel (BOM, semicolons) and reads back to the same lines', () => {
    const rows = [
      row(),
      row({ type: 'tjekliste', id: 'dk.c', title: 'Tjek; "særlig"', uses: 1, chars: 0, minutesSaved: 0 }),
      row({
        type: 'punkt',
        id: 'dk.c',
        title: 'Tjek',
        itemId: 'i1',
        itemTitle: 'Punkt\nto linjer',
        uses: 2,
        notRelevant: 2,
        withReason: 1,
      }),
    ];
    const csv = usageCsv(rows);
    expect(csv.startsWith('\uFEFFformat;medarbejder;uge;type;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'sidevogn-brug-1;;2026-W50;skabelon;dk.a;Første jobsamtale;;;2;2600;80;12;1260;4.5;260;0;0',
    );
    expect(parseUsageCsv(csv)).toEqual({ ok: true, rows });
  });

  it('a title a spreadsheet would run as a formula is written inert and read back as it was', () => {
    const rows = [row({ title: '=HYPERLINK("http://x")', caseworker: '+45 Ane' })];
    const csv = usageCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`;'+45 Ane;`);
    expect(parseUsageCsv(csv)).toEqual({ ok: true, rows });
  });

  it('refuses a foreign, empty or malformed file with what is wrong, and no lines', () => {
    expect(parseUsageCsv('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseUsageCsv('navn;cpr\nA;0707614285\n')).toEqual({ ok: false, error: { code: 'foreign' } });
    const good = usageCsv([row(), row({ id: 'dk.b' })]);
    const lines = good.split('\r\n');
    const bad = (line: string) => [lines[0], lines[1], line, ''].join('\r\n');
    expect(parseUsageCsv(bad(lines[2]!.replace(';2600;', ';-5;')))).toEqual({
      ok: false,
      error: { code: 'row', line: 3, column: 'tegn' },
    });
    expect(parseUsageCsv(bad(lines[2]!.replace('sidevogn-brug-1', 'andet-format')))).toMatchObject({
      error: { code: 'row', line: 3, column: 'format' },
    });
    expect(parseUsageCsv(bad(lines[2]!.replace('2026-W50', 'uge 50')))).toMatchObject({
      error: { code: 'row', column: 'uge' },
    });
    expect(parseUsageCsv(bad('sidevogn-brug-1;;2026-W50'))).toMatchObject({ error: { code: 'row', line: 3 } });
    expect(parseUsageCsv(bad('sidevogn-brug-1;"ikke lukket'))).toEqual({ ok: false, error: { code: 'quote' } });
    expect(parseUsageCsv(bad(lines[2]!.replace(';0;0', ';1;2')))).toMatchObject({
      error: { code: 'row', column: 'med_begrundelse' },
    });
  });

  it('refuses a file with more lines than any real export has', () => {
    const header = usageCsv([]).trimEnd();
    expect(parseUsageCsv(header)).toEqual({ ok: true, rows: [] });
    expect(parseUsageCsv(`${header}\r\n${'x\r\n'.repeat(MAX_USAGE_CSV_LINES + 1)}`)).toEqual({
      ok: false,
      error: { code: 'too-many' },
    });
  });

  it('has the columns the team-leads guide names', () => {
    expect(USAGE_CSV_COLUMNS).toHaveLength(17);
  });
});
