import { retentionWarning } from '@/lib/privacy/citizen-data';
import { useT } from '@/components/ui/i18n';
import { useNow } from './use-retention-days';

/** In the caseload: marks a citizen whose data is deleted within the warning week. */
export function DeletionBadge({
  lastActivityAt,
  retentionDays,
}: {
  lastActivityAt: number;
  retentionDays: number | null;
}) {
  const t = useT();
  const now = useNow();
  if (retentionDays === null) return null;
  const days = retentionWarning(lastActivityAt, retentionDays, now);
  if (days === null) return null;
  return (
    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950" data-testid="deletion-badge">
      {days <= 1 ? t('options.caseload.deletionSoon') : t('options.caseload.deletion', { days })}
    </span>
  );
}
