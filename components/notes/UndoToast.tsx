import { useEffect, useRef } from 'react';
import { useT } from '@/components/ui/i18n';

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
