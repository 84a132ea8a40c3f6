import { useState } from 'react';
import { browser } from 'wxt/browser';
import { SIDE_PAGE } from '@/lib/messaging/constants';
import type { LayoutMode } from '@/lib/messaging/protocol';
import { usePanelStore } from '@/lib/panel/panel-store';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { LockNowButton } from '../lock/LockGate';
import { useUnlocked } from '../lock/use-lock';
import { LocaleSelect } from '@/components/ui/LocaleSelect';
import { OptionsLink } from '@/components/ui/OptionsLink';
import { PanelSettingsMenu } from './PanelSettingsMenu';

const SETTING = 'w-full rounded border border-slate-400 bg-white px-1 py-0.5 text-sm text-slate-900';
const SETTING_LABEL = 'mb-0.5 block text-xs font-medium';

export function PanelToolbar() {
  const t = useT();
  const { host } = usePanelServices();
  const layout = usePanelStore((s) => s.layout);
  const setLayout = usePanelStore((s) => s.setLayout);
  const heavyHost = usePanelStore((s) => s.heavyHost);
  const surface = usePanelStore((s) => s.surface);
  const unlocked = useUnlocked();
  const pushBlocked = usePanelStore((s) => s.pushBlocked) && layout.mode === 'push';
  const pushSetAside = layout.mode === 'push' && heavyHost;
  const [sideFailed, setSideFailed] = useState(false);

  const chooseMode = (mode: LayoutMode) => {
    const tabId = host.tabId();
    const apply = () => {
      setLayout({ ...layout, mode });
      host.send({ type: 'set-mode', mode });
    };
    if (mode !== 'side' || surface === 'side') return apply();
    if (tabId === undefined) return setSideFailed(true);
    // Within the change event's own handler, before any await: sidePanel.open()
    // needs the user gesture. The frame leaves the page only once it is open.
    void browser.sidePanel.setOptions({ tabId, path: `${SIDE_PAGE}?tab=${tabId}`, enabled: true });
    browser.sidePanel.open({ tabId }).then(
      () => {
        setSideFailed(false);
        apply();
      },
      () => setSideFailed(true),
    );
  };

  return (
    <>
      <header className="flex items-center gap-2 border-b border-slate-300 bg-sky-800 px-3 py-2 text-white">
        <span className="mr-auto min-w-0 truncate text-sm font-bold tracking-wide">{t('app.name')}</span>
        {unlocked && (
          <LockNowButton className="shrink-0 rounded border whitespace-nowrap border-sky-200 px-1.5 py-0.5 text-xs hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-amber-300" />
        )}
        <PanelSettingsMenu>
          <div>
            <label className={SETTING_LABEL} htmlFor="panel-mode">
              {t('panel.mode.label')}
            </label>
            <select
              id="panel-mode"
              className={SETTING}
              value={layout.mode}
              aria-describedby={
                pushSetAside
                  ? 'panel-mode-heavy'
                  : pushBlocked
                    ? 'panel-mode-blocked'
                    : sideFailed
                      ? 'panel-mode-side-failed'
                      : undefined
              }
              onChange={(e) => chooseMode(e.target.value as LayoutMode)}
            >
              <option value="push">{t('panel.mode.push')}</option>
              <option value="overlay">{t('panel.mode.overlay')}</option>
              <option value="side">{t('panel.mode.side')}</option>
            </select>
          </div>
          <div>
            <label className={SETTING_LABEL} htmlFor="panel-locale">
              {t('panel.language')}
            </label>
            <LocaleSelect id="panel-locale" className={SETTING} />
          </div>
          <OptionsLink className="text-left text-sm">{t('panel.options')}</OptionsLink>
        </PanelSettingsMenu>
        {surface === 'frame' && (
          <button
            type="button"
            className="shrink-0 rounded px-2 py-0.5 text-lg leading-none hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-amber-300"
            aria-label={t('panel.collapse')}
            title={t('panel.collapse')}
            aria-expanded={true}
            onClick={() => {
              setLayout({ ...layout, collapsed: true });
              host.send({ type: 'set-collapsed', collapsed: true });
            }}
          >
            <span aria-hidden="true">»</span>
          </button>
        )}
      </header>
      {pushSetAside && (
        <p id="panel-mode-heavy" className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs text-slate-900">
          {t('panel.mode.heavy')}
        </p>
      )}
      {pushBlocked && !pushSetAside && (
        <p id="panel-mode-blocked" className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs text-slate-900">
          {t('panel.mode.blocked')}
        </p>
      )}
      {sideFailed && (
        <p
          id="panel-mode-side-failed"
          role="alert"
          className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs text-slate-900"
        >
          {t('panel.mode.sideFailed')}
        </p>
      )}
    </>
  );
}
