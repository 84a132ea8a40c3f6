import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { UsageRepository } from '@/lib/usage/repository';
import { totals, usageRows } from '@/lib/usage/stats';
import { useLocale, useT } from '@/components/ui/i18n';
import { EraseUsage, ExportUsage, SpeedForm } from './UsageForms';
import { TeamImport } from './TeamImport';
import { UsageTables } from './UsageTables';
import { useCharsPerMinute } from './use-chars-per-minute';

/**
 * The options page's usage statistics (issue 32, items 3 and 4): the
 * caseworker's own figures per template and week, the typing speed they are
 * counted with, the opt-in CSV export, erasure, and a team lead's combined
 * view of several caseworkers' files (read in this page only, never stored).
 */
export function UsageSettings({ usage }: { usage: UsageRepository }) {
  const t = useT();
  const locale = useLocale();
  const records = useLiveQuery(() => usage.list(), [usage]);
  const cpm = useCharsPerMinute();
  const own = useMemo(() => (records && cpm !== null ? totals(usageRows(records, cpm)) : null), [records, cpm]);
  if (!records || !own || cpm === null) return null;
  return (
    <section className="mt-8" aria-labelledby="usage-heading" data-testid="usage-settings">
      <h2 id="usage-heading" className="text-lg font-semibold">
        {t('usage.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('usage.intro')}</p>
      <p className="mt-1 text-sm text-slate-700" data-testid="usage-method">
        {/* A word is 5 characters in words-a-minute measures. */}
        {t('usage.method', { cpm, wpm: Math.round(cpm / 5) })}
      </p>
      <SpeedForm cpm={cpm} />
      <h3 className="mt-4 font-semibold">{t('usage.own')}</h3>
      <UsageTables totals={own} idPrefix="usage-own" locale={locale} t={t} />
      <ExportUsage records={records} cpm={cpm} />
      <EraseUsage usage={usage} />
      <TeamImport />
    </section>
  );
}
