import { useMemo, useState } from 'react';
import { buildTemplate, SAMPLE_PREFILL } from '@/lib/packs/editor/build';
import type { DraftTemplate } from '@/lib/packs/editor/draft';
import { canonicalJson } from '@/lib/packs/signing';
import { initialValues, isVisible, missingRequired, renderNote, type FormValues } from '@/lib/templates/form';
import { parseTemplate, type Template } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { FieldInput } from '@/components/ui/FieldInput';
import { TemplateBasis } from '@/components/ui/TemplateBasis';

/**
 * The template as the caseworker will see it in the panel: the same field
 * inputs and the same note rendering, filled with sample values where the
 * panel would read them from the case system.
 */
export function TemplatePreview({ draft }: { draft: DraftTemplate }) {
  const t = useT();
  const parsed = useMemo(() => parseTemplate(buildTemplate(draft)), [draft]);
  if (!parsed.ok)
    return (
      <p className="text-sm text-slate-700" data-testid="editor-preview-unavailable">
        {t('editor.preview.fixFirst')}
      </p>
    );
  // A new form whenever the fields change; typing in the body keeps the sample answers.
  return <LiveForm key={canonicalJson(parsed.template.fields)} template={parsed.template} />;
}

function LiveForm({ template }: { template: Template }) {
  const t = useT();
  const [values, setValues] = useState<FormValues>(() => initialValues(template, SAMPLE_PREFILL));
  const note = renderNote(template, values);
  const missing = missingRequired(template, values);
  return (
    <div
      className="max-w-md rounded border border-slate-300 bg-white p-3 shadow-sm"
      data-testid="editor-template-preview"
    >
      <h5 className="text-base font-semibold">{template.title}</h5>
      <TemplateBasis template={template} />
      {template.fields
        .filter((f) => isVisible(template, f, values))
        .map((f) => (
          <FieldInput
            key={f.id}
            field={f}
            value={values[f.id]}
            invalid={false}
            onChange={(v) => setValues((current) => ({ ...current, [f.id]: v }))}
          />
        ))}
      <h6 className="mt-4 text-sm font-semibold" id="editor-preview-note-heading">
        {t('templates.preview')}
      </h6>
      <pre
        tabIndex={0}
        aria-labelledby="editor-preview-note-heading"
        data-testid="editor-note-preview"
        className="mt-1 max-h-72 overflow-y-auto rounded border border-slate-300 bg-slate-50 p-2 font-sans text-sm break-words whitespace-pre-wrap"
      >
        {note}
      </pre>
      {missing.length > 0 && (
        <p className="mt-2 text-sm text-red-800">
          {t('templates.missing', { fields: missing.map((f) => f.label).join(', ') })}
        </p>
      )}
    </div>
  );
}
