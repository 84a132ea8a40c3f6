import { useEffect, useId, useState } from 'react';
import {
  checkNewPassphrase,
  loadEstimator,
  strengthOf,
  type Estimator,
  type Refusal,
  type Strength,
} from '@/lib/crypto/passphrase';
import { readLockPolicy } from '@/lib/crypto/policy';
import type { Translate } from '@/lib/i18n/i18n';
import { useT } from '@/components/ui/i18n';
import { lockInputClass } from '@/components/ui/styles';

const strengthColour = { weak: 'text-red-800', fair: 'text-amber-800', strong: 'text-green-800' } as const;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Why a new passphrase is refused, in words: the rule, and for a weak one what makes it weak and what to do. */
export function refusalText(t: Translate, refusal: Refusal, min: number): string {
  const { problem, assessment } = refusal;
  if (problem !== 'tooWeak' || !assessment) return t(`lock.problem.${problem}`, { min });
  return [
    t('lock.problem.tooWeak'),
    assessment.warning ? t(`lock.weak.${assessment.warning}`) : '',
    ...assessment.suggestions.map((s) => t(`lock.hint.${s}`)),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Checks a new passphrase (loading the estimator on first use); the text to
 * show when it is refused, or null. An estimator that fails to load refuses:
 * no passphrase is accepted unchecked. The minimum length is policy's as read
 * now, or the one the form shows if that is higher: the browser's first read
 * of policy after a start takes seconds, and a form drawn before it came shows
 * the default.
 */
export async function refuseNewPassphrase(
  t: Translate,
  passphrase: string,
  confirm: string,
  shownMin: number,
): Promise<string | null> {
  try {
    const min = Math.max(shownMin, (await readLockPolicy()).minPassphraseLength);
    const refusal = await checkNewPassphrase(passphrase, confirm, min);
    return refusal && refusalText(t, refusal, min);
  } catch (error) {
    return t('lock.strength.unavailable', { error: message(error) });
  }
}

/** The strength estimator, loaded when a new-passphrase field is shown (never before). */
function useEstimator(enabled: boolean): Estimator | null {
  const [estimate, setEstimate] = useState<{ fn: Estimator } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadEstimator().then(
      (fn) => live && setEstimate({ fn }),
      () => undefined, // submitting says why (refuseNewPassphrase)
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return estimate?.fn ?? null;
}

export function PassphraseField({
  label,
  value,
  onChange,
  autoComplete,
  showStrength = false,
  describedBy,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'new-password' | 'current-password';
  showStrength?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const strengthId = `${id}-strength`;
  const estimate = useEstimator(showStrength);
  const [strength, setStrength] = useState<Strength | null>(null);
  // A long passphrase can take the estimator a few hundred ms: estimate once typing pauses, not per key.
  useEffect(() => {
    const timer = setTimeout(
      () => setStrength(estimate && value ? strengthOf(estimate(value)) : null),
      value ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [estimate, value]);
  const described = [describedBy, showStrength ? strengthId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="password"
        className={lockInputClass}
        value={value}
        autoComplete={autoComplete}
        aria-describedby={described}
        autoFocus={autoFocus}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      {/* Its line is kept while empty: the strength comes a moment after typing, and the button
          below must not move under a click meanwhile (CI clicked beside it, and nothing happened). */}
      {showStrength && (
        <p
          id={strengthId}
          className={`mt-1 min-h-5 text-sm ${strength ? strengthColour[strength] : 'text-slate-700'}`}
          aria-live="polite"
        >
          {strength ? t('lock.strength', { strength: t(`lock.strength.${strength}`) }) : ''}
        </p>
      )}
    </div>
  );
}
