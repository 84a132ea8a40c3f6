import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DANISH_DICTIONARIES } from './danish-words';
import type { Assessment, WeakSuggestion, WeakWarning } from './passphrase';

/**
 * The passphrase strength estimator: zxcvbn-ts with its common-password and
 * keyboard lists plus the Danish words Sidevogn ships. Some 400 KB, so it is
 * loaded only by the passphrase forms, through loadEstimator() in
 * ./passphrase (a dynamic import: a chunk of its own, never in the panel's
 * start chunk or the content script).
 */

// Without translations zxcvbn-ts returns its feedback as keys ("topTen",
// "anotherWord"): the i18n catalogues turn them into Danish or English.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, ...DANISH_DICTIONARIES },
  graphs: adjacencyGraphs,
});

const isDanishWord = (m: MatchExtended) => m.pattern === 'dictionary' && m.dictionaryName === 'danish-words';
const isName = (m: MatchExtended) => m.pattern === 'dictionary' && String(m.dictionaryName).includes('names');
const isCommonPassword = (m: MatchExtended) =>
  m.pattern === 'dictionary' && String(m.dictionaryName).includes('passwords');
const YEAR = /(?:19|20)\d\d/;

/**
 * zxcvbn gives feedback only up to score 2, and knows nothing of the Danish
 * lists; below the required score Sidevogn always says why, naming the kind
 * of weakness it found (never the text itself: the message is read aloud).
 */
function ownWarning(passphrase: string, sequence: MatchExtended[]): WeakWarning {
  if (sequence.some(isDanishWord)) return 'danishWords';
  if (sequence.some(isName)) return 'commonNames';
  if (sequence.some(isCommonPassword)) return 'similarToCommon';
  if (YEAR.test(passphrase)) return 'recentYears';
  return 'almostThere';
}

export function assess(passphrase: string): Assessment {
  const result = zxcvbn.check(passphrase.normalize('NFC'));
  if (result.score === 4) return { score: 4, warning: null, suggestions: [] };
  const warning = (result.feedback.warning as WeakWarning | null) ?? ownWarning(passphrase, result.sequence);
  const suggestions = result.feedback.suggestions as WeakSuggestion[];
  return {
    score: result.score,
    warning,
    suggestions: suggestions.includes('anotherWord') ? suggestions : ['anotherWord', ...suggestions],
  };
}
