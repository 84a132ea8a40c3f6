import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/components/ui/i18n';

/**
 * The header's settings (layout and language) behind one disclosure button,
 * so the header fits the narrowest panel. Escape or a click outside closes it
 * (Escape returns focus to the button). The controls stay in the DOM while
 * closed (hidden), so their values can be read and described.
 */
export function PanelSettingsMenu({ children }: { children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative shrink-0"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className="rounded px-1.5 py-0.5 text-base leading-none hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-amber-300"
        aria-label={t('panel.settings')}
        title={t('panel.settings')}
        aria-expanded={open}
        aria-controls="panel-settings"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⚙</span>
      </button>
      <div
        id="panel-settings"
        role="group"
        aria-label={t('panel.settings')}
        hidden={!open}
        className="absolute top-full right-0 z-20 mt-1 w-56 space-y-2 rounded border border-slate-300 bg-white p-3 text-sm text-slate-900 shadow-lg"
      >
        {children}
      </div>
    </div>
  );
}
