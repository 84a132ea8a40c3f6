/**
 * The focus command (manifest `focus-panel`, issue 30 item 4): keyboard focus
 * into the panel, and back to the host element it came from. Three messages,
 * each only a type (no zod: the field script bundles this file):
 *
 * - service worker → the field script in the tab's top frame (tabs.sendMessage):
 *   FOCUS_PANEL. Focus in the panel's frame: back to the host. Else the field
 *   script remembers where focus is, focuses the frame and asks the panel to
 *   take focus; it answers `true` when the page has no panel frame (folded since
 *   the page loaded, or the side layout), and the worker then sends the toggle.
 * - field script → the panel of its tab (runtime.sendMessage): PANEL_FOCUS. The
 *   panel unfolds if folded, focuses its first stop and answers `{ shown: true }`.
 * - panel → field script (tabs.sendMessage, top frame): FOCUS_HOST, from Escape
 *   or the panel's last stop: focus back to the host element, caret as it was.
 */
export const FOCUS_PANEL = 'focus-panel';
export const PANEL_FOCUS = 'panel-focus';
export const FOCUS_HOST = 'focus-host';

export type FocusMessage = { type: typeof FOCUS_PANEL | typeof PANEL_FOCUS | typeof FOCUS_HOST };

/** A message that is exactly `{ type }`. */
export const isFocusMessage = (v: unknown, type: FocusMessage['type']): v is FocusMessage =>
  typeof v === 'object' && v !== null && (v as FocusMessage).type === type && Object.keys(v).length === 1;
