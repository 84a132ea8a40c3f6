import { useId, useState } from 'react';
import { useT } from '@/components/ui/i18n';
import { buttonClass, inputClass } from '@/components/ui/styles';

/**
 * A new deadline: what must happen, and by when. Unfolded by "Ny frist"; it stays
 * open after adding (several are often set at once) until closed or Escape.
 */
export function DeadlineForm({
  onAdd,
  onClose,
}: {
  /** Resolves true when saved; what was typed stays until then. */
  onAdd(title: string, due: string): Promise<boolean>;
  onClose(): void;
}) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const ids = { title: useId(), due: useId() };
  return (
    <form
      className="mt-1 flex flex-wrap items-end gap-2"
      aria-label={t('summary.deadlines.add')}
      data-testid="deadline-form"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || !due) return;
        void onAdd(title.trim(), due).then((saved) => {
          if (!saved) return;
          setTitle('');
          setDue('');
        });
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={ids.title} className="block text-xs text-slate-800">
          {t('summary.deadlines.title')}
        </label>
        <input
          id={ids.title}
          className={inputClass}
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor={ids.due} className="block text-xs text-slate-800">
          {t('summary.deadlines.due')}
        </label>
        <input id={ids.due} type="date" className={inputClass} value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <button type="submit" className={buttonClass} aria-disabled={!title.trim() || !due}>
        {t('summary.deadlines.add')}
      </button>
    </form>
  );
}
