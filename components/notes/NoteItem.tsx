import { useEffect, useRef, useState } from 'react';
import type { NoteRecord } from '@/lib/db/records';
import { draftIdForEdit } from '@/lib/notes/draft-repository';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { formatDateTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { useDraft } from './use-draft';

export function NoteItem({
  note,
  hasEditDraft,
  onDeleted,
}: {
  note: NoteRecord;
  hasEditDraft: boolean;
  onDeleted(note: NoteRecord): void;
}) {
  const t = useT();
  const locale = useLocale();
  const { repository } = usePanelServices();
  const [editingByChoice, setEditing] = useState(false);
  // An unfinished edit (e.g. from before a crash) reopens the editor with it.
  const editing = editingByChoice || hasEditDraft;
  const [error, setError] = useState<SaveFailure | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const remove = async () => {
    try {
      const removed = await repository.notes.remove(note.id);
      if (removed) onDeleted(removed);
      setError(null);
    } catch (e) {
      setError(saveFailure(e));
    }
  };

  return (
    <li className="rounded border border-slate-300 bg-white p-3" data-testid="note">
      {editing ? (
        <NoteEditor
          note={note}
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          <p className="text-sm break-words whitespace-pre-wrap">{note.body}</p>
          <div className="mt-2 flex items-center gap-3 text-xs text-slate-600">
            <span>
              <time dateTime={new Date(note.createdAt).toISOString()}>
                {t('notes.created', { time: formatDateTime(locale, note.createdAt) })}
              </time>
              {note.updatedAt !== note.createdAt && (
                <>
                  {' · '}
                  <time dateTime={new Date(note.updatedAt).toISOString()}>
                    {t('notes.edited', { time: formatDateTime(locale, note.updatedAt) })}
                  </time>
                </>
              )}
            </span>
            <button
              ref={editButton}
              type="button"
              className="ml-auto text-sky-800 underline hover:text-sky-950"
              onClick={() => setEditing(true)}
            >
              {t('notes.edit')}
            </button>
            <button type="button" className="text-red-800 underline hover:text-red-950" onClick={() => void remove()}>
              {t('notes.delete')}
            </button>
          </div>
          {error && <SaveError failure={error} onRetry={() => void remove()} />}
        </>
      )}
    </li>
  );
}

function NoteEditor({ note, onDone }: { note: NoteRecord; onDone(): void }) {
  const t = useT();
  const { repository } = usePanelServices();
  const draft = useDraft(repository, draftIdForEdit(note.id), note.citizenKey, note.body);
  const [error, setError] = useState<SaveFailure | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = `edit-${note.id}`;

  useEffect(() => {
    if (draft.text !== null) field.current?.focus();
  }, [draft.text === null]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const body = draft.text?.trim() ?? '';
    if (!body) return;
    const typed = draft.text ?? '';
    draft.reset(typed);
    try {
      await repository.notes.update(note.id, body);
      onDone();
    } catch (e) {
      draft.change(typed);
      setError(saveFailure(e));
    }
  };

  const cancel = async () => {
    draft.reset(note.body);
    await repository.drafts.discard(draftIdForEdit(note.id));
    onDone();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={fieldId} className="text-sm font-medium">
        {t('notes.edit.label')}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        className="mt-1 block min-h-24 w-full resize-y rounded border border-slate-400 p-2 text-sm focus:border-sky-700 focus:outline-2 focus:outline-sky-700"
        value={draft.text ?? ''}
        disabled={draft.text === null}
        onChange={(e) => draft.change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape' && draft.text === note.body) {
            // Nothing changed: closes. With changes it is not taken here, and goes back to the case
            // system (lib/panel/focus.ts) with the edit kept as a draft; "Annullér" discards it.
            e.preventDefault();
            void cancel();
          }
        }}
      />
      <div className="mt-2 flex gap-2">
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1 text-sm font-medium text-white hover:bg-sky-900 disabled:bg-slate-400"
          disabled={!draft.text?.trim()}
        >
          {t('common.save')}
        </button>
        <button
          type="button"
          className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
          onClick={() => void cancel()}
        >
          {t('common.cancel')}
        </button>
      </div>
      {(error ?? draft.error) && (
        <SaveError failure={(error ?? draft.error)!} onRetry={() => void (error ? save() : draft.flush())} />
      )}
    </form>
  );
}
