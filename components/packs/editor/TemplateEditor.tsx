import { useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { insertAtCursor, move, newField } from '@/lib/packs/editor/build';
import { FIELD_KINDS, type DraftTemplate, type FieldKind } from '@/lib/packs/editor/draft';
import { MEETING_TYPES } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { PathErrors, SelectField, TextField } from './EditorInputs';
import { FieldEditor } from './FieldEditor';
import { TemplatePreview } from './TemplatePreview';
import { secondaryButtonClass } from '@/components/ui/styles';

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
  const t = useT();
  const set = (patch: Partial<DraftTemplate>) => onChange({ ...template, ...patch });
  const [newKind, setNewKind] = useState<FieldKind>('text');
  const [previewing, setPreviewing] = useState(false);
  const body = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const selection = useRef({ start: template.body.length, end: template.body.length });

  const insertPlaceholder = (snippet: string) => {
    const { text, caret } = insertAtCursor(template.body, selection.current.start, selection.current.end, snippet);
    set({ body: text });
    selection.current = { start: caret, end: caret };
    requestAnimationFrame(() => {
      body.current?.focus();
      body.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className="mt-3 space-y-4">
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
        <TextField
          label={t('editor.template.title')}
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
        <TextField
          label={t('editor.legalBasis')}
          path={`${path}.legalBasis`}
          value={template.legalBasis}
          onChange={(legalBasis) => set({ legalBasis })}
        />
        <TextField
          label={t('editor.sourceUrl')}
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
        <TextField
          className="sm:col-span-2"
          label={t('editor.target')}
          path={`${path}.target`}
          value={template.target ?? ''}
          onChange={(target) => set({ target })}
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

      <div>
        <TextField
          label={t('editor.body')}
          help={t('editor.bodyHelp')}
          path={`${path}.body`}
          value={template.body}
          multiline
          rows={8}
          mono
          inputRef={body}
          onSelect={() => {
            const el = body.current;
            if (el) selection.current = { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
          }}
          onChange={(text) => set({ body: text })}
        />
        {template.fields.length > 0 && (
          <div className="mt-1 flex flex-wrap items-center gap-1" role="group" aria-label={t('editor.placeholders')}>
            <span className="text-xs text-slate-700">{t('editor.placeholders')}:</span>
            {template.fields
              .filter((f) => f.id)
              .map((f) => (
                <button
                  key={f.key}
                  type="button"
                  className="rounded border border-sky-700 bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-900 hover:bg-sky-100"
                  title={t('editor.placeholder.insert', { label: f.label || f.id })}
                  onClick={() => insertPlaceholder(`{{${f.id}}}`)}
                >
                  {`{{${f.id}}}`}
                </button>
              ))}
          </div>
        )}
      </div>

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
    </div>
  );
}
