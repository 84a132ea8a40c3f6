/**
 * Fuzzy matching for a few dozen template titles: every query letter must
 * appear in order; contiguous runs and word starts score higher. (A library
 * would add weight to the panel for a list this short.)
 */
// æ, ø and å fold to ae, oe and aa, so "partshoring" finds "Partshøring".
const fold = (s: string) =>
  s
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

export function fuzzyScore(query: string, text: string): number | null {
  const q = fold(query.trim());
  if (!q) return 0;
  const t = fold(text);
  const exact = t.indexOf(q);
  if (exact >= 0) return 1000 - exact + (exact === 0 || t[exact - 1] === ' ' ? 100 : 0);
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    run = found === ti ? run + 1 : 0;
    score += 1 + run * 2 + (found === 0 || t[found - 1] === ' ' ? 3 : 0);
    ti = found + 1;
  }
  return score;
}
