import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { changePassphrase, renewRecoveryKey, unlock } from '@/lib/db/keyring-store';
import { WrongSecretError } from '@/lib/crypto/keyring';
import { DEFAULT_LOCK_POLICY, readLockPolicy, type LockPolicy } from '@/lib/crypto/policy';
import { session } from '@/lib/crypto/session';
import type { Translate } from '@/lib/i18n/i18n';
import { useT } from '@/components/ui/i18n';
import { LockNowButton } from './LockGate';
import { RecoveryKeyStep } from './LockForms';
import { PassphraseField, refuseNewPassphrase } from './PassphraseField';
import { startRotation, sweepPending } from './rotation';
import { primaryDisabledButtonClass } from '@/components/ui/styles';

/** The new passphrase is refused (the message says why). */
class Refused extends Error {}

function errorText(t: Translate, err: unknown): string {
  if (err instanceof Refused) return err.message;
  if (err instanceof WrongSecretError) return t('lock.wrongPassphrase');
  return t('lock.error', { error: err instanceof Error ? err.message : String(err) });
}

/**
 * Options page: the lock policy, "Lås nu", changing the passphrase (re-wraps
 * the data key, or with "new data key" re-encrypts everything under a new
 * one), and "Lav ny gendannelsesnøgle".
 */
export function LockSettings({ db }: { db: SidevognDb }) {
  const t = useT();
  const [policy, setPolicy] = useState(DEFAULT_LOCK_POLICY);
  useEffect(() => void readLockPolicy().then(setPolicy), []);
  const id = useId();
  return (
    <>
      <section className="mt-6" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t('lock.options.title')}
        </h2>
        <p className="mt-1 text-sm">{t('lock.options.idle', { minutes: policy.idleLockMinutes })}</p>
        <LockNowButton className={`mt-2 ${primaryDisabledButtonClass}`} />
        <ChangePassphraseForm db={db} policy={policy} />
      </section>
      <RenewRecoveryKey db={db} />
    </>
  );
}

function ChangePassphraseForm({ db, policy }: { db: SidevognDb; policy: LockPolicy }) {
  const t = useT();
  const id = useId();
  const [oldPass, setOldPass] = useState('');
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const [rotate, setRotate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<'changed' | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setBusy(true);
    setError(null);
    void refuseNewPassphrase(t, pass.value, pass.confirm, policy.minPassphraseLength)
      .then(async (refused) => {
        if (refused !== null) throw new Refused(refused);
        if (rotate) {
          if (sweepPending()) throw new Refused(t('lock.change.sweepPending'));
          // Checked here, while the form is on screen; the rotation then locks every page (./rotation).
          await unlock(db, oldPass);
          void startRotation(db, oldPass, pass.value);
        } else await session.unlock(await changePassphrase(db, oldPass, pass.value));
      })
      .then(
        () => {
          setBusy(false);
          setDone(rotate ? null : 'changed');
          setOldPass('');
          setPass({ value: '', confirm: '' });
          setRotate(false);
        },
        (err: unknown) => {
          setBusy(false);
          setError(errorText(t, err));
        },
      );
  };

  return (
    <>
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
        <div className="mt-3 flex items-start gap-2">
          <input
            id={`${id}-rotate`}
            type="checkbox"
            className="mt-1"
            checked={rotate}
            disabled={busy}
            aria-describedby={`${id}-rotate-hint`}
            onChange={(e) => setRotate(e.target.checked)}
          />
          <div>
            <label htmlFor={`${id}-rotate`} className="text-sm font-medium">
              {t('lock.change.rotate')}
            </label>
            <p id={`${id}-rotate-hint`} className="text-sm text-slate-700">
              {t('lock.change.rotateHint')}
            </p>
          </div>
        </div>
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {error ?? ''}
        </p>
        <p role="status" className="text-sm text-green-800">
          {done === 'changed' ? t('lock.change.done') : ''}
        </p>
        <button type="submit" className={`mt-2 ${primaryDisabledButtonClass}`} disabled={busy}>
          {busy ? t('lock.working') : t('lock.change.submit')}
        </button>
      </form>
    </>
  );
}

/** "Lav ny gendannelsesnøgle": the passphrase first; the new key is shown once, the old one stops working. */
function RenewRecoveryKey({ db }: { db: SidevognDb }) {
  const t = useT();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    renewRecoveryKey(db, passphrase).then(
      (key) => {
        setBusy(false);
        setPassphrase('');
        setRecoveryKey(key);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <section className="mt-6" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('lock.renew.title')}
      </h2>
      {recoveryKey ? (
        <RecoveryKeyStep
          recoveryKey={recoveryKey}
          note={t('lock.recovery.replaced')}
          onDone={() => {
            setRecoveryKey(null);
            setDone(true);
          }}
        />
      ) : (
        <form className="max-w-md" onSubmit={submit} aria-labelledby={`${id}-title`}>
          <p className="mt-1 text-sm">{t('lock.renew.intro')}</p>
          <PassphraseField
            label={t('lock.passphrase.old')}
            value={passphrase}
            onChange={(v) => {
              setPassphrase(v);
              setError(null);
            }}
            autoComplete="current-password"
          />
          <p role="alert" className="mt-2 text-sm font-medium text-red-800">
            {error ?? ''}
          </p>
          <p role="status" className="text-sm text-green-800">
            {done ? t('lock.renew.done') : ''}
          </p>
          <button type="submit" className={`mt-2 ${primaryDisabledButtonClass}`} disabled={busy}>
            {busy ? t('lock.working') : t('lock.renew.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
