/**
 * A date typed the way a caseworker writes it, in one field: `5.12`, `5/12-26`,
 * `05.12.2026`, `2026-12-05`, `i dag`, `i morgen`, `i overmorgen`, `+4u`
 * (weeks), `+10d` (days), `+2m` (months), `-1u`. English `today`, `tomorrow`
 * and `+4w` too. Returns YYYY-MM-DD, or null when the text is no date.
 *
 * A date without a year is the one nearest today (on 6 December, `5.1` is
 * next January and `1.12` this December); a two-digit year is 20xx.
 */
export function parseTypedDate(text: string, today = new Date()): string | null {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!input) return null;
  const base = new Date(today.getFullYear(), today.getMonth(), today.getDate());

  const named = NAMED[input];
  if (named !== undefined) return iso(addDays(base, named));

  const relative = /^([+-])\s?(\d{1,3})\s?([dumw]?)$/.exec(input);
  if (relative) {
    const n = Number(relative[2]) * (relative[1] === '-' ? -1 : 1);
    const unit = relative[3] || 'd';
    if (unit === 'm') {
      const day = base.getDate();
      const moved = new Date(base.getFullYear(), base.getMonth() + n, 1);
      // 31 January + 1 month is the last day of February, not 3 March.
      const last = new Date(moved.getFullYear(), moved.getMonth() + 1, 0).getDate();
      return iso(new Date(moved.getFullYear(), moved.getMonth(), Math.min(day, last)));
    }
    return iso(addDays(base, unit === 'u' || unit === 'w' ? 7 * n : n));
  }

  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (isoMatch) return valid(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));

  const dm = /^(\d{1,2})\s?[./-]\s?(\d{1,2})(?:\s?[./-]\s?(\d{2}|\d{4}))?\.?$/.exec(input);
  if (!dm) return null;
  const day = Number(dm[1]);
  const month = Number(dm[2]);
  if (dm[3]) return valid(dm[3].length === 2 ? 2000 + Number(dm[3]) : Number(dm[3]), month, day);
  // No year: the nearest of last year, this year and next year.
  const candidates = [-1, 0, 1]
    .map((d) => valid(base.getFullYear() + d, month, day))
    .filter((c): c is string => c !== null);
  const distance = (c: string) => Math.abs(new Date(`${c}T00:00:00`).getTime() - base.getTime());
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** `2026-12-05` → `05.12.2026`, as the field shows it. */
export function formatTypedDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('.');
}

const NAMED: Record<string, number> = {
  'i dag': 0,
  idag: 0,
  today: 0,
  'i morgen': 1,
  imorgen: 1,
  tomorrow: 1,
  'i overmorgen': 2,
  iovermorgen: 2,
  'i går': -1,
  igår: -1,
  yesterday: -1,
};

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function iso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date, if it exists (no 31 April, no 29 February in 2026). */
function valid(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day ? iso(date) : null;
}
