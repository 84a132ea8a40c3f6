import { usePanelStore } from '@/lib/panel/panel-store';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';

/** The slim tab the panel folds into; one click or Enter opens it again. */
export function CollapsedTab() {
  const t = useT();
  const { host } = usePanelServices();
  const layout = usePanelStore((s) => s.layout);
  return (
    <button
      type="button"
      className="flex h-screen w-full items-center justify-center border-l border-slate-400 bg-sky-800 text-white hover:bg-sky-900 focus-visible:outline-3 focus-visible:-outline-offset-4 focus-visible:outline-amber-300"
      aria-expanded={false}
      aria-label={t('panel.expand')}
      title={t('panel.expand')}
      onClick={() => {
        usePanelStore.getState().setLayout({ ...layout, collapsed: false });
        host.send({ type: 'set-collapsed', collapsed: false });
      }}
    >
      <span className="text-sm font-semibold tracking-wide [writing-mode:vertical-rl]">{t('app.name')}</span>
    </button>
  );
}
