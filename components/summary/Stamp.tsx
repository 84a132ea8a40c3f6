import { formatDateTime } from '@/lib/i18n/i18n';
import { usePanelStore } from '@/lib/panel/panel-store';
import { useT } from '../panel/panel-context';

/** Where a value came from and when it last changed. */
export function Stamp({ source, at }: { source: 'host' | 'own'; at: number | undefined }) {
  const t = useT();
  const locale = usePanelStore((s) => s.locale);
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

export function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="text-sm font-semibold tracking-wide text-slate-800 uppercase">
      {children}
    </h2>
  );
}

export const inputClass =
  'w-full rounded border border-slate-400 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-700';
export const buttonClass =
  'rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
export const primaryButtonClass =
  'rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
