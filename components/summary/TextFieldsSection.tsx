import { useId } from 'react';
import { SUMMARY_TEXT_FIELDS, type SummaryRecord, type SummaryTextField } from '@/lib/db/records';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { SectionHeading } from '@/components/ui/SectionHeading';
import { inputClass } from '@/components/ui/styles';
import { Stamp } from './Stamp';
import { useAutosave } from '@/components/ui/use-autosave';

/** The citizen's goal, situation, agreements and next steps first; then the rest. */
const FIRST: readonly SummaryTextField[] = ['goal', 'situation', 'agreements', 'nextSteps'];
const OVERVIEW_ORDER = [...FIRST, ...SUMMARY_TEXT_FIELDS.filter((f) => !FIRST.includes(f))];

/** What the caseworker keeps: the citizen's goal in their words, situation, resources … */
export function TextFieldsSection({ citizenKey, summary }: { citizenKey: string; summary: SummaryRecord }) {
  const t = useT();
  return (
    <section aria-labelledby="own-heading">
      <SectionHeading id="own-heading">{t('summary.own')}</SectionHeading>
      <div className="mt-2 space-y-3">
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
  const { value, state, change, flush } = useAutosave(initial, (v) =>
    repository.summaries.setText(citizenKey, field, v),
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t(`summary.text.${field}`)}
      </label>
      {/* Health is GDPR art. 9 data: the private overview guides rather than invites it. */}
      {field === 'health' && (
        <p id={`${id}-help`} className="text-xs text-slate-700" data-testid="health-guidance">
          {t('summary.text.health.help')}
        </p>
      )}
      <textarea
        id={id}
        aria-describedby={field === 'health' ? `${id}-help` : undefined}
        rows={field === 'goal' ? 2 : 3}
        className={`${inputClass} mt-1 resize-y`}
        value={value}
        placeholder={field === 'goal' ? t('summary.text.goal.placeholder') : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void flush()}
      />
      <p className="text-xs text-slate-600" aria-live="polite">
        {typeof state === 'object' ? null : state === 'saving' ? (
          t('summary.saving')
        ) : value !== '' && at !== undefined ? (
          <Stamp source="own" at={at} />
        ) : null}
      </p>
      {typeof state === 'object' && <SaveError failure={state.failure} onRetry={() => void flush()} className="mt-1" />}
    </div>
  );
}
