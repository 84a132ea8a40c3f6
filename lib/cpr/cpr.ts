/**
 * Danish CPR numbers (DDMMYY-SSSS), following the rules in the domain brief:
 * the 7th digit and YY give the century, the date must exist, and modulus 11 is
 * information only (numbers issued since 1 Oct 2007 need not satisfy it).
 * Substitute numbers (erstatningspersonnumre) in the common scheme raise the
 * day by 60; they are read as the citizen's number like any other.
 * We never derive or show a sex from the number.
 *
 * This module is part of the bridge (lib/host/read-citizen.ts), which has a
 * 10 KB budget: keep it small.
 */

export interface Cpr {
  /** Canonical form `DDMMYY-SSSS` (a substitute number keeps its raised day). */
  readonly value: string;
  readonly birthDate: { year: number; month: number; day: number };
  /** Whether the number satisfies modulus 11. Never a reason to reject. */
  readonly mod11: boolean;
  /** A substitute number (erstatningspersonnummer): the day is raised by 60. */
  readonly substitute: boolean;
}

export type CprError = 'format' | 'date';

export type CprResult = { ok: true; cpr: Cpr } | { ok: false; error: CprError };

/**
 * Between the date and the serial: nothing, a space, or a hyphen, en dash,
 * non-breaking hyphen, hyphen (U+2010) or minus sign, with or without a
 * (non-breaking) space either side: `010190-1234`, `010190 – 1234`.
 */
const SEP = '(?:[ \\xa0]?[-\\u2010\\u2011\\u2013\\u2212][ \\xa0]?|[ \\xa0])?';
const CPR_SHAPE = new RegExp(`^(\\d{6})${SEP}(\\d{4})$`);
/** A CPR-shaped run of digits inside a text (compiled once: findCprs runs on every re-read of the page). */
const CPR_IN_TEXT = new RegExp(`(?<!\\d)(\\d{6})${SEP}(\\d{4})(?!\\d)`, 'g');

/** Century from the 7th digit and the two-digit year (CPR-kontoret's table). */
export function birthYear(yy: number, digit7: number): number {
  return yy + (digit7 < 4 ? 1900 : digit7 === 4 || digit7 === 9 ? (yy < 37 ? 2000 : 1900) : yy < 58 ? 2000 : 1800);
}

/** Weights 4 3 2 7 6 5 4 3 2 1. */
export const passesMod11 = (digits: string): boolean =>
  [...digits].reduce((sum, d, i) => sum + +d * ((i < 3 ? 4 : 10) - i), 0) % 11 === 0;

/** The birth date a CPR's ten digits give (a substitute number's raised day lowered). */
function birthDateOf(digits: string): { year: number; month: number; day: number } {
  const raised = +digits.slice(0, 2);
  return {
    year: birthYear(+digits.slice(4, 6), +digits[6]!),
    month: +digits.slice(2, 4),
    day: raised > 60 ? raised - 60 : raised,
  };
}

/**
 * The canonical `DDMMYY-SSSS` of a CPR-shaped number whose date exists, else
 * undefined. All the bridge needs (read-citizen): parseCpr's details stay out of it.
 */
export function cprValue(input: string): string | undefined {
  const match = CPR_SHAPE.exec(input.trim());
  if (!match) return;
  const { year, month, day } = birthDateOf(match[1]! + match[2]);
  const real = new Date(Date.UTC(year, month - 1, day));
  if (real.getUTCMonth() === month - 1 && real.getUTCDate() === day) return `${match[1]}-${match[2]}`;
}

/**
 * Parses `DDMMYYSSSS`, `DDMMYY-SSSS`, `DDMMYY SSSS` or `DDMMYY – SSSS` (any
 * separator above; surrounding space allowed).
 */
export function parseCpr(input: string): CprResult {
  const value = cprValue(input);
  if (!value) return { ok: false, error: CPR_SHAPE.test(input.trim()) ? 'date' : 'format' };
  const digits = value.replace('-', '');
  return {
    ok: true,
    cpr: { value, birthDate: birthDateOf(digits), mod11: passesMod11(digits), substitute: +digits.slice(0, 2) > 60 },
  };
}

/** `010190-1234` → `010190-••••`. Accepts any parseable form. */
export function maskCpr(cpr: string): string {
  const parsed = parseCpr(cpr);
  return `${(parsed.ok ? parsed.cpr.value : cpr.trim()).slice(0, 6)}-••••`;
}

/** Finds every CPR-shaped, date-valid number in a text (substitute numbers too), in canonical form. */
export function findCprs(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CPR_IN_TEXT)) {
    const value = cprValue(m[1]! + m[2]);
    if (value && !found.includes(value)) found.push(value);
  }
  return found;
}
