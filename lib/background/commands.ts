import { browser } from 'wxt/browser';
import type { BackgroundToHost } from '../messaging/protocol';

/** The manifest's keyboard commands, routed to the tab they were pressed in. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    const message: BackgroundToHost = { type: 'toggle-panel' };
    // The tab may have no content script (not a case system page): ignore.
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
}
