import { browser } from 'wxt/browser';
import { FOCUS_HOST, isFocusMessage, PANEL_FOCUS, type FocusMessage } from '../host/focus-api';
import type { ShortcutAck } from '../host/shortcut-api';
import type { HostConnection } from './host-connection';
import { usePanelStore } from './panel-store';

/**
 * The panel's half of the focus command (lib/host/focus-api.ts): take focus on
 * the first stop when the field script asks, and give it back to the host's
 * field on Escape (when nothing in the panel took the key) or from the last stop.
 */

const TABBABLE =
  'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]';
/** How long a view may take to show its first control (an unfolding panel, templates loading). */
const PATIENCE_MS = 2_000;
/** Before the skip links show (the citizen still loading), nothing else is the first stop. */
const SKIP_LINKS_GRACE_MS = 500;
const POLL_MS = 40;

/** The first control in `root` that Tab reaches. */
export function firstTabbable(root: ParentNode): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) => el.tabIndex >= 0 && !el.closest('[hidden],[inert]') && el.getClientRects().length > 0,
  );
}

/** Marks a part of a view that is never its first stop (the citizen-data menu under the Overblik). */
export const NOT_FIRST_STOP = 'data-not-first-stop';

/**
 * Where a skip link puts focus: the view's first control once the view shows one
 * of its own (a part marked NOT_FIRST_STOP, there before the view's content has
 * loaded, does not count), else the view itself once `patience` ms have passed.
 */
export function viewFirstStop(view: HTMLElement | null, waited: number, patience: number): HTMLElement | null {
  const first = view && firstTabbable(view);
  if (first && !first.closest(`[${NOT_FIRST_STOP}]`)) return first;
  return view && waited >= patience ? view : null;
}

/** Focuses what `find` returns once it is there (the view may still be rendering); false after the patience. */
export function focusWhenShown(find: (waited: number) => HTMLElement | null | undefined, started = Date.now()): void {
  const waited = Date.now() - started;
  const el = find(waited);
  if (el) el.focus();
  else if (waited < PATIENCE_MS) setTimeout(() => focusWhenShown(find, started), POLL_MS);
}

/** The panel's first stop: the skip links, else (locked, no citizen) the first control of the panel. */
export function focusFirstStop(doc: Document = document): void {
  focusWhenShown(
    (waited) =>
      doc.querySelector<HTMLElement>('#skip-links a') ??
      (waited >= SKIP_LINKS_GRACE_MS
        ? (firstTabbable(doc.querySelector('main') ?? doc.body) ?? firstTabbable(doc.body))
        : undefined),
  );
}

/**
 * Whether a request from the field script of `sender`'s tab is this panel's: the
 * browser's side panel, or the in-page one when the side layout is off and no
 * modal dialog makes it inert.
 */
export function isShownPanelFor(
  host: HostConnection,
  sender: { id?: string; tab?: { id?: number }; frameId?: number },
) {
  const tabId = host.tabId();
  if (sender.id !== browser.runtime.id || sender.frameId !== 0 || tabId === undefined || sender.tab?.id !== tabId)
    return false;
  const s = usePanelStore.getState();
  return s.surface === 'side' || (s.layout.mode !== 'side' && !s.modalOpen);
}

/** A folded in-page panel unfolds (a request from the host wants it seen). */
export function unfold(host: HostConnection): void {
  const s = usePanelStore.getState();
  if (s.surface === 'side' || !s.layout.collapsed) return;
  s.setLayout({ ...s.layout, collapsed: false });
  host.send({ type: 'set-collapsed', collapsed: false });
}

/** Gives focus back to the host element it came from (the field script remembers it). */
export function backToHost(host: HostConnection): void {
  const tabId = host.tabId();
  if (tabId === undefined) return;
  const message: FocusMessage = { type: FOCUS_HOST };
  void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

export function listenForFocus(host: HostConnection, win: Window = window): () => void {
  const listener: Parameters<typeof browser.runtime.onMessage.addListener>[0] = (raw, sender, sendResponse) => {
    if (!isFocusMessage(raw, PANEL_FOCUS) || !isShownPanelFor(host, sender)) return undefined;
    unfold(host);
    focusFirstStop(win.document);
    sendResponse({ shown: true } satisfies ShortcutAck);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  // Escape that nothing in the panel took: not prevented, and what had focus still has it
  // (a menu, an editor or a toast that handles Escape closes, or moves focus).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey)
      return;
    if (usePanelStore.getState().surface !== 'frame') return;
    const target = e.target as HTMLElement;
    // Escape clears a search field first.
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value) return;
    setTimeout(() => {
      if (target.isConnected && win.document.activeElement === target) backToHost(host);
    });
  };
  win.addEventListener('keydown', onKey);
  return () => {
    browser.runtime.onMessage.removeListener(listener);
    win.removeEventListener('keydown', onKey);
  };
}
