import { useEffect, useState } from 'react';
import { probeDiskFull, saveFailureMessage, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from './i18n';

/**
 * A failed save, worded the same everywhere (a full disk gets its own plain
 * message), with a retry. The caller keeps the unsaved text on screen.
 */
export function SaveError({
  failure,
  onRetry,
  className = 'mt-2',
}: {
  failure: SaveFailure;
  onRetry?: () => void;
  className?: string;
}) {
  const t = useT();
  // A fault a full disk also causes: the disk is asked first (a few ms), so the
  // caseworker reads the one message that says what to do, not a raw error.
  const needsProbe = failure.kind === 'other' && failure.maybeDiskFull === true;
  const [probed, setProbed] = useState<{ failure: SaveFailure; full: boolean } | null>(null);
  useEffect(() => {
    if (!needsProbe) return;
    let live = true;
    void probeDiskFull().then((full) => {
      if (live) setProbed({ failure, full });
    });
    return () => {
      live = false;
    };
  }, [failure, needsProbe]);
  const shown: SaveFailure | null = !needsProbe
    ? failure
    : probed?.failure === failure
      ? probed.full
        ? { kind: 'quota' }
        : failure
      : null;
  return (
    <p role="alert" className={`${className} text-sm text-red-800`} data-testid="save-error">
      {shown && saveFailureMessage(t, shown)}
      {onRetry && <RetryButton onRetry={onRetry} />}
    </p>
  );
}

/** "Prøv igen" at the end of a line that says what failed. */
export function RetryButton({ onRetry }: { onRetry(): void }) {
  const t = useT();
  return (
    <>
      {' '}
      <button type="button" className="underline" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </>
  );
}
