// Item 3: key-event latency in the host's own text fields, with and without
// Sidevogn: from the key event's timestamp to the end of the next frame after
// it was handled (requestAnimationFrame, then a message: after style, layout
// and paint), which includes any work the content script does on the way.
import { launchBrowser, serviceWorkerOf } from './lib/browsers.mjs';
import { firstRunSetUp } from './lib/extension-profile.mjs';
import { sleep } from './lib/host-page.mjs';
import { cell, compareRow, fmt, metric, p95, versusBaseline } from './lib/section.mjs';
import { interleave, median, random, withinNoise } from './lib/stats.mjs';

const VARIANTS = ['ext', 'base-a', 'base-b'];
// --compare: the reference build as a further variant.
const COMPARE_VARIANTS = ['ext', 'ref', 'base-a', 'base-b'];
const TEXT = 'borgeren deltog i samtalen om praktik og oplyste at hun har faaet tilbud om job ';

const FIELDS = [
  { id: 'textarea', label: 'Journal textarea (#journal-tekst)', selector: '#journal-tekst' },
  { id: 'quill', label: 'Journal rich-text editor (Quill 2, contenteditable)', selector: '#journal-editor .ql-editor' },
];

/** Installed in the host page's main world: one latency per keydown. */
function installProbe() {
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

async function openJournal(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#journal-editor .ql-editor').waitFor();
  if (browser.withExtension) await page.locator('iframe[src^="chrome-extension://"]').waitFor({ state: 'attached' });
  await sleep(1000);
  await page.evaluate(installProbe);
  return page;
}

/**
 * Issue 32: the extension variant is measured with the shortcut listener
 * active. The field script's listener returns early on a page with no
 * shortcuts (lib/host/shortcuts.ts), and shortcuts exist once the panel,
 * unlocked, has published the default pack's (lib/panel/shortcuts.ts). So the
 * profile is set up (firstRunSetUp, before the page loads), the published list
 * is read from storage, and the listener is tried live: `;kn` + Tab in the
 * textarea opens its form, Escape puts the shortcut back. Throws otherwise.
 */
async function checkShortcutListener(browser, page) {
  const worker = await serviceWorkerOf(browser);
  let list = [];
  for (let i = 0; i < 60 && list.length === 0; i++) {
    list = await worker.evaluate(() => chrome.storage.local.get('shortcuts').then((s) => s.shortcuts?.list ?? []));
    if (list.length === 0) await sleep(250);
  }
  if (!list.some(([shortcut]) => shortcut === ';fj'))
    throw new Error('No shortcuts published: the listener would return early');
  const textarea = page.locator('#journal-tekst');
  await textarea.click();
  await page.keyboard.type(';kn');
  await page.keyboard.press('Tab');
  const panel = page.frameLocator('iframe[title^="Sidevogn"]');
  await panel
    .getByRole('heading', { name: 'Kort kontaktnotat (telefon eller hjemmebesøg)' })
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#journal-tekst').value === ';kn', null, { timeout: 10_000 });
  await textarea.fill('');
  return list.length;
}

async function typeRound(page, field, keys, rnd) {
  await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (el instanceof HTMLTextAreaElement) el.value = '';
    else window.__caseSystem.quill?.setText('');
  }, field.selector);
  await page.click(field.selector);
  await sleep(100);
  const before = await page.evaluate(() => window.__sidevognBenchLatency.length);
  const start = Math.floor(rnd() * TEXT.length);
  for (let i = 0; i < keys; i++) {
    const ch = TEXT[(start + i) % TEXT.length];
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    // Irregular gaps, so keys land at every phase of the frame clock.
    await sleep(25 + rnd() * 35);
  }
  await sleep(150);
  return page.evaluate((from) => window.__sidevognBenchLatency.slice(from), before);
}

/**
 * Item 3's goal on one field: key latency p95, extension − baseline, ≤ 5 ms,
 * with the table and plot. `samples`: latencies per variant (ext, base-a, base-b).
 */
export function keyLatencyMetrics(field, samples) {
  const variants = VARIANTS;
  const p95Diff = p95(samples.ext) - p95(samples['base-a']);
  const aaP95 = p95(samples['base-b']) - p95(samples['base-a']);
  const asSamples = Object.fromEntries(variants.map((v) => [v, samples[v].map((x) => ({ x }))]));
  const medianDiff = versusBaseline(asSamples, 'x');
  const noise = withinNoise(medianDiff.interval, medianDiff.aaInterval);
  return {
    metrics: [
      metric({
        id: `${field.id}.within-noise`,
        label: `${field.label}: key latency median, extension with the shortcut listener − baseline`,
        value: medianDiff.diff,
        unit: 'ms',
        goal: { max: NaN, text: 'within the A/A noise (issue 32)' },
        met: noise.met,
        interval: medianDiff.interval,
        aaInterval: medianDiff.aaInterval,
        clock: 'wall',
        detail: `${noise.why}; the extension variant has the default pack's shortcuts published and the listener checked live`,
      }),
      metric({
        id: `${field.id}.p95-difference`,
        label: `${field.label}: key latency p95, extension − baseline`,
        value: p95Diff,
        unit: 'ms',
        goal: { max: 5, text: '≤ 5 ms' },
        clock: 'wall',
        detail:
          `p95 ${fmt(p95(samples.ext))} vs ${fmt(p95(samples['base-a']))} ms; A/A p95 difference ${fmt(aaP95)} ms; ` +
          `median difference ${medianDiff.text} ms (A/A ${medianDiff.aaText})`,
      }),
    ],
    tables: [
      {
        title: `${field.label}: latency per key, ms`,
        columns: ['', ...variants],
        rows: [
          ['Keys', ...variants.map((v) => String(samples[v].length))],
          ['Median (p95)', ...variants.map((v) => cell(samples[v]))],
          ['Max', ...variants.map((v) => fmt(Math.max(...samples[v])))],
          ['Median difference to base-a [95 % CI]', medianDiff.text, '0', medianDiff.aaText],
          ['p95 difference to base-a', fmt(p95Diff), '0', fmt(aaP95)],
        ],
      },
    ],
    plots: [
      {
        id: `input-latency-${field.id}`,
        title: `${field.label}: key → next frame, distribution (ms)`,
        kind: 'cdf',
        unit: 'ms',
        series: variants.map((v) => ({ label: `${v} (median ${fmt(median(samples[v]))})`, values: samples[v] })),
      },
    ],
  };
}

export default {
  id: 'input-latency',
  item: 3,
  title: 'Key-event latency in host text fields',
  compare: true,

  async run(ctx) {
    const compare = ctx.compare;
    const variants = compare ? COMPARE_VARIANTS : VARIANTS;
    const rounds = ctx.rounds ?? (compare ? compare.rounds(8) : ctx.quick ? 2 : 8);
    const keys = ctx.quick ? 15 : 30;
    const url = `${ctx.caseSystemUrl}/borger/${ctx.demoCitizen.caseId}/journal`;
    // Set up as after a first run: unlocked, so the panel publishes the default pack's shortcuts.
    const setUp = async (browser) => {
      await firstRunSetUp(browser.context, browser.extensionId);
      return browser;
    };
    const launch = {
      ext: () => launchBrowser({ withExtension: true }).then(setUp),
      // An older reference build may have another first-run page: then it is measured as it starts.
      ref: () =>
        launchBrowser({ withExtension: true, extensionDir: compare?.refDir, label: 'ref' }).then((b) =>
          setUp(b).catch((error) => {
            ctx.log(`  the reference build was not set up (${error.message.split('\n')[0]}); measured as it starts`);
            return b;
          }),
        ),
      'base-a': () => launchBrowser({ withExtension: false, label: 'base-a' }),
      'base-b': () => launchBrowser({ withExtension: false, label: 'base-b' }),
    };
    const browsers = {};
    let shortcutsPublished = 0;
    for (const v of variants) browsers[v] = await launch[v]();
    const rnd = random(ctx.seed + 3);
    const latencies = Object.fromEntries(FIELDS.map((f) => [f.id, Object.fromEntries(variants.map((v) => [v, []]))]));
    try {
      const pages = {};
      for (const v of variants) pages[v] = await openJournal(browsers[v], url);
      shortcutsPublished = await checkShortcutListener(browsers.ext, pages.ext);
      ctx.log(`  ${rounds} rounds + 1 warm-up × ${variants.length} browsers × ${FIELDS.length} fields × ${keys} keys`);
      await interleave(variants, { rounds, warmup: 1, seed: ctx.seed + 3, onRound: ctx.progress }, async (v, round) => {
        for (const field of FIELDS) {
          const values = await typeRound(pages[v], field, keys, rnd);
          if (round >= 1) latencies[field.id][v].push(...values);
        }
      });
    } finally {
      for (const b of Object.values(browsers)) await b.close();
    }

    const metrics = [];
    const tables = [];
    const plots = [];
    const comparisons = [];
    for (const field of FIELDS) {
      const samples = latencies[field.id];
      if (compare) {
        comparisons.push(
          {
            section: 'input-latency',
            ...compareRow({
              label: `${field.label}: key latency, median`,
              unit: 'ms',
              clock: 'wall',
              cand: samples.ext,
              ref: samples.ref,
            }),
          },
          {
            // The ratio's interval is of the medians; the p95s are given as they are.
            section: 'input-latency',
            label: `${field.label}: key latency, p95 (no interval)`,
            unit: 'ms',
            clock: 'wall',
            cand: p95(samples.ext),
            ref: p95(samples.ref),
            ratio: p95(samples.ext) / p95(samples.ref),
            low: NaN,
            high: NaN,
            n: `${samples.ext.length} / ${samples.ref.length}`,
          },
        );
        continue;
      }
      const out = keyLatencyMetrics(field, samples);
      metrics.push(...out.metrics);
      tables.push(...out.tables);
      plots.push(...out.plots);
    }
    return {
      rounds: { typing: { rounds, warmup: 1, variants, samples: `${keys} keys per field per round` } },
      metrics,
      tables,
      plots,
      comparisons,
      notes: [
        `The extension variant runs with the shortcut listener active (issue 32): the profile is set up and ` +
          `unlocked, the panel had published ${shortcutsPublished} shortcuts (the default pack's, ;fj among them), ` +
          'and before measuring, »;kn« + Tab in the textarea opened its form (Escape put the shortcut back). ' +
          '»Within the A/A noise«: the bootstrap 95 % interval of the median difference (extension − base-a) holds 0 ' +
          'or lies inside the A/A pair’s (withinNoise in lib/stats.mjs).',
        'Keys are real key events sent through CDP (Input.dispatchKeyEvent) 25–60 ms apart; each latency runs from ' +
          'the event’s timestamp to a message posted from the next animation frame, i.e. after the frame’s style, ' +
          'layout and paint on the main thread. Frame alignment (about 16.7 ms) is part of every sample, alike ' +
          'for all browsers.',
      ],
      raw: latencies,
    };
  },
};
