import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT_NAME, PANEL_READY } from '../messaging/constants';
import { panelTokenSchema, parseMessage } from '../messaging/protocol';

/**
 * The panel's side of the handshake with the bridge in its tab (the token
 * protocol is described at PANEL_PORT_NAME). What arrives on the port is
 * parsed by the app (lib/panel/host-connection.ts).
 */

export interface HostLink {
  /** Whether this page is a frame in a tab, so there is a bridge to talk to. */
  readonly inTab: Promise<boolean>;
  /** The tab, once known. */
  tabId(): number | undefined;
  /**
   * Hands the messages that arrived so far to `onMessage`, then every later
   * one; `onClose` runs when the accepted port goes (or went already).
   */
  attach(onMessage: (raw: unknown) => void, onClose: () => void): void;
  /** Sends to the bridge; false when no port is open. */
  post(message: unknown): boolean;
}

/**
 * Asks the bridge for its token and connects to the bridge in this tab's top
 * frame only, so messages never cross to another tab. Anything may post to
 * this window: each token-shaped message from the parent is tried, and the
 * port the bridge accepts (it answers at once) is kept; the bridge closes the
 * others.
 */
export function startHandshake(win: Window): HostLink {
  const tried = new Set<string>();
  const waiting: string[] = [];
  const arrived: unknown[] = [];
  let tabId: number | undefined;
  let port: Browser.runtime.Port | undefined;
  let closed = false;
  let deliver: (raw: unknown) => void = (raw) => arrived.push(raw);
  let close = (): void => {
    closed = true;
  };

  const offer = (token: string) => {
    if (port || closed) return;
    if (tabId === undefined) return void waiting.push(token);
    const candidate = browser.tabs.connect(tabId, { name: PANEL_PORT_NAME + token, frameId: 0 });
    candidate.onDisconnect.addListener(() => {
      if (port !== candidate) return;
      port = undefined;
      close();
    });
    candidate.onMessage.addListener((raw) => {
      port ??= candidate;
      if (port === candidate) deliver(raw);
    });
  };
  const onWindowMessage = (e: MessageEvent) => {
    const token = e.source === win.parent ? parseMessage(panelTokenSchema, e.data) : undefined;
    if (token === undefined || tried.has(token)) return;
    tried.add(token);
    offer(token);
  };

  let inTab: Promise<boolean> = Promise.resolve(false);
  if (win.parent !== win) {
    // Listen before asking, so the bridge's answer cannot be missed; tokens
    // wait until the tab is known.
    win.addEventListener('message', onWindowMessage);
    inTab = browser.tabs.getCurrent().then(
      (tab) => {
        if (tab?.id === undefined) return false;
        tabId = tab.id;
        waiting.splice(0).forEach(offer);
        return true;
      },
      () => false,
    );
    void inTab.then((yes) => yes || win.removeEventListener('message', onWindowMessage));
    win.parent.postMessage(PANEL_READY, '*');
  }

  return {
    inTab,
    tabId: () => tabId,
    attach(onMessage, onClose) {
      deliver = onMessage;
      close = onClose;
      arrived.splice(0).forEach(onMessage);
      if (closed) onClose();
    },
    post(message) {
      port?.postMessage(message);
      return !!port;
    },
  };
}
