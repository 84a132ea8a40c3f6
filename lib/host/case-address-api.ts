import { browser } from 'wxt/browser';

/**
 * "Åbn i sagssystemet" (lib/summary/case-address.ts) asks a case-system tab's
 * top frame for the page's address: an extension page reads a tab's URL only
 * where it holds the origin's host permission, and the demo case system (the
 * manifest's own content script) has none. The field script answers this
 * extension's pages only, with `location.href` and nothing else; the asker
 * checks the answer (zod, taught adapter). No zod here: the field script
 * bundles this file.
 */
export const CASE_ADDRESS_QUESTION = 'case-address';

export function answerCaseAddress(): void {
  const page = `chrome-extension://${browser.runtime.id}/`;
  browser.runtime.onMessage.addListener((raw, sender, reply) => {
    if (
      sender.id !== browser.runtime.id ||
      !sender.url?.startsWith(page) ||
      (raw as { type?: unknown } | null)?.type !== CASE_ADDRESS_QUESTION
    )
      return;
    reply(location.href);
  });
}
