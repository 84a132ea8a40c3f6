import { INSIDE_WORD_MIN } from '../../lib/search/search-text';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether every term begins some word of `normalised`, or from INSIDE_WORD_MIN
 * letters is inside one. The reference meaning of a match, for tests and the
 * benchmark: the index (lib/search/note-search.ts) must agree with it.
 */
export function matchesAllTerms(normalised: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((term) => hasWordStartingWith(normalised, term));
}

function hasWordStartingWith(text: string, term: string): boolean {
  if (term.length >= INSIDE_WORD_MIN) return text.includes(term);
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}
