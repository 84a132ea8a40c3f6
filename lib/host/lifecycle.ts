/**
 * The life of a content-script instance ends when its page goes, or when the
 * extension is reloaded, updated or removed under an open page. Chromium does
 * not inject the new version into open pages, and the old instance is then
 * orphaned: runtime.id is undefined at once, but Chromium dispatches nothing
 * more to its extension listeners (its port's onDisconnect does not fire, and
 * the dead panel frame fires no load event). DOM events and timers still run,
 * so the bridge checks on the caseworker's next move in the page and every few
 * seconds, then tears down its frame and observers and shows this notice.
 */

/** How often an instance checks whether it has been orphaned (ms). */
export const ORPHAN_CHECK_MS = 3000;

/**
 * Shown by an orphaned instance: the panel is gone until the page is reloaded.
 * Danish, as the case systems are; textContent and inline styles only, no
 * citizen data, and the host's fields and focus are left alone (an alert is
 * announced without moving focus). Closed with its button (Tab, Enter).
 */
export function showReloadNotice(doc: Document): void {
  const notice = doc.createElement('div');
  const close = doc.createElement('button');
  notice.role = 'alert';
  notice.lang = 'da';
  notice.textContent = 'Sidevogn er blevet opdateret – genindlæs siden for at fortsætte. ';
  close.textContent = 'Luk';
  close.onclick = () => notice.remove();
  notice.append(close);
  notice.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;padding:8px 12px;background:#1f2937;color:#fff;font:14px sans-serif';
  doc.body.append(notice);
}
