import { useRef } from 'react';
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH } from '@/lib/messaging/constants';
import { usePanelStore } from '@/lib/panel/panel-store';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';

const KEY_STEP = 20;
const clamp = (w: number) => Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, w)));

/**
 * The left edge of the panel: drag it, or focus it and use the arrow keys.
 * Screen coordinates are used because the iframe moves while it is resized.
 */
export function ResizeHandle() {
  const t = useT();
  const { host } = usePanelServices();
  const width = usePanelStore((s) => s.layout.width);
  const drag = useRef<{ startX: number; startWidth: number; frame: number } | null>(null);

  const resize = (next: number) => {
    const clamped = clamp(next);
    const layout = usePanelStore.getState().layout;
    if (clamped === layout.width) return;
    usePanelStore.getState().setLayout({ ...layout, width: clamped });
    host.send({ type: 'set-width', width: clamped });
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('panel.resize')}
      aria-valuenow={width}
      aria-valuemin={PANEL_MIN_WIDTH}
      aria-valuemax={PANEL_MAX_WIDTH}
      tabIndex={0}
      className="w-1.5 shrink-0 cursor-col-resize bg-slate-300 hover:bg-sky-600 focus-visible:bg-sky-600 focus-visible:outline-2 focus-visible:outline-sky-700"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { startX: e.screenX, startWidth: width, frame: 0 };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        const screenX = e.screenX;
        cancelAnimationFrame(d.frame);
        d.frame = requestAnimationFrame(() => resize(d.startWidth + (d.startX - screenX)));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
        if (e.key === 'ArrowLeft') resize(width + step);
        else if (e.key === 'ArrowRight') resize(width - step);
        else if (e.key === 'Home') resize(PANEL_MAX_WIDTH);
        else if (e.key === 'End') resize(PANEL_MIN_WIDTH);
        else return;
        e.preventDefault();
      }}
    />
  );
}
