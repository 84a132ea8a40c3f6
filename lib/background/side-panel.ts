import { browser } from 'wxt/browser';
import { SIDE_PAGE } from '../messaging/constants';
import { isMode } from '../messaging/host-guards';
import { hostToBackgroundSchema, parseMessage, toggleKeyQuestionSchema } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * The browser's side panel (chrome.sidePanel: Chrome and Edge 114+; open() 116+).
 *
 * It is enabled per tab, and only while that tab's bridge wants it: the side
 * layout is on, or the host shows a modal dialog that makes the in-page panel
 * inert. The browser keeps that per-tab state, so the toggle command can call
 * sidePanel.open() at once in its handler (a command is a user gesture, and the
 * gesture is gone after the first await): it needs no state of ours that a
 * restarted service worker would first have to read back.
 */

/** The side page for one tab: the page reads its tab from `?tab=` and connects only there. */
export const sidePagePath = (tabId: number): string => `${SIDE_PAGE}?tab=${tabId}`;

/** The key the caseworker set for the toggle command ('' when none is set). */
export const toggleKey = (): Promise<string> =>
  browser.commands.getAll().then(
    (all) => all.find((c) => c.name === 'toggle-panel')?.shortcut ?? '',
    () => '',
  );

/** Opens the side panel for a tab; call it synchronously inside the user gesture's handler. */
export function openSidePanel(tabId: number): Promise<void> {
  // Rejected when the tab does not want the side panel (not enabled there): nothing to do.
  return browser.sidePanel.open({ tabId }).catch(() => undefined);
}

export function setSidePanelWanted(tabId: number, wanted: boolean): Promise<void> {
  return browser.sidePanel
    .setOptions(wanted ? { tabId, path: sidePagePath(tabId), enabled: true } : { tabId, enabled: false })
    .catch(() => undefined);
}

/**
 * The team lead's default layout from enterprise policy (`defaultLayout` in
 * public/managed_schema.json), copied where the bridge reads its layout at
 * start, so the bridge needs no second storage read. The caseworker's own
 * choice (STORAGE_KEYS.layout) wins once made.
 */
export async function syncPolicyLayout(): Promise<void> {
  let mode: unknown;
  try {
    ({ defaultLayout: mode } = await browser.storage.managed.get('defaultLayout'));
  } catch {
    mode = undefined; // no managed storage (not an enterprise install)
  }
  if (isMode(mode)) await browser.storage.local.set({ [STORAGE_KEYS.layoutDefault]: mode });
  else await browser.storage.local.remove(STORAGE_KEYS.layoutDefault);
}

export function registerSidePanel(): void {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // Only this extension's bridge, in a tab's top frame, speaks for that tab.
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return;
    // The field script's shortcut could not reach a panel: which key opens it (lib/host/shortcuts.ts).
    if (parseMessage(toggleKeyQuestionSchema, raw)) {
      void toggleKey().then(sendResponse);
      return true;
    }
    const message = parseMessage(hostToBackgroundSchema, raw);
    if (message) void setSidePanelWanted(tabId, message.wanted);
  });
  const sync = () => void syncPolicyLayout();
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') sync();
  });
}
