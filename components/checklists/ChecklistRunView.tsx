import { useKeptState } from '@/components/ui/use-kept-state';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { checklistCounts, checklistProgress, sameDay } from '@/lib/checklists/run';
import type { ChecklistItem } from '@/lib/checklists/schema';
import type { ChecklistRunRecord } from '@/lib/db/records';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { formatDateTime, formatTime, type Locale } from '@/lib/i18n/i18n';
import { isoToday } from '@/lib/templates/form';
import { useLocale, useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { countQuietly } from '@/lib/usage/repository';

/** One checklist being worked through: tick, or mark not relevant with a reason. */
export function ChecklistRunView({ run }: { run: ChecklistRunRecord }) {
  const t = useT();
  const locale = useLocale();
  const { repository } = usePanelServices();
  // One finish per run, however fast the clicks (each finish counts one use).
  const [finishing, setFinishing] = useState(false);
  const checklist = useLiveQuery(
    () => repository.checklistRuns.checklistOf(run),
    [repository, run.packId, run.packVersion],
  );
  if (!checklist) return null;
  const headingId = `run-${run.id}`;
  return (
    <section
      className="mt-3 rounded border border-slate-300 p-3"
      aria-labelledby={headingId}
      data-testid="checklist-run"
    >
      <h3 id={headingId} className="text-base font-semibold">
        {checklist.title}
      </h3>
      <p className="text-xs text-slate-700">
        {checklistProgress(t, checklistCounts(checklist, run))} · {checklist.legalBasis}
      </p>
      {!sameDay(run.startedAt) && (
        <p className="mt-1 text-sm text-amber-900" data-testid="checklist-earlier">
          {t('checklists.earlier', { time: formatDateTime(locale, run.startedAt) })}
        </p>
      )}
      {checklist.validTo && checklist.validTo < isoToday() && (
        <p role="alert" className="mt-1 text-sm text-amber-900">
          {t('checklists.expired', { date: checklist.validTo.split('-').reverse().join('.') })}
        </p>
      )}
      <ul className="mt-2 space-y-2">
        {checklist.items.map((item) => (
          <ItemRow key={item.id} runId={run.id} item={item} state={run.items[item.id]} />
        ))}
      </ul>
      <button
        type="button"
        className="mt-3 rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
        disabled={finishing}
        onClick={() => {
          setFinishing(true);
          void repository.checklistRuns
            .finish(run.id)
            .then(() => countQuietly(() => repository.usage.checklistUsed(run, checklist)))
            .finally(() => setFinishing(false));
        }}
      >
        {t('checklists.finish')}
      </button>
    </section>
  );
}

function ItemRow({
  runId,
  item,
  state,
}: {
  runId: string;
  item: ChecklistItem;
  state: ChecklistRunRecord['items'][string] | undefined;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const [askingReason, setAskingReason] = useKeptState(`na-open:${runId}:${item.id}`, false);
  // Asked in this view by the caseworker; kept open from before, it takes no focus.
  const [askedNow, setAskedNow] = useState(false);
  const [reason, setReason] = useKeptState(`na-reason:${runId}:${item.id}`, '');
  const id = `item-${runId}-${item.id}`;
  type Change = Parameters<typeof repository.checklistRuns.setItem>[2];
  // A change that could not be saved, kept for the retry; the box shows what is stored.
  const [failed, setFailed] = useState<{ change: Change; failure: SaveFailure } | null>(null);
  const apply = async (change: Change): Promise<boolean> => {
    try {
      await repository.checklistRuns.setItem(runId, item.id, change);
      setFailed(null);
      return true;
    } catch (e) {
      setFailed({ change, failure: saveFailure(e) });
      return false;
    }
  };
  const set = (next: Change) => void apply(next);

  return (
    <li className="text-sm" data-testid="checklist-item">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-1"
          checked={state?.state === 'done'}
          // Ticked by the panel once the note is inserted, never by hand.
          disabled={state?.state === 'na' || !!item.tickedBy}
          aria-describedby={item.help ? `${id}-help` : undefined}
          onChange={(e) => set(e.target.checked ? { state: 'done' } : null)}
        />
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className={state?.state === 'na' ? 'text-slate-600 line-through' : ''}>
            {item.title}
            {item.required && (
              <span className="text-red-800">
                {' '}
                *<span className="sr-only">({t('checklists.required')})</span>
              </span>
            )}
          </label>
          <ItemFacts id={id} item={item} state={state} />
          {askingReason && (
            <form
              className="mt-1 flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim()) return;
                // The reason stays in its field until it is saved.
                void apply({ state: 'na', reason: reason.trim() }).then((saved) => {
                  if (!saved) return;
                  setAskingReason(false);
                  setReason('');
                });
              }}
            >
              <label className="sr-only" htmlFor={`${id}-reason`}>
                {t('checklists.na.reason')}
              </label>
              <input
                id={`${id}-reason`}
                autoFocus={askedNow}
                required
                placeholder={t('checklists.na.reason')}
                className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-0.5"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="submit" className="rounded bg-sky-800 px-2 py-0.5 text-white">
                {t('common.save')}
              </button>
            </form>
          )}
        </div>
        <button
          type="button"
          className="shrink-0 text-xs text-sky-800 underline"
          aria-pressed={state?.state === 'na'}
          aria-label={`${t('checklists.na')}: ${item.title}`}
          onClick={() => {
            if (state?.state === 'na') set(null);
            else {
              setAskingReason(!askingReason);
              setAskedNow(true);
            }
          }}
        >
          {t('checklists.na')}
        </button>
      </div>
      {failed && (
        <SaveError
          failure={failed.failure}
          className="mt-1"
          onRetry={() =>
            void apply(failed.change).then((saved) => {
              if (!saved || failed.change?.state !== 'na') return;
              setAskingReason(false);
              setReason('');
            })
          }
        />
      )}
    </li>
  );
}

/** What the item says (help, legal basis) and what was recorded for it. */
function ItemFacts({
  id,
  item,
  state,
}: {
  id: string;
  item: ChecklistItem;
  state: ChecklistRunRecord['items'][string] | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {item.help && (
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {item.help}
        </p>
      )}
      {item.legalBasis && (
        <p className="text-xs text-slate-600">
          {item.sourceUrl ? (
            <a className="text-sky-800 underline" href={item.sourceUrl} target="_blank" rel="noreferrer noopener">
              {item.legalBasis}
            </a>
          ) : (
            item.legalBasis
          )}
        </p>
      )}
      {state?.state === 'done' && (
        <p className="text-xs text-green-800">{t('checklists.done', { time: when(locale, state.at) })}</p>
      )}
      {state?.state === 'na' && (
        <p className="text-xs text-slate-700">{t('checklists.na.reasonShort', { reason: state.reason ?? '' })}</p>
      )}
    </>
  );
}

/** A tick today by its time; one from another day with its date. */
const when = (locale: Locale, at: number) => (sameDay(at) ? formatTime(locale, at) : formatDateTime(locale, at));
