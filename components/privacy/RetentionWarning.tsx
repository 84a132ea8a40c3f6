import { useLiveQuery } from 'dexie-react-hooks';
import { retentionWarning } from '@/lib/privacy/citizen-data';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { useNow, useRetentionDays } from './use-retention-days';

/** From a week before automatic deletion: says when, and that writing anything keeps the data. */
export function RetentionWarning({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const days = useRetentionDays();
  const now = useNow();
  const citizen = useLiveQuery(() => repository.citizens.get(citizenKey), [repository, citizenKey]);
  if (days === null || !citizen) return null;
  const left = retentionWarning(citizen.lastActivityAt, days, now);
  if (left === null) return null;
  return (
    <p
      role="status"
      data-testid="retention-warning"
      className="border-b border-amber-500 bg-amber-50 px-4 py-2 text-sm text-amber-950"
    >
      {left <= 1 ? t('retention.warningOne') : t('retention.warning', { days: left })}
    </p>
  );
}
