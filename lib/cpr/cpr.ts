/**
 * Danish CPR numbers (DDMMYY-SSSS), following the rules in the domain brief:
 * the 7th digit and YY give the century, the date must exist, and modulus 11 is
 * information only (numbers issued since 1 Oct 2007 need not satisfy it).
 * We never derive or show a sex from the number.
 */

export interface Cpr {
  /** Canonical form `DDMMYY-SSSS`. */
  readonly value: string;
  readonly birthDate: { year: number; month: number; day: number };
  /** Whether the number satisfies modulus 11. Never a reason to reject. */
  readonly mod11: boolean;
}

export type CprError = 'format' | 'date';

export type CprResult = { ok: true; cpr: Cpr } | { ok: false; error: CprError };

const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})[- ]?(\d{4})$/;
const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** Century from the 7th digit and the two-digit year (CPR-kontoret's table). */
export function birthYear(yy: number, digit7: number): number {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function passesMod11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

/** Parses `DDMMYYSSSS`, `DDMMYY-SSSS` or `DDMMYY SSSS` (surrounding space allowed). */
export function parseCpr(input: string): CprResult {
  const match = CPR_SHAPE.exec(input.trim());
  if (!match) return { ok: false, error: 'format' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = birthYear(Number(yy), Number(serial[0]));
  if (!isRealDate(year, month, day)) return { ok: false, error: 'date' };
  const digits = `${dd}${mm}${yy}${serial}`;
  return {
    ok: true,
    cpr: {
      value: `${dd}${mm}${yy}-${serial}`,
      birthDate: { year, month, day },
      mod11: passesMod11(digits),
    },
  };
}

/** `010190-1234` → `010190-••••`. Accepts any parseable form. */
export function maskCpr(cpr: string): string {
  const parsed = parseCpr(cpr);
  const canonical = parsed.ok ? parsed.cpr.value : cpr.trim();
  return `${canonical.slice(0, 6)}-••••`;
}

/** Finds every CPR-shaped, date-valid number in a text, in canonical form. */
export function findCprs(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)/g)) {
    const parsed = parseCpr(`${m[1]}-${m[2]}`);
    if (parsed.ok && !found.includes(parsed.cpr.value)) found.push(parsed.cpr.value);
  }
  return found;
}
