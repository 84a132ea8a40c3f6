import { useRef, useState } from 'react';
import { formatTypedDate, parseTypedDate } from '@/lib/templates/typed-date';
import { useT } from './i18n';

/**
 * A date field in one Tab stop: the caseworker types `5.12`, `5/12-26`,
 * `i morgen` or `+4u`; the value is YYYY-MM-DD (null while empty or not a
 * date). The calendar button is for the mouse only (no Tab stop); the
 * calendar itself is the browser's own.
 */
export function DateInput({
  id,
  value,
  className,
  describedBy,
  required,
  invalid,
  onChange,
}: {
  id: string;
  value: string | null;
  className: string;
  describedBy: string | undefined;
  required: boolean;
  invalid: boolean;
  onChange(value: string | null): void;
}) {
  const t = useT();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => (value ? formatTypedDate(value) : ''));
  const [shown, setShown] = useState(value);
  const [left, setLeft] = useState(false);
  // A value set from outside (a draft restored or discarded, the calendar): show it.
  if (value !== shown) {
    setShown(value);
    if (parseTypedDate(text) !== value) setText(value ? formatTypedDate(value) : '');
  }
  const unreadable = left && text.trim() !== '' && parseTypedDate(text) === null;
  const errorId = `${id}-date-error`;
  return (
    <>
      <div className="flex items-center gap-1">
        <input
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          placeholder={t('templates.date.placeholder')}
          aria-describedby={[describedBy, unreadable ? errorId : undefined].filter(Boolean).join(' ') || undefined}
          aria-required={required || undefined}
          aria-invalid={invalid || unreadable || undefined}
          className={className}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setLeft(false);
            const parsed = parseTypedDate(e.target.value);
            setShown(parsed);
            onChange(parsed);
          }}
          onBlur={() => {
            setLeft(true);
            const parsed = parseTypedDate(text);
            if (parsed) setText(formatTypedDate(parsed));
          }}
        />
        <button
          type="button"
          tabIndex={-1}
          className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
          aria-label={t('templates.date.calendar')}
          title={t('templates.date.calendar')}
          onClick={() => picker.current?.showPicker?.()}
        >
          {/* Drawn, not an emoji: a machine without an emoji font showed an empty box. */}
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor">
            <rect x="2" y="3" width="12" height="11" rx="1" />
            <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          className="sr-only"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || null)}
        />
      </div>
      {unreadable && (
        <p id={errorId} className="mt-0.5 text-xs text-red-800">
          {t('templates.date.unreadable')}
        </p>
      )}
    </>
  );
}
