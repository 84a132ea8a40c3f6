/**
 * Calendar days as ISO strings (YYYY-MM-DD) in the caseworker's local time zone:
 * a deadline is due on a day, not at an instant.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(time: number | Date): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of an ISO day, plus `hour` hours. */
export function dayAt(day: string, hour = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayAt(to, 12) - dayAt(from, 12)) / 86_400_000);
}

/** Reads a Danish date (`DD.MM.YYYY`, optionally followed by a time) as an ISO day. */
export function parseDanishDate(text: string | undefined): string | null {
  const m = /(\d{1,2})[.-](\d{1,2})[.-](\d{4})/.exec(text ?? '');
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const day = `${yyyy}-${pad(Number(mm))}-${pad(Number(dd))}`;
  // Reject 31.02 and the like: the round trip must give the same day.
  return addDays(day, 0) === day ? day : null;
}

/** `2026-11-03` → `03.11.2026`. */
export const danishDate = (day: string) => day.split('-').reverse().join('.');

/** `2026-11-03` → `03.11.` in the year of `today`, else `03.11.2027`: a one-line row's date. */
export const shortDanishDate = (day: string, today: string) =>
  day.slice(0, 4) === today.slice(0, 4) ? `${day.slice(8, 10)}.${day.slice(5, 7)}.` : danishDate(day);
