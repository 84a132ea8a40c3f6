import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_LAYOUT, PANEL_PORT_NAME } from '../messaging/constants';
import { guardBackgroundToHost, guardLayout, guardPanelToHost } from '../messaging/host-guards';
import type { Detection, HostToPanel, Layout } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';
import type { Adapter } from './adapter';
import { demoAdapter } from './demo-adapter';
import { matchesPattern } from './match-pattern';
import { applyLayout, createPanelFrame, removePushStyle } from './panel-frame';
import { watchCitizen } from './watch-citizen';

/**
 * The content script's whole job: find the adapter for this page, read the
 * citizen, mount the panel frame and keep it positioned, and relay typed
 * messages. It holds no notes and opens no database.
 */

function adapterFor(url: string): Adapter | undefined {
  const parsed = new URL(url);
  return [demoAdapter].find((a) => a.matches.some((p) => matchesPattern(p, parsed)));
}

export async function startBridge(ctx: ContentScriptContext): Promise<void> {
  const adapter = adapterFor(location.href);
  if (!adapter) return;

  const stored = await browser.storage.local.get([STORAGE_KEYS.layout, STORAGE_KEYS.locale]);
  let layout: Layout = guardLayout(stored[STORAGE_KEYS.layout]) ?? DEFAULT_LAYOUT;
  let detection: Detection = { status: 'none' };
  let port: Browser.runtime.Port | undefined;

  const iframe = createPanelFrame(
    document,
    browser.runtime.getURL('/panel.html'),
    // The caseworker's chosen panel language, not the browser's UI language.
    stored[STORAGE_KEYS.locale] === 'en' ? 'Sidevogn side panel' : 'Sidevogn – sidepanel',
  );
  applyLayout(document, iframe, layout);
  document.body.append(iframe);
  ctx.onInvalidated(() => {
    iframe.remove();
    removePushStyle(document);
  });

  const send = (message: HostToPanel) => port?.postMessage(message);
  const setLayout = (next: Layout) => {
    layout = next;
    applyLayout(document, iframe, layout);
    send({ type: 'layout', layout });
    void browser.storage.local.set({ [STORAGE_KEYS.layout]: layout });
  };

  browser.runtime.onConnect.addListener((p) => {
    if (p.name !== PANEL_PORT_NAME || p.sender?.id !== browser.runtime.id) return;
    port?.disconnect();
    port = p;
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
    });
    p.onMessage.addListener((raw) => {
      const message = guardPanelToHost(raw);
      if (message?.type === 'set-collapsed') setLayout({ ...layout, collapsed: message.collapsed });
      else if (message?.type === 'set-width') setLayout({ ...layout, width: message.width });
      else if (message?.type === 'set-mode') setLayout({ ...layout, mode: message.mode });
    });
    send({ type: 'layout', layout });
    send({ type: 'citizen', detection });
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only the service worker (no tab) of this extension may toggle the panel.
    if (sender.id !== browser.runtime.id || sender.tab || !guardBackgroundToHost(raw)) return;
    setLayout({ ...layout, collapsed: !layout.collapsed });
    if (!layout.collapsed) iframe.focus();
  });

  const reread = watchCitizen(document, adapter, ctx.signal, (next) => {
    detection = next;
    send({ type: 'citizen', detection });
  });
  // The DOM observer catches SPA route changes; this also covers a route change
  // that leaves the DOM as it was.
  ctx.addEventListener(window, 'wxt:locationchange', reread);
}
