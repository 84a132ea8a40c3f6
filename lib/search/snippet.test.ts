import { describe, expect, it } from 'vitest';
import { ELLIPSIS, buildSnippet, matchRanges, type SnippetPiece } from './snippet';

/** The snippet as a string with [brackets] around the marked pieces. */
const shown = (pieces: SnippetPiece[]) => pieces.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('matchRanges', () => {
  it("marks what a query word matches, in the original spelling: a word's beginning, and from four letters a part of a word", () => {
    const text = 'Modtaget LÆGEattest fra egen læge; ikke attest.';
    expect(matchRanges(text, 'læge').map(([a, b]) => text.slice(a, b))).toEqual(['LÆGE', 'læge']);
    const attest = matchRanges(text, 'attest');
    expect(attest).toEqual([
      [13, 19],
      [text.length - 7, text.length - 1],
    ]);
    // Three letters: only at a word's start (not the »est« inside »attest«, nor the »gen« in »egen«).
    expect(matchRanges(text, 'gen')).toEqual([]);
  });

  it('folds accents but keeps offsets in the original text (composed and decomposed)', () => {
    const text = 'Idé: Café med Müller og cafe\u0301';
    expect(matchRanges(text, 'cafe').map(([a, b]) => text.slice(a, b))).toEqual(['Café', 'cafe\u0301']);
    expect(matchRanges(text, 'muller').map(([a, b]) => text.slice(a, b))).toEqual(['Müller']);
  });

  it('keeps å distinct from a', () => {
    expect(matchRanges('år og ar', 'ar')).toEqual([[6, 8]]);
  });

  it('merges overlapping matches of two query words', () => {
    expect(matchRanges('lægeattest', 'læ læge')).toEqual([[0, 4]]);
  });
});

describe('buildSnippet', () => {
  it('shows a short note whole, with every match marked', () => {
    expect(shown(buildSnippet('Ringede om lægeattest.\n\nLæge svarer i morgen.', 'læge'))).toBe(
      'Ringede om [læge]attest. [Læge] svarer i morgen.',
    );
  });

  it('cuts a long note around the first match, at spaces, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `ord${i}`);
    words[30] = 'praktikplads';
    const pieces = buildSnippet(words.join(' '), 'praktik', { before: 20, length: 60 });
    const text = shown(pieces);
    expect(pieces[0]).toEqual({ text: ELLIPSIS, match: false });
    expect(pieces.at(-1)).toEqual({ text: ELLIPSIS, match: false });
    expect(text).toContain('[praktik]plads');
    expect(text).toMatch(/^…ord\d+ /);
    expect(text).toMatch(/ ord\d+…$/);
    expect(text.length).toBeLessThan(70);
  });

  it('marks both words of a two-word query, even far apart, where they fall in the snippet', () => {
    const body = `Aftale om ${'x '.repeat(100)}praktik hos Bygma.`;
    const text = shown(buildSnippet(body, 'bygma aftale', { length: 80 }));
    expect(text.startsWith('[Aftale] om')).toBe(true);
    expect(text).not.toContain('Bygma');
    expect(shown(buildSnippet('Aftale om praktik hos Bygma.', 'bygma aftale'))).toBe(
      '[Aftale] om praktik hos [Bygma].',
    );
  });

  it('leaves text that looks like HTML as plain text pieces', () => {
    const pieces = buildSnippet('<img src=x onerror=alert(1)> læge', 'læge');
    expect(pieces).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'læge', match: true },
    ]);
  });

  it('does not split a letter from its accent or an emoji at the cut', () => {
    const body = `${'e\u0301'.repeat(30)} 😀😀 slut`;
    const pieces = buildSnippet(body, 'slut', { before: 3, length: 20 });
    const text = pieces.map((p) => p.text).join('');
    expect(text).not.toMatch(/^…\u0301/);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(shown(pieces)).toContain('[slut]');
  });

  it('without a match, shows the beginning', () => {
    expect(shown(buildSnippet('Kort note', 'andet'))).toBe('Kort note');
  });
});
