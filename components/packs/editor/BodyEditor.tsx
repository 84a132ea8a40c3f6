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
  // Until the team lead has put the cursor in the text, a placeholder goes at its end.
  const placed = useRef(false);

  const insertPlaceholder = (snippet: string) => {
    // The textarea keeps its selection when a placeholder button takes focus: read it there (a
    // selection remembered from `select` events misses some changes, e.g. text filled in at once).
    const el = body.current;
    const at =
      el && placed.current ? [el.selectionStart, el.selectionEnd] : [template.body.length, template.body.length];
    const { text, caret } = insertAtCursor(template.body, at[0]!, at[1]!, snippet);
    onChange(text);
    placed.current = true;
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
          placed.current = true;
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
