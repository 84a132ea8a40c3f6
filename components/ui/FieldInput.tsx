import type { FieldValue } from '@/lib/templates/form';
import type { TemplateField } from '@/lib/templates/schema';
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

  if (field.kind === 'choices' || field.kind === 'yesno') {
    const options =
      field.kind === 'yesno'
        ? [
            { value: 'true', label: t('templates.yes') },
            { value: 'false', label: t('templates.no') },
          ]
        : field.options;
    const selected = (v: string) =>
      field.kind === 'yesno' ? String(value) === v : Array.isArray(value) && value.includes(v);
    return (
      <fieldset className="mt-3" id={id} aria-describedby={helpId} aria-invalid={invalid || undefined}>
        <legend className="text-sm font-medium">{label}</legend>
        {help}
        <div className={`mt-1 flex flex-wrap gap-x-4 gap-y-1 ${field.kind === 'choices' ? 'flex-col' : ''}`}>
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-1.5 text-sm">
              <input
                type={field.kind === 'yesno' ? 'radio' : 'checkbox'}
                name={id}
                value={o.value}
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
      ) : (
        <input
          {...common}
          type={field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
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
