/**
 * Passphrase rules for a new passphrase: the policy's minimum length, and a
 * guessing estimate from zxcvbn-ts (./strength, loaded lazily) of at least
 * MIN_SCORE. Whoever copies the database can guess offline, against PBKDF2 at
 * 600,000 iterations: score 4 means at least 10^10 guesses (months of a
 * graphics card's time at that cost); score 3 ("sommer2026!!", about 10^8)
 * falls in hours.
 */

export const MIN_SCORE = 4;

export type Score = 0 | 1 | 2 | 3 | 4;
export type Strength = 'weak' | 'fair' | 'strong';

/** zxcvbn-ts's warning keys, plus Sidevogn's own (Danish words; close but not enough). */
export const WEAK_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
  'danishWords',
  'almostThere',
] as const;
export type WeakWarning = (typeof WEAK_WARNINGS)[number];

/** zxcvbn-ts's suggestion keys. */
export const WEAK_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
] as const;
export type WeakSuggestion = (typeof WEAK_SUGGESTIONS)[number];

export interface Assessment {
  score: Score;
  /** Why it is too weak; null from MIN_SCORE up. */
  warning: WeakWarning | null;
  suggestions: WeakSuggestion[];
}

export type Estimator = (passphrase: string) => Assessment;

let loading: Promise<Estimator> | undefined;

/** The estimator, loaded once per page (a chunk of its own; see ./strength). */
export function loadEstimator(): Promise<Estimator> {
  loading ??= import('./strength').then(
    (m) => m.assess,
    (error: unknown) => {
      loading = undefined; // try again next time
      throw error;
    },
  );
  return loading;
}

export function strengthOf(assessment: Assessment): Strength {
  return assessment.score >= MIN_SCORE ? 'strong' : assessment.score === MIN_SCORE - 1 ? 'fair' : 'weak';
}

export type PassphraseProblem = 'tooShort' | 'tooWeak' | 'mismatch';
export type Refusal = { problem: PassphraseProblem; assessment?: Assessment };

/** Why a new passphrase is refused (with the estimate when it is too weak), or null when it is acceptable. */
export function passphraseProblem(
  passphrase: string,
  confirm: string,
  minLength: number,
  estimate: Estimator,
): Refusal | null {
  if ([...passphrase].length < minLength) return { problem: 'tooShort' };
  const assessment = estimate(passphrase);
  if (assessment.score < MIN_SCORE) return { problem: 'tooWeak', assessment };
  if (passphrase !== confirm) return { problem: 'mismatch' };
  return null;
}

/** passphraseProblem with the estimator loaded first (the forms' submit). */
export async function checkNewPassphrase(
  passphrase: string,
  confirm: string,
  minLength: number,
): Promise<Refusal | null> {
  return passphraseProblem(passphrase, confirm, minLength, await loadEstimator());
}
