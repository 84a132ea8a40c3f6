import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { selectActiveCitizen, usePanelStore, type Refused } from '@/lib/panel/panel-store';
import { saveFailureReason } from '@/lib/db/storage-errors';
import type { Translate } from '@/lib/i18n/i18n';
import { Notice } from '@/components/ui/Notice';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';

/** What became of the form's draft, once written (use-form-insert.ts); until then nothing is said of it. */
function refusedBody(t: Translate, refused: Refused): string {
  const { draft, name } = refused;
  const body = t('refused.body');
  if (draft === 'kept') return `${body} ${t('refused.draftKept', { name })}`;
  if (draft === undefined || draft === 'none') return body;
  return `${body} ${t('refused.draftNotKept', { reason: saveFailureReason(t, draft) })}`;
}

/**
 * A note refused because the page showed another citizen than its form's
 * (issue 32, item 2): said above whatever the panel shows now, with the way
 * back. What became of the form's draft is said once it is written; back on
 * that citizen, the form opens again with its draft.
 */
export function RefusedNotice() {
  const t = useT();
  const { host } = usePanelServices();
  const refused = usePanelStore((s) => s.refused);
  const active = usePanelStore(selectActiveCitizen);
  const detection = usePanelStore((s) => s.detection);
  const { setRefused, markRefusedAway, chooseCitizen, requestTemplate, setTab } = usePanelStore.getState();
  const here = !!refused && active?.cpr === refused.cpr;

  useEffect(() => {
    if (!refused) return;
    // Refused while the panel still showed them (the page's report was a moment behind).
    if (!here && !refused.away) return markRefusedAway();
    if (!here || !refused.away) return;
    // Their page again: the form, with what was filled in.
    setRefused(null);
    if (refused.templateId) {
      setTab('templates');
      requestTemplate({ kind: 'template', templateId: refused.templateId, cpr: refused.cpr });
    }
  }, [refused, here, setRefused, markRefusedAway, setTab, requestTemplate]);

  // Still on their page: the form says it itself.
  if (!refused || here) return null;
  const onPage = detection.status === 'ambiguous' && detection.candidates.some((c) => c.cpr === refused.cpr);
  const goBack = () => {
    // Their record is on this page too: choose it. Else the page before this one in the tab.
    if (onPage) return chooseCitizen(refused.cpr);
    const tabId = host.tabId();
    if (tabId !== undefined) void browser.tabs.goBack(tabId).catch(() => undefined);
  };
  return (
    <div data-testid="refused-notice">
      <Notice tone="warning" title={t('refused.title', { name: refused.name })} body={refusedBody(t, refused)}>
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
            onClick={goBack}
          >
            {t('refused.back', { name: refused.name })}
          </button>
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => setRefused(null)}
          >
            {t('refused.dismiss')}
          </button>
        </div>
      </Notice>
    </div>
  );
}
