// Comparing timestamps taken in two processes: the host page's renderer and
// the panel's extension frame. Both sides stamp epoch milliseconds
// (performance.timeOrigin + performance.now()); Chromium derives each
// document's time origin from the same system clocks, so they should agree to
// well under a millisecond. This checks it in each run, by message round trips
// between the panel frame and the host's main world (see clockOffset).
import { clockOffset } from './stats.mjs';

const PING = 'sidevognBenchPing';
const PONG = 'sidevognBenchPong';

/**
 * Host page (Playwright Page) and the panel frame in it (Playwright Frame):
 * `pings` round trips panel → host → panel, one at a time. Returns
 * { offset, bound, n }: host clock − panel clock, in ms, within ± bound.
 * The messages are plain objects that neither the bridge nor the panel reads
 * (the panel accepts only its token string from its parent).
 */
export async function hostPanelClockOffset(page, panel, { pings = 15 } = {}) {
  await page.evaluate(
    ([ping, pong]) => {
      if (window.__sidevognBenchClock) return;
      window.__sidevognBenchClock = true;
      addEventListener('message', (e) => {
        if (typeof e.data !== 'object' || e.data === null || !(ping in e.data)) return;
        const t1 = performance.timeOrigin + performance.now();
        e.source?.postMessage({ [pong]: e.data[ping], t1, t2: performance.timeOrigin + performance.now() }, '*');
      });
    },
    [PING, PONG],
  );
  const samples = await panel.evaluate(
    async ([ping, pong, n]) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        const sample = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), 1000);
          const on = (e) => {
            if (e.source !== parent || e.data?.[pong] !== i) return;
            const t3 = performance.timeOrigin + performance.now();
            removeEventListener('message', on);
            clearTimeout(timer);
            resolve({ t0, t1: e.data.t1, t2: e.data.t2, t3 });
          };
          addEventListener('message', on);
          const t0 = performance.timeOrigin + performance.now();
          parent.postMessage({ [ping]: i }, '*');
        });
        if (sample) out.push(sample);
        await new Promise((r) => setTimeout(r, 10));
      }
      return out;
    },
    [PING, PONG, pings],
  );
  return clockOffset(samples);
}

/**
 * The same check where no message can pass between the two documents (the
 * browser's side panel has no parent): the bench asks `panel`, then `host`,
 * then `panel` again for the time over CDP, `pings` times. Each is a round
 * trip whose middle stamp is the host's, read as clockOffset reads one; its
 * bound is half the two CDP calls, so wider than the message check's.
 */
export async function evaluateClockOffset(host, panel, { pings = 8 } = {}) {
  const now = () => performance.timeOrigin + performance.now();
  const samples = [];
  for (let i = 0; i < pings; i++) {
    const t0 = await panel.evaluate(now);
    const t1 = await host.evaluate(now);
    const t3 = await panel.evaluate(now);
    samples.push({ t0, t1, t2: t1, t3 });
  }
  return clockOffset(samples);
}
