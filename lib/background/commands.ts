import { browser } from 'wxt/browser';
import { FOCUS_PANEL, type FocusMessage } from '../host/focus-api';
import type { BackgroundToHost } from '../messaging/protocol';
import { openSidePanel } from './side-panel';

/** The tab may have no content script (not a case system page): ignore. */
const tellTab = (tabId: number, message: BackgroundToHost | FocusMessage): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);

/**
 * The toggle command, for the tab it was pressed in. First, synchronously (a
 * command is a user gesture, which an await would end), it opens the browser's
 * side panel: that succeeds only where the tab's bridge asked for the side
 * panel (side layout, or a modal dialog open on the page). Then it tells the
 * bridge, which folds or unfolds the in-page panel, or does nothing when the
 * side panel is what the tab wants.
 */
export function onToggleCommand(tabId: number): void {
  void openSidePanel(tabId);
  void tellTab(tabId, { type: 'toggle-panel' });
}

/**
 * The focus command (lib/host/focus-api.ts): keyboard focus into the panel, or
 * back to the host field it came from. The side panel is opened first, in the
 * gesture, as for the toggle (opening it gives it focus; refused where the tab
 * does not want it). Then the field script moves focus; it answers true when
 * the page has no panel frame (folded since the page loaded), and the toggle
 * unfolds it (the field script puts focus there once the panel answers).
 */
export function onFocusCommand(tabId: number): void {
  void openSidePanel(tabId);
  void tellTab(tabId, { type: FOCUS_PANEL }).then((unfold) => {
    if (unfold === true) void tellTab(tabId, { type: 'toggle-panel' });
  });
}

/** The manifest's keyboard commands, routed to the tab they were pressed in. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'toggle-panel') onToggleCommand(tab.id);
    else if (command === FOCUS_PANEL) onFocusCommand(tab.id);
  });
}
