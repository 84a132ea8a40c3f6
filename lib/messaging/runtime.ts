import { browser } from 'wxt/browser';
import type { ExtensionToBackground, PickerToOptions } from './protocol';

/**
 * Typed runtime messages (the contracts are the zod schemas in ./protocol.ts;
 * each receiver parses what it gets). Fire and forget: a receiver that is not
 * there (the worker asleep between events, the options page closed) is not an
 * error for the sender. The bridge sends its one message itself, with
 * `satisfies HostToBackground`: it stays within the content-script size budget.
 */

/** An extension page (panel, options) → the service worker. */
export function sendToBackground(message: ExtensionToBackground): Promise<void> {
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}

/** The element picker, in the case-system tab → the options page that injected it. */
export function sendToOptions(message: PickerToOptions): Promise<void> {
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}
