import { INSIDE_WORD_MIN, normaliseText, queryTerms } from './note-search';

/**
 * A short plain-text excerpt of a note around the first place it matches a
 * search, split into pieces so the UI can wrap the matched word beginnings in
 * <mark> elements. Only string slices of the note: the UI renders them as
 * text, never as HTML.
 */

export interface SnippetPiece {
  text: string;
  /** A query word's match (in the note, the beginning of a word or, from four letters, inside one). */
  match: boolean;
}

export interface SnippetOptions {
  /** Characters of context before the first match (about; cut at a space). */
  before?: number;
  /** Length of the whole snippet (about; cut at a space). */
  length?: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
export const ELLIPSIS = '…';

/**
 * The note as the index compares it, with where each normalised character
 * came from. Normalising character by character (a letter with its combining
 * marks) gives the same text as normaliseText on the whole, but keeps offsets.
 */
function normaliseWithOffsets(text: string): { normalised: string; from: number[]; to: number[] } {
  let normalised = '';
  const from: number[] = [];
  const to: number[] = [];
  const chars = [...text];
  let at = 0;
  for (let i = 0; i < chars.length;) {
    let cluster = chars[i++]!;
    while (i < chars.length && MARK.test(chars[i]!)) cluster += chars[i++]!;
    const folded = normaliseText(cluster);
    for (let k = 0; k < folded.length; k++) {
      from.push(at);
      to.push(at + cluster.length);
    }
    normalised += folded;
    at += cluster.length;
  }
  return { normalised, from, to };
}

/** Every [start, end) in `text` where a term matches (begins a word, or from INSIDE_WORD_MIN letters is in one), overlaps merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = queryTerms(query);
  const { normalised, from, to } = normaliseWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + 1)) {
      if (term.length < INSIDE_WORD_MIN && at > 0 && WORD_CHAR.test(normalised[at - 1]!)) continue;
      ranges.push([from[at]!, to[at + term.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * The excerpt: whitespace collapsed, starting about `before` characters ahead
 * of the first match, about `length` long, cut at spaces with "…" where text
 * was left out. Without a match (should not happen for a hit), the beginning.
 */
export function buildSnippet(body: string, query: string, options: SnippetOptions = {}): SnippetPiece[] {
  const { before = 40, length = 160 } = options;
  const text = body.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(text, query);
  const first = ranges[0]?.[0] ?? 0;

  let start = Math.max(0, first - before);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first && space > start) end = space;
  }
  // Never cut a surrogate pair or a letter from its accents.
  while (start > 0 && (isLowSurrogate(text, start) || MARK.test(text[start]!))) start--;
  while (end < text.length && (isLowSurrogate(text, end) || MARK.test(text[end]!))) end++;

  const pieces: SnippetPiece[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece) pieces.push({ text: piece, match });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const s = Math.max(from, start);
    const e = Math.min(to, end);
    push(text.slice(at, s), false);
    push(text.slice(s, e), true);
    at = e;
  }
  push(text.slice(at, end), false);
  if (start > 0) pieces.unshift({ text: ELLIPSIS, match: false });
  if (end < text.length) pieces.push({ text: ELLIPSIS, match: false });
  return pieces;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}
