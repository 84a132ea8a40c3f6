import { browser } from 'wxt/browser';
import type { BackgroundToHost } from '../messaging/protocol';
import { openSidePanel } from './side-panel';

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
  const message: BackgroundToHost = { type: 'toggle-panel' };
  // The tab may have no content script (not a case system page): ignore.
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

/** The manifest's keyboard commands, routed to the tab they were pressed in. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    onToggleCommand(tab.id);
  });
}
