import type { ReactNode } from 'react';
import type { FieldValue } from '@/lib/templates/form';
import type { TemplateField } from '@/lib/templates/schema';
import { DateInput } from './DateInput';
import { useT } from './i18n';
import { validatedInputClass } from './styles';

const inputClass = `mt-1 ${validatedInputClass}`;

export const fieldDomId = (id: string) => `tf-${id}`;

/** One template field, labelled, with help text and its required state. */
export function FieldInput({
  field,
  value,
  invalid,
  onChange,
}: {
  field: TemplateField;
  value: FieldValue | undefined;
  invalid: boolean;
  onChange(value: FieldValue): void;
}) {
  const t = useT();
  const id = fieldDomId(field.id);
  const helpId = field.help ? `${id}-help` : undefined;
  const common = {
    id,
    'aria-describedby': helpId,
    'aria-required': field.required || undefined,
    'aria-invalid': invalid || undefined,
  };
  const label = (
    <>
      {field.label}
      {field.required && (
        <span className="text-red-800" title={t('templates.required')}>
          {' '}
          *<span className="sr-only">({t('templates.required')})</span>
        </span>
      )}
    </>
  );
  const help = field.help && (
    <p id={helpId} className="mt-0.5 text-xs text-slate-600">
      {field.help}
    </p>
  );

  if (field.kind === 'choices' || field.kind === 'yesno')
    return (
      <ChoiceFieldset {...{ id, field, value, invalid, onChange, helpId }} label={label}>
        {help}
      </ChoiceFieldset>
    );

  return (
    <div className="mt-3">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {help}
      {field.kind === 'textarea' ? (
        <textarea
          {...common}
          rows={3}
          className={`${inputClass} resize-y`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : field.kind === 'choice' ? (
        <select
          {...common}
          className={inputClass}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || null)}
        >
          <option value="">{t('templates.choose')}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.kind === 'date' ? (
        <DateInput
          id={id}
          value={typeof value === 'string' && value ? value : null}
          className={inputClass}
          describedBy={helpId}
          required={field.required}
          invalid={invalid}
          onChange={onChange}
        />
      ) : (
        <input
          {...common}
          type={field.kind === 'number' ? 'number' : 'text'}
          min={field.kind === 'number' ? field.min : undefined}
          max={field.kind === 'number' ? field.max : undefined}
          className={inputClass}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) =>
            onChange(field.kind === 'number' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value)
          }
        />
      )}
    </div>
  );
}

/** Yes/no radios or a set of checkboxes, in a fieldset named by the field's label. */
function ChoiceFieldset({
  id,
  field,
  value,
  invalid,
  onChange,
  helpId,
  label,
  children,
}: {
  id: string;
  field: TemplateField & { kind: 'choices' | 'yesno' };
  value: FieldValue | undefined;
  invalid: boolean;
  onChange(value: FieldValue): void;
  helpId: string | undefined;
  label: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const options =
    field.kind === 'yesno'
      ? [
          { value: 'true', label: t('templates.yes') },
          { value: 'false', label: t('templates.no') },
        ]
      : field.options;
  const selected = (v: string) =>
    field.kind === 'yesno' ? String(value) === v : Array.isArray(value) && value.includes(v);
  // Yes/no is one Tab stop: the answer, or Ja while unanswered; the arrow keys move
  // between them. The browser's own radio-group rule skips Nej only while Ja has
  // focus, so a re-render that drops focus made Nej a second stop (issue 30).
  const answered = options.some((o) => selected(o.value));
  const tabStop = (v: string, i: number) =>
    field.kind !== 'yesno' || (answered ? selected(v) : i === 0) ? undefined : -1;
  return (
    <fieldset className="mt-3" id={id} aria-describedby={helpId} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium">{label}</legend>
      {children}
      <div className={`mt-1 flex flex-wrap gap-x-4 gap-y-1 ${field.kind === 'choices' ? 'flex-col' : ''}`}>
        {options.map((o, i) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input
              type={field.kind === 'yesno' ? 'radio' : 'checkbox'}
              name={id}
              value={o.value}
              tabIndex={tabStop(o.value, i)}
              checked={selected(o.value)}
              onChange={(e) => {
                if (field.kind === 'yesno') onChange(o.value === 'true');
                else {
                  const current = Array.isArray(value) ? value : [];
                  onChange(e.target.checked ? [...current, o.value] : current.filter((v) => v !== o.value));
                }
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
