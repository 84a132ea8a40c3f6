// Item 10 (issue 33, goal 7): memory over a caseworker's day. On a profile of
// 225 citizens and 20,000 notes, unlocked, the demo host switches citizen 200
// times (its own SPA navigation, as a caseworker going from case to case) and
// a note is saved in the panel after every second switch (100 saves). At the
// start and every 20 switches from the 100th, the JS heap in use of the panel
// frame, the service worker and the host page is read after forced garbage
// collection, each through its own DevTools target (lib/cdp-targets.mjs).
import { citizens as demoCitizens, MOD11_FAILING_CASE_ID } from '../case-system/public/data.js';
import { removeProfile } from '../harness/chromium.mjs';
import { benchBundle } from './db.mjs';
import { launchBrowser, tempProfile } from './lib/browsers.mjs';
import { heapAfterGcOf, listTargets } from './lib/cdp-targets.mjs';
import { sleep } from './lib/host-page.mjs';
import { SIDE_PANEL_ARGS } from './lib/side-panel.mjs';
import { fmt, metric } from './lib/section.mjs';
import { seedProfile, unlockBrowser } from './panel.mjs';

const MB = 1024 * 1024;
const CITIZENS = 10;
const PANEL_MAX_MB = 60;
const GROWTH_MAX_MB = 2;

/**
 * Heap after GC (MB) of the panel frame, the service worker and the host page
 * of `browser`. Chromium stops an idle service worker after about 30 s: if it
 * has no target, a message from the panel wakes it first (as the panel's own
 * next request would).
 */
async function heaps(browser, page) {
  const origin = `chrome-extension://${browser.extensionId}/`;
  let targets = await listTargets(browser);
  if (!targets.some((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
    const panel = page.frames().find((f) => f.url().startsWith(`${origin}panel.html`));
    await panel?.evaluate(() => chrome.runtime.sendMessage({ type: 'sidevogn-bench-wake' }).catch(() => undefined));
    await sleep(500);
    targets = await listTargets(browser);
  }
  const find = (test, what) => {
    const t = targets.find(test);
    if (!t)
      throw new Error(`No DevTools target for the ${what}: ${targets.map((x) => `${x.type} ${x.url}`).join('; ')}`);
    return t;
  };
  const panel = find((t) => t.type === 'iframe' && t.url.startsWith(`${origin}panel.html`), 'panel frame');
  const worker = find((t) => t.type === 'service_worker' && t.url.startsWith(origin), 'service worker');
  const host = find((t) => t.type === 'page' && t.url.startsWith('http://'), 'host page');
  return {
    panel: (await heapAfterGcOf(panel)) / MB,
    worker: (await heapAfterGcOf(worker)) / MB,
    host: (await heapAfterGcOf(host)) / MB,
  };
}

/** A straight line through (x, y) by least squares: its slope. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx ? sxy / sxx : NaN;
}

export default {
  id: 'memory',
  item: 10,
  title: 'Memory over a day: 200 citizen switches and 100 note saves',

  async run(ctx) {
    // --rounds N: N switches (tiny checks); quick 20; full 200 as goal 7 asks.
    const switches = ctx.rounds ?? (ctx.quick ? 20 : 200);
    const every = Math.max(1, Math.round(switches / 10));
    const half = Math.round(switches / 2);
    const people = demoCitizens.filter((c) => c.caseId !== MOD11_FAILING_CASE_ID).slice(0, CITIZENS);
    const profileDir = tempProfile('memory');
    const readings = [];
    let saved = 0;
    try {
      ctx.log(`  seeding the panel database (225 citizens, 20,000 notes; ${CITIZENS} demo citizens among them)…`);
      const { rawKey } = await seedProfile(profileDir, await benchBundle(), ctx, { citizens: CITIZENS });
      const browser = await launchBrowser({ withExtension: true, profileDir, label: 'memory', args: SIDE_PANEL_ARGS });
      try {
        await unlockBrowser(browser, rawKey);
        const page = await browser.context.newPage();
        page.setDefaultTimeout(20_000);
        const panel = page.frameLocator('iframe[title^="Sidevogn"]');
        const shows = (c) => panel.getByRole('heading', { level: 1, name: c.name }).waitFor();
        await page.goto(`${ctx.caseSystemUrl}/borger/${people[0].caseId}`);
        await shows(people[0]);
        await sleep(1000);
        readings.push({ switches: 0, saves: 0, ...(await heaps(browser, page)) });
        ctx.log(
          `  ${switches} switches, a note saved after every second one; heap read every ${every} from switch ${half}`,
        );
        for (let i = 1; i <= switches; i++) {
          const next = people[i % people.length];
          // The host's own router takes the link (SPA navigation), as panel.mjs's switches.
          await page.evaluate((path) => {
            const link = document.createElement('a');
            link.href = path;
            document.body.append(link);
            link.click();
            link.remove();
          }, `/borger/${next.caseId}`);
          await shows(next);
          if (i % 2 === 0) {
            await panel.getByRole('tab', { name: 'Noter' }).click();
            const text = `Målingens notat ${i}: borgeren deltog i samtalen og aftalte næste skridt.`;
            await panel.getByLabel('Ny note').fill(text);
            await panel.getByRole('button', { name: 'Gem note' }).click();
            await panel.getByTestId('note').filter({ hasText: text }).first().waitFor();
            saved++;
          }
          if (i >= half && (i - half) % every === 0)
            readings.push({ switches: i, saves: saved, ...(await heaps(browser, page)) });
          ctx.progress(i - 1, switches);
        }
        if (readings.at(-1).switches !== switches)
          readings.push({ switches, saves: saved, ...(await heaps(browser, page)) });
      } finally {
        await browser.close({ keepProfile: true });
      }
    } finally {
      removeProfile(profileDir);
    }

    const first = readings[0];
    const mid = readings.find((r) => r.switches === half) ?? readings[1];
    const last = readings.at(-1);
    const tail = readings.filter((r) => r.switches >= half);
    const per100 = (key) => slope(tail.map((r) => [r.switches, r[key]])) * 100;
    const enough = switches >= 200;
    const growth = (key, what) =>
      metric({
        id: `memory.${key}-growth`,
        label: `${what} heap growth from switch ${half} to switch ${switches} (after GC)`,
        value: last[key] - mid[key],
        unit: 'MB',
        goal: { max: GROWTH_MAX_MB, text: `≤ ${GROWTH_MAX_MB} MB between the 100th and 200th switch` },
        met: last[key] - mid[key] > GROWTH_MAX_MB ? false : enough ? true : null,
        goalNo: 7,
        detail: `least-squares slope over the ${tail.length} readings from switch ${half}: ${fmt(per100(key))} MB per 100 switches`,
      });
    return {
      rounds: { switches: { rounds: switches, samples: `${saved} notes saved, ${readings.length} heap readings` } },
      metrics: [
        metric({
          id: 'memory.panel',
          label: `Panel frame heap after ${switches} switches and ${saved} note saves, 20,000 notes (after GC)`,
          value: last.panel,
          unit: 'MB',
          goal: { max: PANEL_MAX_MB, text: `≤ ${PANEL_MAX_MB} MB at 20,000 notes` },
          goalNo: 7,
          detail: `${fmt(first.panel)} MB after the first citizen`,
        }),
        growth('panel', 'Panel frame'),
        growth('worker', 'Service worker'),
        metric({
          id: 'memory.worker',
          label: `Service worker heap after ${switches} switches (after GC)`,
          value: last.worker,
          unit: 'MB',
          detail: `${fmt(first.worker)} MB at the start`,
        }),
        metric({
          id: 'memory.host-growth',
          label: `Host page heap growth from switch ${half} to switch ${switches} (after GC; the host's own heap included)`,
          value: last.host - mid.host,
          unit: 'MB',
          detail: `${fmt(first.host)} → ${fmt(last.host)} MB over the run; the heap Sidevogn adds to a host page is item 2's goal-7 figure`,
        }),
      ],
      tables: [
        {
          title: 'JS heap in use after forced GC, MB',
          columns: ['Switches', 'Notes saved', 'Panel frame', 'Service worker', 'Host page'],
          rows: readings.map((r) => [String(r.switches), String(r.saves), fmt(r.panel), fmt(r.worker), fmt(r.host)]),
        },
      ],
      plots: [],
      notes: [
        `The profile: 225 citizens and 20,000 notes, encrypted, as item 4's; the switches go round ${CITIZENS} demo ` +
          'citizens (89 notes each) by the host’s own router; after every second switch a note is typed into ' +
          '"Ny note" (fill) and saved, and the panel shows it before the next switch.',
        'Each heap figure is Runtime.getHeapUsage after two HeapProfiler.collectGarbage calls on that target’s own ' +
          'DevTools session: the panel frame (an extension frame, its own process), the service worker, the host ' +
          'page (its main world and the content script’s isolated world share its heap).',
      ],
      raw: { readings },
    };
  },
};
