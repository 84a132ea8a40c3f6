import { describe, expect, it } from 'vitest';
import { birthYear, findCprs, maskCpr, parseCpr, passesMod11 } from './cpr';

describe('parseCpr', () => {
  it('accepts the three written forms and canonicalises them', () => {
    for (const form of ['0101901234', '010190-1234', '010190 1234', '  010190-1234 ']) {
      const r = parseCpr(form);
      expect(r.ok && r.cpr.value).toBe('010190-1234');
    }
  });

  it('rejects what is not CPR-shaped', () => {
    for (const bad of ['', '010190-123', '01019-01234', 'abcdef-ghij', '010190--1234', '010190-12345']) {
      expect(parseCpr(bad)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('rejects impossible dates', () => {
    expect(parseCpr('320190-1234')).toEqual({ ok: false, error: 'date' });
    expect(parseCpr('011390-1234')).toEqual({ ok: false, error: 'date' });
    expect(parseCpr('000190-1234')).toEqual({ ok: false, error: 'date' });
    expect(parseCpr('310490-1234')).toEqual({ ok: false, error: 'date' });
  });

  it('knows leap years through the century rule', () => {
    // 29 Feb 2000 (digit 7 = 4, YY 00 → 2000, a leap year)
    expect(parseCpr('290200-4000').ok).toBe(true);
    // 29 Feb 1900 (digit 7 = 0 → 1900, not a leap year)
    expect(parseCpr('290200-0000')).toEqual({ ok: false, error: 'date' });
    // 29 Feb 1996 and not 1997
    expect(parseCpr('290296-1234').ok).toBe(true);
    expect(parseCpr('290297-1234')).toEqual({ ok: false, error: 'date' });
    // 29 Feb 1868 (digit 7 = 5, YY 68 > 57 → 1868, a leap year)
    expect(parseCpr('290268-5000').ok).toBe(true);
  });

  it('accepts a number that fails modulus 11 and reports it as information', () => {
    const r = parseCpr('010190-1234');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.cpr.mod11).toBe(false);
    const good = parseCpr('070761-4285'); // 4*0+3*7+2*0+7*7+6*6+5*1+4*4+3*2+2*8+1*5 = 154 = 14*11
    expect(good.ok && good.cpr.mod11).toBe(true);
  });

  it('returns the birth date with its century', () => {
    const r = parseCpr('150637-4123');
    expect(r.ok && r.cpr.birthDate).toEqual({ year: 1937, month: 6, day: 15 });
  });
});

describe('birthYear (digit 7 and YY give the century)', () => {
  it.each([
    [0, 0, 1900],
    [99, 3, 1999],
    [36, 4, 2036],
    [37, 4, 1937],
    [36, 9, 2036],
    [37, 9, 1937],
    [57, 5, 2057],
    [58, 5, 1858],
    [0, 8, 2000],
    [99, 8, 1899],
  ])('YY %i with digit %i is %i', (yy, digit7, year) => {
    expect(birthYear(yy, digit7)).toBe(year);
  });
});

describe('passesMod11', () => {
  it('sums the weighted digits', () => {
    expect(passesMod11('0707614285')).toBe(true);
    expect(passesMod11('0707614286')).toBe(false);
  });
});

describe('maskCpr', () => {
  it('hides the serial and keeps the date part', () => {
    expect(maskCpr('0101901234')).toBe('010190-••••');
    expect(maskCpr('010190 1234')).toBe('010190-••••');
  });
});

describe('findCprs', () => {
  it('finds distinct date-valid numbers in free text', () => {
    expect(findCprs('CPR: 010190-1234, ægtefælle 020291 4321 og 0101901234')).toEqual(['010190-1234', '020291-4321']);
  });
  it('ignores longer digit runs and invalid dates', () => {
    expect(findCprs('Sagsnr 12345678901 og 320190-1234')).toEqual([]);
  });
});

describe('erstatningspersonnumre (substitute numbers: day + 60)', () => {
  it('are read with their real birth date and marked as substitute, keeping the number as written', () => {
    const r = parseCpr('610190-1234');
    expect(r).toEqual({
      ok: true,
      cpr: {
        value: '610190-1234',
        birthDate: { year: 1990, month: 1, day: 1 },
        mod11: false,
        substitute: true,
      },
    });
    expect(parseCpr('910190-1234').ok).toBe(true); // 31 January
    expect(parseCpr('890296-1234').ok).toBe(true); // 29 February 1996
    expect(parseCpr('890297-1234')).toEqual({ ok: false, error: 'date' });
    expect(parseCpr('600190-1234')).toEqual({ ok: false, error: 'date' });
    expect(parseCpr('920190-1234')).toEqual({ ok: false, error: 'date' });
    expect(
      parseCpr('010190-1234').ok && (parseCpr('010190-1234') as { cpr: { substitute: boolean } }).cpr.substitute,
    ).toBe(false);
  });

  it('are found in text and masked like any number', () => {
    expect(findCprs('Erstatningsnummer 610190-1234.')).toEqual(['610190-1234']);
    expect(maskCpr('6101901234')).toBe('610190-••••');
  });
});

describe('separators', () => {
  it('accepts en dash, non-breaking hyphen, hyphen, minus and spaced forms', () => {
    for (const form of [
      '010190\u20131234', // en dash
      '010190\u20111234', // non-breaking hyphen
      '010190\u20101234', // hyphen
      '010190\u22121234', // minus sign
      '010190 - 1234',
      '010190 \u2013 1234',
      '010190\u00a01234', // non-breaking space
      '010190\u00a0-\u00a01234',
    ]) {
      const r = parseCpr(form);
      expect(r.ok && r.cpr.value, JSON.stringify(form)).toBe('010190-1234');
    }
    expect(findCprs('CPR: 010190\u20111234 og 020291 \u2013 4321')).toEqual(['010190-1234', '020291-4321']);
  });

  it('still rejects doubled or other separators', () => {
    for (const bad of ['010190 -- 1234', '010190/1234', '010190.1234', '010190  1234', '010190\u2014\u20141234'])
      expect(parseCpr(bad), bad).toEqual({ ok: false, error: 'format' });
  });
});
