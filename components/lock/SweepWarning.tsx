import { FailedStep } from '@/components/ui/Afterwards';
import { useSweepFailure } from './rotation';

/**
 * After a key change: records written in its moment could not be re-encrypted.
 * Said on the page that holds the old key, whatever it shows (locked, the
 * recovery key, the settings), with the retry, until one succeeds.
 */
export function SweepWarning() {
  const sweep = useSweepFailure();
  if (!sweep) return null;
  return (
    <FailedStep
      message="lock.rotation.sweepFailed"
      failure={sweep.failure}
      onRetry={() => void sweep.retry()}
      testId="sweep-failed"
    />
  );
}
