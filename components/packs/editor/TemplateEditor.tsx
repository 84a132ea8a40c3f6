import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { move, newField } from '@/lib/packs/editor/build';
import { FIELD_KINDS, type DraftTemplate, type FieldKind } from '@/lib/packs/editor/draft';
import { MEETING_TYPES } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { BodyEditor } from './BodyEditor';
import { CheckboxField, PathErrors, SelectField, TextField } from './EditorInputs';
import { FieldEditor } from './FieldEditor';
import { TemplatePreview } from './TemplatePreview';
import { secondaryButtonClass } from '@/components/ui/styles';

export type SetTemplate = (patch: Partial<DraftTemplate>) => void;

/** Everything about one template: where it applies, its fields, and the note it writes. */
export function TemplateEditor({
  template,
  path,
  onChange,
}: {
  template: DraftTemplate;
  path: string;
  onChange(template: DraftTemplate): void;
}) {
  const set: SetTemplate = (patch) => onChange({ ...template, ...patch });
  return (
    <div className="mt-3 space-y-4">
      <TemplateDetails template={template} path={path} set={set} />
      <FieldList template={template} path={path} set={set} />
      <BodyEditor template={template} path={path} onChange={(body) => set({ body })} />
      <PreviewToggle template={template} />
    </div>
  );
}

/** Title, meeting type, legal basis (optional for an internal template), validity and ids. */
function TemplateDetails({ template, path, set }: { template: DraftTemplate; path: string; set: SetTemplate }) {
  const t = useT();
  return (
    <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
      <TemplateBasics template={template} path={path} set={set} titleLabel={t('editor.template.title')} />
      <TextField
        className="sm:col-span-2"
        label={t('editor.target')}
        path={`${path}.target`}
        value={template.target ?? ''}
        onChange={(target) => set({ target })}
      />
      <TextField
        className="sm:col-span-2"
        label={t('editor.shortcut')}
        path={`${path}.shortcut`}
        value={template.shortcut ?? ''}
        onChange={(shortcut) => set({ shortcut })}
      />
      <div className="grid grid-cols-3 gap-x-3 sm:col-span-2">
        <TextField
          label={t('editor.checkedAt')}
          type="date"
          path={`${path}.checkedAt`}
          value={template.checkedAt}
          onChange={(checkedAt) => set({ checkedAt })}
        />
        <TextField
          label={t('editor.validFrom')}
          type="date"
          path={`${path}.validFrom`}
          value={template.validFrom}
          onChange={(validFrom) => set({ validFrom })}
        />
        <TextField
          label={t('editor.validTo')}
          type="date"
          path={`${path}.validTo`}
          value={template.validTo}
          onChange={(validTo) => set({ validTo })}
        />
        <TextField
          label={t('editor.replaces')}
          help={t('editor.replacesHelp')}
          path={`${path}.replaces`}
          value={template.replaces ?? ''}
          mono
          onChange={(replaces) => set({ replaces })}
        />
      </div>
      <TextField
        label={t('editor.id')}
        help={t('editor.idHelp')}
        path={`${path}.id`}
        value={template.id}
        mono
        onChange={(id) => set({ id, autoId: false })}
      />
    </div>
  );
}

/**
 * Title, meeting type, internal, legal basis and source (optional when
 * internal), description: grid cells shared by the editor and the guided path.
 */
export function TemplateBasics({
  template,
  path,
  set,
  titleLabel,
}: {
  template: DraftTemplate;
  path: string;
  set: SetTemplate;
  titleLabel: string;
}) {
  const t = useT();
  const internal = template.internal ?? false;
  return (
    <>
      <TextField
        label={titleLabel}
        path={`${path}.title`}
        value={template.title}
        onChange={(title) => set({ title })}
      />
      <SelectField
        label={t('templates.meetingType')}
        path={`${path}.meetingType`}
        value={template.meetingType}
        options={MEETING_TYPES.map((m) => ({ value: m, label: t(`meeting.${m}` as MessageKey) }))}
        onChange={(meetingType) => set({ meetingType: meetingType as DraftTemplate['meetingType'] })}
      />
      <CheckboxField
        className="sm:col-span-2"
        label={t('editor.internal')}
        help={t('guide.internalHelp')}
        checked={internal}
        onChange={(on) => set({ internal: on })}
      />
      <TextField
        label={internal ? t('editor.legalBasisOptional') : t('editor.legalBasis')}
        path={`${path}.legalBasis`}
        value={template.legalBasis}
        onChange={(legalBasis) => set({ legalBasis })}
      />
      <TextField
        label={internal ? t('editor.sourceUrlOptional') : t('editor.sourceUrl')}
        type="url"
        path={`${path}.sourceUrl`}
        value={template.sourceUrl}
        onChange={(sourceUrl) => set({ sourceUrl })}
      />
      <TextField
        className="sm:col-span-2"
        label={t('editor.description')}
        path={`${path}.description`}
        value={template.description}
        onChange={(description) => set({ description })}
      />
    </>
  );
}

/** The fields the caseworker fills in, each with its own editor, and "add a field" of a chosen kind. */
function FieldList({ template, path, set }: { template: DraftTemplate; path: string; set: SetTemplate }) {
  const t = useT();
  const [newKind, setNewKind] = useState<FieldKind>('text');
  return (
    <section aria-label={t('editor.fields')}>
      <h4 className="text-sm font-semibold">{t('editor.fields')}</h4>
      <PathErrors path={`${path}.fields`} />
      <div className="mt-1 space-y-3">
        {template.fields.map((f, i) => (
          <FieldEditor
            key={f.key}
            field={f}
            index={i}
            fields={template.fields}
            path={`${path}.fields.${i}`}
            onChange={(field) => set({ fields: template.fields.map((x, j) => (j === i ? field : x)) })}
            onMove={(by) => set({ fields: move(template.fields, i, by) })}
            onRemove={() => set({ fields: template.fields.filter((_, j) => j !== i) })}
          />
        ))}
      </div>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <SelectField
          label={t('editor.field.newKind')}
          value={newKind}
          options={FIELD_KINDS.map((k) => ({ value: k, label: t(`editor.kind.${k}` as MessageKey) }))}
          onChange={(k) => setNewKind(k as FieldKind)}
        />
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => set({ fields: [...template.fields, newField(newKind)] })}
        >
          {t('editor.field.add')}
        </button>
      </div>
    </section>
  );
}

function PreviewToggle({ template }: { template: DraftTemplate }) {
  const t = useT();
  const [previewing, setPreviewing] = useState(false);
  return (
    <div>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-expanded={previewing}
        onClick={() => setPreviewing((p) => !p)}
      >
        {previewing ? t('editor.preview.hide') : t('editor.preview.show')}
      </button>
      {previewing && (
        <div className="mt-2">
          <TemplatePreview draft={template} />
        </div>
      )}
    </div>
  );
}
