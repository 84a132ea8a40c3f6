import {
  LAYOUT_MODES,
  MAX_INSERT_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PREFER_CHARS,
  MAX_TARGET_ID_CHARS,
  PANEL_MAX_WIDTH,
  PANEL_MIN_WIDTH,
} from './constants';
import type { BackgroundToHost, Layout, PanelToHost } from './protocol';

/**
 * Receipt checks for the content script: the same rules as the zod schemas in
 * ./protocol for the few messages the content script receives, written out by
 * hand (docs/adr/0003-hand-written-bridge-guards.md). host-guards.test.ts holds
 * both to the same verdicts.
 */

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnlyKeys = (v: Obj, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isWidth = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= PANEL_MIN_WIDTH && (v as number) <= PANEL_MAX_WIDTH;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
export const isMode = (v: unknown): v is Layout['mode'] => (LAYOUT_MODES as readonly unknown[]).includes(v);

export function guardLayout(v: unknown): Layout | undefined {
  if (!isObject(v) || !hasOnlyKeys(v, ['collapsed', 'width', 'mode'])) return undefined;
  const { collapsed, width, mode } = v;
  return typeof collapsed === 'boolean' && isWidth(width) && isMode(mode) ? { collapsed, width, mode } : undefined;
}

/** The same cap as parseMessage in ./protocol: anything larger is dropped unread. */
export function isWithinSize(v: unknown): boolean {
  try {
    return (JSON.stringify(v)?.length ?? 0) <= MAX_MESSAGE_CHARS;
  } catch {
    return false;
  }
}

export function guardPanelToHost(v: unknown): PanelToHost | undefined {
  if (!isObject(v) || !isWithinSize(v)) return undefined;
  switch (v.type) {
    case 'set-collapsed':
      return hasOnlyKeys(v, ['type', 'collapsed']) && typeof v.collapsed === 'boolean'
        ? { type: v.type, collapsed: v.collapsed }
        : undefined;
    case 'set-width':
      return hasOnlyKeys(v, ['type', 'width']) && isWidth(v.width) ? { type: v.type, width: v.width } : undefined;
    case 'set-mode':
      return hasOnlyKeys(v, ['type', 'mode']) && isMode(v.mode) ? { type: v.type, mode: v.mode } : undefined;
    case 'insert': {
      const { requestId, text, target, prefer } = v;
      return hasOnlyKeys(v, ['type', 'requestId', 'text', 'target', 'prefer']) &&
        isString(requestId, 64) &&
        isString(text, MAX_INSERT_CHARS) &&
        (target === undefined || isString(target, MAX_TARGET_ID_CHARS)) &&
        (prefer === undefined || isString(prefer, MAX_PREFER_CHARS))
        ? {
            type: v.type,
            requestId,
            text,
            ...(target === undefined ? {} : { target }),
            ...(prefer === undefined ? {} : { prefer }),
          }
        : undefined;
    }
    case 'targets':
      return hasOnlyKeys(v, ['type', 'requestId']) && isString(v.requestId, 64)
        ? { type: v.type, requestId: v.requestId }
        : undefined;
    default:
      return undefined;
  }
}

export function guardBackgroundToHost(v: unknown): BackgroundToHost | undefined {
  return isObject(v) && v.type === 'toggle-panel' && hasOnlyKeys(v, ['type']) ? { type: 'toggle-panel' } : undefined;
}

/** The parts of runtime.MessageSender the checks below read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * A port may only come from this extension's panel page. Chromium gives a port
 * opened by an extension frame no tab or frame id, so which tab and frame is
 * settled by the port's name instead (PANEL_PORT_NAME): only the frame the
 * bridge made learns its token, and the panel connects only to its own tab.
 */
export const isPanelSender = (s: Sender | undefined, extensionId: string): boolean =>
  s?.id === extensionId && s.url === `chrome-extension://${extensionId}/panel.html`;

/** Runtime messages to the content script may only come from this extension's service worker (no tab). */
export const isBackgroundSender = (s: Sender | undefined, extensionId: string): boolean =>
  s?.id === extensionId && !s.tab && !!s.url?.startsWith(`chrome-extension://${extensionId}/`);

/**
 * The browser's side panel: this extension's side page (never web-accessible,
 * so no host page can frame it), not in a tab. Which tab it talks to is settled
 * by tabs.connect(tabId, {frameId: 0}): only that tab's top-frame bridge hears it.
 * Chromium 156 reports no `tab` for such a port even when the side page was
 * opened as a tab, so the side page also checks that itself (lib/panel/side-link.ts).
 */
export const isSidePanelSender = (s: Sender | undefined, extensionId: string): boolean =>
  s?.id === extensionId &&
  !s.tab &&
  !!s.url &&
  new RegExp(`^chrome-extension://${extensionId}/side\\.html\\?tab=\\d+$`).test(s.url);
