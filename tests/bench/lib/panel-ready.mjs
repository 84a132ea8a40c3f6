// When the panel is ready for the caseworker: its citizen's name shown and
// painted. Shared by unfold.mjs and frame-at-idle.mjs (each had its own copy).
import { sleep } from './host-page.mjs';

/**
 * Init script for every frame: in the panel's frame, the epoch ms at which a
 * heading first held text (the citizen's name) and the next frame after it
 * was painted, in globalThis.__panelReady; in other frames nothing. Epoch ms
 * (timeOrigin + now) compare across processes (lib/clock.mjs checks it).
 */
export function panelReadyProbe() {
  if (location.protocol !== 'chrome-extension:') return;
  const now = () => performance.timeOrigin + performance.now();
  const state = {};
  globalThis.__panelReady = state;
  new MutationObserver(() => {
    if (state.namedAt || !document.querySelector('h1')?.textContent?.trim()) return;
    state.namedAt = now();
    requestAnimationFrame(() => setTimeout(() => (state.paintedAt = now()), 0));
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

export const panelFrameOf = (page) => page.frames().find((f) => f.url().startsWith('chrome-extension://'));

/** Waits (up to `timeoutMs`) until the page's panel has painted its citizen; returns the probe's marks. */
export async function panelPainted(page, { timeoutMs = 10_000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frame = panelFrameOf(page);
    const marks = frame ? await frame.evaluate(() => globalThis.__panelReady).catch(() => undefined) : undefined;
    if (marks?.paintedAt) return marks;
    if (Date.now() > until) throw new Error('The panel did not show its citizen');
    await sleep(25);
  }
}
