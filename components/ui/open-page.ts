import { browser } from 'wxt/browser';

/**
 * Opens one of Sidevogn's own pages (`/summary.html?…`) in a new tab. Resolves
 * to null once the tab is there, or to why it is not, for the view to say so:
 * a click that opens nothing must not pass in silence.
 */
export function openOwnPage(
  path: '/summary.html' | '/access.html',
  query: Record<string, string>,
): Promise<string | null> {
  const url = `${browser.runtime.getURL(path)}?${new URLSearchParams(query).toString()}`;
  return browser.tabs.create({ url }).then(
    () => null,
    // Without its closing full stop: the message ends the sentence it is put in.
    (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.$/, ''),
  );
}
