// Issue 33 goal 4, the open panel: is the host better off when the bridge
// creates the frame at its first idle moment after load (capped at 300 ms)
// than at once? A/B of two builds, interleaved, paired by round:
//
//   node tests/bench/frame-at-idle.mjs <build A>/chrome-mv3,<build B>/chrome-mv3 [pairs]
//
// Per load of a demo citizen's page (panel open, unlocked): the host's
// DOMContentLoaded, load, its own `casesystem:rendered` and largest contentful
// paint (ms from navigation), and the panel's warm ready time (its citizen's
// name shown and painted, ms from the host's navigation). Prints each build's
// medians and the paired median of B − A with every difference. Wall clock:
// on a shared VM, read the spread of the differences, not one median.
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCaseSystem } from '../case-system/server.mjs';
import { citizens } from '../case-system/public/data.js';
import { EXTENSION_DIR, extensionArgs, findChromium, prepareProfile, removeProfile } from '../harness/chromium.mjs';
const PASS = 'Grøn cykel under æbletræet 42';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function probe() {
  const now = () => performance.timeOrigin + performance.now();
  const s = {};
  globalThis.__m = s;
  if (location.protocol === 'chrome-extension:') {
    new MutationObserver(() => {
      if (s.namedAt || !document.querySelector('h1')?.textContent?.trim()) return;
      s.namedAt = now();
      requestAnimationFrame(() => setTimeout(() => (s.paintedAt = now()), 0));
    }).observe(document, { subtree: true, childList: true, characterData: true });
    return;
  }
  document.addEventListener('casesystem:rendered', () => (s.rendered ??= performance.now()));
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) s.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}
async function launch(dir0) {
  const dir = mkdtempSync(join(tmpdir(), 'sv-idle-'));
  prepareProfile(dir, { developerMode: false });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'da-DK',
    args: extensionArgs().map((a) => a.replace(EXTENSION_DIR, dir0)),
  });
  let [w] = context.serviceWorkers();
  w ??= await context.waitForEvent('serviceworker');
  const id = new URL(w.url()).host;
  const p = await context.newPage();
  await p.goto(`chrome-extension://${id}/options.html`);
  await p.getByLabel('Adgangskode', { exact: true }).fill(PASS);
  await p.getByLabel('Gentag adgangskoden', { exact: true }).fill(PASS);
  await p.getByRole('button', { name: 'Gem adgangskode' }).click();
  await p.getByLabel('Jeg har gemt nøglen').check();
  await p.getByRole('button', { name: 'Fortsæt' }).click();
  await p.getByRole('button', { name: 'Lås nu' }).waitFor();
  await p.close();
  await context.addInitScript(probe);
  return {
    context,
    page: await context.newPage(),
    close: async () => {
      await context.close();
      removeProfile(dir);
    },
  };
}
const builds = process.argv[2].split(',');
const reps = Number(process.argv[3] ?? 15);
const server = await startCaseSystem();
const bs = [];
for (const b of builds) bs.push(await launch(b));
const runs = builds.map(() => []);
const url = (i) => `${server.url}/borger/${citizens[i % 2].caseId}`;
for (let r = 0; r < reps + 1; r++) {
  const order = builds.map((_, i) => i);
  if (r % 2) order.reverse();
  for (const i of order) {
    const { page } = bs[i];
    await page.goto(url(r), { waitUntil: 'load' });
    let m;
    for (let k = 0; k < 400; k++) {
      const f = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
      m = f ? await f.evaluate(() => globalThis.__m).catch(() => undefined) : undefined;
      if (m?.paintedAt) break;
      await sleep(25);
    }
    await sleep(300);
    const h = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return {
        origin: performance.timeOrigin,
        dcl: n.domContentLoadedEventEnd,
        load: n.loadEventStart,
        rendered: globalThis.__m.rendered,
        lcp: globalThis.__m.lcp,
      };
    });
    if (r > 0)
      runs[i].push({ dcl: h.dcl, load: h.load, rendered: h.rendered, lcp: h.lcp, panel: m.paintedAt - h.origin });
  }
}
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
builds.forEach((b, i) =>
  console.log(
    b,
    Object.fromEntries(
      ['dcl', 'load', 'rendered', 'lcp', 'panel'].map((k) => [k, med(runs[i].map((r) => r[k])).toFixed(0)]),
    ),
    'load avg',
    loadavg()[0].toFixed(1),
  ),
);
for (const k of ['dcl', 'load', 'rendered', 'lcp', 'panel']) {
  const d = runs[1].map((r, j) => r[k] - runs[0][j][k]);
  console.log(k, 'B-A paired median', med(d).toFixed(1), 'diffs', d.map((x) => x.toFixed(0)).join(','));
}
for (const b of bs) await b.close();
await server.close();
