import { browser } from 'wxt/browser';
import { PANEL_PORT_NAME } from '../messaging/constants';
import { hostToPanelSchema, parseMessage, type HostToPanel, type PanelToHost } from '../messaging/protocol';
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
 * frame only), so messages never cross to another tab. Incoming messages are
 * parsed and fed into the panel store.
 */
export async function connectToHost(): Promise<HostConnection> {
  const store = usePanelStore.getState();
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) {
    store.setConnection('disconnected');
    return { send: () => undefined, insert: () => Promise.reject(new Error('Not connected to a case system page')) };
  }
  const port = browser.tabs.connect(tab.id, { name: PANEL_PORT_NAME, frameId: 0 });
  const pending = new Map<string, (result: InsertResult) => void>();
  let connected = true;

  port.onDisconnect.addListener(() => {
    connected = false;
    usePanelStore.getState().setConnection('disconnected');
  });
  port.onMessage.addListener((raw) => {
    const message = parseMessage(hostToPanelSchema, raw);
    if (!message) return;
    const s = usePanelStore.getState();
    if (s.connection !== 'connected') s.setConnection('connected');
    if (message.type === 'citizen') s.setDetection(message.detection);
    else if (message.type === 'layout') s.setLayout(message.layout);
    else {
      const { type: _type, requestId, ...result } = message;
      pending.get(requestId)?.(result);
      pending.delete(requestId);
    }
  });

  const send = (message: PanelToHost) => {
    if (connected) port.postMessage(message);
  };
  return {
    send,
    insert: (text) =>
      new Promise((resolve, reject) => {
        if (!connected) return reject(new Error('Not connected to a case system page'));
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
