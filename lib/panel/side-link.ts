import { browser, type Browser } from 'wxt/browser';
import { SIDE_PAGE, SIDE_PORT_NAME } from '../messaging/constants';
import type { HostLink } from './handshake';

/** How soon the side panel tries its tab's bridge again after losing it (a reload, a navigation). */
export const SIDE_RETRY_MS = 500;

/**
 * The tab the side page belongs to, from `side.html?tab=<id>` (set per tab by
 * the service worker, lib/background/side-panel.ts); undefined on any other page.
 */
export function sideTabOf(loc: Pick<Location, 'pathname' | 'search'>): number | undefined {
  if (loc.pathname !== `/${SIDE_PAGE}`) return undefined;
  const tab = new URLSearchParams(loc.search).get('tab');
  return tab !== null && /^\d{1,10}$/.test(tab) ? Number(tab) : undefined;
}

/**
 * The browser side panel's link to the bridge in its tab's top frame. No token
 * (the side page has no parent to receive one): the bridge checks the port's
 * sender instead (isSidePanelSender), and the page that it is in no tab. The panel outlives the tab's pages, so a
 * lost port is tried again until the tab's next case-system page answers.
 */
export function startSideLink(tabId: number): HostLink {
  const arrived: unknown[] = [];
  let port: Browser.runtime.Port | undefined;
  let deliver: (raw: unknown) => void = (raw) => arrived.push(raw);
  let close = (): void => undefined;

  const connect = () => {
    const candidate = browser.tabs.connect(tabId, { name: SIDE_PORT_NAME, frameId: 0 });
    candidate.onMessage.addListener((raw) => {
      port ??= candidate;
      if (port === candidate) deliver(raw);
    });
    candidate.onDisconnect.addListener(() => {
      void browser.runtime.lastError; // no bridge (yet) in the tab: expected, try again
      if (port === candidate) {
        port = undefined;
        close();
      }
      setTimeout(connect, SIDE_RETRY_MS);
    });
  };
  // Only in the browser's side panel, which is in no tab. The bridge cannot tell: Chromium
  // reports no `tab` for a port an extension page opens with tabs.connect, even from a tab
  // (seen in Chromium 156). So the page checks itself: opened as a tab, or framed in one,
  // it pairs with nothing and says it is not connected.
  const inTab = Promise.all([browser.tabs.get(tabId), browser.tabs.getCurrent()]).then(
    ([, current]) => current === undefined,
    () => false,
  );
  void inTab.then((yes) => yes && connect());

  return {
    inTab,
    tabId: () => tabId,
    attach(onMessage, onClose) {
      deliver = onMessage;
      close = onClose;
      arrived.splice(0).forEach(onMessage);
    },
    post(message) {
      port?.postMessage(message);
      return !!port;
    },
  };
}
