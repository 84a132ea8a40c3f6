/**
 * Passphrase strength: a rough estimate of guessing effort, so the set-up
 * screen can say "too weak" before PBKDF2 is asked to protect it. The rule is
 * the policy's minimum length plus an estimate of at least FAIR_BITS.
 */

export type Strength = 'weak' | 'fair' | 'strong';

const FAIR_BITS = 45;
const STRONG_BITS = 70;

export function estimateBits(passphrase: string): number {
  const chars = [...passphrase.normalize('NFC')];
  if (chars.length === 0) return 0;
  let pool = 0;
  if (chars.some((c) => /[a-zæøå]/.test(c))) pool += 29;
  if (chars.some((c) => /[A-ZÆØÅ]/.test(c))) pool += 29;
  if (chars.some((c) => /\d/.test(c))) pool += 10;
  if (chars.some((c) => /[^a-zæøåA-ZÆØÅ\d]/.test(c))) pool += 20;
  // Repeats and runs ("aaaa", "1234", "abcd") add little.
  let effective = 1;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    if (step === 0 || Math.abs(step) === 1) effective += 0.25;
    else effective += 1;
  }
  const distinct = new Set(chars.map((c) => c.toLowerCase())).size;
  const bits = effective * Math.log2(Math.max(pool, 2));
  // Few distinct characters cap the estimate however long the text is.
  return Math.min(bits, distinct * 6);
}

export function strengthOf(passphrase: string): Strength {
  const bits = estimateBits(passphrase);
  return bits >= STRONG_BITS ? 'strong' : bits >= FAIR_BITS ? 'fair' : 'weak';
}

export type PassphraseProblem = 'tooShort' | 'tooWeak' | 'mismatch';

/** Why a new passphrase is refused, or null when it is acceptable. */
export function passphraseProblem(passphrase: string, confirm: string, minLength: number): PassphraseProblem | null {
  if ([...passphrase].length < minLength) return 'tooShort';
  if (strengthOf(passphrase) === 'weak') return 'tooWeak';
  if (passphrase !== confirm) return 'mismatch';
  return null;
}
