import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { isEmpty, isVisible, type FieldValue, type FormValues } from '@/lib/templates/form';
import type { Template, TemplateField } from '@/lib/templates/schema';
import { FieldInput } from '@/components/ui/FieldInput';
import { useT } from '@/components/ui/i18n';
import { FailedStep } from '@/components/ui/Afterwards';
import type { SaveFailure } from '@/lib/db/storage-errors';

/**
 * The form's fields: the required ones first, the optional ones folded under a
 * one-line summary of what they hold. A field shows as invalid only once the
 * caseworker has left it (`touched`) or pressed insert (`attempted`).
 */
export function FieldSections({
  template,
  values,
  missing,
  attempted,
  touched,
  onTouch,
  onChange,
}: {
  template: Template;
  values: FormValues;
  missing: readonly TemplateField[];
  attempted: boolean;
  touched: ReadonlySet<string>;
  onTouch(fieldId: string): void;
  onChange(fieldId: string, value: FieldValue): void;
}) {
  const t = useT();
  const visible = template.fields.filter((f) => isVisible(template, f, values));
  const required = visible.filter((f) => f.required);
  const optional = visible.filter((f) => !f.required);
  const input = (f: TemplateField) => (
    // Blur bubbles in React: leaving any control of the field marks it touched.
    <div key={f.id} onBlur={() => onTouch(f.id)}>
      <FieldInput
        field={f}
        value={values[f.id]}
        invalid={(attempted || touched.has(f.id)) && missing.includes(f)}
        onChange={(v) => onChange(f.id, v)}
      />
    </div>
  );
  const filled = optional.filter((f) => !isEmpty(values[f.id]) && values[f.id] !== false).length;
  const labels = optional.map((f) => f.label).join(', ');
  return (
    <>
      {required.map(input)}
      {optional.length > 0 && (
        <details className="mt-4 rounded border border-slate-300" data-testid="template-optional">
          <summary className="cursor-pointer truncate px-2 py-1.5 text-sm font-medium hover:bg-slate-50">
            {filled > 0
              ? t('templates.optionalFilled', { count: optional.length, filled, labels })
              : t('templates.optional', { count: optional.length, labels })}
          </summary>
          <div className="px-2 pb-2">{optional.map(input)}</div>
        </details>
      )}
    </>
  );
}

type Status = { tone: 'ok' | 'warning' | 'error'; key: MessageKey; params?: Record<string, string> };

export function StatusLine({ status, testId = 'template-status' }: { status: Status | null; testId?: string }) {
  const t = useT();
  return (
    <div role="status" className="mt-2 text-sm" data-testid={testId}>
      {status && (
        <p
          className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : status.tone === 'warning' ? 'bg-amber-50 text-amber-900' : 'bg-red-50 text-red-900'}`}
        >
          {t(status.key, status.params)}
        </p>
      )}
    </div>
  );
}

/** After inserting: what went where, and the way on; no form, so no list of missing fields. */
export function InsertedState({
  title,
  status,
  notRecorded,
  copied,
  onCopyAgain,
  onNewDraft,
  onBack,
}: {
  title: string;
  status: Status;
  notRecorded: SaveFailure | null;
  /**
   * The note, when it went to the clipboard: not in the record until pasted (or, with
   * `checkField`, not seen there after the insertion), and it can be copied again.
   */
  copied: { text: string; checkField: boolean } | null;
  /** Copies again while the panel can be seen; the line that says how it went. */
  onCopyAgain(text: string): Promise<Status>;
  onNewDraft(): void;
  onBack(): void;
}) {
  const t = useT();
  const [again, setAgain] = useState<Status | null>(null);
  const heading = !copied ? 'templates.done' : copied.checkField ? 'templates.doneCheck' : 'templates.doneCopied';
  // No focus move here: after inserting, focus is back in the host's field.
  return (
    <section aria-labelledby="template-done" data-testid="template-done">
      <h2 id="template-done" className="mt-2 text-base font-semibold">
        {t(heading, { title })}
      </h2>
      <StatusLine status={status} />
      {again && <StatusLine status={again} testId="copy-again-status" />}
      {notRecorded && <FailedStep message="insert.notRecorded" failure={notRecorded} testId="not-recorded" />}
      <div className="mt-3 flex flex-wrap gap-2">
        {copied !== null && (
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => void onCopyAgain(copied.text).then(setAgain)}
          >
            {t('templates.copyAgain')}
          </button>
        )}
        <button
          type="button"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
          onClick={onNewDraft}
        >
          {t('templates.newDraft')}
        </button>
        <button
          type="button"
          className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
          onClick={onBack}
        >
          {t('templates.back')}
        </button>
      </div>
    </section>
  );
}
