import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { type PanelTab, usePanelStore } from '@/lib/panel/panel-store';
import { ChecklistsView } from '../checklists/ChecklistsView';
import { HistoryList } from '../history/HistoryList';
import { UsageToday } from '../usage/UsageToday';
import { NotesView } from '../notes/NotesView';
import { TemplatesView } from '../templates/TemplatesView';
import { SummaryView, useObserveHostFacts } from '../summary/SummaryView';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { ReadBoundary } from '@/components/ui/Unreadable';
import { markCitizenData } from '@/lib/backup/marker';
import { CitizenDataActions } from '../privacy/CitizenDataActions';
import { RetentionWarning } from '../privacy/RetentionWarning';
import { DataLossAlert } from '../privacy/DataLossAlert';
import type { FirstView } from '@/lib/panel/first-view';

/** The citizen's tabs, in order (the skip links follow them: ./SkipLinks.tsx). */
export const TABS = [
  { id: 'summary', label: 'tabs.summary' },
  { id: 'notes', label: 'tabs.notes' },
  { id: 'templates', label: 'tabs.templates' },
  { id: 'checklists', label: 'checklists.heading' },
  { id: 'history', label: 'tabs.history' },
] as const satisfies readonly { id: PanelTab; label: MessageKey }[];
type TabId = PanelTab;

/** The citizen's pages in the panel, as ARIA tabs (arrow keys move between them). */
export function CitizenTabs({
  citizen,
  citizenKey,
  first,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  /** The overview as read at start-up (lib/panel/first-view.ts), shown until the live reads answer. */
  first?: FirstView;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const active = usePanelStore((s) => s.tab);
  const setActive = usePanelStore((s) => s.setTab);
  const buttons = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  useObserveHostFacts(citizen, citizenKey);
  // After an erasure the overview's fields start again from the (empty) database.
  const [erasures, setErasures] = useState(0);
  // The first view is for the overview's first mount only: after another tab
  // or an erasure it may be out of date, and the overview reads again.
  const [firstView, setFirstView] = useState(first);
  if (firstView && (active !== 'summary' || erasures > 0)) setFirstView(undefined);
  // The database holds citizen data now (lib/backup/marker.ts).
  useEffect(() => void markCitizenData().catch(() => undefined), [citizenKey]);

  const move = (delta: number) => {
    const i = TABS.findIndex((tab) => tab.id === active);
    const next = TABS[(i + delta + TABS.length) % TABS.length]!.id;
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <>
      <DataLossAlert />
      <RetentionWarning citizenKey={citizenKey} />
      <div role="tablist" aria-label={t('tabs.label')} className="flex flex-wrap border-b border-slate-300 px-1">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            className={`-mb-px border-b-2 px-2 py-2 whitespace-nowrap text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700 ${
              active === tab.id
                ? 'border-sky-800 text-sky-900'
                : 'border-transparent text-slate-700 hover:text-slate-900'
            }`}
            onClick={() => setActive(tab.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              else if (e.key === 'ArrowLeft') move(-1);
              else return;
              e.preventDefault();
            }}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {/* Focusable by script only: a skip link lands here when the view has no control (./SkipLinks.tsx). */}
      <div role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`} tabIndex={-1}>
        {active === 'summary' && (
          // A read that throws (the summary row does not read) fails this view only, with a message.
          <ReadBoundary key={`${citizenKey}-${erasures}`}>
            <SummaryView citizen={citizen} citizenKey={citizenKey} first={firstView} holdsMenu={erasures === 0} />
          </ReadBoundary>
        )}
        {active === 'summary' && (
          <CitizenDataActions
            key={`privacy-${citizenKey}`}
            citizen={citizen}
            citizenKey={citizenKey}
            onErased={() => setErasures((n) => n + 1)}
          />
        )}
        {active === 'notes' && (
          <ReadBoundary key={citizenKey}>
            <NotesView citizenKey={citizenKey} />
          </ReadBoundary>
        )}
        {active === 'templates' && (
          <ReadBoundary key={citizenKey}>
            <TemplatesView citizen={citizen} citizenKey={citizenKey} />
          </ReadBoundary>
        )}
        {active === 'checklists' && (
          <ReadBoundary key={citizenKey}>
            <ChecklistsView citizenKey={citizenKey} />
          </ReadBoundary>
        )}
        {active === 'history' && <UsageToday usage={repository.usage} t={t} />}
        {active === 'history' && (
          <ReadBoundary key={citizenKey}>
            <HistoryList citizenKey={citizenKey} />
          </ReadBoundary>
        )}
      </div>
    </>
  );
}
