import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { loadCaseworkerName } from '@/lib/panel/preferences';
import { localDay } from '@/lib/summary/dates';
import { HANDOVER_TITLE, renderHandover } from '@/lib/summary/handover';
import { usePanelServices, useT } from '../panel/panel-context';
import { buttonClass, primaryButtonClass } from './Stamp';
import { flushAllAutosaves } from './use-autosave';
import { useInsertFlow } from '../shared/use-insert-flow';

type Status = { tone: 'ok' | 'warning' | 'error'; key: MessageKey; params?: Record<string, string> } | null;

/** Print the summary on one A4 page, or insert it into the journal as a handover note. */
export function SummaryActions({ citizen, citizenKey }: { citizen: CitizenOnPage; citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const flow = useInsertFlow({ rememberAs: 'handover', prefer: 'journal' });
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  // What is still being typed goes in too: write it first, then read the stored summary.
  const note = async () => {
    await flushAllAutosaves();
    return renderHandover({
      today: localDay(Date.now()),
      name: citizen.name,
      caseworker: await loadCaseworkerName(),
      summary: await repository.summaries.get(citizenKey),
      deadlines: await repository.deadlines.list(citizenKey),
    });
  };

  // The same insertion path and history as a template (components/templates/TemplateForm.tsx).
  const insert = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await note();
      await flow.run(text, async ({ target, status: next }) => {
        setStatus(next);
        await repository.summaries.handoverInserted(citizenKey, HANDOVER_TITLE, target);
      });
    } catch (e) {
      setStatus({
        tone: 'error',
        key: 'templates.copyFailed',
        params: { error: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() =>
            void browser.tabs.create({
              url: `${browser.runtime.getURL('/summary.html')}?citizen=${citizenKey}&print=1`,
            })
          }
        >
          {t('summary.print')}
        </button>
        <button
          type="button"
          className={primaryButtonClass}
          aria-disabled={busy}
          onClick={() => void (busy || insert())}
        >
          {busy ? t('templates.inserting') : t('summary.handover')}
        </button>
      </div>
      {flow.targetLine}
      {flow.chooser}
      <div role="status" className="mt-2 text-sm" data-testid="summary-status">
        {status && (
          <p
            className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : status.tone === 'warning' ? 'bg-amber-50 text-amber-900' : 'bg-red-50 text-red-900'}`}
          >
            {t(status.key, status.params)}
          </p>
        )}
      </div>
    </div>
  );
}
