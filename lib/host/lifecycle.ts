/**
 * The life of a content-script instance ends when its page goes, or when the
 * extension is reloaded, updated or removed under an open page. Chromium does
 * not inject the new version into open pages, and the old instance's runtime is
 * then gone (runtime.id is undefined): the bridge notices when its port or
 * frame dies, tears down its frame and observers, and shows this notice.
 */

/**
 * Shown by an orphaned instance (the extension was reloaded or updated under an
 * open page): the panel is gone until the page is reloaded. Danish, as the case
 * systems are; text only, no citizen data, and the host's fields are left alone.
 */
export function showReloadNotice(doc: Document): void {
  const notice = doc.createElement('p');
  const close = doc.createElement('button');
  notice.role = 'alert';
  notice.lang = 'da';
  notice.textContent = 'Sidevogn er blevet opdateret – genindlæs siden';
  close.textContent = '×';
  close.ariaLabel = 'Luk';
  close.onclick = () => notice.remove();
  notice.append(' ', close);
  notice.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483646;padding:8px 12px;background:#1f2937;color:#fff;font:14px sans-serif';
  doc.body.append(notice);
}
