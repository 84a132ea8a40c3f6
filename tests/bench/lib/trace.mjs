// Recording a Chromium trace over CDP and attributing the host page's
// main-thread time to the extension.
import { intersect, subtract, union, within } from './intervals.mjs';
import { median } from './stats.mjs';

export const EXTENSION_ORIGIN = 'chrome-extension://';
export const LONG_TASK_MS = 50;
/**
 * Issue 33, goal 3: a long task is "ours" when the extension's attributed
 * script and the host layout it invalidated take more than this within it
 * (a frame's budget at 60 Hz), whatever the rest of the task did.
 */
export const OURS_IN_LONG_TASK_MS = 16;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // JS stacks on style and layout invalidations: which script made the host re-lay itself out.
  'disabled-by-default-devtools.timeline.stack',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
  'loading',
  // Sampled JS stacks: the only way to see the extension's microtasks (promise
  // continuations, MutationObserver deliveries), which carry no URL of their own.
  'disabled-by-default-v8.cpu_profiler',
];

/** Starts a trace on a page's CDP session; `stop()` returns the events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = (e) => {
    for (const event of e.value) events.push(event);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

const urlOf = (event) => event.args?.data?.url ?? event.args?.fileName ?? '';
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The host page's renderer main thread, found through the browser's record of
 * which process committed the top-level document at `hostUrl`.
 */
function findHostThread(events, hostUrl) {
  let pid;
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && d?.isOutermostMainFrame && d.url?.startsWith(hostUrl))
      pid = d.processId;
  }
  if (pid === undefined) throw new Error(`No top-level document from ${hostUrl} in the trace`);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error(`No renderer main thread for process ${pid}`);
  return { pid, tid: main.tid };
}

/**
 * The time the host thread spent in a frame from `origin`, from its CPU
 * samples, read task by task. A sample speaks for the task it was taken in
 * only: from itself to the next sample in that task, the first one also from
 * the task's start, the last one until the task's end. On a busy 2-core
 * machine the sampler thread is often late by milliseconds; read across task
 * boundaries, a gap after the extension's last sample would be charged to it
 * though the host's next task ran in it, and a gap before its first sample
 * would be charged to whatever ran before. `tasks`: the thread's outermost
 * events, sorted and disjoint.
 */
function sampledIntervals(events, { pid, tid }, origin, tasks) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return { intervals: [], samples: 0 };
  const chunks = events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)
    .sort((a, b) => a.ts - b.ts);
  const nodes = new Map();
  const samples = [];
  let t = profile.args.data.startTime;
  for (const chunk of chunks) {
    const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    const stacks = cpuProfile.samples ?? [];
    for (let i = 0; i < stacks.length; i++) {
      t += timeDeltas[i] ?? 0;
      samples.push({ t, stack: stacks[i] });
    }
  }
  // Chromium writes some samples out of order (negative time deltas); read
  // them in time order, as DevTools does.
  samples.sort((a, b) => a.t - b.t);
  const fromOrigin = new Map();
  const isFromOrigin = (id) => {
    if (fromOrigin.has(id)) return fromOrigin.get(id);
    const node = nodes.get(id);
    const result = !!node && ((node.callFrame?.url ?? '').startsWith(origin) || isFromOrigin(node.parent));
    fromOrigin.set(id, result);
    return result;
  };
  const intervals = [];
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur;
    while (i < samples.length && samples[i].t < task.ts) i++;
    for (let k = i; k < samples.length && samples[k].t < end; k++) {
      if (!isFromOrigin(samples[k].stack)) continue;
      const next = k + 1 < samples.length && samples[k + 1].t < end ? samples[k + 1].t : end;
      intervals.push([k === i ? task.ts : samples[k].t, next]);
    }
  }
  return { intervals, samples: samples.length };
}

const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout']);
const stackFrom = (event, origin) =>
  (event.args?.data?.stackTrace ?? []).some((frame) => (frame.url ?? '').startsWith(origin));

/**
 * Style recalculations and layouts that follow an invalidation made by the
 * extension's script (inserting the frame, the push-mode margin): host
 * rendering work the extension causes, though no extension code runs in it.
 * When the host invalidated the same kind of work for the same frame too (a
 * page that re-renders all the time), only what that style or layout took
 * beyond the host's own typical one (the median of those the host alone
 * invalidated in the same trace) is counted as caused; the rest is `shared`.
 * Pushing a 5,000-row table aside then still counts in full, while a
 * fixed-position frame joining a re-render the host does anyway does not.
 */
function triggeredRendering(onMain, origin) {
  const ours = [];
  const hostOnly = { style: [], layout: [] };
  // Per frame: the panel's own (initially about:blank) document renders on
  // the host thread too, and must not use up the host document's mark.
  const pending = new Map();
  const frameOf = (e) => e.args?.data?.frame ?? e.args?.beginData?.frame;
  const markOf = (frame) => {
    if (!pending.has(frame)) pending.set(frame, { ext: {}, host: {} });
    return pending.get(frame);
  };
  for (const e of onMain) {
    if (INVALIDATIONS.has(e.name)) {
      const mark = markOf(frameOf(e));
      const by = stackFrom(e, origin) ? mark.ext : mark.host;
      if (e.name === 'InvalidateLayout') by.layout = true;
      else by.style = by.layout = true;
    } else if (e.ph === 'X' && (e.name === 'UpdateLayoutTree' || e.name === 'Layout')) {
      const mark = markOf(frameOf(e));
      const kind = e.name === 'Layout' ? 'layout' : 'style';
      if (mark.ext[kind]) ours.push({ e, kind, shared: !!mark.host[kind] });
      else if (mark.host[kind]) hostOnly[kind].push(e.dur);
      mark.ext[kind] = mark.host[kind] = false;
    }
  }
  const typical = { style: median(hostOnly.style) || 0, layout: median(hostOnly.layout) || 0 };
  const caused = [];
  const shared = [];
  for (const { e, kind, shared: both } of ours) {
    const excess = both ? Math.max(0, e.dur - typical[kind]) : e.dur;
    // The excess as the event's tail; what the host would have spent anyway as its head.
    if (excess > 0) caused.push([e.ts + e.dur - excess, e.ts + e.dur]);
    if (excess < e.dur) shared.push([e.ts, e.ts + e.dur - excess]);
  }
  return { caused: union(caused), shared: union(shared) };
}

/** The trace lacks the event a window is measured from (the load is retried, not counted). */
export class TraceAnchorError extends Error {}

function anchorTs(onMain, hostUrl, anchor) {
  const isHostDoc = (e) => e.args?.data?.isOutermostMainFrame;
  const found =
    anchor === 'navigationStart'
      ? onMain.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(hostUrl))
      : anchor === 'load'
        ? onMain.find((e) => e.name === 'MarkLoad' && isHostDoc(e))
        : anchor === 'domContentLoaded'
          ? onMain.find((e) => e.name === 'MarkDOMContent' && isHostDoc(e))
          : onMain.find((e) => e.name === anchor.mark);
  if (!found) throw new TraceAnchorError(`No ${JSON.stringify(anchor)} for the host page in the trace`);
  return found.ts;
}

/**
 * Main-thread figures for the host page over `windowMs` from `anchor`
 * ('navigationStart', 'load', 'domContentLoaded', or { mark } for a
 * performance.mark()), or, with `afterLoadMs`, from `anchor` until that long
 * after the load event.
 *
 * Extension script time is the union of (a) trace events that name an
 * extension script (evaluation, compilation, callbacks) and (b) CPU samples
 * with an extension frame on the stack, clipped to the thread's busy time.
 * Rendering the extension triggered is counted apart (see triggeredRendering).
 */
export function analyzeHostTrace(
  events,
  { hostUrl, windowMs, afterLoadMs, anchor = 'navigationStart', origin = EXTENSION_ORIGIN },
) {
  // A trace that starts after the page loaded has no commit to go by; the mark
  // the benchmark set on the host page names the thread instead.
  const mark = typeof anchor === 'object' && events.find((e) => e.name === anchor.mark);
  const thread = mark ? { pid: mark.pid, tid: mark.tid } : findHostThread(events, hostUrl);
  const onMain = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts);
  const start = anchorTs(onMain, hostUrl, anchor);
  const end =
    afterLoadMs === undefined ? start + windowMs * 1000 : anchorTs(onMain, hostUrl, 'load') + afterLoadMs * 1000;
  const spanMs = (end - start) / 1000;

  const complete = onMain.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const busy = union(complete.map((e) => [e.ts, e.ts + e.dur]));
  const named = union(complete.filter((e) => urlOf(e).startsWith(origin)).map((e) => [e.ts, e.ts + e.dur]));
  // The outermost events (tasks): sorted, not overlapping.
  const outermost = [];
  for (const ev of [...complete].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = outermost.at(-1);
    if (last && ev.ts < last.ts + last.dur) continue;
    outermost.push(ev);
  }
  // The host's own script, named in its events, is never the extension's,
  // whatever a late sample says.
  const hostScript = union(
    complete.filter((e) => urlOf(e) && !urlOf(e).startsWith(origin)).map((e) => [e.ts, e.ts + e.dur]),
  );
  const sampled = sampledIntervals(events, thread, origin, outermost);
  const sampledOwn = subtract(union(sampled.intervals), hostScript);
  const script = intersect(union([...named, ...sampledOwn]), busy);
  const { caused: rendering, shared } = triggeredRendering(onMain, origin);
  const caused = union([...script, ...rendering]);

  // Outermost tasks only. A long task counts as caused by the extension when,
  // without the extension's script and the rendering it triggered, it would
  // have stayed under the threshold, or when that is at least half of it.
  const tasks = [];
  for (const e of complete.filter((x) => TASK_NAMES.has(x.name) && x.ts + x.dur > start && x.ts < end)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.end) continue;
    tasks.push({ start: e.ts, end: e.ts + e.dur });
  }
  const longTasks = tasks
    .filter((task) => task.end - task.start >= LONG_TASK_MS * 1000)
    .map((task) => {
      const durMs = (task.end - task.start) / 1000;
      const extensionMs = within(caused, task.start, task.end) / 1000;
      return {
        atMs: (task.start - start) / 1000,
        durMs,
        scriptMs: within(script, task.start, task.end) / 1000,
        extensionMs,
        caused: durMs - extensionMs < LONG_TASK_MS || extensionMs >= durMs / 2,
        ours: durMs > LONG_TASK_MS && extensionMs > OURS_IN_LONG_TASK_MS,
      };
    });

  // Thread (CPU) time: how much of each outermost event the thread actually ran
  // (tdur) rather than waited for a core. On a 2-core machine where the panel's
  // own process starts during the host's load, wall time runs well ahead of it.
  // An interval inside an event is charged at that event's tdur/dur ratio.
  // One pass: both lists are sorted, and the outermost events do not overlap.
  const cpuWithin = (merged, s, e) => {
    const clipped = intersect(merged, [[s, e]]);
    let sum = 0;
    let i = 0;
    for (const ev of outermost) {
      const end = ev.ts + ev.dur;
      while (i < clipped.length && clipped[i][1] <= ev.ts) i++;
      if (!ev.dur) continue;
      const ratio = typeof ev.tdur === 'number' ? Math.min(1, ev.tdur / ev.dur) : 1;
      for (let j = i; j < clipped.length && clipped[j][0] < end; j++)
        sum += (Math.min(end, clipped[j][1]) - Math.max(ev.ts, clipped[j][0])) * ratio;
    }
    return sum / 1000;
  };

  // The extension's part of each long task also in thread CPU time (goal 3 reads the wall clock).
  for (const t of longTasks) {
    const s = start + t.atMs * 1000;
    t.extensionCpuMs = cpuWithin(caused, s, s + t.durMs * 1000);
  }

  const slice = (fromMs, toMs) => {
    const s = start + fromMs * 1000;
    const e = start + toMs * 1000;
    return {
      busyMs: within(busy, s, e) / 1000,
      busyCpuMs: cpuWithin(busy, s, e),
      scriptMs: within(script, s, e) / 1000,
      scriptCpuMs: cpuWithin(script, s, e),
      renderingMs: within(rendering, s, e) / 1000,
      sharedRenderingMs: within(shared, s, e) / 1000,
      causedMs: within(caused, s, e) / 1000,
      causedCpuMs: cpuWithin(caused, s, e),
    };
  };
  return {
    ...slice(0, spanMs),
    spanMs,
    scriptNamedMs: within(intersect(named, busy), start, end) / 1000,
    scriptSampledMs: within(intersect(sampledOwn, busy), start, end) / 1000,
    samples: sampled.samples,
    longTasks,
    longestTaskMs: Math.max(0, ...tasks.map((t) => (t.end - t.start) / 1000)),
    slice,
    thread,
  };
}
