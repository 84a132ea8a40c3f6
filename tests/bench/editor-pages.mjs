// Item 9 (issue 33, goal 6): the host-side figures on case-system pages with a
// real journal editor, TinyMCE 8 (iframe mode) and CKEditor 5 (classic), from
// the editor test bed (tests/case-system/public/editors/): the host's busy CPU
// and its own milestones against the baseline, Sidevogn's script CPU (alone
// and beyond the bare frame), and key latency in the editor. Sidevogn is set
// up as a caseworker's with the test bed's pack and adapters, so it reads the
// page's citizen and knows its journal field, as on a taught case system.
import { fileURLToPath } from 'node:url';
import { installTestbed, loadTestbed } from './editors.mjs';
import { keyLatencyMetrics } from './input-latency.mjs';
import { launchBrowser } from './lib/browsers.mjs';
import { hostGoalMetrics } from './lib/host-goals.mjs';
import { measurePageLoad, sleep } from './lib/host-page.mjs';
import { cell, pick } from './lib/section.mjs';
import { interleave, random } from './lib/stats.mjs';

const LOAD_VARIANTS = ['ext', 'overlay', 'base-a', 'base-b'];
const KEY_VARIANTS = ['ext', 'base-a', 'base-b'];
const OVERLAY_DIR = fileURLToPath(new URL('./overlay', import.meta.url));
const TEXT = 'borgeren deltog i samtalen om praktik og oplyste at hun har faaet tilbud om job ';

const PAGES = [
  { id: 'tinymce', name: 'tinymce', label: 'TinyMCE 8 (iframe mode) test-bed page' },
  { id: 'ckeditor5', name: 'ckeditor5', label: 'CKEditor 5 (classic) test-bed page' },
];

/**
 * In every frame of the host page that is not the extension's (TinyMCE edits
 * in a same-origin about:srcdoc frame): one latency per keydown, from the
 * event's timestamp to a message posted from the next animation frame, on
 * that frame's own clock (as input-latency.mjs's probe).
 */
function installProbe() {
  if (window.__sidevognBenchLatency) return;
  const samples = [];
  document.addEventListener(
    'keydown',
    (event) => {
      const t0 = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => samples.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  window.__sidevognBenchLatency = samples;
}

const hostFrames = (page) => page.frames().filter((f) => !f.url().startsWith('chrome-extension://'));

async function openEditor(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.testbed?.ready);
  await page.evaluate(() => window.testbed.ready);
  if (browser.withExtension) await page.locator('iframe[src^="chrome-extension://"]').waitFor({ state: 'attached' });
  await sleep(1000);
  for (const frame of hostFrames(page)) await frame.evaluate(installProbe).catch(() => undefined);
  return page;
}

async function typeRound(page, keys, rnd) {
  await page.evaluate(() => window.testbed.focusEnd());
  await sleep(100);
  const counts = async () =>
    Promise.all(
      hostFrames(page).map((f) => f.evaluate(() => window.__sidevognBenchLatency?.length ?? 0).catch(() => 0)),
    );
  const before = await counts();
  const start = Math.floor(rnd() * TEXT.length);
  for (let i = 0; i < keys; i++) {
    const ch = TEXT[(start + i) % TEXT.length];
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await sleep(25 + rnd() * 35);
  }
  await sleep(150);
  const frames = hostFrames(page);
  const out = [];
  for (const [i, f] of frames.entries())
    out.push(
      ...(await f.evaluate((from) => window.__sidevognBenchLatency?.slice(from) ?? [], before[i] ?? 0).catch(() => [])),
    );
  return out;
}

export default {
  id: 'editor-pages',
  item: 9,
  title: 'Host-side figures on pages with a real editor (TinyMCE, CKEditor 5)',

  async run(ctx) {
    const loadRounds = ctx.rounds ?? (ctx.quick ? 1 : 10);
    const keyRounds = ctx.rounds ?? (ctx.quick ? 2 : 6);
    const keys = ctx.quick ? 15 : 30;
    const testbed = await loadTestbed();
    const editors = testbed.TESTBED_EDITORS.filter((e) => PAGES.some((p) => p.name === e.name));
    const browsers = {
      ext: await launchBrowser({ withExtension: true, label: 'editor-pages' }),
      overlay: await launchBrowser({ withExtension: true, extensionDir: OVERLAY_DIR, label: 'overlay' }),
      'base-a': await launchBrowser({ withExtension: false, label: 'base-a' }),
      'base-b': await launchBrowser({ withExtension: false, label: 'base-b' }),
    };
    const metrics = [];
    const tables = [];
    const raw = {};
    try {
      await installTestbed(browsers.ext, testbed, editors);
      for (const p of PAGES) {
        const page = { ...p, url: `${ctx.caseSystemUrl}/editors/${p.name}.html`, windowMs: 3000 };
        ctx.log(`  ${page.id}: ${loadRounds} loads + 1 warm-up × ${LOAD_VARIANTS.length} browsers`);
        const samples = await interleave(
          LOAD_VARIANTS,
          { rounds: loadRounds, warmup: 1, seed: ctx.seed + 21, onRound: ctx.progress },
          (variant) => measurePageLoad(browsers[variant], page.url, page),
        );
        raw[page.id] = { loads: samples };
        metrics.push(
          ...hostGoalMetrics(page, samples, { longTaskGoal: false }).map((m) => ({
            ...m,
            goalNo: m.goalNo === undefined ? undefined : 6,
          })),
        );
        tables.push({
          title: `${page.label}: per load, window of ${page.windowMs} ms from navigation start; median (p95)`,
          columns: ['Figure', ...LOAD_VARIANTS],
          rows: [
            ['Extension script, thread CPU time, ms', 'scriptCpuMs'],
            ['Extension script time (wall), ms', 'scriptMs'],
            ['Host style/layout triggered by the extension, ms', 'renderingMs'],
            ['Main thread busy, thread CPU time, ms', 'busyCpuMs'],
            ['DOMContentLoaded, ms', 'dclMs'],
            ['Load event, ms', 'loadEventMs'],
            ['Largest contentful paint, ms', 'lcpMs'],
            ['Long tasks (≥ 50 ms)', 'longTasks'],
            ['Long tasks with > 16 ms of the extension', 'longTasksOurs'],
          ].map(([label, field]) => [label, ...LOAD_VARIANTS.map((v) => cell(pick(samples[v], field)))]),
        });

        // Key latency in the editor itself.
        const rnd = random(ctx.seed + 23);
        const latencies = Object.fromEntries(KEY_VARIANTS.map((v) => [v, []]));
        const pages = {};
        try {
          for (const v of KEY_VARIANTS) pages[v] = await openEditor(browsers[v], page.url);
          ctx.log(
            `  ${page.id}: typing, ${keyRounds} rounds + 1 warm-up × ${KEY_VARIANTS.length} browsers × ${keys} keys`,
          );
          await interleave(KEY_VARIANTS, { rounds: keyRounds, warmup: 1, seed: ctx.seed + 23 }, async (v, round) => {
            const values = await typeRound(pages[v], keys, rnd);
            if (round >= 1) latencies[v].push(...values);
          });
        } finally {
          for (const p2 of Object.values(pages)) await p2.close().catch(() => undefined);
        }
        raw[page.id].keys = latencies;
        const keyed = keyLatencyMetrics({ id: `${page.id}.keys`, label: `${page.label}, the editor` }, latencies);
        metrics.push(...keyed.metrics.map((m) => ({ ...m, goalNo: 6 })));
        tables.push(...keyed.tables);
      }
    } finally {
      for (const b of Object.values(browsers)) await b.close();
    }
    return {
      rounds: {
        loads: { rounds: loadRounds, warmup: 1, variants: LOAD_VARIANTS },
        typing: { rounds: keyRounds, warmup: 1, variants: KEY_VARIANTS, samples: `${keys} keys per round` },
      },
      metrics,
      tables,
      notes: [
        'Sidevogn (ext) is set up and unlocked, with the editor test bed’s pack installed and its adapters for ' +
          'these two pages published, so the bridge reads the page’s citizen and knows the journal field; the ' +
          'bare frame (overlay) and the baselines are as in item 2. The goals are issue 33’s goals 1 and 2 and ' +
          'item 3’s key-latency goal, on these pages; long tasks are counted without a verdict (goal 3 asks for ' +
          '30 loads of the demo and the heavy page, item 2).',
        'Key latency: as item 3, with the probe in every host frame (TinyMCE edits in a same-origin about:srcdoc ' +
          'frame, whose own clock its keys are timed on); the caret is put at the end through the test bed’s ' +
          '`focusEnd()` before each round.',
      ],
      raw,
    };
  },
};
