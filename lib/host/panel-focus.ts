import { browser } from 'wxt/browser';
import { isBackgroundSender } from '../messaging/host-guards';
import { FOCUS_HOST, FOCUS_PANEL, isFocusMessage, PANEL_FOCUS, type FocusMessage } from './focus-api';
import { deepActive, type Caret } from './insert';

/**
 * The field script's half of the focus command (./focus-api): into the panel's
 * frame, and back to the host element focus came from, with its caret. Part of
 * host-fields.js (the bridge has no room for it).
 */

const RETRY_MS = 150;
/** A panel frame just created (unfolded by the toggle) takes a moment to answer. */
const TRIES = 20;

export function startPanelFocus(
  top: Document,
  lastCaret: () => Caret | undefined,
  firstTarget: () => HTMLElement | undefined,
): void {
  let back: Caret | undefined;
  const url = browser.runtime.getURL('/panel.html');
  const frame = () => [...top.getElementsByTagName('iframe')].find((f) => f.src === url);
  const toHost = () => {
    const caret = back?.el.isConnected ? back : lastCaret();
    const el = caret?.el ?? firstTarget();
    el?.focus();
    // A rich editor's caret, as it was when focus left it.
    const range = caret?.range;
    const sel = range && el?.contains(range.startContainer) && el.ownerDocument.getSelection();
    if (sel) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
  };
  const ask = (tries: number) => {
    frame()?.focus();
    void browser.runtime
      .sendMessage({ type: PANEL_FOCUS } satisfies FocusMessage)
      .then(
        (a: unknown) => (a as { shown?: unknown } | undefined)?.shown === true,
        () => false,
      )
      .then((shown) => shown || (tries > 1 && setTimeout(() => ask(tries - 1), RETRY_MS)));
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender, respond: (unfold: boolean) => void) => {
    const id = browser.runtime.id;
    if (isFocusMessage(raw, FOCUS_HOST)) {
      // Only this extension's panel (in the page or the browser's side panel).
      if (sender.id === id && sender.url?.startsWith(`chrome-extension://${id}/`)) toHost();
      return;
    }
    if (!isFocusMessage(raw, FOCUS_PANEL) || !isBackgroundSender(sender, id)) return;
    const f = frame();
    if (f && top.activeElement === f && top.hasFocus()) return toHost();
    const el = deepActive(top, () => undefined) as HTMLElement | null;
    const caret = lastCaret();
    if (el && el !== f && el !== top.body && el !== top.documentElement) back = caret?.el === el ? caret : { el };
    respond(!f);
    ask(TRIES);
  });
}
