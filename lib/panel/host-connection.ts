import { browser } from 'wxt/browser';
import { PANEL_PORT_NAME } from '../messaging/constants';
import { hostToPanelSchema, parseMessage, type PanelToHost } from '../messaging/protocol';
import { usePanelStore } from './panel-store';

/**
 * Connects the panel to the content script of the tab it is embedded in (top
 * frame only), so messages never cross to another tab. Incoming messages are
 * parsed and fed into the panel store.
 */
export async function connectToHost(): Promise<(message: PanelToHost) => void> {
  const store = usePanelStore.getState();
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) {
    store.setConnection('disconnected');
    return () => undefined;
  }
  const port = browser.tabs.connect(tab.id, { name: PANEL_PORT_NAME, frameId: 0 });
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
    else s.setLayout(message.layout);
  });
  return (message) => {
    if (connected) port.postMessage(message);
  };
}
