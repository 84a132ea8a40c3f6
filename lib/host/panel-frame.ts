import { PANEL_COLLAPSED_WIDTH } from '../messaging/constants';
import type { Layout } from '../messaging/protocol';

/**
 * Positions the panel iframe at the right edge of the host page and, in push
 * mode, makes room for it so nothing of the host is hidden.
 */

const PUSH_STYLE_ID = 'sidevogn-push-style';

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

export function applyLayout(doc: Document, iframe: HTMLIFrameElement, layout: Layout): void {
  const width = layout.collapsed ? PANEL_COLLAPSED_WIDTH : layout.width;
  iframe.style.width = `${width}px`;
  iframe.style.boxShadow = layout.collapsed ? 'none' : '-2px 0 8px rgba(0,0,0,.18)';
  let style = doc.getElementById(PUSH_STYLE_ID);
  if (layout.mode === 'push') {
    if (!style) {
      style = doc.createElement('style');
      style.id = PUSH_STYLE_ID;
      doc.head.append(style);
    }
    style.textContent = `html{margin-right:${width}px !important}`;
  } else {
    style?.remove();
  }
}

export function removePushStyle(doc: Document): void {
  doc.getElementById(PUSH_STYLE_ID)?.remove();
}
