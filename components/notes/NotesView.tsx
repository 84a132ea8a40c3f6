import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { NoteRecord } from '@/lib/db/records';
import { usePanelServices, useT } from '../panel/panel-context';
import { NoteComposer } from './NoteComposer';
import { NoteItem } from './NoteItem';
import { UndoToast } from './UndoToast';

const UNDO_MS = 10_000;

/** The citizen's private notes: a composer and the list, newest first, live. */
export function NotesView({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const notes = useLiveQuery(() => repository.notes.list(citizenKey), [repository, citizenKey]);
  const editDrafts = useLiveQuery(() => repository.drafts.editIdsFor(citizenKey), [repository, citizenKey]);
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const onDeleted = (note: NoteRecord) => {
    setDeleted(note);
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setDeleted(null), UNDO_MS);
  };

  return (
    <section className="px-4 py-3" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="text-base font-semibold">
        {t('notes.heading')}
      </h2>
      <p className="mb-2 text-xs text-slate-600">{t('notes.privateHint')}</p>
      <NoteComposer citizenKey={citizenKey} />
      {notes === undefined ? (
        <p className="mt-4 text-sm text-slate-600">{t('notes.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t('notes.empty')}</p>
      ) : (
        <>
          <p className="sr-only">{t('notes.count', { count: notes.length })}</p>
          <ol className="mt-4 space-y-3" aria-label={t('notes.heading')}>
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                hasEditDraft={editDrafts?.includes(note.id) ?? false}
                onDeleted={onDeleted}
              />
            ))}
          </ol>
        </>
      )}
      {deleted && (
        <UndoToast
          message={t('notes.deleted')}
          onUndo={() => {
            clearTimeout(undoTimer.current);
            setDeleted(null);
            void repository.notes.restore(deleted);
          }}
          onClose={() => setDeleted(null)}
        />
      )}
    </section>
  );
}
