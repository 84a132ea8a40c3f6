import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_LAYOUT, PANEL_PORT_NAME, PANEL_READY } from '../messaging/constants';
import {
  guardBackgroundToHost,
  guardLayout,
  guardPanelToHost,
  isBackgroundSender,
  isPanelSender,
} from '../messaging/host-guards';
import type { Detection, HostToPanel, Layout } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';
import type { Adapter } from './adapter';
import { demoAdapter } from './demo-adapter';
import { fieldsApi as fields } from './fields-api';
import { ORPHAN_CHECK_MS, showReloadNotice } from './lifecycle';
import { matchesPattern } from './match-pattern';
import { applyLayout, createPanelFrame, removePushMargin } from './panel-frame';
import { watchCitizen } from './watch-citizen';

/**
 * The content script's whole job: find the adapter for this page, read the
 * citizen, mount the panel frame and keep it positioned, insert text the
 * caseworker approved, and relay typed messages. It holds no notes and opens
 * no database.
 */

/**
 * Team-lead-made adapters first (they may name a part of the demo host), then
 * the built-in one. The stored list is not re-validated here: only extension
 * pages write it, after adapterSchema (lib/adapters/registry.ts), the host page
 * cannot reach chrome.storage, and a zod copy would not fit the size budget.
 */
function adapterFor(url: string, stored: unknown): Adapter | undefined {
  const parsed = new URL(url);
  // The demo adapter only in development and test builds (__DEMO__: wxt.config.ts).
  const adapters = [...(Array.isArray(stored) ? (stored as Adapter[]) : []), ...(__DEMO__ ? [demoAdapter] : [])];
  return adapters.find((a) => a.matches?.some((p) => matchesPattern(p, parsed)));
}

export async function startBridge(): Promise<void> {
  const stored = await browser.storage.local.get([STORAGE_KEYS.layout, STORAGE_KEYS.locale, STORAGE_KEYS.adapters]);
  const adapter = adapterFor(location.href, stored[STORAGE_KEYS.adapters]);
  if (!adapter) return;
  // Aborted when this instance is orphaned (lib/host/lifecycle.ts).
  const life = new AbortController();
  const signal = life.signal;

  let layout: Layout = guardLayout(stored[STORAGE_KEYS.layout]) ?? DEFAULT_LAYOUT;
  let detection: Detection = { status: 'none' };
  let port: Browser.runtime.Port | undefined;

  const iframe = createPanelFrame(
    document,
    browser.runtime.getURL('/panel.html'),
    // The caseworker's chosen panel language, not the browser's UI language.
    stored[STORAGE_KEYS.locale] === 'en' ? 'Sidevogn side panel' : 'Sidevogn – sidepanel',
  );
  let heavy = applyLayout(document, iframe, layout);
  document.body.append(iframe);
  // Aborted only once orphaned, when the port is dead already.
  signal.addEventListener('abort', () => {
    iframe.remove();
    removePushMargin(document);
  });

  // Our frame's ticket for the port (see PANEL_PORT_NAME). Posted only to this
  // frame's window and only if it holds an extension page, so the host page
  // cannot read it; the frame asks for it once its listener is in place.
  // getRandomValues, not randomUUID: a case system on plain http is no secure context.
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const extensionId = browser.runtime.id;
  addEventListener(
    'message',
    (e) => {
      if (e.source === iframe.contentWindow && e.data === PANEL_READY)
        iframe.contentWindow?.postMessage(token, `chrome-extension://${extensionId}`);
    },
    { signal },
  );
  // After the extension is reloaded or removed this instance is orphaned: its
  // frame dies and nothing would answer. Say so instead of failing silently.
  // Only DOM events and timers still reach it (lib/host/lifecycle.ts).
  const checkOrphaned = () => {
    if (!signal.aborted && !browser.runtime?.id) {
      clearInterval(timer);
      life.abort();
      showReloadNotice(document);
    }
  };
  for (const type of ['focus', 'blur', 'pointerdown', 'keydown'])
    addEventListener(type, checkOrphaned, { capture: true, signal });
  const timer = setInterval(checkOrphaned, ORPHAN_CHECK_MS);

  const send = (message: HostToPanel) => port?.postMessage(message);
  const setLayout = (next: Layout) => {
    layout = next;
    heavy = applyLayout(document, iframe, layout);
    send({ type: 'layout', layout, heavy });
    void browser.storage.local.set({ [STORAGE_KEYS.layout]: layout });
  };

  browser.runtime.onConnect.addListener((p) => {
    if (signal.aborted || !p.name.startsWith(PANEL_PORT_NAME)) return;
    // Another frame, a stale token, or not our panel page: refuse it, and keep the panel we have.
    if (p.name !== PANEL_PORT_NAME + token || !isPanelSender(p.sender, extensionId)) return p.disconnect();
    port?.disconnect();
    port = p;
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
      checkOrphaned();
    });
    p.onMessage.addListener((raw) => {
      const message = guardPanelToHost(raw);
      if (message?.type === 'set-collapsed') setLayout({ ...layout, collapsed: message.collapsed });
      else if (message?.type === 'set-width') setLayout({ ...layout, width: message.width });
      else if (message?.type === 'set-mode') setLayout({ ...layout, mode: message.mode });
      else if (message?.type === 'insert') {
        const started = performance.now();
        const { requestId, text, type: _, ...request } = message;
        void (
          fields()?.insert(adapter, text, request) ?? Promise.resolve({ outcome: 'no-target' as const, target: null })
        )
          .catch(() => ({ outcome: 'not-verified' as const, target: null }))
          .then((report) => send({ type: 'insert-result', requestId, ...report, ms: performance.now() - started }));
      } else if (message?.type === 'targets')
        send({
          type: 'targets',
          requestId: message.requestId,
          ...(fields()?.targets(adapter) ?? { targets: [], current: null, elsewhere: false }),
        });
    });
    send({ type: 'layout', layout, heavy });
    send({ type: 'citizen', detection });
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only the service worker (no tab) of this extension may toggle the panel.
    if (!isBackgroundSender(sender, extensionId) || !guardBackgroundToHost(raw) || signal.aborted) return;
    setLayout({ ...layout, collapsed: !layout.collapsed });
    if (!layout.collapsed) iframe.focus();
  });

  // The DOM observer also catches SPA route changes: they swap the content.
  watchCitizen(document, adapter, signal, (next) => {
    detection = next;
    send({ type: 'citizen', detection });
  });
}
