// Issue 33's host-side goals, read from interleaved page loads (samples per
// variant from measurePageLoad): the same figures for every page a module
// loads, so a page (or a module of pages) adds them with one call.
import { compareRow, fmt, metric, pick, versusBaseline } from './section.mjs';
import { median, medianDifference, medianRatio, p95, withinNoise } from './stats.mjs';
import { OURS_IN_LONG_TASK_MS } from './trace.mjs';

/** The host's own milestones (hostMilestones), with the margin goal 1 allows each. */
export const MILESTONES = [
  { field: 'dclMs', label: 'DOMContentLoaded' },
  { field: 'loadEventMs', label: 'load event' },
  { field: 'lcpMs', label: 'largest contentful paint' },
  { field: 'renderedMs', label: 'casesystem:rendered (the host has rendered its citizen)', demoOnly: true },
];
export const MILESTONE_MARGIN_MS = 5;
/** Goal 2: Sidevogn's own script CPU beyond the bare frame, and its script CPU alone. */
export const BEYOND_FRAME_MS = 5;
export const SCRIPT_CPU_MS = 10;
/** Goal 3: at least this many loads of each page. */
export const LOADS_FOR_LONG_TASKS = 30;

const hasAny = (samples, field) => pick(samples, field).some(Number.isFinite);
/** The median of `values` with its bootstrap 95 % interval (a difference against zeros). */
const medianInterval = (values) =>
  medianDifference(
    values,
    values.map(() => 0),
  );

/**
 * Goal 1 for one figure: the difference of medians ext − base-a with its 95 %
 * interval, the A/A pair's, and the verdict by withinNoise with `margin`.
 */
export function notRaisedMetric(
  samples,
  field,
  { id, label, unit = 'ms', margin = 0, goalNo = 1, clock, detail, proposed },
) {
  const d = versusBaseline(samples, field);
  const verdict = withinNoise([d.low, d.high], [d.aaLow, d.aaHigh], margin);
  return metric({
    id,
    label,
    value: d.diff,
    unit,
    goal: {
      max: margin,
      text: margin
        ? `within ${margin} ${unit} of baseline: 95 % interval holds 0 ± ${margin}, or lies in A/A ± ${margin}`
        : 'not raised: 95 % interval holds 0, or lies in A/A',
    },
    met: verdict.met,
    interval: [d.low, d.high],
    aaInterval: [d.aaLow, d.aaHigh],
    goalNo,
    proposed,
    clock,
    detail: `${verdict.why}; Sidevogn ${fmt(median(pick(samples.ext, field)))} vs baseline ${fmt(median(pick(samples['base-a'], field)))} ${unit} (medians)${detail ? `; ${detail}` : ''}`,
  });
}

/**
 * Goals 1–3 for one page: the host's busy CPU and milestones against the
 * baseline (goal 1), Sidevogn's script CPU beyond the bare frame and alone
 * (goal 2, when the page was loaded with the `overlay` variant too), and long
 * tasks that are ours (goal 3). `page`: { id, label, demo } (demo: the demo
 * page, whose casesystem:rendered is a goal). `longTaskGoal`: false for pages loaded too
 * few times for goal 3 (the count is then reported without a verdict).
 */
export function hostGoalMetrics(page, samples, { longTaskGoal = true } = {}) {
  const metrics = [];
  const ext = samples.ext;
  metrics.push(
    notRaisedMetric(samples, 'busyCpuMs', {
      id: `${page.id}.busy-cpu`,
      label: `${page.id}: host main-thread busy CPU over the load window, Sidevogn − baseline`,
      clock: 'cpu',
      detail: `wall clock ${versusBaseline(samples, 'busyMs').text} ms (A/A ${versusBaseline(samples, 'busyMs').aaText})`,
    }),
  );
  for (const m of MILESTONES) {
    // casesystem:rendered: a goal on the demo page only (the heavy page dispatches it too).
    if (m.demoOnly && !(page.demo && hasAny(samples['base-a'], m.field))) continue;
    metrics.push(
      notRaisedMetric(samples, m.field, {
        id: `${page.id}.${m.field}`,
        label: `${page.id}: ${m.label}, Sidevogn − baseline`,
        margin: MILESTONE_MARGIN_MS,
        clock: 'wall',
      }),
    );
  }

  const cpu = pick(ext, 'scriptCpuMs');
  if (samples.overlay?.length) {
    const beyond = medianDifference(cpu, pick(samples.overlay, 'scriptCpuMs'));
    metrics.push(
      metric({
        id: `${page.id}.beyond-frame`,
        label: `${page.id}: extension script CPU on the host per load, Sidevogn − the bare frame (difference of medians)`,
        value: beyond.diff,
        unit: 'ms',
        goal: { max: BEYOND_FRAME_MS, text: `≤ ${BEYOND_FRAME_MS} ms median` },
        interval: [beyond.low, beyond.high],
        goalNo: 2,
        clock: 'cpu',
        detail: `bare frame ${fmt(median(pick(samples.overlay, 'scriptCpuMs')))} ms CPU (${fmt(median(pick(samples.overlay, 'scriptMs')))} ms wall)`,
      }),
    );
  }
  const scriptCpu = medianInterval(cpu);
  metrics.push(
    metric({
      id: `${page.id}.script-cpu`,
      label: `${page.id}: extension script CPU on the host main thread per load (median)`,
      value: median(cpu),
      unit: 'ms',
      goal: { max: SCRIPT_CPU_MS, text: `≤ ${SCRIPT_CPU_MS} ms median` },
      interval: [scriptCpu.low, scriptCpu.high],
      goalNo: 2,
      clock: 'cpu',
      detail:
        `p95 ${fmt(p95(cpu))} ms; wall clock ${fmt(median(pick(ext, 'scriptMs')))} ms (p95 ${fmt(p95(pick(ext, 'scriptMs')))}); ` +
        `plus ${fmt(median(pick(ext, 'renderingMs')))} ms (wall) of host style/layout it triggered`,
    }),
    metric({
      id: `${page.id}.script-wall`,
      label: `${page.id}: extension script wall-clock time on the host main thread per load (median; includes waiting for a core)`,
      value: median(pick(ext, 'scriptMs')),
      unit: 'ms',
      clock: 'wall',
    }),
  );

  const ours = ext.reduce((n, s) => n + (s.longTasksOurs ?? 0), 0);
  const list = ext.flatMap((s) => s.oursLongTasks ?? []);
  const enough = ext.length >= LOADS_FOR_LONG_TASKS;
  metrics.push(
    metric({
      id: `${page.id}.ours-long-tasks`,
      label: `${page.id}: long tasks (> 50 ms) with more than 16 ms of extension script and layout it invalidated, over ${ext.length} loads`,
      value: ours,
      unit: '',
      goal: longTaskGoal ? { max: 0, text: `none, over ≥ ${LOADS_FOR_LONG_TASKS} loads` } : undefined,
      // Too few loads to tell "none" (a quick run): untold, unless one was found.
      met: longTaskGoal ? (ours > 0 ? false : enough ? true : null) : undefined,
      goalNo: longTaskGoal ? 3 : undefined,
      clock: 'wall',
      detail:
        (list.length
          ? `tasks ${list.map((t) => `${fmt(t.durMs)} ms (extension ${fmt(t.extensionMs)}, of it CPU ${fmt(t.extensionCpuMs)})`).join(', ')}; `
          : '') +
        `the extension's largest part of any long task: ${fmt(Math.max(0, ...pick(ext, 'maxExtensionInLongTaskMs')))} ms` +
        (enough ? '' : `; only ${ext.length} loads, fewer than the ${LOADS_FOR_LONG_TASKS} the goal asks`),
    }),
  );
  return metrics;
}

/**
 * The readings proposed for goals 1–3 where, as written, no in-page panel can
 * meet them on a 2-core machine or Sidevogn could not without hurting a
 * caseworker (tests/bench/README.md, "Proposed readings"). Reported apart from
 * the goals, never counted among them:
 * 1. the host's own work is not made dearer: its main thread's CPU less the
 *    extension's script and the style/layout that script triggered;
 * 2. in the overlay layout (variant `ext-overlay`), Sidevogn's script CPU
 *    beyond the bare frame ≤ 5 ms and alone ≤ 10 ms; push mode's own cost,
 *    its strip probe, beside it as ext − ext-overlay; and the same with every
 *    load in one tab (variants `ext-overlay-tab` and `overlay-tab`), as a
 *    caseworker moves from page to page, where the content scripts are not
 *    compiled again;
 * 3. no long task in which the extension's script and the layout it
 *    invalidated ran more than 16 ms of thread CPU (the goal as written counts
 *    wall clock, and a bare frame misses it on the heavy page).
 * Empty when the run did not load the `ext-overlay` variant (a --compare run).
 */
export function proposedReadings(page, samples) {
  const overlaid = samples['ext-overlay'];
  if (!overlaid?.length || !samples.overlay?.length) return [];
  const ext = samples.ext;
  const reading = (goalNo, m) => metric({ ...m, goalNo, proposed: true });
  const cpuOf = (list) => pick(list, 'scriptCpuMs');
  const beyond = medianDifference(cpuOf(overlaid), cpuOf(samples.overlay));
  const alone = medianInterval(cpuOf(overlaid));
  const push = medianDifference(cpuOf(ext), cpuOf(overlaid));
  const cpuOurs = ext.flatMap((s) => s.oursLongTasks ?? []).filter((t) => t.extensionCpuMs > OURS_IN_LONG_TASK_MS);
  const enough = ext.length >= LOADS_FOR_LONG_TASKS;
  // Goal 2's reading in one tab kept for all loads, as a caseworker works (when the run loaded it).
  const tab = samples['ext-overlay-tab'];
  const tabReadings = [];
  if (tab?.length && samples['overlay-tab']?.length) {
    const tabBeyond = medianDifference(cpuOf(tab), cpuOf(samples['overlay-tab']));
    const tabAlone = medianInterval(cpuOf(tab));
    tabReadings.push(
      reading(2, {
        id: `${page.id}.beyond-frame-overlay-tab`,
        label: `${page.id}: overlay layout, loads in one tab (as a caseworker moves between pages), extension script CPU on the host per load, Sidevogn − the bare frame (difference of medians)`,
        value: tabBeyond.diff,
        unit: 'ms',
        goal: { max: BEYOND_FRAME_MS, text: `≤ ${BEYOND_FRAME_MS} ms median` },
        interval: [tabBeyond.low, tabBeyond.high],
        clock: 'cpu',
        detail: `the bare frame ${fmt(median(cpuOf(samples['overlay-tab'])))} ms in one tab, ${fmt(median(cpuOf(samples.overlay)))} in a new tab each load`,
      }),
      reading(2, {
        id: `${page.id}.script-cpu-overlay-tab`,
        label: `${page.id}: overlay layout, loads in one tab, extension script CPU on the host main thread per load (median)`,
        value: median(cpuOf(tab)),
        unit: 'ms',
        goal: { max: SCRIPT_CPU_MS, text: `≤ ${SCRIPT_CPU_MS} ms median` },
        interval: [tabAlone.low, tabAlone.high],
        clock: 'cpu',
        detail: `p95 ${fmt(p95(cpuOf(tab)))} ms; ${tab.length} loads; in a new tab each load ${fmt(median(cpuOf(overlaid)))} ms`,
      }),
    );
  }
  return [
    notRaisedMetric(samples, 'hostOwnCpuMs', {
      id: `${page.id}.host-own-cpu`,
      label: `${page.id}: the host's own main-thread CPU over the load window (busy, less the extension's script and the style/layout it triggered), Sidevogn − baseline`,
      clock: 'cpu',
      proposed: true,
    }),
    reading(2, {
      id: `${page.id}.beyond-frame-overlay`,
      label: `${page.id}: overlay layout, extension script CPU on the host per load, Sidevogn − the bare frame (difference of medians)`,
      value: beyond.diff,
      unit: 'ms',
      goal: { max: BEYOND_FRAME_MS, text: `≤ ${BEYOND_FRAME_MS} ms median` },
      interval: [beyond.low, beyond.high],
      clock: 'cpu',
      detail: `push mode's own cost beside it (push − overlay layout: the strip probe; on a page too large to push, the size check): ${fmt(push.diff)} [${fmt(push.low)}, ${fmt(push.high)}] ms CPU`,
    }),
    ratioToFrame(page, cpuOf(overlaid), cpuOf(samples.overlay)),
    reading(2, {
      id: `${page.id}.script-cpu-overlay`,
      label: `${page.id}: overlay layout, extension script CPU on the host main thread per load (median)`,
      value: median(cpuOf(overlaid)),
      unit: 'ms',
      goal: { max: SCRIPT_CPU_MS, text: `≤ ${SCRIPT_CPU_MS} ms median` },
      interval: [alone.low, alone.high],
      clock: 'cpu',
      detail: `p95 ${fmt(p95(cpuOf(overlaid)))} ms; ${overlaid.length} loads`,
    }),
    ...tabReadings,
    reading(3, {
      id: `${page.id}.ours-long-tasks-cpu`,
      label: `${page.id}: long tasks (> 50 ms) with more than ${OURS_IN_LONG_TASK_MS} ms of extension script and layout it invalidated in thread CPU, over ${ext.length} loads`,
      value: cpuOurs.length,
      unit: '',
      goal: { max: 0, text: `none, over ≥ ${LOADS_FOR_LONG_TASKS} loads` },
      met: cpuOurs.length > 0 ? false : enough ? true : null,
      clock: 'cpu',
      detail: cpuOurs.length
        ? `tasks ${cpuOurs.map((t) => `${fmt(t.durMs)} ms (extension CPU ${fmt(t.extensionCpuMs)})`).join(', ')}`
        : `the extension's CPU in the long tasks the goal as written counts: ${
            ext
              .flatMap((s) => s.oursLongTasks ?? [])
              .map((t) => `${fmt(t.extensionCpuMs)} ms`)
              .join(', ') || 'none'
          }`,
    }),
  ];
}

/**
 * Sidevogn's script CPU in the overlay layout as a multiple of the bare
 * frame's, loaded in the same run: a figure without a goal, for comparing
 * runs. On the 2-core VM thread CPU time itself moves with the hour (the bare
 * frame's 2.15 ms in run D, 4.57 in run L), while this ratio stayed within
 * 2.9–3.2 on the demo (tests/bench/README.md, "Proposed readings").
 */
function ratioToFrame(page, ours, frame) {
  const r = medianRatio(ours, frame);
  return metric({
    id: `${page.id}.overlay-frame-ratio`,
    label: `${page.id}: overlay layout, extension script CPU on the host per load ÷ the bare frame's in the same run (ratio of medians)`,
    value: r.ratio,
    unit: '×',
    interval: [r.low, r.high],
    goalNo: 2,
    clock: 'cpu',
    proposed: true,
    detail: `${fmt(median(ours))} ÷ ${fmt(median(frame))} ms; most of the machine's speed divides out`,
  });
}

/** The --compare rows for one page: this build (`ext`) against the reference build (`ref`). */
export function hostCompareRows(page, samples) {
  const rows = [
    ['Extension script CPU on the host per load', 'scriptCpuMs', 'cpu'],
    ['Extension script wall clock on the host per load', 'scriptMs', 'wall'],
    ['Host style/layout the extension triggered', 'renderingMs', 'wall'],
    ['Host main-thread busy CPU over the load window', 'busyCpuMs', 'cpu'],
    ["The host's own CPU (busy less the extension's script and the style/layout it triggered)", 'hostOwnCpuMs', 'cpu'],
    ...MILESTONES.map((m) => [`Host milestone: ${m.label}`, m.field, 'wall']),
    ['Host JS heap', 'heapBytes', ''],
  ];
  return rows
    .filter(([, field]) => hasAny(samples.ext, field) && hasAny(samples.ref, field))
    .map(([label, field, clock]) => ({
      section: page.id,
      ...compareRow({
        label,
        unit: field === 'heapBytes' ? 'MB' : 'ms',
        clock,
        cand: pick(samples.ext, field).map((x) => (field === 'heapBytes' ? x / 2 ** 20 : x)),
        ref: pick(samples.ref, field).map((x) => (field === 'heapBytes' ? x / 2 ** 20 : x)),
      }),
    }));
}
