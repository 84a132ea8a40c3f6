// Loading a host page in a fresh tab and measuring it: a trace of a window
// of the load, then the page's JS heap after garbage collection.
import { analyzeHostTrace, startTrace } from './trace.mjs';

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
    scriptNamedMs: a.scriptNamedMs,
    scriptSampledMs: a.scriptSampledMs,
    longTasks: a.longTasks.length,
    longTasksCaused: a.longTasks.filter((t) => t.caused).length,
    longTasksWithExtension: a.longTasks.filter((t) => t.extensionMs >= 1).length,
    longestTaskMs: a.longestTaskMs,
    causedLongTaskMs: a.longTasks.filter((t) => t.caused).map((t) => t.durMs),
  };
}

/**
 * Opens `url` in a new tab of `browser`, traces `windowMs` from `anchor`, or
 * from `anchor` until `afterLoadMs` after the load event (see
 * analyzeHostTrace), and returns the host main-thread figures and heap.
 * `prepare(page)`, if given, runs in the new tab before the trace starts
 * (e.g. opening the browser's side panel for it); what it returns is added to
 * the figures as `prepared`, and `after(page, prepared)` runs once the window
 * is over (what it returns is added as `checked`).
 */
export async function measurePageLoad(
  browser,
  url,
  { windowMs, afterLoadMs, anchor = 'navigationStart', prepare, after },
) {
  const page = await browser.context.newPage();
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
    const a = analyzeHostTrace(events, { hostUrl: new URL(url).origin, windowMs, afterLoadMs, anchor });
    return {
      ...windowFigures(a),
      spanMs: a.spanMs,
      loadMs: loaded - started,
      ...(await heapAfterGc(cdp)),
      ...(prepare ? { prepared } : {}),
      ...(after ? { checked } : {}),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
