import type { MessageKey } from '@/lib/i18n/messages';
import { FIELD_KINDS, type DraftField, type FieldKind } from '@/lib/packs/editor/draft';
import { isoToday } from '@/lib/templates/form';
import { PREFILL_SOURCES } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { CheckboxField, ConfirmButton, MoveButtons, PathErrors, SelectField, TextField } from './EditorInputs';
import { OptionsEditor } from './OptionsEditor';

const PREFILLABLE: FieldKind[] = ['text', 'textarea', 'date'];
const CONTROLLERS: FieldKind[] = ['choice', 'choices', 'yesno'];

/** One template field: what the caseworker sees (label, help), its kind and its rules. */
export function FieldEditor({
  field,
  index,
  fields,
  path,
  onChange,
  onMove,
  onRemove,
}: {
  field: DraftField;
  index: number;
  fields: DraftField[];
  path: string;
  onChange(field: DraftField): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const t = useT();
  const set = (patch: Partial<DraftField>) => onChange({ ...field, ...patch });
  const name = field.label || t('editor.field.untitled', { n: index + 1 });
  const hasOptions = field.kind === 'choice' || field.kind === 'choices';

  return (
    <fieldset className="rounded border border-slate-300 bg-slate-50 p-3" data-testid="field-editor">
      <legend className="px-1 text-sm font-semibold">
        {t('editor.field.legend', { n: index + 1 })}: {name}
      </legend>
      <div className="flex flex-wrap justify-end gap-1">
        <MoveButtons index={index} count={fields.length} name={name} onMove={onMove} />
        <ConfirmButton
          label={t('editor.remove')}
          accessibleLabel={t('editor.removeNamed', { name })}
          question={t('editor.field.removeQuestion', { name })}
          confirmLabel={t('editor.remove')}
          onConfirm={onRemove}
        />
      </div>
      <PathErrors path={path} />
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-3">
        <FieldNameAndKind field={field} path={path} set={set} labelClass="sm:col-span-2" />
        <TextField
          className="sm:col-span-2"
          label={t('editor.field.help')}
          path={`${path}.help`}
          value={field.help}
          onChange={(help) => set({ help })}
        />
        <TextField
          label={t('editor.field.id')}
          help={`${t('editor.field.idHelp', { example: `{{${field.id || '…'}}}` })} ${t(field.autoId ? 'editor.field.idFollows' : 'editor.field.idFixed')}`}
          path={`${path}.id`}
          value={field.id}
          mono
          onChange={(id) => set({ id, autoId: false })}
        />
        <CheckboxField
          className="self-end pb-1"
          label={t('editor.field.required')}
          checked={field.required}
          onChange={(required) => set({ required })}
        />
        {PREFILLABLE.includes(field.kind) && (
          <SelectField
            label={t('editor.field.prefill')}
            path={`${path}.prefill`}
            value={field.prefill}
            options={[
              { value: '', label: t('editor.field.prefill.none') },
              ...PREFILL_SOURCES.map((p) => ({ value: p, label: t(`editor.prefill.${p}` as MessageKey) })),
            ]}
            onChange={(prefill) => set({ prefill: prefill as DraftField['prefill'] })}
          />
        )}
        <DefaultInput field={field} path={path} set={set} />
        {field.kind === 'choices' && (
          <SelectField
            label={t('editor.field.style')}
            path={`${path}.style`}
            value={field.style}
            options={[
              { value: 'list', label: t('editor.field.style.list') },
              { value: 'sentences', label: t('editor.field.style.sentences') },
            ]}
            onChange={(style) => set({ style: style as DraftField['style'] })}
          />
        )}
        {field.kind === 'number' && <NumberInputs field={field} path={path} set={set} />}
        <ShowWhenInputs field={field} fields={fields} index={index} path={path} set={set} />
      </div>
      {hasOptions && <OptionsEditor field={field} path={path} set={set} />}
    </fieldset>
  );
}

/** The field's label and kind (a new kind starts without a default); also the guided path's. */
export function FieldNameAndKind({
  field,
  path,
  set,
  labelClass,
}: {
  field: DraftField;
  path: string;
  set(patch: Partial<DraftField>): void;
  labelClass?: string;
}) {
  const t = useT();
  return (
    <>
      <TextField
        className={labelClass}
        label={t('editor.field.label')}
        path={`${path}.label`}
        value={field.label}
        onChange={(label) => set({ label })}
      />
      <SelectField
        label={t('editor.field.kind')}
        path={`${path}.kind`}
        value={field.kind}
        options={FIELD_KINDS.map((k) => ({ value: k, label: t(`editor.kind.${k}` as MessageKey) }))}
        onChange={(kind) => set({ kind: kind as FieldKind, default: '', defaults: [] })}
      />
    </>
  );
}

/** Smallest, largest and unit of a number field. */
function NumberInputs({
  field,
  path,
  set,
}: {
  field: DraftField;
  path: string;
  set(patch: Partial<DraftField>): void;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('editor.field.min')}
        path={`${path}.min`}
        value={field.min}
        onChange={(min) => set({ min })}
      />
      <TextField
        label={t('editor.field.max')}
        path={`${path}.max`}
        value={field.max}
        onChange={(max) => set({ max })}
      />
      <TextField
        label={t('editor.field.unit')}
        path={`${path}.unit`}
        value={field.unit}
        onChange={(unit) => set({ unit })}
      />
    </>
  );
}

/** "Show only when" another field before this one (a choice or yes/no) has a value. */
function ShowWhenInputs({
  field,
  fields,
  index,
  path,
  set,
}: {
  field: DraftField;
  fields: DraftField[];
  index: number;
  path: string;
  set(patch: Partial<DraftField>): void;
}) {
  const t = useT();
  const controllers = fields.slice(0, index).filter((f) => CONTROLLERS.includes(f.kind) && f.id);
  const controller = fields.find((f) => f.id === field.showWhenField);
  if (controllers.length === 0) return null;
  return (
    <>
      <SelectField
        label={t('editor.field.showWhen')}
        path={`${path}.showWhen.field`}
        value={field.showWhenField}
        options={[
          { value: '', label: t('editor.field.showWhen.always') },
          ...controllers.map((c) => ({ value: c.id, label: c.label || c.id })),
        ]}
        onChange={(showWhenField) => {
          const c = fields.find((f) => f.id === showWhenField);
          set({
            showWhenField,
            showWhenEquals: c?.kind === 'yesno' ? 'true' : (c?.options[0]?.value ?? ''),
          });
        }}
      />
      {controller && (
        <SelectField
          label={t('editor.field.showWhen.equals')}
          path={`${path}.showWhen.equals`}
          value={field.showWhenEquals}
          options={
            controller.kind === 'yesno'
              ? [
                  { value: 'true', label: t('templates.yes') },
                  { value: 'false', label: t('templates.no') },
                ]
              : controller.options.map((o) => ({ value: o.value, label: o.label || o.value }))
          }
          onChange={(showWhenEquals) => set({ showWhenEquals })}
        />
      )}
    </>
  );
}

function DefaultInput({
  field,
  path,
  set,
}: {
  field: DraftField;
  path: string;
  set(patch: Partial<DraftField>): void;
}) {
  const t = useT();
  const label = t('editor.field.default');
  const at = `${path}.default`;
  switch (field.kind) {
    case 'yesno':
      return (
        <SelectField
          label={label}
          path={at}
          value={field.default}
          options={[
            { value: '', label: t('editor.field.default.none') },
            { value: 'true', label: t('templates.yes') },
            { value: 'false', label: t('templates.no') },
          ]}
          onChange={(v) => set({ default: v })}
        />
      );
    case 'choice':
      return (
        <SelectField
          label={label}
          path={at}
          value={field.default}
          options={[
            { value: '', label: t('editor.field.default.none') },
            ...field.options.map((o) => ({ value: o.value, label: o.label || o.value })),
          ]}
          onChange={(v) => set({ default: v })}
        />
      );
    case 'choices':
      return null; // ticked per option in the options editor
    case 'date': {
      const specific = field.default !== '' && field.default !== 'today';
      return (
        <>
          <SelectField
            label={label}
            path={specific ? undefined : at}
            value={field.default === 'today' ? 'today' : specific ? 'date' : ''}
            options={[
              { value: '', label: t('editor.field.default.none') },
              { value: 'today', label: t('editor.field.default.today') },
              { value: 'date', label: t('editor.field.default.date') },
            ]}
            onChange={(v) => set({ default: v === 'today' ? 'today' : v === 'date' ? isoToday() : '' })}
          />
          {specific && (
            <TextField
              type="date"
              label={t('editor.field.default.date')}
              path={at}
              value={field.default}
              onChange={(v) => set({ default: v })}
            />
          )}
        </>
      );
    }
    default:
      return (
        <TextField
          label={label}
          path={at}
          value={field.default}
          multiline={field.kind === 'textarea'}
          rows={2}
          onChange={(v) => set({ default: v })}
        />
      );
  }
}
