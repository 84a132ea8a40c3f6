import { useEffect, useRef, useState } from 'react';
import { FailedStep } from '@/components/ui/Afterwards';
import { useT } from '@/components/ui/i18n';
import { useSweepFailure, useSweepRecovered } from './rotation';
import { useUnlocked } from './use-lock';

/**
 * After a key change: records written in its moment could not be re-encrypted.
 * Said on the page that holds the old key, whatever it shows (locked, the
 * recovery key, the settings), with the retry while unlocked, until one
 * succeeds; leaving the page meanwhile asks first (only it can open them).
 */
export function SweepWarning() {
  const t = useT();
  const sweep = useSweepFailure();
  const recovered = useSweepRecovered();
  const unlocked = useUnlocked();
  const [busy, setBusy] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!sweep) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [sweep]);
  // The retry's button goes with the failure: the keyboard goes on from the line that says it worked.
  useEffect(() => {
    if (recovered && !sweep) done.current?.focus();
  }, [recovered, sweep]);

  if (!sweep)
    return recovered ? (
      <p ref={done} tabIndex={-1} role="status" className="mt-2 rounded bg-green-50 p-2 text-sm text-green-900">
        {t('lock.rotation.sweepDone')}
      </p>
    ) : null;
  const retry = () => {
    if (busy) return;
    setBusy(true);
    void sweep.retry().finally(() => setBusy(false));
  };
  return (
    <FailedStep
      message={unlocked ? 'lock.rotation.sweepFailed' : 'lock.rotation.sweepFailedLocked'}
      failure={sweep.failure}
      onRetry={unlocked ? retry : undefined}
      testId="sweep-failed"
    />
  );
}
