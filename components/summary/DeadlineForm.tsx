import { useId, useState } from 'react';
import { useT } from '@/components/ui/i18n';
import { DateInput } from '@/components/ui/DateInput';
import { useKeptState } from '@/components/ui/use-kept-state';
import { buttonClass, inputClass } from '@/components/ui/styles';

/**
 * A new deadline: what must happen, and by when. Unfolded by "Ny frist"; it stays
 * open after adding (several are often set at once) until closed or Escape.
 */
export function DeadlineForm({
  keepAs,
  focusOnOpen,
  onAdd,
  onClose,
}: {
  /** Opened by the caseworker just now: the title takes focus (not when it comes back kept). */
  focusOnOpen: boolean;
  /** Keeps what is typed across a look at another tab or citizen (useKeptState). */
  keepAs: string;
  /** Resolves true when saved; what was typed stays until then. */
  onAdd(title: string, due: string): Promise<boolean>;
  onClose(): void;
}) {
  const t = useT();
  const [title, setTitle] = useKeptState(`${keepAs}:title`, '');
  const [due, setDue] = useKeptState<string | null>(`${keepAs}:due`, null);
  // Pressed with something missing: said, and the first missing field takes focus.
  const [missing, setMissing] = useState(false);
  const ids = { title: useId(), due: useId(), missing: useId() };
  const complete = !!title.trim() && !!due;
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
        if (!title.trim() || !due) {
          setMissing(true);
          document.getElementById(title.trim() ? ids.due : ids.title)?.focus();
          return;
        }
        void onAdd(title.trim(), due).then((saved) => {
          if (!saved) return;
          setTitle('');
          setDue(null);
          setMissing(false);
        });
      }}
    >
      {/* The title has the whole row: at the panel's 400 px, beside the date it showed a dozen letters. */}
      <div className="w-full">
        <label htmlFor={ids.title} className="block text-xs text-slate-800">
          {t('summary.deadlines.title')}
        </label>
        <input
          id={ids.title}
          className={inputClass}
          value={title}
          autoFocus={focusOnOpen}
          aria-invalid={(missing && !title.trim()) || undefined}
          aria-describedby={missing && !complete ? ids.missing : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor={ids.due} className="block text-xs text-slate-800">
          {t('summary.deadlines.due')}
        </label>
        <DateInput
          id={ids.due}
          value={due}
          className={inputClass}
          describedBy={missing && !complete ? ids.missing : undefined}
          required
          invalid={missing && !due}
          onChange={setDue}
        />
      </div>
      <button type="submit" className={buttonClass} aria-disabled={!complete}>
        {t('summary.deadlines.add')}
      </button>
      {missing && !complete && (
        <p id={ids.missing} role="alert" className="w-full text-sm text-red-800">
          {t(title.trim() ? 'summary.deadlines.missingDue' : 'summary.deadlines.missingTitle')}
        </p>
      )}
    </form>
  );
}
