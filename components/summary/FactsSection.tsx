import { useId, useState } from 'react';
import type { CitizenFieldId } from '@/lib/host/citizen-fields';
import type { SummaryRecord } from '@/lib/db/records';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { factRows } from '@/lib/summary/facts';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { buttonClass, inputClass } from '@/components/ui/styles';
import { Stamp } from './Stamp';

/**
 * Facts from the case system, live from the page, each with its source and
 * when it last changed. The caseworker may write their own value; when the two
 * differ both are shown and neither is overwritten.
 */
export function FactsSection({
  citizen,
  citizenKey,
  summary,
}: {
  citizen: CitizenOnPage;
  citizenKey: string;
  summary: SummaryRecord;
}) {
  const t = useT();
  // The page is the truth for what the case system shows right now; the record
  // knows when it last changed.
  const live: SummaryRecord = {
    ...summary,
    hostFacts: Object.fromEntries(
      Object.entries(citizen.facts).map(([id, value]) => {
        const seen = summary.hostFacts[id as CitizenFieldId];
        // -1: changed just now, not yet recorded (the next render has the time).
        return [id, { value, at: seen?.value === value ? seen.at : -1 }];
      }),
    ),
  };
  const rows = factRows(live);
  const shown = rows.filter((row) => row.host || row.own).length;
  const conflict = rows.some((row) => row.conflict);
  const [open, setOpen] = useState(conflict);
  if (conflict && !open) setOpen(true);
  return (
    // Folded by default: the caseworker's own picture comes first. A disagreement opens it.
    <details className="group/facts" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="facts">
      <summary className="cursor-pointer rounded text-sm font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-700">
        <span id="facts-heading">{t('summary.facts')}</span>{' '}
        <span className="font-normal text-slate-600">{t('summary.facts.count', { count: shown })}</span>
      </summary>
      <dl className="mt-2 divide-y divide-slate-200 rounded border border-slate-300" aria-labelledby="facts-heading">
        {rows.map((row) => (
          <FactRowView key={row.id} row={row} citizenKey={citizenKey} />
        ))}
      </dl>
    </details>
  );
}

function FactRowView({ row, citizenKey }: { row: ReturnType<typeof factRows>[number]; citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const [editing, setEditing] = useState<string | null>(null);
  const inputId = useId();
  const label = t(`fact.${row.id}`);
  const save = async (value: string) => {
    await repository.summaries.setOwnFact(citizenKey, row.id, value);
    setEditing(null);
  };

  return (
    // One line per fact; where it came from and since when shows on hover or focus.
    <div className="group flex items-baseline gap-2 px-3 py-1" data-testid={`fact-${row.id}`}>
      <dt className="w-24 shrink-0 truncate text-xs leading-5 font-medium text-slate-700" title={label}>
        {label}
      </dt>
      <dd className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2 text-sm leading-5">
        {row.host ? (
          <p className="min-w-0 flex-1 truncate" title={row.host.value}>
            <span data-testid="host-value">{row.host.value}</span>{' '}
            <span className="sr-only group-focus-within:not-sr-only group-hover:not-sr-only">
              <Stamp source="host" at={row.host.at >= 0 ? row.host.at : undefined} />
            </span>
          </p>
        ) : (
          !row.own && <p className="min-w-0 flex-1 text-slate-600 italic">{t('summary.fact.missing')}</p>
        )}
        {row.own && (
          <p className="basis-full">
            <span data-testid="own-value">{row.own.value}</span> <Stamp source="own" at={row.own.at} />
          </p>
        )}
        {row.conflict && (
          <p
            role="status"
            className="mt-1 basis-full rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-xs"
          >
            {t('summary.conflict')}{' '}
            <button type="button" className="text-sky-800 underline" onClick={() => void save('')}>
              {t('summary.conflict.useHost')}
            </button>
          </p>
        )}
        {editing === null ? (
          <button
            type="button"
            className="shrink-0 rounded px-1 text-xs text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700"
            // The visible words first, so voice control finds the button by what it says.
            aria-label={`${row.own ? t('summary.fact.change') : t('summary.fact.write')}: ${label}`}
            onClick={() => setEditing(row.own?.value ?? '')}
          >
            {row.own ? t('summary.fact.change') : t('summary.fact.write')}
          </button>
        ) : (
          <form
            className="mt-1 flex basis-full gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void save(editing);
            }}
          >
            <label htmlFor={inputId} className="sr-only">
              {t('summary.fact.edit', { field: label })}
            </label>
            <input
              id={inputId}
              className={inputClass}
              value={editing}
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(null);
              }}
            />
            <button type="submit" className={buttonClass}>
              {t('common.save')}
            </button>
            <button type="button" className={buttonClass} onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
      </dd>
    </div>
  );
}
