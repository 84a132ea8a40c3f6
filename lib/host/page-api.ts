/**
 * The contract between the bridge (host.js, ≤ 10 KB, on every case-system page
 * load) and the page script (host-page.js, lib/host/page-script.ts): what only
 * some host pages need, kept out of the bridge's budget. Watching for the
 * host's modal dialogs, keeping the host's fixed, sticky and full-width
 * elements clear of the panel in push mode, and the folded panel's tab. Both are content scripts of the
 * same injection and share the isolated world; the page script runs after the
 * bridge and leaves its API on the global object.
 */
export const PAGE_GLOBAL = '__sidevognPage';

export interface PageApi {
  /** Calls `onChange` with whether a modal <dialog> is open now, and again on every change. */
  watchModal(signal: AbortSignal, onChange: (open: boolean) => void): void;
  /**
   * Push mode with the panel `width` px wide at the right edge (0: not pushing).
   * Moves what the host's margin does not move (fixed, sticky, 100vw elements)
   * clear of the panel; `onBlocked` runs when something there cannot be moved
   * (the host's layout would break), so the bridge lays the panel over instead.
   */
  push(width: number, onBlocked: () => void): void;
  /**
   * The tab the panel is folded into, drawn here while no panel frame exists
   * (the panel was left folded: the frame is created when it is unfolded).
   * `show` false removes it. `en`: the caseworker's panel language is English.
   * `open` runs on a real click (or Enter, Space) on it. Returns the tab, for
   * the bridge to place where the frame would be.
   */
  tab(show: boolean, en: boolean, open: () => void): HTMLElement | undefined;
}

export const pageApi = (): PageApi | undefined =>
  (globalThis as unknown as Record<string, PageApi | undefined>)[PAGE_GLOBAL];
