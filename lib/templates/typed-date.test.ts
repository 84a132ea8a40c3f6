import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from './typed-date';

// Sunday 6 December 2026.
const today = new Date(2026, 11, 6, 14, 30);
const parse = (text: string) => parseTypedDate(text, today);

describe('a date typed in one field', () => {
  it('reads day and month, with or without a year', () => {
    expect(parse('5.12')).toBe('2026-12-05');
    expect(parse('5/12-26')).toBe('2026-12-05');
    expect(parse('05.12.2026')).toBe('2026-12-05');
    expect(parse('5-12-2026')).toBe('2026-12-05');
    expect(parse('5.12.')).toBe('2026-12-05');
    expect(parse(' 12 . 1 . 27 ')).toBe('2027-01-12');
    expect(parse('2026-12-05')).toBe('2026-12-05');
  });

  it('takes the date nearest today when the year is left out', () => {
    expect(parse('5.1')).toBe('2027-01-05');
    expect(parse('1.12')).toBe('2026-12-01');
    expect(parse('1.7')).toBe('2026-07-01');
    expect(parse('1.6')).toBe('2027-06-01');
    expect(parseTypedDate('28.12', new Date(2027, 0, 3))).toBe('2026-12-28');
  });

  it('reads words and steps from today', () => {
    expect(parse('i dag')).toBe('2026-12-06');
    expect(parse('I morgen')).toBe('2026-12-07');
    expect(parse('i  overmorgen')).toBe('2026-12-08');
    expect(parse('tomorrow')).toBe('2026-12-07');
    expect(parse('+4u')).toBe('2027-01-03');
    expect(parse('+4w')).toBe('2027-01-03');
    expect(parse('+ 10 d')).toBe('2026-12-16');
    expect(parse('+3')).toBe('2026-12-09');
    expect(parse('-1u')).toBe('2026-11-29');
    expect(parse('+2m')).toBe('2027-02-06');
    expect(parseTypedDate('+1m', new Date(2027, 0, 31))).toBe('2027-02-28');
  });

  it('refuses what is no date', () => {
    for (const text of ['', '  ', '31.4', '29.2.2026', '32.1', '0.5', '5.13', 'fredag', '5.12.202', '+4x', '12345'])
      expect(parse(text), text).toBeNull();
    expect(parse('29.2.2028')).toBe('2028-02-29');
  });

  it('shows a date the Danish way', () => {
    expect(formatTypedDate('2026-12-05')).toBe('05.12.2026');
  });
});
