/**
 * Danish-aware words of a note or a query (./note-search): case-insensitive,
 * Unicode forms and accents folded (é = e) but æ, ø and å kept as the letters
 * they are.
 */

const MAX_TERMS = 16;

// Lower-case letters outside ASCII other than æ, ø, å: the only characters
// that can carry an accent to fold, so the common case stays one regex pass.
const FOLDABLE = /[^\p{ASCII}\u00e5\u00e6\u00f8]/gu;
const MARKS = /\p{M}/gu;
export const WORD = /[\p{L}\p{N}]+/gu;
/** What separates words: splitting on it is the index build's cheapest way to its words. */
export const NON_WORD = /[^\p{L}\p{N}]+/u;
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(MARKS, '');
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * Text as the index compares it. NFC first, so an å typed as a + ring is the
 * letter å and survives the accent folding that turns é into e.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(FOLDABLE, foldChar);
}

/**
 * A term this long matches inside a word too: Danish case words are compounds
 * (»attest« finds »lægeattest«, »samtale« »jobsamtale«). Shorter, only a word's
 * beginning (»er« would match half of every note).
 */
export const INSIDE_WORD_MIN = 4;

/** The distinct words of a normalised text. */
export function wordsOf(normalised: string): string[] {
  return [...new Set(normalised.match(WORD) ?? [])];
}

/** The distinct words of a query, each to be matched as a word's beginning (or from INSIDE_WORD_MIN letters, a part of one). */
export function queryTerms(query: string): string[] {
  return wordsOf(normaliseText(query)).slice(0, MAX_TERMS);
}
