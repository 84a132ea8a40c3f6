// Issue 33 goal 4: a panel left folded creates no frame on page load; how soon
// is it interactive when the caseworker unfolds it? Part of `npm run bench`
// (id `unfold`), or on its own for an A/B of builds:
//
//   node tests/bench/unfold.mjs [--reps 15] [--builds .output/chrome-mv3,/other/build/chrome-mv3]
//
// Per build: a fresh profile set up and unlocked, the demo case system, the
// panel folded; then, round by round (builds in a new order each round), the
// citizen's page is loaded again, and once it has loaded and settled, the
// folded tab is clicked: the host page's own tab (no frame yet) or, in a build
// without it, the tab inside the folded frame. Measured from the click (its
// timestamp in the page that got it) to the panel showing the citizen's name
// and having painted (epoch ms through timeOrigin, comparable across processes).
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startCaseSystem } from '../case-system/server.mjs';
import { citizens } from '../case-system/public/data.js';
import { EXTENSION_DIR } from '../harness/chromium.mjs';
import { launchSetUp } from './lib/extension-profile.mjs';
import { sleep } from './lib/host-page.mjs';
import { panelFrameOf, panelPainted, panelReadyProbe } from './lib/panel-ready.mjs';
import { fmt, metric } from './lib/section.mjs';
import { interleave, median, medianDifference, p95 } from './lib/stats.mjs';

const TAB = 'Vis Sidevogn-panelet';

/** In every frame: when the folded tab (the host page's, or the one in a folded frame) was clicked. */
function clickProbe() {
  const state = {};
  globalThis.__unfold = state;
  addEventListener(
    'click',
    (e) => {
      if (
        e.target instanceof Element &&
        e.target.closest('button')?.getAttribute('aria-label') === 'Vis Sidevogn-panelet'
      )
        state.clickAt = performance.timeOrigin + performance.now();
    },
    true,
  );
}

async function launch(extensionDir) {
  const browser = await launchSetUp({ extensionDir, label: 'unfold', initScript: panelReadyProbe });
  await browser.context.addInitScript(clickProbe);
  browser.page = await browser.context.newPage();
  return browser;
}

/** One load of the citizen's page with the panel folded, and the unfold. */
async function once(browser, url, name) {
  const page = browser.page;
  await page.goto(url, { waitUntil: 'load' });
  await sleep(700);
  const hostTab = page.getByRole('button', { name: TAB });
  const inHost = (await hostTab.count()) > 0;
  const frames = await page.locator('iframe[title^="Sidevogn"]').count();
  const tab = inHost ? hostTab : page.frameLocator('iframe[title^="Sidevogn"]').getByRole('button', { name: TAB });
  await tab.click();
  const ready = await panelPainted(page);
  const clickAt = inHost
    ? await page.evaluate(() => globalThis.__unfold.clickAt)
    : await panelFrameOf(page).evaluate(() => globalThis.__unfold.clickAt);
  const shown = await panelFrameOf(page)?.locator('h1').textContent();
  if (shown?.trim() !== name) throw new Error(`The panel shows ${shown}, not ${name}`);
  // Folded again for the next round.
  await panelFrameOf(page).getByRole('button', { name: 'Skjul panel' }).click();
  await sleep(300);
  return { ms: ready.paintedAt - clickAt, nameMs: ready.namedAt - clickAt, framesAtLoad: frames, load: loadavg()[0] };
}

/** Unfold rounds for each build ({ label: extensionDir }), interleaved; returns { label: sample[] }. */
export async function measureUnfold(builds, { url, name, rounds, seed = 1, onRound }) {
  const browsers = {};
  try {
    for (const [label, dir] of Object.entries(builds)) browsers[label] = await launch(dir);
    // Fold the panel once (a preference: it holds for every later load).
    for (const browser of Object.values(browsers)) {
      await browser.page.goto(url);
      await browser.page.frameLocator('iframe[title^="Sidevogn"]').getByRole('button', { name: 'Skjul panel' }).click();
      await sleep(500);
    }
    return await interleave(Object.keys(builds), { rounds, warmup: 1, seed, onRound }, (label) =>
      once(browsers[label], url, name),
    );
  } finally {
    for (const browser of Object.values(browsers)) await browser.close();
  }
}

export default {
  id: 'unfold',
  item: 4,
  title: 'The folded panel: no frame at load, unfold to interactive (issue 33 goal 4)',

  async run(ctx) {
    const rounds = ctx.rounds ?? (ctx.quick ? 3 : 15);
    const shown = citizens[0];
    const samples = await measureUnfold(
      { ext: EXTENSION_DIR },
      {
        url: `${ctx.caseSystemUrl}/borger/${shown.caseId}`,
        name: shown.name,
        rounds,
        seed: ctx.seed + 23,
        onRound: ctx.progress,
      },
    );
    const ms = samples.ext.map((s) => s.ms);
    // The bootstrap interval of the median itself (its difference from 0).
    const ci = medianDifference(ms, [0]);
    const frames = Math.max(...samples.ext.map((s) => s.framesAtLoad));
    return {
      rounds: { unfold: { rounds, warmup: 1, variants: ['ext'], samples: 'one load and unfold per round' } },
      metrics: [
        metric({
          id: 'unfold.frames-at-load',
          label: 'Panel left folded: Sidevogn frames on the page after load, before the unfold (most in any round)',
          value: frames,
          unit: 'frames',
          goal: { max: 0, text: 'none until unfolded' },
          goalNo: 4,
        }),
        metric({
          id: 'unfold.median',
          label: 'Unfold to interactive: click on the folded tab → the panel painted with its citizen, median',
          value: median(ms),
          unit: 'ms',
          goal: { max: 150, text: '≤ 150 ms median' },
          goalNo: 4,
          clock: 'wall',
          interval: [ci.low, ci.high],
          detail: `p95 ${fmt(p95(ms))} ms; to the name shown ${fmt(median(samples.ext.map((s) => s.nameMs)))} ms median`,
        }),
      ],
      notes: [
        'Each round loads the demo citizen’s page with the panel left folded, waits 700 ms, counts the Sidevogn ' +
          'frames on the page, clicks the folded tab (the host page’s own, drawn by the page script) and times from ' +
          'the click’s timestamp to the panel’s heading holding the name and the next frame painted (epoch ms, ' +
          'wall clock). The first round is a warm-up.',
      ],
      raw: samples,
    };
  },
};

const cli = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (cli) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const builds = arg('builds', EXTENSION_DIR).split(',');
  const server = await startCaseSystem();
  try {
    const shown = citizens[0];
    // Keyed by position, so the same build twice is an A/A.
    const samples = await measureUnfold(Object.fromEntries(builds.map((b, i) => [`${i + 1}. ${b}`, b])), {
      url: `${server.url}/borger/${shown.caseId}`,
      name: shown.name,
      rounds: Number(arg('reps', '15')),
    });
    for (const [i, build] of builds.entries()) {
      const runs = samples[`${i + 1}. ${build}`];
      const ms = runs.map((r) => r.ms);
      console.log(
        `${build}: unfold to interactive (click to the panel painted with the citizen) ${median(ms).toFixed(0)} ms median ` +
          `(goal ≤ 150), runs ${ms.map((x) => x.toFixed(0)).join(', ')}; to the name ${median(runs.map((r) => r.nameMs)).toFixed(0)} ms; ` +
          `frames on the page before the click: ${[...new Set(runs.map((r) => r.framesAtLoad))].join('/')}; ` +
          `load average ${median(runs.map((r) => r.load)).toFixed(1)}`,
      );
    }
  } finally {
    await server.close();
  }
}
