import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './i18n';

const at = Date.UTC(2026, 11, 3, 14, 5, 9);

describe('date formatting', () => {
  it('formats in each locale, the formatters kept apart', () => {
    const da = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    expect(da).not.toBe(en);
    for (let i = 0; i < 2; i++) {
      expect(formatDateTime('da', at)).toBe(da);
      expect(formatDateTime('en', at)).toBe(en);
    }
    const local = new Date(at);
    const hh = String(local.getHours()).padStart(2, '0');
    expect(formatTime('da', at)).toBe(`kl. ${hh}.05`);
    expect(formatTime('en', at)).toBe(new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(at));
  });
});

/** Whether every » opens a quote that a « closes, in that order. */
function pairedDanish(s: string): boolean {
  let open = false;
  for (const ch of s) {
    if (ch === '»') {
      if (open) return false;
      open = true;
    } else if (ch === '«') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

describe('Danish quotation marks', () => {
  it('reads »…« as paired and «…» as not', () => {
    expect(pairedDanish('»a« og »b«')).toBe(true);
    expect(pairedDanish('«a»')).toBe(false);
    expect(pairedDanish('»a')).toBe(false);
  });

  it('every Danish UI text and every text of the default pack quotes with »…«, never «…», “…” or "…"', async () => {
    const { da } = await import('./messages');
    const { defaultPack } = await import('../packs/default-pack');
    // Danish quotes open with » and close with «: «…» (the French order), “…” and "…" are wrong.
    const wrong = { test: (s: string) => /[“”"]/.test(s) || !pairedDanish(s) };
    const bad = Object.entries(da).filter(([, v]) => wrong.test(v));
    expect(bad).toEqual([]);
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(defaultPack);
    expect(texts.filter((s) => wrong.test(s))).toEqual([]);
  });
});

describe('Danish wording (pack-review.md § 7)', () => {
  it('uses one word per concept and none of the phrasings the review flagged', async () => {
    const { da } = await import('./messages');
    const flagged: [RegExp, string][] = [
      [/(?<!blevet )sprunget over/, 'er blevet sprunget over'],
      [/adgangsfrase/i, 'adgangskode'],
      [/\bPrint\b/, 'Udskriv'],
      [/\bAnnuller\b/, 'Annullér'],
      [/\{days\} d\./, 'dage'],
      [/slagsen|\bSlags\b/, 'type, omfang'],
      [/Pladsholder/, 'feltets navn'],
      [/single-page|match-mønster|CSS-selektor/, 'Danish'],
      [/\bny sag\b/, 'not the case system’s word'],
      [/Lær siden blev/, 'Indlæringen af siden'],
      [/\(er\)|\(r\)/, 'plural rules'],
    ];
    // The technical words belong under the »Avanceret« fold, where they are explained in Danish (issue 25, G).
    const technical = flagged.find(([, instead]) => instead === 'Danish')!;
    const found = Object.entries(da).flatMap(([key, value]) =>
      flagged
        .filter((rule) => !(rule === technical && key.startsWith('advanced.')))
        .filter(([re]) => re.test(value))
        .map(([, instead]) => `${key}: ${value} (use ${instead})`),
    );
    expect(found).toEqual([]);
  });
});
