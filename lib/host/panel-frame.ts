import { PANEL_COLLAPSED_WIDTH } from '../messaging/constants';
import type { Layout } from '../messaging/protocol';

/**
 * Positions the panel iframe at the right edge of the host page and, in push
 * mode, makes room for it so nothing of the host is hidden.
 */

const PUSH_STYLE_ID = 'sidevogn-push-style';

/**
 * Push mode narrows the host, and the host must lay itself out again, on every
 * load, fold and unfold. Above this many elements that costs more than opening
 * the panel may (30 ms; `npm run bench`, item 4: a 45,000-element table took
 * 1.2 s a time), so on such pages the panel lies over the page instead.
 */
export const PUSH_MAX_ELEMENTS = 5000;

/** Probes one index of the live collection, so a huge page is not walked to its end. */
export const isHeavyPage = (doc: Document): boolean => !!doc.getElementsByTagName('*')[PUSH_MAX_ELEMENTS];

/**
 * Creates the panel iframe on an extension page. (WXT's createIframeUi does the
 * same but costs 6 KB of the content script's 10 KB budget.) The page is listed
 * in web_accessible_resources for the case-system origins only.
 */
export function createPanelFrame(doc: Document, src: string, title: string): HTMLIFrameElement {
  const iframe = doc.createElement('iframe');
  iframe.src = src;
  iframe.title = title;
  // The frame's origin is the extension's, not the dynamic URL it loads from,
  // so the default allowlist ('src') would not match it.
  iframe.setAttribute('allow', 'clipboard-write *');
  Object.assign(iframe.style, {
    position: 'fixed',
    top: '0',
    right: '0',
    height: '100vh',
    border: '0',
    margin: '0',
    padding: '0',
    zIndex: '2147483646',
    colorScheme: 'normal',
    background: 'transparent',
  } satisfies Partial<CSSStyleDeclaration>);
  return iframe;
}

/** Returns whether push mode was set aside because the page is too large (see PUSH_MAX_ELEMENTS). */
export function applyLayout(doc: Document, iframe: HTMLIFrameElement, layout: Layout): boolean {
  const width = layout.collapsed ? PANEL_COLLAPSED_WIDTH : layout.width;
  iframe.style.width = `${width}px`;
  iframe.style.boxShadow = layout.collapsed ? 'none' : '-2px 0 8px rgba(0,0,0,.18)';
  let style = doc.getElementById(PUSH_STYLE_ID);
  const heavy = layout.mode === 'push' && isHeavyPage(doc);
  if (layout.mode === 'push' && !heavy) {
    if (!style) {
      style = doc.createElement('style');
      style.id = PUSH_STYLE_ID;
      doc.head.append(style);
    }
    style.textContent = `html{margin-right:${width}px !important}`;
  } else {
    style?.remove();
  }
  return heavy;
}

export function removePushStyle(doc: Document): void {
  doc.getElementById(PUSH_STYLE_ID)?.remove();
}
