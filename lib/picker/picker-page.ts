/** The picker's hold on the page: listeners in every reachable frame, and staying above modal dialogs. */

/** Capturing listeners on a window and, once watched, its same-origin frames (an editor's iframe); cross-origin ones cannot be reached. */
export function frameListeners(listeners: [string, EventListener][]) {
  const windows = new Set<Window>();
  const listenIn = (w: Window) => {
    if (windows.has(w)) return;
    windows.add(w);
    for (const [type, fn] of listeners) w.addEventListener(type, fn, true);
  };
  const watchFrames = (d: Document) => {
    for (const frame of d.querySelectorAll('iframe, frame')) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        // Cross-origin: out of reach.
      }
      if (inner?.defaultView) {
        listenIn(inner.defaultView);
        watchFrames(inner);
      }
    }
  };
  const removeAll = () => {
    for (const w of windows) for (const [type, fn] of listeners) w.removeEventListener(type, fn, true);
  };
  return { listenIn, watchFrames, removeAll };
}

/**
 * A modal <dialog> makes everything outside it inert, the picker's bar too,
 * and lies above it in the top layer. While one is open the picker's host
 * moves into the topmost modal dialog and is shown there as a popover: inside
 * the dialog it is not inert, and in the top layer it is drawn above it. When
 * the dialog closes it moves back. The same check puts it back if the page
 * removes it (a re-render). Modal dialogs in the order they opened: the last
 * one still open is the topmost, the only one not inert. Returns the stop.
 */
export function keepAboveModals(doc: Document, host: HTMLElement): () => void {
  const modals: Element[] = [];
  const topModal = (): Element | undefined => {
    const open = [...doc.querySelectorAll('dialog:modal')];
    for (let i = modals.length - 1; i >= 0; i--) if (!open.includes(modals[i]!)) modals.splice(i, 1);
    for (const dialog of open) if (!modals.includes(dialog)) modals.push(dialog);
    return modals.at(-1);
  };
  const place = () => {
    const modal = topModal();
    const parent = modal ?? doc.documentElement;
    const shown = host.matches(':popover-open');
    if (host.parentNode === parent && shown === !!modal) return;
    if (shown) host.hidePopover();
    if (host.parentNode !== parent) parent.append(host);
    if (modal) {
      host.popover = 'manual';
      host.showPopover();
    } else host.removeAttribute('popover');
  };
  const observer = new MutationObserver(place);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ['open'] });
  place();
  return () => observer.disconnect();
}
