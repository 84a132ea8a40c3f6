import { useId, useState, type FormEvent } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { AlreadySetUpError, resetPassphrase, setUpEncryption, unlock } from '@/lib/db/keyring-store';
import { RecoveryKeyFormatError, WrongSecretError, createKeyring } from '@/lib/crypto/keyring';
import type { LockPolicy } from '@/lib/crypto/policy';
import { session } from '@/lib/crypto/session';
import { useT } from '@/components/ui/i18n';
import { PassphraseField, refuseNewPassphrase } from './PassphraseField';
import { linkButtonClass, lockInputClass, primaryDisabledButtonClass } from '@/components/ui/styles';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function FormError({ id, text }: { id: string; text: string | null }) {
  return (
    <p id={id} role="alert" className="mt-2 text-sm font-medium text-red-800">
      {text ?? ''}
    </p>
  );
}

/** A new passphrase typed twice, with strength feedback and the policy's minimum. */
function NewPassphrase({
  policy,
  value,
  confirm,
  onChange,
  label,
}: {
  policy: LockPolicy;
  value: string;
  confirm: string;
  onChange(value: string, confirm: string): void;
  label: string;
}) {
  const t = useT();
  const hintId = useId();
  return (
    <>
      <p id={hintId} className="mt-2 text-sm text-slate-700">
        {t('lock.passphrase.hint', { min: policy.minPassphraseLength })}
      </p>
      <PassphraseField
        label={label}
        value={value}
        onChange={(v) => onChange(v, confirm)}
        autoComplete="new-password"
        showStrength
        describedBy={hintId}
      />
      <PassphraseField
        label={t('lock.passphrase.confirm')}
        value={confirm}
        onChange={(v) => onChange(value, v)}
        autoComplete="new-password"
      />
    </>
  );
}

/** First run: choose a passphrase; the recovery key is shown next (by the caller). */
export function SetUpForm({
  db,
  policy,
  onCreated,
  onAlreadySetUp,
}: {
  db: SidevognDb;
  policy: LockPolicy;
  onCreated(result: { recoveryKey: string; dataKey: CryptoKey }): void;
  onAlreadySetUp(): void;
}) {
  const t = useT();
  const errorId = useId();
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // The key derivation (PBKDF2, about a second) runs while the policy's minimum is read, which
    // takes 3–6 s in the first seconds after a browser start; a refused passphrase's keyring is dropped.
    const made = createKeyring(pass.value);
    made.catch(() => undefined); // (its failure is met below, or not at all after a refusal)
    void refuseNewPassphrase(t, pass.value, pass.confirm, policy.minPassphraseLength).then((refused) => {
      if (refused !== null) {
        setBusy(false);
        return setError(refused);
      }
      return setUpEncryption(db, pass.value, made).then(
        ({ recoveryKey, dataKey }) => onCreated({ recoveryKey, dataKey }),
        (err: unknown) => {
          setBusy(false);
          if (err instanceof AlreadySetUpError) onAlreadySetUp();
          else setError(t('lock.error', { error: message(err) }));
        },
      );
    });
  };

  return (
    <form className="m-4 max-w-md" onSubmit={submit} aria-labelledby={`${errorId}-title`} aria-describedby={errorId}>
      <h2 id={`${errorId}-title`} className="text-lg font-semibold">
        {t('lock.setup.title')}
      </h2>
      <p className="mt-2 text-sm">{t('lock.setup.intro')}</p>
      <p className="mt-2 text-sm font-medium">{t('lock.recovery.warning')}</p>
      <NewPassphrase
        policy={policy}
        label={t('lock.passphrase')}
        value={pass.value}
        confirm={pass.confirm}
        onChange={(value, confirm) => {
          setPass({ value, confirm });
          setError(null);
        }}
      />
      <FormError id={errorId} text={error} />
      <button type="submit" className={`mt-2 ${primaryDisabledButtonClass}`} disabled={busy}>
        {busy ? t('lock.working') : t('lock.setup.submit')}
      </button>
    </form>
  );
}

/** The recovery key, shown once; unlocking waits until the caseworker says it is saved. */
export function RecoveryKeyStep({
  recoveryKey,
  onDone,
  note,
}: {
  recoveryKey: string;
  onDone(): void;
  /** Said after the intro (a renewed key: the old one no longer works). */
  note?: string;
}) {
  const t = useT();
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <section className="m-4 max-w-md" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('lock.recovery.title')}
      </h2>
      <p className="mt-2 text-sm">{t('lock.recovery.intro')}</p>
      {note && <p className="mt-2 text-sm font-medium">{note}</p>}
      <p
        className="mt-3 rounded border border-slate-500 bg-slate-50 p-3 text-center font-mono text-base tracking-wider break-all"
        data-testid="recovery-key"
        aria-label={t('lock.reset.key')}
      >
        {recoveryKey}
      </p>
      <p className="mt-3 text-sm font-medium">{t('lock.recovery.warning')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={primaryDisabledButtonClass}
          onClick={() =>
            void navigator.clipboard.writeText(recoveryKey).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('lock.recovery.copy')}
        </button>
        <button type="button" className={primaryDisabledButtonClass} onClick={() => window.print()}>
          {t('lock.recovery.print')}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-green-800">
        {copied ? t('lock.recovery.copied') : ''}
      </p>
      <div className="mt-3 flex items-center gap-2">
        <input id={`${id}-saved`} type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor={`${id}-saved`} className="text-sm font-medium">
          {t('lock.recovery.saved')}
        </label>
      </div>
      <button type="button" className={`mt-3 ${primaryDisabledButtonClass}`} disabled={!saved} onClick={onDone}>
        {t('lock.recovery.continue')}
      </button>
    </section>
  );
}

/** The lock screen: passphrase, or "forgot" → recovery key and a new passphrase. */
export function UnlockForm({ db, policy }: { db: SidevognDb; policy: LockPolicy }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return mode === 'passphrase' ? (
    <PassphraseUnlock db={db} onForgot={() => setMode('recovery')} />
  ) : (
    <RecoveryUnlock db={db} policy={policy} onBack={() => setMode('passphrase')} />
  );
}

function PassphraseUnlock({ db, onForgot }: { db: SidevognDb; onForgot(): void }) {
  const t = useT();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase) return setError(t('lock.wrongPassphrase'));
    setBusy(true);
    setError(null);
    unlock(db, passphrase)
      .then((key) => session.unlock(key))
      .catch((err: unknown) => {
        setBusy(false);
        setError(
          err instanceof WrongSecretError ? t('lock.wrongPassphrase') : t('lock.error', { error: message(err) }),
        );
      });
  };
  return (
    <form className="m-4 max-w-md" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('lock.locked.title')}
      </h2>
      <p className="mt-2 text-sm">{t('lock.locked.intro')}</p>
      <PassphraseField
        label={t('lock.passphrase')}
        value={passphrase}
        onChange={(v) => {
          setPassphrase(v);
          setError(null);
        }}
        autoComplete="current-password"
        describedBy={`${id}-error`}
        autoFocus
      />
      <FormError id={`${id}-error`} text={error} />
      <div className="mt-2 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryDisabledButtonClass} disabled={busy}>
          {busy ? t('lock.working') : t('lock.unlock')}
        </button>
        <button type="button" className={linkButtonClass} onClick={onForgot}>
          {t('lock.forgot')}
        </button>
      </div>
    </form>
  );
}

function RecoveryUnlock({ db, policy, onBack }: { db: SidevognDb; policy: LockPolicy; onBack(): void }) {
  const t = useT();
  const id = useId();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void refuseNewPassphrase(t, pass.value, pass.confirm, policy.minPassphraseLength)
      .then(async (refused) => {
        if (refused !== null) {
          setBusy(false);
          return setError(refused);
        }
        await session.unlock(await resetPassphrase(db, recoveryKey, pass.value));
      })
      .catch((err: unknown) => {
        setBusy(false);
        setError(
          err instanceof RecoveryKeyFormatError
            ? t('lock.badRecovery')
            : err instanceof WrongSecretError
              ? t('lock.wrongRecovery')
              : t('lock.error', { error: message(err) }),
        );
      });
  };
  return (
    <form className="m-4 max-w-md" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('lock.reset.title')}
      </h2>
      <p className="mt-2 text-sm">{t('lock.reset.intro')}</p>
      <div className="mt-3">
        <label htmlFor={`${id}-key`} className="block text-sm font-medium">
          {t('lock.reset.key')}
        </label>
        <input
          id={`${id}-key`}
          className={`${lockInputClass} font-mono`}
          value={recoveryKey}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setRecoveryKey(e.target.value);
            setError(null);
          }}
        />
      </div>
      <NewPassphrase
        policy={policy}
        label={t('lock.passphrase.new')}
        value={pass.value}
        confirm={pass.confirm}
        onChange={(value, confirm) => {
          setPass({ value, confirm });
          setError(null);
        }}
      />
      <FormError id={`${id}-error`} text={error} />
      <div className="mt-2 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryDisabledButtonClass} disabled={busy}>
          {busy ? t('lock.working') : t('lock.reset.submit')}
        </button>
        <button type="button" className={linkButtonClass} onClick={onBack}>
          {t('lock.reset.back')}
        </button>
      </div>
    </form>
  );
}
