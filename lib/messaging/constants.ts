/**
 * Protocol constants without any schema code, so the content script can import
 * them without pulling zod into its 10 KB budget.
 */
/**
 * The panel's port is named PANEL_PORT_NAME + the bridge's per-instance token.
 * The bridge hands the token only to its own frame (postMessage to the frame's
 * window, targeted at the extension's origin) when that frame sends PANEL_READY,
 * so a panel page the host framed itself, even with the URL copied from ours,
 * never learns it and is refused.
 */
export const PANEL_PORT_NAME = 'sidevogn-panel:';
export const PANEL_READY = 'sidevogn:panel-ready';
export const MAX_MESSAGE_CHARS = 256 * 1024;
export const PANEL_MIN_WIDTH = 300;
export const PANEL_MAX_WIDTH = 900;
export const PANEL_COLLAPSED_WIDTH = 36;
/** 'side': the browser's own side panel (chrome.sidePanel); nothing of Sidevogn in the page but the bridge. */
export const LAYOUT_MODES = ['overlay', 'push', 'side'] as const;
/**
 * The side-panel page (entrypoints/side) connects to its tab's bridge with
 * tabs.connect(tabId, {frameId: 0}) under this name. No token: the page is not
 * web-accessible, so only the browser's side panel holds it, and the bridge
 * checks the port's sender (isSidePanelSender in ./host-guards).
 */
export const SIDE_PORT_NAME = 'sidevogn-side';
/** The side-panel page; `?tab=<id>` names the tab it belongs to (set per tab by the service worker). */
export const SIDE_PAGE = 'side.html';
export const DEFAULT_LAYOUT = { collapsed: false, width: 400, mode: 'push' } as const;
export const MAX_INSERT_CHARS = 100_000;
/**
 * 'inserted': read back in the target. 'not-verified': sent, but the target does not
 * hold it. 'choose-target': several targets and no caret in one: the caseworker picks.
 * 'wrong-citizen': written for a citizen the page does not show (any more): nothing inserted.
 * 'not-writable': the target would not take the focus (inert, or it passed it on): nothing written.
 */
export const INSERT_OUTCOMES = [
  'inserted',
  'no-target',
  'too-long',
  'not-verified',
  'choose-target',
  'wrong-citizen',
  'not-writable',
] as const;
/** A target's id (its place in the adapter's list) and a role or id a template prefers. */
export const MAX_TARGET_ID_CHARS = 8;
export const MAX_PREFER_CHARS = 100;
