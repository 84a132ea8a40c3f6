import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, translator } from './i18n';
import { da, en } from './messages';

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

describe('UI strings', () => {
  it('English has every Danish key, and no string is empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const value of [...Object.values(da), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(da) as (keyof typeof da)[]) expect(names(en[key])).toEqual(names(da[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('da')('notes.count', { count: 3 })).toBe('3 noter');
    expect(translator('en')('notes.count')).toBe('{count} {count|note|notes}');
  });

  it('chooses the word for the number by the plural rules of the language', () => {
    expect(translator('da')('notes.count', { count: 1 })).toBe('1 note');
    expect(translator('da')('notes.count', { count: 0 })).toBe('0 noter');
    expect(translator('da')('privacy.count.deadlines', { count: 1 })).toBe('1 frist');
    expect(translator('en')('editor.checklist.itemCount', { count: 1 })).toBe('1 item');
    expect(translator('en')('editor.checklist.itemCount', { count: 2 })).toBe('2 items');
  });
});
