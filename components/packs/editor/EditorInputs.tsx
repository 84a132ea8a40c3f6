import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { translateIssue } from '@/lib/i18n/validation';
import { useLocale, useT } from '@/components/ui/i18n';
import { secondaryButtonClass, validatedInputClass } from '@/components/ui/styles';

/** Validation reasons by pack path (`templates.0.title`), from validatePack. */
export const EditorErrorsContext = createContext<Map<string, string[]>>(new Map());

/** The pack editor's inputs: the kit's validated input, close under its label. */
export const inputClass = `mt-0.5 ${validatedInputClass}`;

/**
 * Which errors show (issue 30 item 6): an input's once it has lost focus, and
 * all of them once the team lead pressed "Eksportér pakke" (or "Næste" in the
 * guide for that step's inputs). A new, untouched input is never red.
 */
export interface ErrorVisibility {
  all: boolean;
  touched: ReadonlySet<string>;
  touch(path: string): void;
  touchAll(paths: string[]): void;
}
export const ErrorVisibilityContext = createContext<ErrorVisibility>({
  all: true,
  touched: new Set(),
  touch() {},
  touchAll() {},
});

/** The pack editor's error visibility: nothing shown until touched, everything once revealed. */
export function useErrorVisibility(): ErrorVisibility & { revealAll(): void } {
  const [all, setAll] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);
  const touchAll = useCallback((paths: string[]) => setTouched((s) => new Set([...s, ...paths])), []);
  const revealAll = useCallback(() => setAll(true), []);
  return useMemo(() => ({ all, touched, touch, touchAll, revealAll }), [all, touched, touch, touchAll, revealAll]);
}

/** Whether errors at `path` show; with `within`, also once an input inside it was touched. */
export function isShown(v: ErrorVisibility, path: string, within = false): boolean {
  return v.all || v.touched.has(path) || (within && [...v.touched].some((p) => p.startsWith(`${path}.`)));
}

/** The reasons for one path that show, and the id to describe an input with. */
export function useErrors(path: string | undefined, within = false): { errors: string[]; errorId: string } {
  const errors = useContext(EditorErrorsContext);
  const visibility = useContext(ErrorVisibilityContext);
  const errorId = useId();
  const shown = path !== undefined && isShown(visibility, path, within);
  return { errors: (shown && errors.get(path)) || [], errorId };
}

/** Marks the input at `path` as touched when it loses focus. */
export function useTouch(path: string | undefined): (() => void) | undefined {
  const { touch } = useContext(ErrorVisibilityContext);
  return path === undefined ? undefined : () => touch(path);
}

/** The schema's reasons are English; the commonest one, an empty input, is said in the UI language. */
export function useReason(): (reason: string) => string {
  const t = useT();
  const locale = useLocale();
  return (reason) => (EMPTY.test(reason) ? t('editor.error.empty') : translateIssue(reason, locale));
}
const EMPTY = /^Too small: expected string to have >=1 characters?$/;

export function ErrorList({ id, errors }: { id: string; errors: string[] }) {
  const reason = useReason();
  if (!errors.length) return null;
  return (
    <ul id={id} className="mt-0.5 text-xs text-red-800" data-testid="editor-error">
      {errors.map((e) => (
        <li key={e}>{reason(e)}</li>
      ))}
    </ul>
  );
}

/** Errors at a path with no single input of its own (a list, a whole field). */
export function PathErrors({ path }: { path: string }) {
  const { errors, errorId } = useErrors(path, true);
  return <ErrorList id={errorId} errors={errors} />;
}

export function TextField({
  label,
  path,
  value,
  onChange,
  help,
  type = 'text',
  multiline,
  rows = 3,
  className = '',
  inputRef,
  onSelect,
  mono,
}: {
  label: string;
  path?: string;
  value: string;
  onChange(value: string): void;
  help?: string;
  type?: 'text' | 'date' | 'url' | 'number';
  multiline?: boolean;
  rows?: number;
  className?: string;
  inputRef?: React.Ref<HTMLTextAreaElement & HTMLInputElement>;
  onSelect?(): void;
  mono?: boolean;
}) {
  const id = useId();
  const helpId = useId();
  const { errors, errorId } = useErrors(path);
  const onBlur = useTouch(path);
  const describedBy = [help ? helpId : '', errors.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    onBlur,
    'aria-describedby': describedBy,
    'aria-invalid': errors.length > 0 || undefined,
    onSelect,
    'data-path': path,
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          ref={inputRef}
          rows={rows}
          className={`${inputClass} resize-y ${mono ? 'font-mono' : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type={type}
          className={`${inputClass} ${mono ? 'font-mono' : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {help && (
        <p id={helpId} className="mt-0.5 text-xs text-slate-600">
          {help}
        </p>
      )}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  path,
  value,
  options,
  onChange,
  className = '',
}: {
  label: string;
  path?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  className?: string;
}) {
  const id = useId();
  const { errors, errorId } = useErrors(path);
  const onBlur = useTouch(path);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onBlur={onBlur}
        data-path={path}
        aria-describedby={errors.length ? errorId : undefined}
        aria-invalid={errors.length > 0 || undefined}
        className={inputClass}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  className = '',
  help,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  className?: string;
  help?: string;
}) {
  const helpId = useId();
  return (
    <div className={className}>
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={help ? helpId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {help && (
        <p id={helpId} className="mt-0.5 text-xs text-slate-600">
          {help}
        </p>
      )}
    </div>
  );
}

/** Puts focus on the first input marked invalid inside `root`, once the render that marked it is done. */
export function focusFirstError(root: HTMLElement | null): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Up and down buttons for reordering by keyboard or mouse; focus follows the moved item's button. */
export function MoveButtons({
  index,
  count,
  name,
  onMove,
}: {
  index: number;
  count: number;
  name: string;
  onMove(by: -1 | 1): void;
}) {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={index === 0}
        aria-label={t('editor.moveUp', { name })}
        title={t('editor.moveUp', { name })}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={index === count - 1}
        aria-label={t('editor.moveDown', { name })}
        title={t('editor.moveDown', { name })}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
    </>
  );
}

/** A destructive action that asks first, in place (no browser dialog). */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking)
    return (
      <button
        ref={openRef}
        type="button"
        className={`${secondaryButtonClass} text-red-800`}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span>{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="rounded bg-red-800 px-2 py-1 text-sm text-white hover:bg-red-900"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
        {t('editor.cancel')}
      </button>
    </span>
  );
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded border border-slate-300 bg-white p-3 ${className}`}>{children}</div>;
}

/**
 * One entry of an editor's list (a checklist item, a form field): its number
 * and name, the buttons that move and remove it, its errors, then its inputs.
 */
export function ListEntry({
  testId,
  legend,
  name,
  index,
  count,
  removeQuestion,
  path,
  onMove,
  onRemove,
  children,
}: {
  testId: string;
  /** The entry's number, as "Punkt 2". */
  legend: string;
  name: string;
  index: number;
  count: number;
  removeQuestion: string;
  path: string;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="rounded border border-slate-300 bg-slate-50 p-3" data-testid={testId}>
      <legend className="px-1 text-sm font-semibold">
        {legend}: {name}
      </legend>
      <div className="flex flex-wrap justify-end gap-1">
        <MoveButtons index={index} count={count} name={name} onMove={onMove} />
        <ConfirmButton
          label={t('editor.remove')}
          accessibleLabel={t('editor.removeNamed', { name })}
          question={removeQuestion}
          confirmLabel={t('editor.remove')}
          onConfirm={onRemove}
        />
      </div>
      <PathErrors path={path} />
      {children}
    </fieldset>
  );
}
