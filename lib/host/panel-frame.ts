import { PANEL_COLLAPSED_WIDTH } from '../messaging/constants';
import type { Layout } from '../messaging/protocol';

/**
 * Positions the panel iframe at the right edge of the host page and, in push
 * mode, makes room for it so nothing of the host is hidden.
 */

/**
 * Push mode makes room with an inline `margin-right` on the host's <html>, not
 * a <style> element: adding a style sheet makes Chromium rebuild all of the
 * page's style rules, many times the cost of the inline style.
 * The host's own inline margin, if it had one, is kept here and put back.
 */
const MARGIN = 'margin-right';
let hostMargin: [value: string, priority: string] | undefined;

/**
 * Push mode narrows the host, and the host must lay itself out again, on every
 * load, fold and unfold. Above this many elements that costs more than opening
 * the panel may (the goal and the heavy-page figures: tests/bench/README.md),
 * so on such pages the panel lies over the page instead.
 */
export const PUSH_MAX_ELEMENTS = 5000;

/** Probes one index of the live collection, so a huge page is not walked to its end. */
export const isHeavyPage = (doc: Document): boolean => !!doc.getElementsByTagName('*')[PUSH_MAX_ELEMENTS];

/**
 * Creates the panel iframe on an extension page. (WXT's createIframeUi does the
 * same but would not fit the bridge's budget: docs/adr/0002-bridge-size-budget.md.) The page is listed
 * in web_accessible_resources for the case-system origins only.
 */
export function createPanelFrame(doc: Document, src: string, title: string): HTMLIFrameElement {
  const iframe = doc.createElement('iframe');
  iframe.src = src;
  iframe.title = title;
  // The frame's origin is the extension's, not the dynamic URL it loads from,
  // so the default allowlist ('src') would not match it.
  iframe.setAttribute('allow', 'clipboard-write *');
  // One declaration block parsed once, not a property at a time.
  iframe.style.cssText = own =
    'position:fixed;top:0;right:0;height:100vh;border:0;margin:0;padding:0;z-index:2147483646;color-scheme:normal;background:transparent';
  // The page may restyle the frame (opacity 0, moved away) to turn a click on a decoy into an
  // insert: its own inline style comes back at once. (What the page does around the frame, the
  // panel's visibility check sees: lib/panel/visibility.ts.)
  new MutationObserver(() => {
    if (iframe.style.cssText !== own) iframe.style.cssText = own;
  }).observe(iframe, { attributeFilter: ['style'] });
  return iframe;
}

/** The frame's inline style as Sidevogn last set it. */
let own = '';

/**
 * Returns whether push mode was set aside because the page is too large (see
 * PUSH_MAX_ELEMENTS). In the side layout the frame leaves the page (the browser's
 * side panel shows the panel) and so does the margin: nothing of Sidevogn stays
 * in the host's page but the bridge.
 */
export function applyLayout(doc: Document, iframe: HTMLElement, layout: Layout): boolean {
  if (layout.mode === 'side') {
    iframe.remove();
    removePushMargin(doc);
    return false;
  }
  // In <html>, beside the body: a host that swaps its <body> on each visit (Turbo, pjax) keeps it.
  if (!iframe.isConnected) doc.documentElement.append(iframe);
  const width = layout.collapsed ? PANEL_COLLAPSED_WIDTH : layout.width;
  iframe.style.width = `${width}px`;
  iframe.style.boxShadow = layout.collapsed ? 'none' : '-2px 0 8px rgba(0,0,0,.18)';
  own = iframe.style.cssText;
  const heavy = layout.mode === 'push' && isHeavyPage(doc);
  if (layout.mode === 'push' && !heavy) {
    const style = doc.documentElement.style;
    hostMargin ??= [style.getPropertyValue(MARGIN), style.getPropertyPriority(MARGIN)];
    style.setProperty(MARGIN, `${width}px`, 'important');
  } else {
    removePushMargin(doc);
  }
  return heavy;
}

/** Gives the host back its own inline margin (none, mostly). */
export function removePushMargin(doc: Document): void {
  if (hostMargin) doc.documentElement.style.setProperty(MARGIN, ...hostMargin);
  hostMargin = undefined;
}
