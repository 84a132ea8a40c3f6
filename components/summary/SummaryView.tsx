import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { ContactsSection } from './ContactsSection';
import { DeadlinesSection } from './DeadlinesSection';
import { FactsSection } from './FactsSection';
import { SummaryActions } from './SummaryActions';
import { TextFieldsSection } from './TextFieldsSection';
import { sameAsFirst, type FirstView } from '@/lib/panel/first-view';

/** Records what the case system shows for the citizen, whichever tab is open. */
export function useObserveHostFacts(citizen: CitizenOnPage, citizenKey: string): void {
  const { repository } = usePanelServices();
  const facts = JSON.stringify(citizen.facts);
  useEffect(() => {
    // A failed write only loses the "changed at" time; the page still shows the value.
    repository.summaries
      .observeHostFacts(citizenKey, JSON.parse(facts) as CitizenOnPage['facts'])
      .catch(() => undefined);
  }, [repository, citizenKey, facts]);
}

/** The "Overblik" tab: the citizen on one page, from the case system and from the caseworker. */
export function SummaryView({
  citizen,
  citizenKey,
  first: firstView,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  /** Shown until the live reads first answer (a warm start, lib/panel/first-view.ts). */
  first?: FirstView | undefined;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const first = firstView?.key === citizenKey ? firstView : undefined;
  const summary = useLiveQuery(
    () => repository.summaries.get(citizenKey).then((s) => sameAsFirst(first?.summary, s)),
    [repository, citizenKey],
    first?.summary,
  );
  const deadlines = useLiveQuery(
    () => repository.deadlines.list(citizenKey).then((d) => sameAsFirst(first?.deadlines, d)),
    [repository, citizenKey],
    first?.deadlines,
  );
  if (!summary || !deadlines) return <p className="px-4 py-3 text-sm text-slate-600">{t('summary.loading')}</p>;
  return (
    <div className="space-y-1.5 px-3 py-1" data-testid="summary">
      <SummaryActions citizen={citizen} citizenKey={citizenKey} />
      {/* The caseworker's own picture first; the case system's facts folded below. */}
      <TextFieldsSection citizenKey={citizenKey} summary={summary} />
      <DeadlinesSection citizen={citizen} citizenKey={citizenKey} deadlines={deadlines} />
      <FactsSection citizen={citizen} citizenKey={citizenKey} summary={summary} />
      <ContactsSection citizenKey={citizenKey} contacts={summary.contacts} />
    </div>
  );
}
