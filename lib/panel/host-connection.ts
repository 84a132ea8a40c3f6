import { startHandshake } from './handshake';
import { sideTabOf, startSideLink } from './side-link';
import { hostToPanelSchema, parseMessage, type HostToPanel, type PanelToHost } from '../messaging/protocol';
import { usePanelStore } from './panel-store';

export type InsertResult = Omit<Extract<HostToPanel, { type: 'insert-result' }>, 'type' | 'requestId'>;

export interface HostConnection {
  /** The case-system tab this panel belongs to (undefined until connected, or without one). */
  tabId(): number | undefined;
  send(message: PanelToHost): void;
  /** Asks the content script to insert text; resolves with where it went. */
  insert(text: string): Promise<InsertResult>;
}

const INSERT_TIMEOUT_MS = 5_000;

/**
 * The panel's connection to the bridge in its tab (the handshake is in
 * ./handshake). Incoming messages are parsed and fed into the panel store.
 */
export async function connectToHost(win: Window = window): Promise<HostConnection> {
  // The browser's side panel (side.html?tab=N), or the frame in the page.
  const sideTab = sideTabOf(win.location);
  const link = sideTab === undefined ? startHandshake(win) : startSideLink(sideTab);
  const store = usePanelStore.getState();
  store.setSurface(sideTab === undefined ? 'frame' : 'side');
  if (!(await link.inTab)) {
    store.setConnection('disconnected');
    return {
      tabId: () => undefined,
      send: () => undefined,
      insert: () => Promise.reject(new Error('Not connected to a case system page')),
    };
  }
  const pending = new Map<string, (result: InsertResult) => void>();
  link.attach(
    (raw) => {
      const message = parseMessage(hostToPanelSchema, raw);
      if (!message) return;
      const s = usePanelStore.getState();
      if (message.type === 'citizen') {
        s.setDetection(message.detection);
        // Connected once the page has said whom it shows (its layout comes first),
        // so the panel never shows "no citizen" on its way to the citizen.
        if (s.connection !== 'connected') s.setConnection('connected');
      } else if (message.type === 'layout') s.setLayout(message.layout, message.heavy);
      else if (message.type === 'modal') s.setModalOpen(message.open);
      else if (message.type === 'push-blocked') s.setPushBlocked();
      else {
        const { type: _type, requestId, ...result } = message;
        pending.get(requestId)?.(result);
        pending.delete(requestId);
      }
    },
    () => usePanelStore.getState().setConnection('disconnected'),
  );

  return {
    tabId: link.tabId,
    send: (message) => void link.post(message),
    insert: (text) =>
      new Promise((resolve, reject) => {
        const requestId = crypto.randomUUID();
        // The answer comes in a later task, so it is awaited from here on.
        if (!link.post({ type: 'insert', requestId, text } satisfies PanelToHost))
          return reject(new Error('Not connected to a case system page'));
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new Error('The case system page did not answer'));
        }, INSERT_TIMEOUT_MS);
        pending.set(requestId, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
      }),
  };
}
