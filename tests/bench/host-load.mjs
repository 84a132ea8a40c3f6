// Item 2: what Sidevogn costs the host page per page load, on the demo case
// system and on a heavy page, against the same page without the extension.
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browsers.mjs';
import { measurePageLoad } from './lib/host-page.mjs';
import { cell, fmt, median, metric, p95, pick, versusBaseline } from './lib/section.mjs';
import { interleave } from './lib/stats.mjs';

const MB = 1024 * 1024;
// overlay: the least an in-page side panel can cost, one frame on an extension
// page and no other code (tests/bench/overlay/). What the frame alone costs on
// this machine, against which Sidevogn's own work can be read.
const VARIANTS = ['ext', 'overlay', 'base-a', 'base-b'];
const OVERLAY_DIR = fileURLToPath(new URL('./overlay', import.meta.url));

export default {
  id: 'host-load',
  item: 2,
  title: 'Host page load: extension main-thread time, long tasks, heap',

  async run(ctx) {
    const pages = [
      {
        id: 'demo',
        label: 'Demo case system, citizen journal tab (textarea, Quill)',
        url: `${ctx.caseSystemUrl}/borger/${ctx.demoCitizen.caseId}/journal`,
        anchor: 'navigationStart',
        windowMs: 2500,
        rounds: ctx.quick ? 2 : 9,
      },
      {
        id: 'heavy',
        label: 'Heavy page /tung (5,000-row table, 50 cells change every 100 ms)',
        url: `${ctx.caseSystemUrl}/tung`,
        // Its first layout takes seconds. Content scripts run at document_idle,
        // after DOMContentLoaded and here just before the load event, so the
        // window runs from DOMContentLoaded until 3 s after the load event.
        anchor: 'domContentLoaded',
        afterLoadMs: 3000,
        rounds: ctx.quick ? 1 : 8,
      },
    ];

    const browsers = {
      ext: await launchBrowser({ withExtension: true }),
      overlay: await launchBrowser({ withExtension: true, extensionDir: OVERLAY_DIR, label: 'overlay' }),
      'base-a': await launchBrowser({ withExtension: false, label: 'base-a' }),
      'base-b': await launchBrowser({ withExtension: false, label: 'base-b' }),
    };
    const metrics = [];
    const tables = [];
    const plots = [];
    const raw = {};
    try {
      for (const page of pages) {
        ctx.log(`  ${page.id}: ${page.rounds} rounds + 1 warm-up × ${VARIANTS.length} browsers`);
        const samples = await interleave(
          VARIANTS,
          { rounds: page.rounds, warmup: 1, seed: ctx.seed, onRound: ctx.progress },
          (variant) => measurePageLoad(browsers[variant], page.url, page),
        );
        raw[page.id] = samples;
        const ext = samples.ext;
        const caused = ext.reduce((n, s) => n + s.longTasksCaused, 0);
        const busy = versusBaseline(samples, 'busyMs');
        const busyCpu = versusBaseline(samples, 'busyCpuMs');
        const heap = versusBaseline(samples, 'heapBytes', { scale: 1 / MB });
        const longest = versusBaseline(samples, 'longestTaskMs');
        const scriptOf = (v) => ({
          wall: median(pick(samples[v], 'scriptMs')),
          cpu: median(pick(samples[v], 'scriptCpuMs')),
        });
        const [extScript, overlayScript] = [scriptOf('ext'), scriptOf('overlay')];

        metrics.push(
          metric({
            id: `${page.id}.script`,
            label: `${page.id}: extension script time on the host main thread per load (median)`,
            value: extScript.wall,
            unit: 'ms',
            goal: { max: 10, text: '≤ 10 ms median' },
            detail:
              `p95 ${fmt(p95(pick(ext, 'scriptMs')))} ms; of it the thread ran (CPU) ${fmt(extScript.cpu)} ms; ` +
              `plus ${fmt(median(pick(ext, 'renderingMs')))} ms of host style/layout the extension triggered`,
          }),
          metric({
            id: `${page.id}.overlay-script`,
            label: `${page.id}: the same for a minimal overlay, one frame on an extension page and nothing else (median, same run)`,
            value: overlayScript.wall,
            unit: 'ms',
            detail:
              `CPU ${fmt(overlayScript.cpu)} ms; Sidevogn ÷ overlay ${fmt(extScript.wall / overlayScript.wall, 2)} (wall), ` +
              `${fmt(extScript.cpu / overlayScript.cpu, 2)} (CPU)`,
          }),
          metric({
            id: `${page.id}.long-tasks`,
            label: `${page.id}: long tasks caused by the extension (all ${ext.length} loads)`,
            value: caused,
            unit: '',
            goal: { max: 0, text: 'none' },
            detail: caused
              ? `durations ${ext
                  .flatMap((s) => s.causedLongTaskMs)
                  .map((d) => fmt(d))
                  .join(', ')} ms`
              : undefined,
          }),
          metric({
            id: `${page.id}.heap`,
            label: `${page.id}: host JS heap added (median difference)`,
            value: heap.diff,
            unit: 'MB',
            goal: { max: 1, text: '≤ 1 MB' },
            detail: `A/A ${heap.aaText} MB`,
          }),
        );

        tables.push({
          title: `${page.label}: per load, ${
            page.afterLoadMs === undefined
              ? `window of ${page.windowMs} ms from navigation start`
              : `from DOMContentLoaded until ${page.afterLoadMs} ms after the load event (${fmt(median(pick(ext, 'spanMs')))} ms, median)`
          }`,
          columns: ['Figure, median (p95)', ...VARIANTS],
          rows: [
            ['Extension script time, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'scriptMs')))],
            ['  of which named in trace events, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'scriptNamedMs')))],
            ['  of which from CPU samples, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'scriptSampledMs')))],
            ['Extension script, thread CPU time, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'scriptCpuMs')))],
            [
              'Host style/layout triggered by the extension, ms',
              ...VARIANTS.map((v) => cell(pick(samples[v], 'renderingMs'))),
            ],
            [
              'Host style/layout the host needed anyway (shared, not counted), ms',
              ...VARIANTS.map((v) => cell(pick(samples[v], 'sharedRenderingMs'))),
            ],
            ['Main thread busy, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'busyMs')))],
            ['Main thread busy, thread CPU time, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'busyCpuMs')))],
            ['Long tasks (≥ 50 ms)', ...VARIANTS.map((v) => cell(pick(samples[v], 'longTasks')))],
            [
              'Long tasks caused by the extension (sum)',
              ...VARIANTS.map((v) => String(samples[v].reduce((n, s) => n + s.longTasksCaused, 0))),
            ],
            ['Longest task, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'longestTaskMs')))],
            ['JS heap after GC, MB', ...VARIANTS.map((v) => cell(pick(samples[v], (s) => s.heapBytes / MB)))],
            ['DOM nodes', ...VARIANTS.map((v) => cell(pick(samples[v], 'domNodes')))],
            ['JS event listeners', ...VARIANTS.map((v) => cell(pick(samples[v], 'jsEventListeners')))],
            ['Load event after, ms', ...VARIANTS.map((v) => cell(pick(samples[v], 'loadMs')))],
          ],
        });
        tables.push({
          title: `${page.label}: differences of medians, with bootstrap 95 % intervals`,
          columns: ['Figure', 'ext − base-a', 'A/A: base-b − base-a'],
          rows: [
            ['Main thread busy, ms', busy.text, busy.aaText],
            ['Main thread busy, thread CPU time, ms', busyCpu.text, busyCpu.aaText],
            ['Longest task, ms', longest.text, longest.aaText],
            ['JS heap, MB', heap.text, heap.aaText],
          ],
          note:
            (page.id === 'heavy'
              ? 'The heavy page keeps its main thread close to saturated by itself, so busy time barely ' +
                'moves; extra work shows as longer tasks and fewer host updates instead. '
              : '') +
            'Wall-clock figures (busy, longest task, script time) include time the host thread was ready ' +
            "but waited for a core: with the extension, the panel's own process starts during the host's " +
            'load and competes for the same cores. The thread CPU rows count only what the thread ran ' +
            "(each trace event's thread duration; an interval inside an event at that event's share).",
        });
        plots.push({
          id: `host-load-${page.id}`,
          title: `${page.id}: host main-thread busy time per load (ms), each dot one load`,
          kind: 'strip',
          unit: 'ms',
          series: VARIANTS.map((v) => ({ label: v, values: pick(samples[v], 'busyMs') })),
        });
      }
    } finally {
      for (const b of Object.values(browsers)) await b.close();
    }

    return {
      rounds: Object.fromEntries(pages.map((p) => [p.id, { rounds: p.rounds, warmup: 1, variants: VARIANTS }])),
      metrics,
      tables,
      plots,
      notes: [
        'Extension script time: the union of trace events naming a chrome-extension:// script (evaluation, ' +
          'compilation, callbacks) and CPU samples with a chrome-extension:// frame on the stack (promise ' +
          'continuations carry no URL of their own), clipped to the time the host renderer main thread was busy. ' +
          'Samples are read task by task: each counts from itself to the next sample in the same task (the first ' +
          "also from the task's start, the last until its end), and never over the host's own script events. The " +
          'sampler thread is often late by milliseconds on a busy 2-core machine; read across tasks, such a gap ' +
          "was charged to whichever side was sampled before it, the host's next task included.",
        'Triggered style/layout: the host document’s next style recalculation and layout after an invalidation ' +
          'whose JS stack is the extension’s (inserting the frame, the push-mode margin). When the host had ' +
          'invalidated the same work for the same frame itself, only what it took beyond the host’s typical style ' +
          'or layout in the same trace (the median of those the host alone invalidated) counts as caused; the ' +
          'rest is shown as shared.',
        'A long task is caused by the extension when, without its script and the layout it triggered, the task ' +
          'would have stayed under 50 ms, or when those make up at least half of it.',
        'Heap: Runtime.getHeapUsage after two forced collections; it covers the page’s isolate, so the content ' +
          'script’s isolated world is included. The panel runs in its own (extension) process and is not.',
      ],
      raw,
    };
  },
};
