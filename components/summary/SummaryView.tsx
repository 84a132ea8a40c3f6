import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { UnreadableNotice } from '@/components/ui/Unreadable';
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
  holdsMenu = true,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  /**
   * The menu below (CitizenDataActions) is hidden while this loads, so it does not jump down
   * when the overview fills in; not after an erasure, whose "slettet" message it holds.
   */
  holdsMenu?: boolean;
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
  // A deadline row that does not read is left out and counted (lib/db/sealed.ts openReadable).
  const read = useLiveQuery(
    () =>
      repository.deadlines
        .readable(citizenKey)
        .then((d) => ({ records: sameAsFirst(first?.deadlines, d.records), unreadable: d.unreadable })),
    [repository, citizenKey],
    first && { records: first.deadlines, unreadable: 0 },
  );
  const deadlines = read?.records;
  if (!summary || !deadlines)
    return (
      // `peer`: the menu below the overview (CitizenDataActions) stays hidden until the overview is shown.
      <p className="peer px-4 py-3 text-sm text-slate-600" data-loading={holdsMenu ? '' : undefined}>
        {t('summary.loading')}
      </p>
    );
  return (
    <div className="space-y-1.5 px-3 py-1" data-testid="summary">
      <SummaryActions citizen={citizen} citizenKey={citizenKey} />
      {/* The caseworker's own picture first; the case system's facts folded below. */}
      <TextFieldsSection citizenKey={citizenKey} summary={summary} />
      <UnreadableNotice count={read?.unreadable ?? 0} message="storage.unreadable.deadlines" />
      <DeadlinesSection citizen={citizen} citizenKey={citizenKey} deadlines={deadlines} />
      <FactsSection citizen={citizen} citizenKey={citizenKey} summary={summary} />
      <ContactsSection citizenKey={citizenKey} contacts={summary.contacts} />
    </div>
  );
}
