import { saveFailureMessage, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from './panel-context';

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
  return (
    <p role="alert" className={`${className} text-sm text-red-800`} data-testid="save-error">
      {saveFailureMessage(t, failure)}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="underline" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      )}
    </p>
  );
}
