import { move } from '@/lib/packs/editor/build';
import type { DraftField } from '@/lib/packs/editor/draft';
import { newKey, slugFrom } from '@/lib/packs/editor/ids';
import { useT } from '@/components/ui/i18n';
import { secondaryButtonClass } from '@/components/ui/styles';
import { CheckboxField, MoveButtons, PathErrors, TextField } from './EditorInputs';

/** A choice field's options: label, value (following the label until typed), default, order. */
export function OptionsEditor({
  field,
  path,
  set,
}: {
  field: DraftField;
  path: string;
  set(patch: Partial<DraftField>): void;
}) {
  const t = useT();
  const options = field.options;
  const setOptions = (next: DraftField['options']) => {
    const values = new Set(next.map((o) => o.value));
    set({
      options: next,
      default: values.has(field.default) ? field.default : '',
      defaults: field.defaults.filter((d) => values.has(d)),
    });
  };
  return (
    <div className="mt-3">
      <h5 className="text-sm font-semibold">{t('editor.options')}</h5>
      <PathErrors path={`${path}.options`} />
      {field.kind === 'choices' && <PathErrors path={`${path}.default`} />}
      <ol className="mt-1 space-y-2">
        {options.map((o, i) => {
          const name = o.label || t('editor.option.untitled', { n: i + 1 });
          return (
            <li key={o.key} className="flex flex-wrap items-end gap-2">
              <TextField
                className="min-w-40 flex-1"
                label={t('editor.option.label', { n: i + 1 })}
                path={`${path}.options.${i}.label`}
                value={o.label}
                onChange={(label) =>
                  setOptions(
                    options.map((x, j) =>
                      // The value follows the label until the team lead types one.
                      j === i
                        ? {
                            ...x,
                            label,
                            value: x.value === '' || x.value === slugFrom(x.label, '') ? slugFrom(label, '') : x.value,
                          }
                        : x,
                    ),
                  )
                }
              />
              <TextField
                className="w-40"
                label={t('editor.option.value', { n: i + 1 })}
                path={`${path}.options.${i}.value`}
                value={o.value}
                mono
                onChange={(value) => setOptions(options.map((x, j) => (j === i ? { ...x, value } : x)))}
              />
              {field.kind === 'choices' && (
                <CheckboxField
                  className="pb-1"
                  label={t('editor.option.default')}
                  checked={field.defaults.includes(o.value)}
                  onChange={(on) =>
                    set({ defaults: on ? [...field.defaults, o.value] : field.defaults.filter((d) => d !== o.value) })
                  }
                />
              )}
              <span className="flex gap-1 pb-0.5">
                <MoveButtons
                  index={i}
                  count={options.length}
                  name={name}
                  onMove={(by) => setOptions(move(options, i, by))}
                />
                <button
                  type="button"
                  className={`${secondaryButtonClass} text-red-800`}
                  aria-label={t('editor.removeNamed', { name })}
                  onClick={() => setOptions(options.filter((_, j) => j !== i))}
                >
                  {t('editor.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={`${secondaryButtonClass} mt-2`}
        onClick={() => setOptions([...options, { key: newKey(), value: '', label: '' }])}
      >
        {t('editor.option.add')}
      </button>
    </div>
  );
}
