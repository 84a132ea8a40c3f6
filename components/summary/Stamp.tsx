import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';

/** Where a value came from and when it last changed. */
export function Stamp({ source, at }: { source: 'host' | 'own'; at: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span className="text-xs text-slate-600" data-testid={`source-${source}`}>
      {t(source === 'host' ? 'summary.source.host' : 'summary.source.own')}
      {at !== undefined && (
        <>
          {' · '}
          {t('summary.changed')} <time dateTime={new Date(at).toISOString()}>{formatDateTime(locale, at)}</time>
        </>
      )}
    </span>
  );
}
