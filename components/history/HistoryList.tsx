import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { UnreadableNotice } from '@/components/ui/Unreadable';

/** What Sidevogn did in this citizen's case: which template, when, where. */
export function HistoryList({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const locale = useLocale();
  const { repository } = usePanelServices();
  const read = useLiveQuery(() => repository.history.readable(citizenKey), [repository, citizenKey]);
  if (!read) return null;
  const entries = read.records;
  const unreadable = <UnreadableNotice count={read.unreadable} message="storage.unreadable.history" />;
  if (entries.length === 0)
    return (
      <>
        {unreadable}
        <p className="px-4 py-3 text-sm text-slate-600">{t('history.empty')}</p>
      </>
    );
  return (
    <>
      {unreadable}
      <ol className="space-y-2 px-4 py-3" aria-label={t('tabs.history')}>
        {entries.map((e) => (
          <li key={e.id} className="rounded border border-slate-300 p-2 text-sm" data-testid="history-entry">
            <p>
              {e.target
                ? t('history.templateInserted', { title: e.templateTitle, target: e.target })
                : t('history.templateCopied', { title: e.templateTitle })}
            </p>
            <time className="text-xs text-slate-600" dateTime={new Date(e.at).toISOString()}>
              {formatDateTime(locale, e.at)}
            </time>
          </li>
        ))}
      </ol>
    </>
  );
}
