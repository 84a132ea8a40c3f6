import type { ReactNode } from 'react';
import { useT } from '@/components/ui/i18n';
import { secondaryButtonClass } from '@/components/ui/styles';
import { ConfirmButton, MoveButtons } from './EditorInputs';

export interface ListItem {
  key: string;
  title: string;
  detail: string;
  errors: number;
  body: ReactNode;
}

/** Templates or checklists: one line each, opened one at a time for editing. */
export function ItemList({
  heading,
  addLabel,
  items,
  openKey,
  setOpenKey,
  removeQuestion,
  onAdd,
  onMove,
  onRemove,
  testId,
  extraAction,
}: {
  heading: string;
  addLabel: string;
  items: ListItem[];
  openKey: string | null;
  setOpenKey(key: string | null): void;
  removeQuestion(name: string): string;
  onAdd(): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
  testId: string;
  /** Another way to add, before the add button. */
  extraAction?: ReactNode;
}) {
  const t = useT();
  return (
    <section className="mt-4" aria-label={heading}>
      <h3 className="text-base font-semibold">
        {heading} ({items.length})
      </h3>
      <ul className="mt-1 space-y-2">
        {items.map((item, i) => {
          const open = openKey === item.key;
          const bodyId = `editor-body-${item.key}`;
          return (
            <li key={item.key} className="rounded border border-slate-300 bg-white" data-testid={testId}>
              <div className="flex flex-wrap items-center gap-2 px-3 py-2">
                <button
                  type="button"
                  className="text-left text-base font-medium text-sky-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700"
                  aria-expanded={open}
                  aria-controls={open ? bodyId : undefined}
                  onClick={() => setOpenKey(open ? null : item.key)}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span> {item.title}
                </button>
                <span className="text-sm text-slate-700">{item.detail}</span>
                {item.errors > 0 && (
                  <span className="rounded bg-red-50 px-1.5 text-xs text-red-900">
                    {t('editor.errorCount', { count: item.errors })}
                  </span>
                )}
                <span className="ml-auto flex gap-1">
                  <MoveButtons index={i} count={items.length} name={item.title} onMove={(by) => onMove(i, by)} />
                  <ConfirmButton
                    label={t('editor.remove')}
                    accessibleLabel={t('editor.removeNamed', { name: item.title })}
                    question={removeQuestion(item.title)}
                    confirmLabel={t('editor.remove')}
                    onConfirm={() => onRemove(i)}
                  />
                </span>
              </div>
              {open && (
                <div id={bodyId} className="border-t border-slate-200 px-3 pb-3">
                  {item.body}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {extraAction}
      <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={onAdd}>
        {addLabel}
      </button>
    </section>
  );
}
