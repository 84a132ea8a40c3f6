import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import type { NoteRecord } from '@/lib/db/records';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from '@/components/ui/i18n';
import { FailedStep } from '@/components/ui/Afterwards';
import { session } from '@/lib/crypto/session';

/** How long "Fortryd" is offered after a note is deleted. */
const UNDO_MS = 10_000;

export function UndoToast({ message, onUndo, onClose }: { message: string; onUndo(): void; onClose(): void }) {
  const t = useT();
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), []);
  return (
    <div
      role="status"
      className="sticky bottom-2 mt-4 flex items-center gap-3 rounded bg-slate-900 px-3 py-2 text-sm text-white shadow-lg"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <span className="mr-auto">{message}</span>
      <button
        ref={undo}
        type="button"
        className="rounded px-2 py-0.5 font-semibold text-amber-300 underline focus-visible:outline-2 focus-visible:outline-amber-300"
        onClick={onUndo}
      >
        {t('common.undo')}
      </button>
    </div>
  );
}

type FailedRestore = { note: NoteRecord; failure: SaveFailure };

/**
 * Restores that failed, kept outside the notes view: switching tab or citizen in
 * the panel unmounts it, and took the only copy of the deleted note with it. Kept
 * until retried, or until Sidevogn locks (no citizen text is held while locked).
 */
const useFailedRestores = create<Record<string, FailedRestore>>(() => ({}));
let watchingLock = false;
function setFailed(id: string, failed: FailedRestore | null): void {
  if (failed && !watchingLock) {
    watchingLock = true;
    session.subscribe((unlocked) => void (unlocked || useFailedRestores.setState({}, true)));
  }
  useFailedRestores.setState((all) => {
    const { [id]: _dropped, ...rest } = all;
    // Failed once Sidevogn had locked (the restore found no key): nothing is held while locked.
    return failed && session.current() !== null ? { ...rest, [id]: failed } : rest;
  }, true);
}

/**
 * "Noten er slettet" with Fortryd for UNDO_MS after a delete. A restore that
 * fails (a full disk) says so, with Prøv igen, instead of the note staying
 * gone while the toast has closed as if it came back; it stays on screen for
 * its citizen through later deletes and tab switches, until it is retried.
 */
export function useUndoDelete(
  citizenKey: string,
  restore: (note: NoteRecord) => Promise<void>,
): {
  onDeleted(note: NoteRecord): void;
  element: ReactNode;
} {
  const t = useT();
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const failures = Object.values(useFailedRestores()).filter((f) => f.note.citizenKey === citizenKey);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onDeleted = useCallback((note: NoteRecord) => {
    setDeleted(note);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setDeleted(null), UNDO_MS);
  }, []);
  const undo = (note: NoteRecord) => {
    setFailed(note.id, null);
    restore(note).catch((e: unknown) => setFailed(note.id, { note, failure: saveFailure(e) }));
  };

  const element = (
    <>
      {deleted && (
        <UndoToast
          message={t('notes.deleted')}
          onUndo={() => {
            clearTimeout(timer.current);
            setDeleted(null);
            undo(deleted);
          }}
          onClose={() => setDeleted(null)}
        />
      )}
      {failures.map((failed) => (
        <FailedStep
          key={failed.note.id}
          message="notes.undoFailed"
          failure={failed.failure}
          onRetry={() => undo(failed.note)}
          testId="undo-failed"
        />
      ))}
    </>
  );
  return { onDeleted, element };
}
