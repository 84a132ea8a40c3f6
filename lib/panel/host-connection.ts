import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT_NAME, PANEL_READY } from '../messaging/constants';
import {
  hostToPanelSchema,
  panelTokenSchema,
  parseMessage,
  type HostToPanel,
  type PanelToHost,
} from '../messaging/protocol';
import { usePanelStore } from './panel-store';

export type InsertResult = Omit<Extract<HostToPanel, { type: 'insert-result' }>, 'type' | 'requestId'>;

export interface HostConnection {
  send(message: PanelToHost): void;
  /** Asks the content script to insert text; resolves with where it went. */
  insert(text: string): Promise<InsertResult>;
}

const INSERT_TIMEOUT_MS = 5_000;

/**
 * Connects the panel to the content script of the tab it is embedded in (top
 * frame only), so messages never cross to another tab. The port is named with
 * the token the bridge posts to its own frame (PANEL_PORT_NAME), so the bridge
 * can tell this frame from a copy the host page framed itself. Anything else
 * may post to this window too: each well-formed token is tried, and the port the
 * bridge accepts (it answers at once) is kept; the bridge closes the others.
 * Incoming messages are parsed and fed into the panel store.
 */
export async function connectToHost(win: Window = window): Promise<HostConnection> {
  const store = usePanelStore.getState();
  // Listen before any await, so the bridge's answer cannot be missed; tokens
  // wait in `queued` until the tab is known.
  const queued: string[] = [];
  const tried = new Set<string>();
  let offer = (token: string) => void queued.push(token);
  const onWindowMessage = (e: MessageEvent) => {
    const token = e.source === win.parent ? parseMessage(panelTokenSchema, e.data) : undefined;
    if (token === undefined || tried.has(token)) return;
    tried.add(token);
    offer(token);
  };
  win.addEventListener('message', onWindowMessage);
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined || win.parent === win) {
    win.removeEventListener('message', onWindowMessage);
    store.setConnection('disconnected');
    return { send: () => undefined, insert: () => Promise.reject(new Error('Not connected to a case system page')) };
  }
  const tabId = tab.id;
  const pending = new Map<string, (result: InsertResult) => void>();
  let port: Browser.runtime.Port | undefined;

  const handle = (raw: unknown) => {
    const message = parseMessage(hostToPanelSchema, raw);
    if (!message) return;
    const s = usePanelStore.getState();
    if (s.connection !== 'connected') s.setConnection('connected');
    if (message.type === 'citizen') s.setDetection(message.detection);
    else if (message.type === 'layout') s.setLayout(message.layout, message.heavy);
    else {
      const { type: _type, requestId, ...result } = message;
      pending.get(requestId)?.(result);
      pending.delete(requestId);
    }
  };
  offer = (token) => {
    if (port) return;
    const candidate = browser.tabs.connect(tabId, { name: PANEL_PORT_NAME + token, frameId: 0 });
    candidate.onDisconnect.addListener(() => {
      if (port !== candidate) return;
      port = undefined;
      usePanelStore.getState().setConnection('disconnected');
    });
    candidate.onMessage.addListener((raw) => {
      if (!port) port = candidate;
      if (port === candidate) handle(raw);
    });
  };
  queued.forEach(offer);
  win.parent.postMessage(PANEL_READY, '*');

  const send = (message: PanelToHost) => port?.postMessage(message);
  return {
    send,
    insert: (text) =>
      new Promise((resolve, reject) => {
        if (!port) return reject(new Error('Not connected to a case system page'));
        const requestId = crypto.randomUUID();
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new Error('The case system page did not answer'));
        }, INSERT_TIMEOUT_MS);
        pending.set(requestId, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        send({ type: 'insert', requestId, text });
      }),
  };
}
