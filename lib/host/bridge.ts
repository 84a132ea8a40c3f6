import { browser, type Browser } from 'wxt/browser';
import {
  DEFAULT_LAYOUT,
  PANEL_COLLAPSED_WIDTH,
  PANEL_PORT_NAME,
  PANEL_READY,
  SIDE_PORT_NAME,
} from '../messaging/constants';
import {
  guardBackgroundToHost,
  guardLayout,
  guardPanelToHost,
  isBackgroundSender,
  isMode,
  isPanelSender,
  isSidePanelSender,
} from '../messaging/host-guards';
import type { Detection, HostToBackground, HostToPanel, Layout, PanelToHost } from '../messaging/protocol';
import type { STORAGE_KEYS } from '../storage/keys';
import { adapterFor } from './adapter-for';
import { fieldsApi as fields } from './fields-api';
import { ORPHAN_CHECK_MS, showReloadNotice } from './lifecycle';
import { pageApi } from './page-api';
import { applyLayout, createPanelFrame, removePushMargin } from './panel-frame';
import { readCitizens } from './read-citizen';
import { watchCitizen } from './watch-citizen';

/**
 * The content script's whole job: find the adapter for this page, read the
 * citizen, mount the panel frame and keep it positioned, insert text the
 * caseworker approved, and relay typed messages. It holds no notes and opens
 * no database.
 */

type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

// Registered keys (lib/storage/keys.ts), as literals: the whole STORAGE_KEYS object would cost 300 bytes here.
const SETTINGS = ['layout', 'layoutDefault', 'locale', 'adapters'] satisfies StorageKey[];

export async function startBridge(): Promise<void> {
  const stored: { [K in StorageKey]?: unknown } = await browser.storage.local.get(SETTINGS);
  const adapter = adapterFor(location.href, stored.adapters);
  if (!adapter) return;
  // Aborted when this instance is orphaned (connectToExtension, lib/host/lifecycle.ts).
  const life = new AbortController();
  const signal = life.signal;

  // The caseworker's layout, else the policy's default mode (lib/background/side-panel.ts).
  const policyMode = stored.layoutDefault;
  let layout: Layout = guardLayout(stored.layout) ?? {
    ...DEFAULT_LAYOUT,
    mode: isMode(policyMode) ? policyMode : DEFAULT_LAYOUT.mode,
  };
  let detection: Detection = { status: 'none' };
  let modal = false;

  // The caseworker's chosen panel language, not the browser's UI language.
  const en = stored.locale === 'en';
  let iframe: HTMLIFrameElement | undefined;
  let heavy = false;
  // Push mode set aside because the host's fixed or wide elements cannot be moved clear of the panel.
  let blocked = false;
  const place = () => {
    // Left folded: the page script draws the tab, and no frame loads until the panel is unfolded.
    const tab = pageApi()?.tab(!iframe && layout.collapsed, en, () => {
      setLayout({ ...layout, collapsed: false });
      iframe?.focus();
    });
    if (!tab)
      iframe ??= createPanelFrame(
        document,
        browser.runtime.getURL('/panel.html'),
        en ? 'Sidevogn side panel' : 'Sidevogn – sidepanel',
      );
    heavy = applyLayout(
      document,
      tab ?? iframe!,
      blocked && layout.mode === 'push' ? { ...layout, mode: 'overlay' } : layout,
    );
    const pushing = layout.mode === 'push' && !heavy && !blocked;
    pageApi()?.push(pushing ? (layout.collapsed ? PANEL_COLLAPSED_WIDTH : layout.width) : 0, () => {
      blocked = true;
      place();
      send({ type: 'push-blocked' });
    });
  };
  // Open, the frame comes at the host's first idle moment after its load (at most 300 ms
  // later), not during it: the host's load event no longer waits for the panel (A/B in
  // issue 33: load 52 ms sooner, the panel ready as soon). Folded, the tab comes at once.
  const idle = () => requestIdleCallback(() => iframe || place(), { timeout: 300 });
  if (layout.collapsed) place();
  else if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
  // Aborted only once orphaned, when the port is dead already.
  signal.addEventListener('abort', () => {
    iframe?.remove();
    pageApi()?.tab(false, en, place);
    removePushMargin(document);
    pageApi()?.push(0, () => undefined);
  });

  const send = connectToExtension(
    life,
    () => iframe,
    () => [
      { type: 'layout', layout, heavy },
      { type: 'modal', open: modal },
      ...(blocked ? [{ type: 'push-blocked' } as const] : []),
      { type: 'citizen', detection },
    ],
    (message, reply) => {
      // Each set-* message carries one field of the layout, and only it (guardPanelToHost).
      if (message.type === 'set-collapsed' || message.type === 'set-width' || message.type === 'set-mode') {
        const { type: _, ...change } = message;
        setLayout({ ...layout, ...change });
      }
      // Inserting and the targets: the field script's, answered on the port that asked.
      else fields()?.answer(adapter, message, reply, () => readCitizens(document, adapter));
    },
    () => {
      // The worker opened the browser's side panel for this tab already: nothing to fold here.
      if (wantsSide()) return;
      setLayout({ ...layout, collapsed: !layout.collapsed });
      if (!layout.collapsed) iframe?.focus();
    },
  );
  // Whether this tab wants the browser's side panel: the service worker enables
  // it for the tab, so the toggle command can open it (lib/background/side-panel.ts).
  let wanted = false;
  const wantsSide = () => layout.mode === 'side' || modal;
  const tellWorker = () => {
    // Orphaned (the extension reloaded): runtime calls would throw.
    if (!browser.runtime?.id || wanted === wantsSide()) return;
    wanted = !wanted;
    void browser.runtime.sendMessage({ type: 'side-panel', wanted } satisfies HostToBackground).catch(() => undefined);
  };
  tellWorker();
  const setLayout = (next: Layout) => {
    layout = next;
    place();
    send({ type: 'layout', layout, heavy });
    tellWorker();
    void browser.storage.local.set({ layout } satisfies { [K in StorageKey]?: Layout });
  };

  // A modal dialog makes the in-page panel inert: the panel says so, and the
  // toggle command offers the side panel (lib/host/page-script.ts).
  pageApi()?.watchModal(signal, (open) => {
    modal = open;
    send({ type: 'modal', open });
    tellWorker();
  });

  // The DOM observer also catches SPA route changes: they swap the content.
  watchCitizen(document, adapter, signal, (next) => {
    detection = next;
    send({ type: 'citizen', detection });
  });
}

/**
 * The bridge's line to the extension: the ports of the in-page panel (which
 * proves itself with our frame's ticket) and of the browser's side panel, both
 * open at once when a modal dialog makes the in-page one inert; the service
 * worker's toggle; and the check that the extension is still there, which
 * aborts `life` once it is not. Each new port gets `hello` and its messages go
 * to `onMessage`, the worker's toggle to `onToggle`. Returns the send to both
 * panels. Top-level and fed closures, not a module of its own: the bridge's
 * 10 KB budget (tests/e2e/build.spec.ts).
 */
function connectToExtension(
  life: AbortController,
  frame: () => HTMLIFrameElement | undefined,
  hello: () => HostToPanel[],
  onMessage: (message: PanelToHost, reply: (message: HostToPanel) => void) => void,
  onToggle: () => void,
): (message: HostToPanel) => void {
  const signal = life.signal;
  const extensionId = browser.runtime.id;
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

  // The in-page panel's port, and the browser side panel's.
  let port: Browser.runtime.Port | undefined;
  let side: Browser.runtime.Port | undefined;
  // Our frame's ticket for the port (see PANEL_PORT_NAME). Posted only to this
  // frame's window and only if it holds an extension page, so the host page
  // cannot read it; the frame asks for it once its listener is in place.
  // getRandomValues, not randomUUID: a case system on plain http is no secure context.
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  addEventListener(
    'message',
    (e) => {
      if (e.source === frame()?.contentWindow && e.data === PANEL_READY)
        (e.source as Window).postMessage(token, `chrome-extension://${extensionId}`);
    },
    { signal },
  );

  browser.runtime.onConnect.addListener((p) => {
    if (signal.aborted) return;
    if (p.name === SIDE_PORT_NAME) {
      // Only this extension's side page, outside any tab; else refuse it and keep the one we have.
      if (!isSidePanelSender(p.sender, extensionId)) return p.disconnect();
      side?.disconnect();
      side = p;
    } else {
      if (!p.name.startsWith(PANEL_PORT_NAME)) return;
      // Another frame, a stale token, or not our panel page: refuse it, and keep the panel we have.
      if (p.name !== PANEL_PORT_NAME + token || !isPanelSender(p.sender, extensionId)) return p.disconnect();
      port?.disconnect();
      port = p;
    }
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
      if (side === p) side = undefined;
      checkOrphaned();
    });
    p.onMessage.addListener((raw) => {
      const message = guardPanelToHost(raw);
      if (message) onMessage(message, (m) => p.postMessage(m));
    });
    hello().forEach((m) => p.postMessage(m));
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only the service worker (no tab) of this extension may toggle the panel.
    if (!isBackgroundSender(sender, extensionId) || !guardBackgroundToHost(raw) || signal.aborted) return;
    onToggle();
  });
  return (message) => {
    // Orphaned: Chromium dispatches no disconnect, and posting would throw.
    if (signal.aborted) return;
    port?.postMessage(message);
    side?.postMessage(message);
  };
}
