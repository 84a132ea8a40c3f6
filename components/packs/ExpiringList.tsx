import { useId } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { allExpired, expiringWithin, type DatedPack } from '@/lib/packs/validity';
import { isoToday } from '@/lib/templates/form';
import { useT } from '@/components/ui/i18n';

const danishDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * For the team lead: the pack's templates and checklists that expire within
 * 60 days, each with its successor or the fact that it has none; and a pack
 * that has nothing left in force says so.
 */
export function ExpiringList({ pack }: { pack: DatedPack }) {
  const t = useT();
  const headingId = useId();
  const today = isoToday();
  const expiring = expiringWithin(pack, today, 60);
  if (allExpired(pack, today))
    return (
      <p className="mt-1 rounded bg-red-50 p-2 text-red-900" data-testid="pack-all-expired">
        {t('packs.allExpired')}
      </p>
    );
  if (expiring.length === 0) return null;
  return (
    <details className="mt-1 rounded bg-amber-50 p-2 text-amber-900" data-testid="pack-expiring">
      <summary id={headingId} className="cursor-pointer">
        {t('packs.expiring.heading', { count: expiring.length })}
      </summary>
      <ul className="mt-1 ml-5 list-disc" aria-labelledby={headingId}>
        {expiring.map((e) => (
          <li key={`${e.kind}:${e.id}`}>
            {t('packs.expiring.item', {
              title: e.title,
              kind: t(`packs.kind.${e.kind}` as MessageKey),
              date: danishDate(e.validTo),
            })}{' '}
            {e.successor
              ? t('packs.expiring.successor', { title: e.successor.title, date: danishDate(e.successor.validFrom) })
              : t('packs.expiring.noSuccessor')}
          </li>
        ))}
      </ul>
    </details>
  );
}
