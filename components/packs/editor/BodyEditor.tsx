import { useRef } from 'react';
import { insertAtCursor } from '@/lib/packs/editor/build';
import type { DraftTemplate } from '@/lib/packs/editor/draft';
import { useT } from '@/components/ui/i18n';
import { TextField } from './EditorInputs';

/**
 * The note text with a button per field that puts its placeholder (`{{id}}`)
 * where the cursor was; used by the template editor and the guided path.
 */
export function BodyEditor({
  template,
  path,
  onChange,
}: {
  template: DraftTemplate;
  path: string;
  onChange(body: string): void;
}) {
  const t = useT();
  const body = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const selection = useRef({ start: template.body.length, end: template.body.length });

  const insertPlaceholder = (snippet: string) => {
    const { text, caret } = insertAtCursor(template.body, selection.current.start, selection.current.end, snippet);
    onChange(text);
    selection.current = { start: caret, end: caret };
    requestAnimationFrame(() => {
      body.current?.focus();
      body.current?.setSelectionRange(caret, caret);
    });
  };

  return (
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
        onChange={onChange}
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
  );
}
