import type { MessageKey } from '@/lib/i18n/messages';
import { saveFailure, saveFailureReason, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from './i18n';
import { RetryButton } from './SaveError';

/** A message about an operation, and what failed after it (said beside it by FailedStep). */
export interface OutcomeStatus {
  tone: 'ok' | 'warning' | 'error';
  key: MessageKey;
  params?: Record<string, string | number>;
  after?: SaveFailure | null;
}

/**
 * Runs what follows an operation that has already happened (the history of a
 * delivered note, a fresh record after an erase, a marker): every step runs
 * even if one before it failed, and the first failure comes back, to be said
 * beside the operation's own message (FailedStep), never instead of it. A note
 * that went in and was then reported as failed got inserted a second time; an
 * erase reported as "nothing has changed" had deleted everything.
 */
export async function afterwards(steps: readonly (() => Promise<unknown>)[]): Promise<SaveFailure | null> {
  let first: SaveFailure | null = null;
  for (const step of steps)
    try {
      await step();
    } catch (e) {
      first ??= saveFailure(e);
    }
  return first;
}

/** A step that failed, said with `message` (its {reason} in the caseworker's words), and a retry where one helps. */
export function FailedStep({
  message,
  failure,
  onRetry,
  testId = 'afterwards-failed',
}: {
  message: MessageKey;
  failure: SaveFailure;
  onRetry?: () => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <p role="alert" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid={testId}>
      {t(message, { reason: saveFailureReason(t, failure) })}
      {onRetry && <RetryButton onRetry={onRetry} />}
    </p>
  );
}
