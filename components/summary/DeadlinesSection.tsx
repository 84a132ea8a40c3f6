import { useKeptForm } from '@/components/ui/use-kept-state';
import { useRef, useState } from 'react';
import type { DeadlineRecord } from '@/lib/db/records';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/runtime';
import { localDay, parseDanishDate } from '@/lib/summary/dates';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { SectionHeading } from '@/components/ui/SectionHeading';
import { DeadlineForm } from './DeadlineForm';
import { DeadlineRows } from './DeadlineRows';
import { DeadlineSuggestions } from './DeadlineSuggestions';
import { useNow } from './use-today';

// The caseload (CaseloadList.tsx) takes the badge from here.
export { StatusBadge } from './DueBadge';

/** Tells the service worker to reschedule the deadline alarm (it is not woken by database changes). */
export function deadlinesChanged(): void {
  void sendToBackground({ type: 'deadlines-changed' });
}

/** A change that could not be saved, kept for the retry. */
type Failed = { work: () => Promise<unknown>; failure: SaveFailure } | null;

function useDeadlineWrites() {
  const [failed, setFailed] = useState<Failed>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setFailed(null);
      deadlinesChanged();
      return true;
    } catch (e) {
      setFailed({ work, failure: saveFailure(e) });
      return false;
    }
  };
  return { run, failed };
}

/**
 * Deadlines (rettidighed) and the case system's next meeting as one-line rows,
 * overdue and near ones flagged in words and colour; set one ("Ny frist"), accept a
 * suggestion, tick off.
 */
export function DeadlinesSection({
  citizen,
  citizenKey,
  deadlines,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  deadlines: DeadlineRecord[];
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const now = useNow();
  const today = localDay(now);
  const { run, failed } = useDeadlineWrites();
  const form = useKeptForm(`deadline-open:${citizenKey}`, `deadline:${citizenKey}`);
  const toggle = useRef<HTMLButtonElement>(null);
  const add = (title: string, due: string) => run(() => repository.deadlines.add(citizenKey, title, due));
  const empty = deadlines.length === 0 && !parseDanishDate(citizen.facts.naesteMoede);

  return (
    <section aria-labelledby="deadlines-heading">
      <div className="flex items-baseline gap-2">
        <SectionHeading id="deadlines-heading">{t('summary.deadlines')}</SectionHeading>
        {empty && <p className="text-sm text-slate-700">{t('summary.deadlines.none')}</p>}
        <button
          ref={toggle}
          type="button"
          className="ml-auto shrink-0 rounded text-sm text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700"
          aria-expanded={form.isOpen}
          onClick={form.toggle}
        >
          {t('summary.deadlines.new')}
        </button>
      </div>
      <DeadlineRows
        deadlines={deadlines}
        meeting={citizen.facts.naesteMoede}
        today={today}
        now={now}
        onDone={(id, done) => void run(() => repository.deadlines.setDone(id, done))}
        onRemove={(id) => void run(() => repository.deadlines.remove(id))}
      />
      {form.isOpen && (
        <DeadlineForm
          keepAs={`deadline:${citizenKey}`}
          focusOnOpen={form.openedNow}
          onAdd={add}
          onClose={() => {
            form.close();
            toggle.current?.focus();
          }}
        />
      )}
      <DeadlineSuggestions
        citizen={citizen}
        deadlines={deadlines}
        today={today}
        onAccept={(title, due) => void add(title, due)}
      />
      {failed && <SaveError failure={failed.failure} className="" onRetry={() => void run(failed.work)} />}
    </section>
  );
}
