import { browser } from 'wxt/browser';
import { recordBridgeError, type BridgeErrorKind } from '../adapters/bridge-errors';
import { startHandshake } from './handshake';
import { sideTabOf, startSideLink } from './side-link';
import {
  hostToPanelSchema,
  parseMessage,
  type HostToPanel,
  type PanelToHost,
  type TargetChoice,
} from '../messaging/protocol';
import { settleDetections } from './name-settle';
import { usePanelStore } from './panel-store';
import { ALWAYS_VISIBLE, PanelHiddenError, watchVisibility, type Hidden } from './visibility';

export type InsertResult = Omit<Extract<HostToPanel, { type: 'insert-result' }>, 'type' | 'requestId'>;
export interface TargetsView {
  targets: TargetChoice[];
  /** The target the caret is in. */
  current: string | null;
  /** The caret is in a field that is none of the targets. */
  elsewhere: boolean;
}
export interface InsertRequest {
  /** The target the caseworker chose. */
  target?: string;
  /** A role, label or id the note should go into when the caret is in no target. */
  prefer?: string;
  /** The CPR of the citizen the text was written for: the page must still show them (else 'wrong-citizen'). */
  citizen?: string;
}

export interface HostConnection {
  /** The case-system tab this panel belongs to (undefined until connected, or without one). */
  tabId(): number | undefined;
  send(message: PanelToHost): void;
  /**
   * Asks the content script to insert text; resolves with where it went (read
   * back there). Rejects with PanelHiddenError, sending nothing, when the
   * caseworker could not see the panel at the click (lib/panel/visibility.ts);
   * `settle` waits for the observer's report on the click first (a confirming click).
   */
  insert(text: string, request?: InsertRequest, options?: { settle?: boolean }): Promise<InsertResult>;
  /** Why the caseworker could not see the panel at their last click, or null when they could. */
  hidden(): Hidden | null;
  /** The same, once the observer has reported on that click (for a confirming click). */
  hiddenSettled(): Promise<Hidden | null>;
  /** The targets on the page, and the one the caret is in. */
  targets(): Promise<TargetsView>;
}

/** The bridge reads the text back for up to 2 s (lib/host/insert.ts). */
export const INSERT_TIMEOUT_MS = 5_000;

/**
 * The page did not answer an insertion in time. It may still have put the note
 * in (a slow page, a busy machine): the panel cannot tell, and must not say
 * it failed, or a second press puts the note in twice.
 */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
  constructor() {
    super('The case system page did not answer the insertion in time');
  }
}
const TARGETS_TIMEOUT_MS = 2_000;
/** As long as the panel says "Forbinder …" before it explains (components/panel/PanelApp.tsx). */
const HANDSHAKE_PATIENCE_MS = 3_000;

class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor() {
    super('The case system page did not answer');
  }
}

/** The case-system page's address (only its origin is kept): the frame's parent, or the side panel's tab. */
async function hostUrl(win: Window, tabId: number | undefined): Promise<string | undefined> {
  const parent = win.parent !== win ? win.location.ancestorOrigins?.[0] : undefined;
  if (parent) return parent;
  return tabId === undefined ? undefined : (await browser.tabs.get(tabId).catch(() => undefined))?.url;
}

/**
 * The panel's connection to the bridge in its tab (the handshake is in
 * ./handshake). Incoming messages are parsed and fed into the panel store.
 */
export async function connectToHost(win: Window & typeof globalThis = window): Promise<HostConnection> {
  // The browser's side panel (side.html?tab=N), or the frame in the page.
  const sideTab = sideTabOf(win.location);
  const link = sideTab === undefined ? startHandshake(win) : startSideLink(sideTab);
  const store = usePanelStore.getState();
  store.setSurface(sideTab === undefined ? 'frame' : 'side');
  if (!(await link.inTab)) {
    store.setConnection('disconnected');
    const refuse = () => Promise.reject(new Error('Not connected to a case system page'));
    return {
      tabId: () => undefined,
      send: () => undefined,
      insert: refuse,
      targets: refuse,
      hidden: () => null,
      hiddenSettled: () => Promise.resolve(null),
    };
  }
  /** What went wrong, for the options page's health check ("Sidste fejl"); never citizen data. */
  const report = (kind: BridgeErrorKind, target?: string | null) =>
    void hostUrl(win, link.tabId())
      .then((url) => (url ? recordBridgeError(url, { kind, ...(target ? { target } : {}) }) : undefined))
      .catch(() => undefined);
  setTimeout(() => {
    if (usePanelStore.getState().connection === 'connecting') report('timeout');
  }, HANDSHAKE_PATIENCE_MS);
  // A frame in the host's page can be hidden or covered by the host; the side panel cannot.
  const visibility = sideTab === undefined ? watchVisibility(win) : ALWAYS_VISIBLE;
  const pending = new Map<string, (result: InsertResult | TargetsView) => void>();
  const takeDetection = settleDetections(
    () => usePanelStore.getState().detection,
    (detection) => usePanelStore.getState().setDetection(detection),
  );
  link.attach(
    (raw) => {
      const message = parseMessage(hostToPanelSchema, raw);
      const s = usePanelStore.getState();
      // Only the port the bridge accepted delivers: the handshake has succeeded.
      if (!s.linked) s.setLinked();
      if (!message) {
        // A citizen message that fails validation must not leave the last citizen on
        // screen while the page shows another: show none, and say why.
        if ((raw as { type?: unknown } | null)?.type === 'citizen') {
          if (s.detection.status !== 'invalid') report('invalid');
          takeDetection({ status: 'invalid' });
          if (s.connection !== 'connected') s.setConnection('connected');
        }
        return;
      }
      if (message.type === 'citizen') {
        const { status } = message.detection;
        if ((status === 'invalid' || status === 'unreadable') && s.detection.status !== status) report(status);
        takeDetection(message.detection);
        // Connected once the page has said whom it shows (its layout comes first),
        // so the panel never shows "no citizen" on its way to the citizen.
        if (s.connection !== 'connected') s.setConnection('connected');
      } else if (message.type === 'layout') s.setLayout(message.layout, message.heavy);
      else if (message.type === 'modal') s.setModalOpen(message.open);
      else if (message.type === 'push-blocked') s.setPushBlocked();
      else {
        const { type: _type, requestId, ...result } = message;
        pending.get(requestId)?.(result);
        pending.delete(requestId);
      }
    },
    () => usePanelStore.getState().setConnection('disconnected'),
  );

  /** A request whose answer comes in a later task, matched by its id. */
  const ask = <T>(message: (requestId: string) => PanelToHost, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const requestId = crypto.randomUUID();
      if (!link.post(message(requestId))) return reject(new Error('Not connected to a case system page'));
      const timer = setTimeout(() => {
        pending.delete(requestId);
        reject(new TimeoutError());
      }, timeoutMs);
      pending.set(requestId, (result) => {
        clearTimeout(timer);
        resolve(result as T);
      });
    });

  return {
    tabId: link.tabId,
    send: (message) => void link.post(message),
    async insert(text, request = {}, { settle = false } = {}) {
      const hidden = settle ? await visibility.settled() : visibility.now();
      if (hidden) throw new PanelHiddenError(hidden);
      return ask<InsertResult>(
        (requestId) => ({ type: 'insert', requestId, text, ...request }),
        INSERT_TIMEOUT_MS,
      ).then(
        (result) => {
          if (result.outcome === 'not-verified' || result.outcome === 'no-target' || result.outcome === 'not-writable')
            report(result.outcome, result.target);
          return result;
        },
        (error: unknown) => {
          if (!(error instanceof TimeoutError)) throw error;
          report('timeout');
          throw new NoAnswerError();
        },
      );
    },
    hidden: () => visibility.now(),
    hiddenSettled: () => visibility.settled(),
    targets: () => ask<TargetsView>((requestId) => ({ type: 'targets', requestId }), TARGETS_TIMEOUT_MS),
  };
}
