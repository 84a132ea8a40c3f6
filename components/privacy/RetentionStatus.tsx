import { useCallback, useEffect, useState } from 'react';
import { runRetention } from '@/lib/background/retention-alarm';
import type { SidevognDb } from '@/lib/db/database';
import { readRetentionState, type RetentionState } from '@/lib/privacy/retention-policy';
import { formatDateTime } from '@/lib/i18n/i18n';
import type { MessageKey } from '@/lib/i18n/messages';
import { useLocale, useT } from '@/components/ui/i18n';

const danger =
  'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

/**
 * Options page: what automatic deletion did, and a run it held because the
 * clock looked wrong or it would delete too many at once (lib/privacy/citizen-data.ts
 * applyRetention). Only the caseworker's click deletes a held run.
 */
export function RetentionStatus({ db }: { db: SidevognDb }) {
  const t = useT();
  const locale = useLocale();
  const [state, setState] = useState<RetentionState | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ key: MessageKey; params?: Record<string, string | number> } | null>(null);
  const load = useCallback(() => void readRetentionState().then(setState, () => setState(null)), []);
  useEffect(load, [load]);

  const confirm = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await runRetention(db, undefined, { confirmed: true });
      setStatus(
        result.status === 'done'
          ? { key: 'retention.held.done', params: { count: result.citizens } }
          : { key: 'retention.held.stillHeld' },
      );
    } catch (e) {
      setStatus({ key: 'retention.held.failed', params: { error: e instanceof Error ? e.name : 'Error' } });
    } finally {
      setBusy(false);
      load();
    }
  };

  if (!state) return null;
  const { held, deleted } = state;
  return (
    <div data-testid="retention-status">
      {held && (
        <section
          role="alert"
          aria-labelledby="retention-held-title"
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 p-3"
        >
          <h3 id="retention-held-title" className="text-sm font-semibold">
            {t('retention.held.title')}
          </h3>
          <p className="mt-1 text-sm">
            {t(held.reason === 'clock' ? 'retention.held.clock' : 'retention.held.many', {
              date: formatDateTime(locale, held.at),
              count: held.citizens,
              total: held.total,
            })}
          </p>
          <button
            type="button"
            className={`mt-2 ${danger}`}
            aria-disabled={busy}
            onClick={() => void (busy || confirm())}
          >
            {t('retention.held.confirm')}
          </button>
        </section>
      )}
      <div role="status" className="mt-1 text-sm">
        {status && <p className="rounded bg-slate-100 p-2">{t(status.key, status.params)}</p>}
      </div>
      {deleted.length > 0 && (
        <>
          <h3 className="mt-2 text-sm font-semibold">{t('retention.log.title')}</h3>
          <ul className="text-sm text-slate-700">
            {[...deleted].reverse().map((d) => (
              <li key={d.at}>
                {t('retention.log.entry', {
                  date: formatDateTime(locale, d.at),
                  count: d.citizens,
                  records: d.records,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
