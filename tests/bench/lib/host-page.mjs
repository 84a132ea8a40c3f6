// Loading a host page in a fresh tab and measuring it: a trace of a window
// of the load, then the page's JS heap after garbage collection.
import { analyzeHostTrace, startTrace, TraceAnchorError } from './trace.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** JS heap of the page's renderer (main world and the content script's isolated world) after GC. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return { heapBytes: usedSize, domNodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
}

/** The figures a module reports from one trace window (see analyzeHostTrace). */
export function windowFigures(a) {
  return {
    busyMs: a.busyMs,
    busyCpuMs: a.busyCpuMs,
    scriptMs: a.scriptMs,
    scriptCpuMs: a.scriptCpuMs,
    renderingMs: a.renderingMs,
    sharedRenderingMs: a.sharedRenderingMs,
    causedMs: a.causedMs,
    // The host's own work: its thread's CPU less the extension's script and the rendering that script triggered.
    hostOwnCpuMs: a.busyCpuMs - a.causedCpuMs,
    scriptNamedMs: a.scriptNamedMs,
    scriptSampledMs: a.scriptSampledMs,
    longTasks: a.longTasks.length,
    longTasksCaused: a.longTasks.filter((t) => t.caused).length,
    longTasksWithExtension: a.longTasks.filter((t) => t.extensionMs >= 1).length,
    longestTaskMs: a.longestTaskMs,
    causedLongTaskMs: a.longTasks.filter((t) => t.caused).map((t) => t.durMs),
    // Issue 33, goal 3: long tasks in which the extension's part exceeds 16 ms.
    longTasksOurs: a.longTasks.filter((t) => t.ours).length,
    oursLongTasks: a.longTasks
      .filter((t) => t.ours)
      .map((t) => ({ durMs: t.durMs, extensionMs: t.extensionMs, extensionCpuMs: t.extensionCpuMs })),
    // The extension's largest part of any long task in the window (0 without one).
    maxExtensionInLongTaskMs: Math.max(0, ...a.longTasks.map((t) => t.extensionMs)),
  };
}

/**
 * Runs in the host page before its own scripts (all variants alike, baselines
 * too): stamps the demo host's own "rendered" event (tests/case-system/
 * public/app.js dispatches `casesystem:rendered` on document after it has
 * rendered its route) the first time it fires, on the page's clock.
 */
function milestoneProbe() {
  if (location.protocol !== 'http:' || window !== window.top) return;
  document.addEventListener(
    'casesystem:rendered',
    () => {
      window.__sidevognBenchRendered ??= performance.now();
    },
    { capture: true, once: true },
  );
}

/**
 * The host's own milestones, in ms from its navigation start: DOMContentLoaded
 * and load (their events' start, Navigation Timing), the largest contentful
 * paint's latest candidate, and the demo host's `casesystem:rendered` (NaN
 * where the page has none).
 */
export async function hostMilestones(page) {
  return page.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const lcp = await new Promise((resolve) => {
      let last;
      const observer = new PerformanceObserver((list) => {
        last = list.getEntries().at(-1) ?? last;
      });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(last ? last.startTime : NaN);
      }, 100);
    });
    return {
      dclMs: nav ? nav.domContentLoadedEventStart : NaN,
      loadEventMs: nav ? nav.loadEventStart : NaN,
      lcpMs: lcp,
      renderedMs: window.__sidevognBenchRendered ?? NaN,
    };
  });
}

/**
 * Opens `url` in a new tab of `browser`, traces `windowMs` from `anchor`, or
 * from `anchor` until `afterLoadMs` after the load event (see
 * analyzeHostTrace), and returns the host main-thread figures, the host's
 * own milestones (hostMilestones) and heap.
 * `prepare(page)`, if given, runs in the new tab before the trace starts
 * (e.g. opening the browser's side panel for it); what it returns is added to
 * the figures as `prepared`, and `after(page, prepared)` runs once the window
 * is over (what it returns is added as `checked`).
 * `sameTab`: load in one tab kept for all of `browser`'s loads (it goes to
 * about:blank after each), as a caseworker moves from page to page of the case system,
 * instead of a new tab each time. The tab's renderer then keeps what V8
 * compiled, the content scripts included.
 */
export async function measurePageLoad(browser, url, options) {
  // Now and then (1 load in several hundred) the trace misses the host's
  // navigationStart: tracing began a moment after the navigation. Such a load
  // has no window to measure, so it is loaded again (at most twice), never
  // counted; the retries are reported with the figures (`retries`).
  for (let retries = 0; ; retries++) {
    try {
      const figures = await measureOnce(browser, url, options);
      return retries ? { ...figures, retries } : figures;
    } catch (error) {
      if (retries >= 2 || !(error instanceof TraceAnchorError)) throw error;
      console.log(`    (${error.message}: that load is repeated, not counted)`);
    }
  }
}

async function measureOnce(
  browser,
  url,
  { windowMs, afterLoadMs, anchor = 'navigationStart', prepare, after, sameTab },
) {
  const page = sameTab ? await keptTab(browser) : await browser.context.newPage();
  if (!sameTab) await page.addInitScript(milestoneProbe);
  const prepared = prepare ? await prepare(page) : undefined;
  const cdp = await browser.context.newCDPSession(page);
  try {
    const trace = await startTrace(cdp);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loaded = Date.now();
    const from = afterLoadMs !== undefined || anchor === 'load' ? loaded : started;
    const until = from + (afterLoadMs ?? windowMs) + 300;
    if (until > Date.now()) await sleep(until - Date.now());
    const events = await trace.stop();
    const checked = after ? await after(page, prepared) : undefined;
    const milestones = await hostMilestones(page);
    const a = analyzeHostTrace(events, { hostUrl: new URL(url).origin, windowMs, afterLoadMs, anchor });
    return {
      ...windowFigures(a),
      spanMs: a.spanMs,
      loadMs: loaded - started,
      ...milestones,
      ...(await heapAfterGc(cdp)),
      ...(prepare ? { prepared } : {}),
      ...(after ? { checked } : {}),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    // The kept tab leaves the page at once: a host left open (the heavy page changes 500 cells a
    // second) would load the machine while the other variants are measured.
    if (sameTab) await page.goto('about:blank');
    else await page.close();
  }
}

/** The one tab of a `sameTab` browser, opened (with the milestone probe) on first use. */
async function keptTab(browser) {
  if (!browser.keptTab) {
    browser.keptTab = await browser.context.newPage();
    await browser.keptTab.addInitScript(milestoneProbe);
  }
  return browser.keptTab;
}
