// Item 7 (issue 25): insertion time per editor of the editor test bed
// (tests/case-system/public/editors/): from the caseworker's press on
// "Indsæt i journal" in the panel to the text in the editor's own model, as
// the host's own change listener sees it. The panel is driven as in
// tests/e2e/editor-matrix.spec.ts: a click into the editor, the template's one
// field filled, the insert button pressed from the keyboard.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from '../harness/chromium.mjs';
import { launchBrowser, serviceWorkerOf } from './lib/browsers.mjs';
import { hostPanelClockOffset } from './lib/clock.mjs';
import { contentScriptWorld } from './lib/content-world.mjs';
import { sleep } from './lib/host-page.mjs';
import { cell, fmt, metric, p95, pick } from './lib/section.mjs';
import { interleave, median } from './lib/stats.mjs';
import { firstRunSetUp } from './lib/extension-profile.mjs';

const GOAL_MS = 16;
const PANEL = 'iframe[title^="Sidevogn"]';

/** The test bed's editors, adapters and pack (tests/fixtures/testbed.ts), compiled for Node. */
export async function loadTestbed() {
  const result = await build({
    entryPoints: [join(ROOT, 'tests/fixtures/testbed.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    alias: { '@': ROOT },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sidevogn-bench-testbed-'));
  const file = join(dir, 'testbed.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs in every frame before the page's scripts. In the panel: when the insert
 * button's click is dispatched (a capture listener on the window, so before
 * the panel's own handler), in epoch ms. In the host's top document, once
 * armed with the marker the next insertion carries, two watchers stamp on the
 * host document's clock (performance.now(), before they read anything):
 * - the host's own change listeners: the test bed's `changes` counter, which
 *   they increment (TinyMCE input/change, CKEditor change:data and change,
 *   Quill text-change, ProseMirror transactions, Lexical's text-content
 *   listener, trix-change, a field's input event), is wrapped;
 * - a MutationObserver on the document, every same-origin frame's document and
 *   every open shadow root (editors that keep their model in the DOM show the
 *   text there first; a field's value is no mutation, its input event is).
 * At each, the editor's model is read through its own API (`testbed.read()`);
 * the first moment it holds the marker is the text in the model, and the first
 * change listener that sees it is when the host learns of it.
 */
function probe() {
  if (location.protocol === 'chrome-extension:') {
    const state = (window.__sidevognBench = { pressed: [] });
    addEventListener(
      'click',
      (e) => {
        if (e.target?.closest?.('button')?.textContent?.includes('Indsæt'))
          state.pressed.push(performance.timeOrigin + performance.now());
      },
      true,
    );
    return;
  }
  if (window !== window.top || location.protocol !== 'http:') return;
  let bed;
  const state = (window.__sidevognBench = { want: null, model: {}, change: {}, via: {} });
  const holds = (want) => {
    try {
      return String(bed.read()).includes(want);
    } catch {
      return false;
    }
  };
  const saw = (t, via) => {
    const want = state.want;
    if (!want || state.model[want] !== undefined || !holds(want)) return false;
    state.model[want] = t;
    state.via[want] = via;
    return true;
  };
  const observer = new MutationObserver(() => {
    if (saw(performance.now(), 'mutation')) observer.disconnect();
  });
  const roots = (root, out) => {
    out.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) roots(el.shadowRoot, out);
      let doc = null;
      try {
        doc = el.tagName === 'IFRAME' ? el.contentDocument : null;
      } catch {
        doc = null;
      }
      if (doc) roots(doc, out);
    }
    return out;
  };
  state.arm = (want) => {
    state.want = want;
    observer.disconnect();
    for (const root of roots(document, []))
      observer.observe(root, { subtree: true, childList: true, characterData: true });
  };
  const instrument = (target) => {
    let count = target.changes ?? 0;
    Object.defineProperty(target, 'changes', {
      configurable: true,
      enumerable: true,
      get: () => count,
      set: (n) => {
        const t = performance.now();
        count = n;
        const want = state.want;
        if (!want || state.change[want] !== undefined || !holds(want)) return;
        state.change[want] = t;
        if (saw(t, 'change')) observer.disconnect();
      },
    });
  };
  Object.defineProperty(window, 'testbed', {
    configurable: true,
    get: () => bed,
    set: (value) => {
      bed = value;
      if (value && typeof value === 'object') instrument(value);
    },
  });
}

/**
 * In the content script's world: wraps the field script's answer (the bridge
 * hands it every insert request that arrives on the panel's port), stamping
 * the request's arrival and the verified answer's departure.
 */
function wrapFieldScript() {
  const api = globalThis.__sidevognFields;
  if (!api) return false;
  if (api.__benchWrapped) return true;
  const answer = api.answer;
  const log = (globalThis.__sidevognBenchInserts = []);
  api.answer = function (adapter, message, reply) {
    if (message?.type !== 'insert') return answer.call(this, adapter, message, reply);
    const record = { received: performance.now() };
    log.push(record);
    return answer.call(this, adapter, message, (m) => {
      record.replied = performance.now();
      record.outcome = m?.outcome;
      record.ms = m?.ms;
      return reply(m);
    });
  };
  api.__benchWrapped = true;
  return true;
}

/**
 * Sets `browser` up as a caseworker's with the test bed's pack: first run
 * done (set up, unlocked), the pack (its template) installed as a team lead
 * installs it, and its adapters for `editors` published as the options page
 * publishes them (as the editor matrix does). `testbed`: loadTestbed()'s module.
 */
export async function installTestbed(browser, { testbedAdapter, testbedPack }, editors) {
  await firstRunSetUp(browser.context);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel('Importér pakke (JSON-fil)').setInputFiles({
    name: 'testbed.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(testbedPack())),
  });
  await options.getByRole('button', { name: 'Installér' }).click();
  await options.getByTestId('pack-message').getByText('er taget i brug').waitFor();
  await options.close();
  const worker = await serviceWorkerOf(browser);
  await worker.evaluate((list) => chrome.storage.local.set({ adapters: list }), editors.map(testbedAdapter));
}

const panelFrame = (page) => page.frames().find((f) => f.url().startsWith('chrome-extension://'));

export default {
  id: 'editors',
  item: 7,
  title: 'Insertion per editor: press → text in the editor’s model',

  async run(ctx) {
    const { TESTBED_EDITORS, TESTBED_TEMPLATE_TITLE, testbedAdapter, testbedPack } = await loadTestbed();
    // SIDEVOGN_BENCH_EDITORS=quill,trix measures those only (while working on one).
    const only = process.env.SIDEVOGN_BENCH_EDITORS?.split(',').map((s) => s.trim());
    const editors = only ? TESTBED_EDITORS.filter((e) => only.includes(e.name)) : TESTBED_EDITORS;
    if (editors.length === 0) throw new Error('SIDEVOGN_BENCH_EDITORS names no test-bed page');
    const visits = ctx.quick ? 1 : 4;
    const perVisit = ctx.quick ? 2 : 3;
    ctx.log(
      `  ${editors.length} editors: ${visits} visits + 1 warm-up each, interleaved, ${perVisit} insertions per visit`,
    );

    const browser = await launchBrowser({ withExtension: true, label: 'editors' });
    const clocks = [];
    const failures = [];
    try {
      await installTestbed(browser, { testbedAdapter, testbedPack }, editors);

      const page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await page.addInitScript(probe);
      const cdp = await browser.context.newCDPSession(page);
      const world = await contentScriptWorld(cdp, browser.extensionId);
      const panel = page.frameLocator(PANEL);
      const byName = Object.fromEntries(editors.map((e) => [e.name, e]));

      const visit = async (name, round) => {
        const editor = byName[name];
        await page.goto(`${ctx.caseSystemUrl}/editors/${editor.name}.html`);
        await page.waitForFunction(() => window.testbed?.ready);
        await page.evaluate(() => window.testbed.ready);
        await panel.getByRole('heading', { level: 1, name: editor.citizen.name }).waitFor();
        await panel.getByRole('tab', { name: 'Skabeloner' }).click();
        await panel.getByLabel('Søg skabelon').fill(TESTBED_TEMPLATE_TITLE);
        await panel.getByLabel('Søg skabelon').press('Enter');
        const button = panel.getByRole('button', { name: 'Indsæt i journal' });
        await button.waitFor();
        if (!(await world.evaluate(wrapFieldScript))) throw new Error('The field script is not in the page');
        clocks.push({ editor: name, ...(await hostPanelClockOffset(page, panelFrame(page), { pings: 8 })) });
        const hostOrigin = await page.evaluate(() => performance.timeOrigin);
        const out = [];
        for (let k = 0; k < (round === 0 ? 1 : perVisit); k++) {
          const marker = `maaling-${name}-${round}-${k}`;
          await panel.getByLabel(/Notattekst/).fill(`Indsat af målingen ${marker}`);
          // The caseworker clicks into the editor; the caret goes to its end.
          const root = editor.click.frame ? page.frameLocator(editor.click.frame) : page;
          await root.locator(editor.click.selector).click();
          await page.evaluate(() => window.testbed.focusEnd());
          await page.evaluate((m) => window.__sidevognBench.arm(m), marker);
          const inserts = (await world.evaluate(() => globalThis.__sidevognBenchInserts.length)) ?? 0;
          const presses = await panelFrame(page).evaluate(() => window.__sidevognBench.pressed.length);
          await button.focus();
          await button.press('Enter');
          const until = Date.now() + 5_000;
          let host;
          let change;
          let via;
          let bridge;
          while (Date.now() < until) {
            await sleep(50);
            ({ host, change, via } = await page.evaluate(
              (m) => ({
                host: window.__sidevognBench.model[m],
                change: window.__sidevognBench.change[m],
                via: window.__sidevognBench.via[m],
              }),
              marker,
            ));
            bridge = await world.evaluate((n) => globalThis.__sidevognBenchInserts[n], inserts);
            if (host !== undefined && change !== undefined && bridge?.replied !== undefined) break;
            if (bridge?.replied !== undefined && bridge.outcome !== 'inserted') break;
          }
          // This press only: NaN if the panel saw none (never an earlier one).
          const pressed = (await panelFrame(page).evaluate((n) => window.__sidevognBench.pressed[n], presses)) ?? NaN;
          const sample = {
            editor: name,
            firstOnPage: k === 0,
            outcome: bridge?.outcome ?? 'no answer',
            pressMs: host === undefined ? NaN : hostOrigin + host - pressed,
            hostMs: host === undefined || !bridge ? NaN : host - bridge.received,
            changeMs: change === undefined ? NaN : hostOrigin + change - pressed,
            via: via ?? null,
            answerMs: bridge?.replied === undefined ? NaN : bridge.replied - bridge.received,
            hopMs: bridge ? hostOrigin + bridge.received - pressed : NaN,
          };
          if (!Number.isFinite(pressed))
            failures.push(`${name} (visit ${round}, insertion ${k + 1}): the panel saw no press`);
          if (host === undefined || sample.outcome !== 'inserted')
            failures.push(
              `${name} (visit ${round}, insertion ${k + 1}): the bridge answered «${sample.outcome}»; ` +
                `the text ${host === undefined ? 'never reached' : 'reached'} the editor's model`,
            );
          out.push(sample);
          // After inserting, the form gives way to what went where (issue 30): a new draft for the next one.
          const newDraft = panel.getByRole('button', { name: 'Ny kladde' });
          await newDraft.waitFor({ timeout: 5_000 }).catch(() => undefined);
          if (await newDraft.count()) await newDraft.click();
        }
        return out;
      };

      const samples = await interleave(
        editors.map((e) => e.name),
        { rounds: visits, warmup: 1, seed: ctx.seed + 21, onRound: ctx.progress },
        visit,
      );
      await cdp.detach().catch(() => undefined);
      return report({
        editors,
        samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.flat()])),
        clocks,
        failures,
        visits,
        perVisit,
      });
    } finally {
      await browser.close();
    }
  },
};

function report({ editors, samples, clocks, failures, visits, perVisit }) {
  const metrics = [];
  const rows = [];
  for (const editor of editors) {
    const s = samples[editor.name] ?? [];
    const ok = s.filter((x) => Number.isFinite(x.pressMs));
    const m = median(pick(ok, 'pressMs'));
    metrics.push(
      metric({
        id: `editors.${editor.name}`,
        label: `${editor.title}: press → text in the editor's model (median)`,
        value: ok.length ? m : NaN,
        unit: 'ms',
        goal: { max: GOAL_MS, text: `≤ ${GOAL_MS} ms median` },
        detail:
          `p95 ${fmt(p95(pick(ok, 'pressMs')))} ms, n = ${ok.length}` +
          (ok.length < s.length ? ` (${s.length - ok.length} of ${s.length} not timed: see the findings)` : '') +
          `; in the host page: ${fmt(median(pick(ok, 'hostMs')))} ms from the request's arrival`,
      }),
    );
    rows.push([
      editor.title,
      String(ok.length),
      cell(pick(ok, 'pressMs')),
      cell(pick(ok, 'changeMs')),
      `${ok.filter((x) => x.via === 'mutation').length} / ${ok.filter((x) => x.via === 'change').length}`,
      cell(pick(ok, 'hopMs')),
      cell(pick(ok, 'hostMs')),
      cell(pick(ok, 'answerMs')),
      cell(
        pick(
          ok.filter((x) => x.firstOnPage),
          'pressMs',
        ),
      ),
      String(s.length - ok.length),
      !ok.length ? '❌ missed' : m <= GOAL_MS ? '✅ met' : '❌ missed',
    ]);
  }
  const lagging = editors
    .map((e) => {
      const ok = (samples[e.name] ?? []).filter((x) => Number.isFinite(x.pressMs));
      return { e, lag: median(ok.map((x) => x.changeMs - x.pressMs)), change: median(pick(ok, 'changeMs')) };
    })
    .filter((x) => x.lag > 2);
  const early = editors
    .map((e) => {
      const ok = (samples[e.name] ?? []).filter((x) => Number.isFinite(x.hostMs) && Number.isFinite(x.answerMs));
      return { e, n: ok.filter((x) => x.answerMs < x.hostMs).length, of: ok.length };
    })
    .filter((x) => x.n > 0);
  const offsets = pick(clocks, 'offset');
  const worst = Math.max(...offsets.map((o, i) => Math.abs(o) + clocks[i].bound).filter(Number.isFinite));
  return {
    rounds: {
      'each editor': {
        rounds: visits,
        warmup: 1,
        samples: visits * perVisit,
        variants: [
          `${editors.length} editors (page visits in a new order each round; ${perVisit} insertions per visit)`,
        ],
      },
    },
    metrics,
    tables: [
      {
        title: 'Insertion per editor, ms, median (p95)',
        columns: [
          'Editor',
          'n',
          'Press → text in the model',
          "Press → the host's change listener sees it",
          'Seen first by: DOM mutation / change listener',
          'Press → the request in the host page',
          'Request in the host page → text in the model',
          'Request → verified answer sent',
          'First insertion on the page: press → text',
          'Missed',
          'Verdict (≤ 16 ms median)',
        ],
        rows,
        note:
          'Press: the click event of "Indsæt i journal" dispatched in the panel frame (a capture listener on its ' +
          'window, before the panel’s own handler; the bench presses Enter on the focused button). Text in the ' +
          'model: the first of the host’s own change listeners (the test bed’s counter) after which the editor’s ' +
          'model, read through its own API, holds the inserted text. The request in the host page: the field ' +
          'script receiving the insert request from the bridge (stamped in the content script’s world, on the host ' +
          'document’s clock). Press → text spans two processes and is read as epoch milliseconds on both sides; ' +
          'the other columns are on the host document’s own clock.',
      },
    ],
    plots: [
      {
        id: 'editors-insert',
        title: 'Press → text in the editor’s model (ms), each dot one insertion',
        kind: 'strip',
        unit: 'ms',
        series: editors.map((e) => ({
          label: e.name,
          values: pick(
            (samples[e.name] ?? []).filter((x) => Number.isFinite(x.pressMs)),
            'pressMs',
          ),
        })),
      },
    ],
    findings: [
      ...(failures.length ? [`Insertions not timed: ${failures.join('; ')}.`] : []),
      ...early.map(
        ({ e, n, of }) =>
          `${e.title}: the panel was told "inserted" before the text was in the editor's model in ${n} of ${of} ` +
          'insertions (the verified answer left the host page before the model held the text). The field ' +
          "script's read-back saw the text in the editor's DOM early: TinyMCE, for one, takes a paste into a hidden " +
          'paste bin (`data-mce-bogus`) and moves it into its content in a later task.',
      ),
      ...lagging.map(
        ({ e, lag, change }) =>
          `${e.title}: its own change listener hears of the text ${fmt(lag)} ms after it is in the model ` +
          `(median; press → change listener ${fmt(change)} ms). That delay is the editor's own ` +
          '(it reports its change events late, after its own timers), not the insertion’s.',
      ),
    ],
    notes: [
      'What is included: the panel’s click handler, the message over the runtime port to the tab’s bridge (through ' +
        'the browser process), the field script choosing and resolving the target, restoring the caret, the ' +
        'editor’s own handling of the inserted text (paste, beforeinput or execCommand as each editor takes it) ' +
        'up to its change event. Not included: verifying the text afterwards and the answer back to the panel ' +
        '(the "Request → verified answer" column shows that part) and painting.',
      `Clocks: the host page and the panel frame stamp performance.timeOrigin + performance.now(). Checked at ` +
        `each visit by message round trips panel → host → panel (NTP-style, shortest of 8): host − panel offset ` +
        `median ${fmt(median(offsets))} ms; at worst ${fmt(worst)} ms including the round trip’s bound, ` +
        `over ${clocks.length} visits.`,
      'The first visit of each editor is a warm-up and not counted (the server bundles the editor then). Each ' +
        'visit is a fresh page load; the caseworker clicks into the editor before each insertion, and the caret ' +
        'goes to the end of the editor’s text.',
    ],
    raw: { samples, clocks },
  };
}
