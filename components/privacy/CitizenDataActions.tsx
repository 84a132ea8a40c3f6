import { useState } from 'react';
import { CITIZEN_TABLES, totalOf, type TableCounts } from '@/lib/privacy/citizen-data';
import { accessExport, accessExportFileName, readCitizenData } from '@/lib/privacy/access-export';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { markCitizenData } from '@/lib/backup/marker';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { buttonClass } from '@/components/ui/styles';
import { flushAllAutosaves } from '@/components/ui/use-autosave';
import { forgetKept } from '@/components/ui/use-kept-state';
import { downloadText } from '@/components/ui/download';
import { openOwnPage } from '@/components/ui/open-page';
import { FailedStep, afterwards, type OutcomeStatus } from '@/components/ui/Afterwards';

type Status = OutcomeStatus | null;

const countKey = (table: (typeof CITIZEN_TABLES)[number]) => `privacy.count.${table}` as MessageKey;
const dangerButtonClass =
  'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

/**
 * Access and erasure for the citizen on the page (GDPR art. 15 and 17):
 * everything Sidevogn holds as JSON or a printable page, and erasing it all
 * after a confirmation that says what goes.
 */
export function CitizenDataActions({
  citizen,
  citizenKey,
  onErased,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  /** Views holding the citizen's data in local state start again. */
  onErased?: () => void;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const [status, setStatus] = useState<Status>(null);
  const [confirm, setConfirm] = useState<TableCounts | null>(null);
  const fail = (e: unknown) =>
    setStatus({ tone: 'error', key: 'privacy.failed', params: { error: e instanceof Error ? e.message : String(e) } });

  const exportJson = async () => {
    setStatus(null);
    try {
      await flushAllAutosaves();
      const data = await readCitizenData(repository, citizenKey);
      if (!data) throw new Error(t('access.notFound'));
      const now = Date.now();
      const file = accessExportFileName(citizenKey, now);
      downloadText(file, JSON.stringify(accessExport(data, now), null, 2));
      setStatus({ tone: 'ok', key: 'privacy.exported', params: { file } });
    } catch (e) {
      fail(e);
    }
  };

  const askErase = async () => {
    setStatus(null);
    try {
      await flushAllAutosaves();
      setConfirm(await repository.privacy.count(citizenKey));
    } catch (e) {
      fail(e);
    }
  };

  const erase = async () => {
    let counts: Awaited<ReturnType<typeof repository.privacy.erase>>;
    try {
      counts = await repository.privacy.erase(citizenKey);
      // What the panel holds of the small forms goes too (it is not in the database).
      forgetKept();
    } catch (e) {
      setConfirm(null);
      return fail(e);
    }
    setConfirm(null);
    onErased?.();
    // Erased, whatever fails next: said beside it, not as "nothing has changed".
    // The citizen is still open in the case system: a fresh, empty record keeps
    // anything written from now on under retention.
    const after = await afterwards([
      () => repository.citizens.open(citizen.cpr, citizen.name).then(() => markCitizenData()),
    ]);
    setStatus({ tone: 'ok', key: 'privacy.erased', params: { count: totalOf(counts) }, after });
  };

  return (
    // Hidden while the Overblik above it still loads (its placeholder is the `peer`), so it does not
    // jump down when the overview fills in; and never where its skip link lands (NOT_FIRST_STOP, lib/panel/focus.ts).
    <section
      className="px-3 pb-2 peer-data-loading:hidden"
      aria-labelledby="privacy-heading"
      data-testid="citizen-data"
      data-not-first-stop=""
    >
      {/* A menu, folded: handing over and erasing are rare, and erasing is never the first stop. */}
      <details className="space-y-2">
        <summary className="cursor-pointer rounded text-sm font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-700">
          <span id="privacy-heading">{t('privacy.heading')}</span>{' '}
          <span className="font-normal text-slate-600">{t('privacy.menu')}</span>
        </summary>
        <p className="text-sm text-slate-700">{t('privacy.help')}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass} onClick={() => void exportJson()}>
            {t('privacy.exportJson')}
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              setStatus(null);
              void openOwnPage('/access.html', { citizen: citizenKey }).then(
                (error) => error && setStatus({ tone: 'error', key: 'common.openFailed', params: { error } }),
              );
            }}
          >
            {t('privacy.print')}
          </button>
          <button
            type="button"
            className={buttonClass}
            aria-expanded={confirm !== null}
            onClick={() => void askErase()}
          >
            {t('privacy.erase')}
          </button>
        </div>
        {confirm && <EraseConfirm counts={confirm} onErase={() => void erase()} onCancel={() => setConfirm(null)} />}
      </details>
      <div role="status" className="text-sm" data-testid="privacy-status">
        {status && (
          <p
            className={`mt-2 rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
          >
            {t(status.key, status.params)}
          </p>
        )}
        {status?.after && <FailedStep message="common.afterwardsFailed" failure={status.after} />}
      </div>
    </section>
  );
}

function EraseConfirm({
  counts,
  onErase,
  onCancel,
}: {
  counts: TableCounts;
  onErase: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <div
      role="alertdialog"
      aria-labelledby="erase-title"
      aria-describedby="erase-body"
      className="rounded border-l-4 border-red-700 bg-red-50 p-3"
      data-testid="erase-confirm"
    >
      <h3 id="erase-title" className="font-semibold">
        {t('privacy.erase.confirmTitle')}
      </h3>
      <p id="erase-body" className="mt-1 text-sm">
        {t('privacy.erase.confirmBody')}
      </p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {CITIZEN_TABLES.filter((table) => counts[table] > 0).map((table) => (
          <li key={table}>{t(countKey(table), { count: counts[table] })}</li>
        ))}
      </ul>
      <div className="mt-2 flex gap-2">
        <button type="button" className={dangerButtonClass} onClick={onErase}>
          {t('privacy.erase.confirm')}
        </button>
        <button type="button" className={buttonClass} autoFocus onClick={onCancel}>
          {t('privacy.erase.cancel')}
        </button>
      </div>
    </div>
  );
}
