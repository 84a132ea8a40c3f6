import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { acknowledgeDataLoss, pageDataLoss } from '@/lib/backup/marker';
import type { SidevognDb } from '@/lib/db/database';
import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';
import { buttonClass, primaryButtonClass } from '@/components/ui/styles';

/**
 * The database came back empty while the marker says it held citizens: say
 * so, and offer the latest backup (the import form in the options page),
 * instead of silently starting empty. Stays until the caseworker decides.
 * `beforeSetUp`: the keyring went with the data (Chromium discards a database
 * it finds corrupt as a whole), so the first-run set-up shows; the alert then
 * explains the way back instead of offering buttons that need an unlocked page.
 */
export function DataLossAlert({
  db,
  onRestore,
  beforeSetUp = false,
}: {
  db?: SidevognDb;
  onRestore?: () => void;
  beforeSetUp?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const [lost, setLost] = useState<{ lostAt: number } | null>(null);
  useEffect(() => {
    let live = true;
    void pageDataLoss().then((l) => live && setLost(l));
    return () => {
      live = false;
    };
  }, []);
  if (!lost) return null;
  return (
    <section
      role="alert"
      aria-labelledby="data-loss-title"
      className="m-4 rounded border-l-4 border-red-600 bg-red-50 p-4"
    >
      <h2 id="data-loss-title" className="text-base font-semibold">
        {t('dataLoss.title')}
      </h2>
      <p className="mt-1 text-sm">
        {t(beforeSetUp ? 'dataLoss.setUpBody' : 'dataLoss.body', { date: formatDateTime(locale, lost.lostAt) })}
      </p>
      {!beforeSetUp && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={primaryButtonClass}
            onClick={() => (onRestore ? onRestore() : void browser.runtime.openOptionsPage())}
          >
            {t('dataLoss.restore')}
          </button>
          {db && (
            <button
              type="button"
              className={buttonClass}
              onClick={() => void acknowledgeDataLoss(db).then(() => setLost(null))}
            >
              {t('dataLoss.startEmpty')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
