import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { NOTES_FIRST_PAGE, NOTES_PAGE_SIZE, type NoteCursor } from '@/lib/notes/note-repository';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { UnreadableNotice } from '@/components/ui/Unreadable';
import { NoteComposer } from './NoteComposer';
import { NoteItem } from './NoteItem';
import { useUndoDelete } from './UndoToast';

/**
 * The citizen's private notes: a composer and the list, newest first, live.
 * Only the newest page is read and decrypted; "show older notes" extends the
 * window to the next page's last note, and the window then stays anchored
 * there, so notes added meanwhile (here or in another tab) appear on top
 * without pushing loaded ones out.
 */
export function NotesView({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const [through, setThrough] = useState<NoteCursor | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const page = useLiveQuery(
    () => repository.notes.window(citizenKey, through ? { through } : { newest: NOTES_FIRST_PAGE }),
    [repository, citizenKey, through],
  );
  const notes = page?.notes;
  // The count of older notes comes after the notes themselves (see NotePage).
  const oldest = page?.hasOlder ? page.notes.at(-1) : undefined;
  const older = useLiveQuery(
    () => (oldest ? repository.notes.olderCount(citizenKey, oldest) : 0),
    [repository, citizenKey, oldest?.id, oldest?.createdAt],
  );
  const list = useRef<HTMLOListElement>(null);
  // After "show older notes", focus moves to the first note it added (the button may be gone).
  const focusFrom = useRef<number | null>(null);
  const editDrafts = useLiveQuery(() => repository.drafts.editIdsFor(citizenKey), [repository, citizenKey]);
  const { onDeleted, element: undo } = useUndoDelete(citizenKey, (note) => repository.notes.restore(note));
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || !notes || notes.length <= from) return;
    focusFrom.current = null;
    list.current?.children[from]?.querySelector<HTMLElement>('button')?.focus();
  }, [notes]);

  const showOlder = async () => {
    const oldest = notes?.at(-1);
    if (!oldest || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const next = await repository.notes.cursorBelow(citizenKey, through ?? oldest, NOTES_PAGE_SIZE);
      if (next) {
        focusFrom.current = notes?.length ?? null;
        setThrough(next);
      }
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <section className="px-4 py-3" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="text-base font-semibold">
        {t('notes.heading')}
      </h2>
      <p className="mb-2 text-xs text-slate-600">{t('notes.privateHint')}</p>
      <NoteComposer citizenKey={citizenKey} />
      <UnreadableNotice count={page?.unreadable ?? 0} message="storage.unreadable.notes" />
      {notes === undefined ? (
        <p className="mt-4 text-sm text-slate-600">{t('notes.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t('notes.empty')}</p>
      ) : (
        <>
          <p className="sr-only" role="status">
            {!page?.hasOlder
              ? t('notes.count', { count: notes.length })
              : older
                ? t('notes.countShown', { shown: notes.length, count: notes.length + older })
                : ''}
          </p>
          <ol ref={list} className="mt-4 space-y-3" aria-label={t('notes.heading')}>
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                hasEditDraft={editDrafts?.includes(note.id) ?? false}
                onDeleted={onDeleted}
              />
            ))}
          </ol>
          {page?.hasOlder && (
            <button
              type="button"
              className="mt-3 rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
              aria-describedby="notes-older-count"
              aria-busy={loadingOlder}
              onClick={() => void showOlder()}
            >
              {t('notes.showOlder')}
            </button>
          )}
          {page?.hasOlder && (
            <p id="notes-older-count" className="mt-1 text-xs text-slate-600">
              {!older ? '' : older === 1 ? t('notes.olderOne') : t('notes.olderMany', { count: older })}
            </p>
          )}
        </>
      )}
      {undo}
    </section>
  );
}
