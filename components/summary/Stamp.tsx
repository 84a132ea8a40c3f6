import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';

/**
 * Where a value came from, and when. The caseworker's own values: when they
 * changed them. The case system's: since when Sidevogn has seen this value
 * (the first time it saw it, not when the case system changed it).
 */
export function Stamp({ source, at }: { source: 'host' | 'own'; at: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span className="text-xs text-slate-600" data-testid={`source-${source}`}>
      {t(source === 'host' ? 'summary.source.host' : 'summary.source.own')}
      {at !== undefined && (
        <>
          {' · '}
          {t(source === 'host' ? 'summary.seenSince' : 'summary.changed')}{' '}
          <time dateTime={new Date(at).toISOString()}>{formatDateTime(locale, at)}</time>
        </>
      )}
    </span>
  );
}
