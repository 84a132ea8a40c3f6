import { useId, useLayoutEffect, useState } from 'react';
import { SUMMARY_TEXT_FIELDS, type SummaryRecord, type SummaryTextField } from '@/lib/db/records';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { Stamp } from './Stamp';
import { useAutosave } from '@/components/ui/use-autosave';

/** The note under a field being edited. */
const noteClass = 'rounded bg-white px-1 shadow ring-1 ring-slate-300';

/** The citizen's goal, situation, agreements and next steps first; then the rest. */
const FIRST: readonly SummaryTextField[] = ['goal', 'situation', 'agreements', 'nextSteps'];
const OVERVIEW_ORDER = [...FIRST, ...SUMMARY_TEXT_FIELDS.filter((f) => !FIRST.includes(f))];

/**
 * What the caseworker keeps: the citizen's goal in their words, situation, resources …
 * Each field reads as a paragraph led by its label and is its own editor: a click or
 * Tab puts the caret in it, and it grows with its text, so nothing is cut off and the
 * whole overview fits one screen.
 */
export function TextFieldsSection({ citizenKey, summary }: { citizenKey: string; summary: SummaryRecord }) {
  const t = useT();
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading" className="sr-only">
        {t('summary.own')}
      </h2>
      <div className="divide-y divide-slate-200">
        {OVERVIEW_ORDER.map((field) => (
          <TextField
            key={`${citizenKey}:${field}`}
            field={field}
            citizenKey={citizenKey}
            initial={summary.text[field]?.value ?? ''}
            at={summary.text[field]?.at}
          />
        ))}
      </div>
    </section>
  );
}

/**
 * The label's width, so the text starts beside it on the first line (a run-in
 * label); followed as it changes (language, the larger type while editing).
 */
function useRunIn() {
  const [label, setLabel] = useState<HTMLSpanElement | null>(null);
  const [indent, setIndent] = useState(0);
  useLayoutEffect(() => {
    if (!label) return;
    const measure = () => setIndent(Math.ceil(label.getBoundingClientRect().width) + 5);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(label);
    return () => observer.disconnect();
  }, [label]);
  return [setLabel, indent] as const;
}

function TextField({
  field,
  citizenKey,
  initial,
  at,
}: {
  field: SummaryTextField;
  citizenKey: string;
  initial: string;
  at: number | undefined;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const id = useId();
  const label = t(`summary.text.${field}`);
  const [runInLabel, indent] = useRunIn();
  const { value, state, change, flush } = useAutosave(initial, (v) =>
    repository.summaries.setText(citizenKey, field, v),
  );
  const saying =
    typeof state === 'object' ? null : state === 'saving' ? (
      t('summary.saving')
    ) : value !== '' && at !== undefined ? (
      <Stamp source="own" at={at} />
    ) : null;
  return (
    <div className="group relative">
      <span ref={runInLabel} className="absolute top-px left-0.5 text-xs leading-4 font-semibold text-slate-900">
        <label htmlFor={id}>{label}</label>
        <span aria-hidden="true">:</span>
      </span>
      <textarea
        id={id}
        aria-describedby={field === 'health' ? `${id}-help` : undefined}
        rows={1}
        style={{ textIndent: indent }}
        className="block w-full resize-none rounded border-0 bg-transparent px-0.5 py-px text-xs leading-4 [field-sizing:content] group-hover:bg-slate-50 focus:bg-white focus-visible:outline-2 focus-visible:outline-sky-700"
        value={value}
        placeholder={field === 'goal' ? t('summary.text.goal.placeholder') : t('summary.text.empty')}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void flush()}
      />
      {/*
        While editing, a note under the field: when it was written (or "Gemmer …") and, for
        health, the guidance. It lies over what follows and lets clicks through, so leaving
        the field moves nothing (a click on the next button lands where it was aimed).
      */}
      <div className="pointer-events-none absolute inset-x-0 top-full z-10 text-xs text-slate-700 opacity-0 group-focus-within:opacity-100">
        {/* Health is GDPR art. 9 data: the private overview guides rather than invites it. */}
        {field === 'health' && (
          <p id={`${id}-help`} className={noteClass} data-testid="health-guidance">
            {t('summary.text.health.help')}
          </p>
        )}
        <p aria-live="polite">{saying && <span className={`block ${noteClass}`}>{saying}</span>}</p>
      </div>
      {typeof state === 'object' && <SaveError failure={state.failure} onRetry={() => void flush()} className="mt-1" />}
    </div>
  );
}
