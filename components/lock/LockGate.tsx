import { useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { session } from '@/lib/crypto/session';
import { Notice } from '@/components/ui/Notice';
import { flushAllPending } from '@/components/ui/use-throttled-save';
import { useT } from '@/components/ui/i18n';
import { RecoveryKeyStep, SetUpForm, UnlockForm } from './LockForms';
import { useLock } from './use-lock';
import { dismissRotationError, useRotation } from './rotation';
import { primaryDisabledButtonClass } from '@/components/ui/styles';

/**
 * Shows its children only while Sidevogn is unlocked. Otherwise: the first-run
 * set-up (passphrase, then the recovery key once), or the unlock form. Nothing
 * of any citizen is rendered while locked: the children are unmounted.
 * `beforeSetUp` is shown above the first-run set-up (the shells pass the
 * data-loss alert: a database that came back empty is seen before a new key is made).
 */
export function LockGate({
  db,
  beforeSetUp,
  children,
}: {
  db: SidevognDb;
  beforeSetUp?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useT();
  const { state, policy, refresh } = useLock(db);
  const [created, setCreated] = useState<{ recoveryKey: string; dataKey: CryptoKey } | null>(null);

  const rotation = useRotation();
  // A new data key being made in this page (./rotation): every page is locked while it is stored.
  if (rotation.phase === 'working')
    return (
      <Notice title={t('lock.rotation.title')} body={t('lock.rotation.body')}>
        <label htmlFor="sidevogn-rotation-progress" className="mt-2 block text-sm">
          {t('lock.change.progress', { done: rotation.done, total: rotation.total })}
        </label>
        <progress
          id="sidevogn-rotation-progress"
          className="w-full"
          value={rotation.done}
          max={Math.max(rotation.total, 1)}
        />
      </Notice>
    );
  if (rotation.phase === 'recovery')
    return (
      <RecoveryKeyStep
        recoveryKey={rotation.recoveryKey}
        note={`${t('lock.change.rotated')} ${t('lock.recovery.replaced')}`}
        onDone={() => void rotation.finish()}
      />
    );
  if (rotation.phase === 'failed')
    return (
      <Notice tone="error" title={t('lock.rotation.failed')} body={rotation.error}>
        <button type="button" className={`mt-2 ${primaryDisabledButtonClass}`} onClick={dismissRotationError}>
          {t('lock.reset.back')}
        </button>
      </Notice>
    );
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
          {beforeSetUp}
          <SetUpForm db={db} policy={policy} onCreated={setCreated} onAlreadySetUp={refresh} />
        </>
      );
    case 'locked':
      return <UnlockForm db={db} policy={policy} />;
    case 'unlocked':
      return children;
  }
}

/** What was typed in the last moment is written first, for at most this long: locking never waits on a disk. */
const LOCK_FLUSH_MS = 500;

/** "Lås nu": the drafts and overview fields just typed are written (at most LOCK_FLUSH_MS), then every page locks. */
export function lockNow(): Promise<void> {
  return Promise.race([flushAllPending(), new Promise((resolve) => setTimeout(resolve, LOCK_FLUSH_MS))])
    .catch(() => undefined)
    .then(() => session.lock());
}

/** "Lås nu": removes the key from every Sidevogn page at once, after lockNow's short write. */
export function LockNowButton({ className }: { className: string }) {
  const t = useT();
  return (
    <button type="button" className={`whitespace-nowrap ${className}`} onClick={() => void lockNow()}>
      {t('lock.lockNow')}
    </button>
  );
}
