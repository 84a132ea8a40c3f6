import { useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { session } from '@/lib/crypto/session';
import { Notice } from '../panel/Notice';
import { DataLossAlert } from '../privacy/DataLossAlert';
import { useT } from '../panel/panel-context';
import { RecoveryKeyStep, SetUpForm, UnlockForm } from './LockForms';
import { useLock } from './use-lock';

/**
 * Shows its children only while Sidevogn is unlocked. Otherwise: the first-run
 * set-up (passphrase, then the recovery key once), or the unlock form. Nothing
 * of any citizen is rendered while locked: the children are unmounted.
 */
export function LockGate({ db, children }: { db: SidevognDb; children: React.ReactNode }) {
  const t = useT();
  const { state, policy, refresh } = useLock(db);
  const [created, setCreated] = useState<{ recoveryKey: string; dataKey: CryptoKey } | null>(null);

  if (created)
    return (
      <RecoveryKeyStep
        recoveryKey={created.recoveryKey}
        onDone={() => void session.unlock(created.dataKey).then(() => setCreated(null))}
      />
    );
  switch (state.status) {
    case 'loading':
      return <Notice title={t('lock.loading')} />;
    case 'error':
      return (
        <Notice
          tone="error"
          title={t('storage.denied.title')}
          body={t('storage.denied.body', { error: state.error })}
        />
      );
    case 'setup':
      return (
        <>
          <DataLossAlert beforeSetUp />
          <SetUpForm db={db} policy={policy} onCreated={setCreated} onAlreadySetUp={refresh} />
        </>
      );
    case 'locked':
      return <UnlockForm db={db} policy={policy} />;
    case 'unlocked':
      return children;
  }
}

/** "Lås nu": removes the key from every Sidevogn page at once. */
export function LockNowButton({ className }: { className: string }) {
  const t = useT();
  return (
    <button type="button" className={`whitespace-nowrap ${className}`} onClick={() => void session.lock()}>
      {t('lock.lockNow')}
    </button>
  );
}
