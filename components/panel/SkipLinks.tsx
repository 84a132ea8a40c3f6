import { selectActiveCitizen, usePanelStore } from '@/lib/panel/panel-store';
import { backToHost, focusWhenShown, viewFirstStop } from '@/lib/panel/focus';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { useUnlocked } from '../lock/use-lock';
import { TABS } from './CitizenTabs';

/** A view without a control of its own (or still loading) gets focus itself after this long. */
const VIEW_ITSELF_AFTER_MS = 600;

/**
 * The panel's first stops: a link to each of the citizen's tabs, shown while one
 * has focus (the focus command lands on the first). A link opens its tab and
 * puts focus on the view's first control, so the header and the tab row cost
 * no keys on the way.
 */
export function SkipLinks() {
  const t = useT();
  const unlocked = useUnlocked();
  const citizen = usePanelStore(selectActiveCitizen);
  const setTab = usePanelStore((s) => s.setTab);
  if (!unlocked || !citizen) return null;
  return (
    <nav
      id="skip-links"
      aria-label={t('skip.label')}
      className="sr-only focus-within:not-sr-only focus-within:absolute focus-within:inset-x-0 focus-within:top-0 focus-within:z-30 focus-within:flex focus-within:flex-wrap focus-within:gap-x-3 focus-within:gap-y-1 focus-within:border-b focus-within:border-slate-300 focus-within:bg-white focus-within:px-3 focus-within:py-2 focus-within:shadow-md"
    >
      {TABS.map((tab) => (
        <a
          key={tab.id}
          href={`#tabpanel-${tab.id}`}
          className="rounded text-sm font-medium text-sky-900 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          onClick={(e) => {
            e.preventDefault();
            setTab(tab.id);
            focusWhenShown((waited) =>
              viewFirstStop(document.getElementById(`tabpanel-${tab.id}`), waited, VIEW_ITSELF_AFTER_MS),
            );
          }}
        >
          {t(tab.label)}
        </a>
      ))}
    </nav>
  );
}

/** The panel's last stop (shown while it has focus): back to the host's field, as Escape does. */
export function BackToHost() {
  const t = useT();
  const { host } = usePanelServices();
  return (
    <button
      type="button"
      className="sr-only focus:not-sr-only focus:absolute focus:inset-x-0 focus:bottom-0 focus:z-30 focus:border-t focus:border-slate-300 focus:bg-white focus:px-3 focus:py-2 focus:text-left focus:text-sm focus:font-medium focus:text-sky-900 focus:underline focus:outline-2 focus:-outline-offset-2 focus:outline-sky-700"
      onClick={() => backToHost(host)}
    >
      {t('skip.back')}
    </button>
  );
}
