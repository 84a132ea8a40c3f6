import { useId } from 'react';
import { strengthOf } from '@/lib/crypto/passphrase';
import { useT } from '../panel/panel-context';

export const inputClass = 'mt-1 w-full rounded border border-slate-500 px-2 py-1';
export const buttonClass =
  'rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:bg-slate-500';
export const linkButtonClass = 'text-sm text-sky-800 underline hover:text-sky-950';

const strengthColour = { weak: 'text-red-800', fair: 'text-amber-800', strong: 'text-green-800' } as const;

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
  const strength = strengthOf(value);
  const described = [describedBy, showStrength ? strengthId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="password"
        className={inputClass}
        value={value}
        autoComplete={autoComplete}
        aria-describedby={described}
        autoFocus={autoFocus}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      {showStrength && (
        <p
          id={strengthId}
          className={`mt-1 text-sm ${value ? strengthColour[strength] : 'text-slate-700'}`}
          aria-live="polite"
        >
          {value ? t('lock.strength', { strength: t(`lock.strength.${strength}`) }) : ''}
        </p>
      )}
    </div>
  );
}
