import { useState } from 'react';
import { draftIdForNewNote } from '@/lib/notes/draft-repository';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { formatTime } from '@/lib/i18n/i18n';
import { useLocale, useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { useDraft } from './use-draft';

export function NoteComposer({ citizenKey }: { citizenKey: string }) {
  const t = useT();
  const locale = useLocale();
  const { repository } = usePanelServices();
  const draft = useDraft(repository, draftIdForNewNote(citizenKey), citizenKey);
  const [saveError, setSaveError] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const body = draft.text?.trim() ?? '';
    if (!body || saving) return;
    setSaving(true);
    const typed = draft.text ?? '';
    draft.reset('');
    try {
      await repository.notes.create(citizenKey, body);
      setSaveError(null);
    } catch (e) {
      // Put the text back and keep it as a draft: nothing typed is lost.
      draft.change(typed);
      setSaveError(saveFailure(e));
    } finally {
      setSaving(false);
    }
  };

  // Beside a failed save, an earlier "Kladde gemt" would read as if the text on screen were kept.
  const status =
    (saveError ?? draft.error)
      ? null
      : draft.savedAt
        ? t('notes.draftSaved', { time: formatTime(locale, draft.savedAt) })
        : draft.restoredAt
          ? t('notes.draftRestored', { time: formatTime(locale, draft.restoredAt) })
          : null;

  return (
    <form
      className="rounded border border-slate-300 bg-white p-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="new-note" className="text-sm font-medium">
        {t('notes.new.label')}
      </label>
      <textarea
        id="new-note"
        className="mt-1 block min-h-24 w-full resize-y rounded border border-slate-400 p-2 text-sm focus:border-sky-700 focus:outline-2 focus:outline-sky-700"
        placeholder={t('notes.new.placeholder')}
        value={draft.text ?? ''}
        disabled={draft.text === null}
        onChange={(e) => draft.change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="mt-2 flex items-center gap-2">
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:bg-slate-400"
          disabled={!draft.text?.trim() || saving}
        >
          {t('notes.new.save')}
        </button>
        <span className="text-xs text-slate-600" role="status" data-testid="draft-status">
          {status}
        </span>
      </div>
      {(saveError ?? draft.error) && (
        <SaveError failure={(saveError ?? draft.error)!} onRetry={() => void (saveError ? save() : draft.flush())} />
      )}
    </form>
  );
}
