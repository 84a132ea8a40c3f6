import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { checklistCounts, checklistProgress } from '@/lib/checklists/run';
import { formatDateTime, type Locale } from '@/lib/i18n/i18n';
import { isInForce } from '@/lib/packs/validity';
import { isoToday } from '@/lib/templates/form';
import { useLocale, useT } from '@/components/ui/i18n';
import { firstClickOnly } from '@/components/ui/input-modality';
import { usePanelServices } from '@/components/ui/panel-services';
import { UnreadableNotice } from '@/components/ui/Unreadable';
import { ChecklistRunView } from './ChecklistRunView';

/** The checklists tab: start one for the meeting, work through it, see finished ones. */
export function ChecklistsView({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const locale = useLocale();
  const { repository } = usePanelServices();
  const read = useLiveQuery(() => repository.checklistRuns.readable(citizenKey), [repository, citizenKey]);
  const runs = read?.records;
  const available = useLiveQuery(() => repository.packs.activeContent().then((c) => c.checklists), [repository]);
  const [choice, setChoice] = useState('');
  // Expired checklists (and those not yet in force) are hidden unless the caseworker asks.
  const [showOutOfForce, setShowOutOfForce] = useState(false);
  const selectId = useId();
  // One run per press, however fast the clicks (a double click started two, and the ticks
  // in the older one never reached the note).
  const starting = useRef(false);
  if (!runs || !available) return null;
  const today = isoToday();
  const outOfForce = available.filter((c) => !isInForce(c, today)).length;
  const offered = showOutOfForce ? available : available.filter((c) => isInForce(c, today));

  const open = runs.filter((r) => r.finishedAt === null);
  const finished = runs.filter((r) => r.finishedAt !== null);
  const chosen = offered.find((c) => `${c.packId}/${c.id}` === choice) ?? offered[0];

  return (
    <div className="px-4 py-3">
      <UnreadableNotice count={read?.unreadable ?? 0} message="storage.unreadable.checklists" />
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen || starting.current) return;
          starting.current = true;
          void repository.checklistRuns.start(citizenKey, chosen).finally(() => (starting.current = false));
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            {t('checklists.choose')}
          </label>
          <select
            id={selectId}
            className="mt-1 block w-full rounded border border-slate-400 px-1 py-1 text-sm"
            value={chosen ? `${chosen.packId}/${chosen.id}` : ''}
            onChange={(e) => setChoice(e.target.value)}
          >
            {offered.map((c) => (
              <option key={`${c.packId}/${c.id}`} value={`${c.packId}/${c.id}`}>
                {c.title}
                {isInForce(c, today) ? '' : ` (${t('checklists.outOfForce')})`}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={!chosen}
          onClick={firstClickOnly}
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 disabled:bg-slate-400"
        >
          {t('checklists.start')}
        </button>
      </form>
      {outOfForce > 0 && (
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showOutOfForce} onChange={(e) => setShowOutOfForce(e.target.checked)} />
          {t('checklists.showOutOfForce', { count: outOfForce })}
        </label>
      )}

      {open.length === 0 && <p className="mt-3 text-sm text-slate-600">{t('checklists.none')}</p>}
      {open.map((run) => (
        <ChecklistRunView key={run.id} run={run} />
      ))}

      {finished.length > 0 && (
        <section className="mt-4" aria-labelledby="finished-runs">
          <h3 id="finished-runs" className="text-sm font-semibold">
            {t('checklists.finishedHeading')}
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {finished.map((run) => (
              <FinishedRun key={run.id} run={run} locale={locale} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function FinishedRun({ run, locale }: { run: Parameters<typeof ChecklistRunView>[0]['run']; locale: Locale }) {
  const t = useT();
  const { repository } = usePanelServices();
  const checklist = useLiveQuery(() => repository.checklistRuns.checklistOf(run), [repository, run]);
  return (
    <li className="rounded border border-slate-200 p-2" data-testid="finished-run">
      {t('checklists.history', {
        title: checklist?.title ?? run.checklistId,
        progress: checklist ? checklistProgress(t, checklistCounts(checklist, run)) : '…',
      })}{' '}
      <span className="text-xs text-slate-600">
        {t('checklists.finished', { time: formatDateTime(locale, run.finishedAt!) })}
      </span>
    </li>
  );
}
