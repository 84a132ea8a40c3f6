import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { changePassphrase } from '@/lib/db/keyring-store';
import { WrongSecretError } from '@/lib/crypto/keyring';
import { DEFAULT_LOCK_POLICY, readLockPolicy } from '@/lib/crypto/policy';
import { session } from '@/lib/crypto/session';
import { useT } from '../panel/panel-context';
import { LockNowButton } from './LockGate';
import { PassphraseField, buttonClass, refuseNewPassphrase } from './PassphraseField';

/** The new passphrase is refused (the message says why). */
class Refused extends Error {}

/** Options page: the lock policy, "Lås nu", and changing the passphrase (re-wraps the key only). */
export function LockSettings({ db }: { db: SidevognDb }) {
  const t = useT();
  const [policy, setPolicy] = useState(DEFAULT_LOCK_POLICY);
  useEffect(() => void readLockPolicy().then(setPolicy), []);
  const id = useId();
  const [oldPass, setOldPass] = useState('');
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setBusy(true);
    setError(null);
    void refuseNewPassphrase(t, pass.value, pass.confirm, policy.minPassphraseLength)
      .then(async (refused) => {
        if (refused !== null) throw new Refused(refused);
        await session.unlock(await changePassphrase(db, oldPass, pass.value));
      })
      .then(
        () => {
          setBusy(false);
          setDone(true);
          setOldPass('');
          setPass({ value: '', confirm: '' });
        },
        (err: unknown) => {
          setBusy(false);
          setError(
            err instanceof Refused
              ? err.message
              : err instanceof WrongSecretError
                ? t('lock.wrongPassphrase')
                : t('lock.error', { error: err instanceof Error ? err.message : String(err) }),
          );
        },
      );
  };

  return (
    <section className="mt-6" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('lock.options.title')}
      </h2>
      <p className="mt-1 text-sm">{t('lock.options.idle', { minutes: policy.idleLockMinutes })}</p>
      <LockNowButton className={`mt-2 ${buttonClass}`} />
      <form className="mt-4 max-w-md" onSubmit={submit} aria-labelledby={`${id}-change`}>
        <h3 id={`${id}-change`} className="text-base font-semibold">
          {t('lock.change.title')}
        </h3>
        <PassphraseField
          label={t('lock.passphrase.old')}
          value={oldPass}
          onChange={(v) => {
            setOldPass(v);
            setError(null);
          }}
          autoComplete="current-password"
        />
        <p id={`${id}-hint`} className="mt-2 text-sm text-slate-700">
          {t('lock.passphrase.hint', { min: policy.minPassphraseLength })}
        </p>
        <PassphraseField
          label={t('lock.passphrase.new')}
          value={pass.value}
          onChange={(v) => {
            setPass((p) => ({ ...p, value: v }));
            setError(null);
          }}
          autoComplete="new-password"
          showStrength
          describedBy={`${id}-hint`}
        />
        <PassphraseField
          label={t('lock.passphrase.confirm')}
          value={pass.confirm}
          onChange={(v) => {
            setPass((p) => ({ ...p, confirm: v }));
            setError(null);
          }}
          autoComplete="new-password"
        />
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {error ?? ''}
        </p>
        <p role="status" className="text-sm text-green-800">
          {done ? t('lock.change.done') : ''}
        </p>
        <button type="submit" className={`mt-2 ${buttonClass}`} disabled={busy}>
          {busy ? t('lock.working') : t('lock.change.submit')}
        </button>
      </form>
    </section>
  );
}
